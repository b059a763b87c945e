"""store/state.py and the change token it is stamped with (store/chroma.py): a state file is
read back only while the store is in the state it was written in. Real Chroma in tmp_path."""

from __future__ import annotations

import shutil
import threading

from store.chroma import ChromaStore
from store.state import StateFile, generation_token, stamped


def open_store(path):
    return ChromaStore(path, model_slug="all_minilm_l6_v2")


class TestStateFile:
    def test_read_back_under_its_token_only(self, tmp_path):
        state = StateFile(tmp_path / "cache" / "state.json")
        token = ("generation", "12:abc", "1:2")
        state.write(token, {"key": "value"})
        assert state.read(token) == {"key": "value", "token": list(token)}
        assert state.read(("generation", "12:abd", "1:2")) is None
        assert state.read(None) is None
        assert state.load() == {"key": "value", "token": list(token)}
        assert [p.name for p in state.path.parent.iterdir()] == ["state.json"]  # no temp left

    def test_a_store_without_generation_gets_no_state(self, tmp_path):
        state = StateFile(tmp_path / "state.json")
        state.write(("generation", None, None), {"key": "value"})
        assert not state.path.exists()
        state.path.write_text('{"key": "value", "token": ["generation", null, null]}')
        assert state.read(("generation", None, None)) is None

    def test_damaged_or_missing(self, tmp_path):
        state = StateFile(tmp_path / "state.json")
        assert state.load() is None
        state.path.write_text('{"key": ')
        assert state.load() is None and state.read(("generation", "1:a", "1:2")) is None
        state.path.write_text("[1, 2]")
        assert state.load() is None


class TestChangeToken:
    def test_a_session_leaves_the_token_it_ended_with(self, tmp_path):
        store = open_store(tmp_path / "s")
        assert store.written_token() is None
        with store.writing():
            during = store.change_token()
            with store.writing():  # nested: the outer session is not over
                pass
            assert store.written_token() is None
        after = store.written_token()
        assert after == store.change_token() == generation_token(tmp_path / "s")
        assert after != during and None not in after
        assert stamped({"token": list(after)}, store.change_token())

    def test_each_thread_knows_its_own_session(self, tmp_path):
        store = open_store(tmp_path / "s")
        with store.writing():
            pass
        mine = store.written_token()
        seen = []

        def other():
            seen.append(store.written_token())
            with store.writing():
                pass
            seen.append(store.written_token())

        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
        assert seen[0] is None and seen[1] == store.change_token() != mine
        assert store.written_token() == mine  # what this thread's session left, still

    def test_another_writer_changes_it(self, tmp_path):
        one, two = open_store(tmp_path / "s"), open_store(tmp_path / "s")
        with one.writing():
            pass
        token = one.change_token()
        with two.writing():
            pass
        assert one.change_token() != token

    def test_an_emptied_folder_keeps_no_token(self, tmp_path):
        store = open_store(tmp_path / "s")
        with store.writing():
            pass
        token = store.change_token()
        store._reopen()  # let go of the files, as a process that ended would
        for entry in (tmp_path / "s").iterdir():  # `rm -rf s/*`: the dotfiles stay
            if not entry.name.startswith("."):
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
        assert (tmp_path / "s" / ".generation").exists()
        assert generation_token(tmp_path / "s") != token
        assert generation_token(tmp_path / "s")[2] is None
