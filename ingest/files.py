"""Which files an ingest of PATHS reads: `find_files(paths) -> (files, failures)`.

Shared by the full ingest (`ingest.pipeline`) and the unchanged re-ingest (`ingest.unchanged`),
which must agree file for file; importing this is cheap.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from findings.errors import escape_controls


def find_files(paths: list[Path]) -> tuple[list[Path], list[dict]]:
    """Files under `paths` (folders recursively, sorted, hidden names skipped, and a saved web
    page's folder of images and styles: `letter_files/` beside `letter.htm`), deduplicated;
    and a failure entry for each path that does not exist and for each broken or looping
    symbolic link, given or in a folder (so, as for a missing path, nothing is pruned)."""
    files: dict[Path, Path] = {}
    missing = []
    for given in paths:
        given = Path(given)
        if given.is_dir():
            found = []
            for p in sorted(given.rglob("*")):
                if any(part.startswith(".") for part in p.relative_to(given).parts):
                    continue
                if _page_resources(p, given):
                    continue
                if p.is_file():
                    found.append(p)
                elif p.is_symlink() and not p.exists():
                    missing.append(_broken_link(p))
        elif given.exists():
            found = [given]
        elif given.is_symlink():
            missing.append(_broken_link(given))
            continue
        else:
            missing.append(
                {
                    "path": str(given),
                    "error": f"{escape_controls(str(given))}: no such file or folder. Check the path.",
                }
            )
            continue
        for p in found:
            files.setdefault(p.resolve(), p)
    return list(files.values()), missing


def _page_resources(path: Path, top: Path) -> bool:
    """Is the file inside the folder a browser or Office writes beside a page it saves as
    "Web page, complete" (`letter_files/image001.png` beside `letter.htm`)? Its pictures and
    lists belong to the page, which is read; they are no reports of their own."""
    # (the folder given may be such a folder itself, as a listing of a report folder gives it)
    for folder in path.relative_to(top.parent).parents:
        name = folder.name
        if name.endswith("_files"):
            page = (top.parent / folder).with_name(name[: -len("_files")])
            if any(page.with_name(page.name + ext).is_file() for ext in (".htm", ".html")):
                return True
    return False


def _broken_link(link: Path) -> dict:
    """The failure entry for a symbolic link that leads nowhere, or round in a loop."""
    try:
        target = escape_controls(os.readlink(link))
    except OSError:
        target = "(unreadable)"
    try:
        os.stat(link)
        what = f"is a symbolic link to {target}, which cannot be read"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            what = f"is a symbolic link that loops (it leads back to itself through {target})"
        else:
            what = f"is a broken symbolic link (its target {target} does not exist)"
    error = f"{escape_controls(str(link))}: {what}. Remove it or fix the link."
    return {"path": str(link), "error": error}
