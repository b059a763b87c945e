"""ui/access.py: who may read, upload and see the store, with and without login."""

from __future__ import annotations

from ui.access import Access, access, auth_configured

ADMINS = frozenset({"lead@inspectorate.example"})


def test_without_login_the_one_local_user_may_do_all():
    assert access(False, {}, ADMINS) == Access(False, False, True, "")
    assert access(False, {}, ADMINS).may_read


def test_with_login_a_logged_out_user_may_not_read():
    who = access(True, {"is_logged_in": False}, ADMINS)
    assert (who.may_read, who.is_admin) == (False, False)


def test_with_login_a_user_reads_and_only_admins_administer():
    user = access(True, {"is_logged_in": True, "email": "Ann@Example.org", "name": "Ann"}, ADMINS)
    assert (user.may_read, user.is_admin, user.who) == (True, False, "Ann")
    admin = access(True, {"is_logged_in": True, "email": "LEAD@inspectorate.example"}, ADMINS)
    assert (admin.may_read, admin.is_admin, admin.who) == (True, True, "lead@inspectorate.example")


def test_auth_configured_reads_the_auth_section():
    class NoSecretsFile(dict):
        def __contains__(self, key):
            raise FileNotFoundError("No secrets found.")

    assert auth_configured({"auth": {"redirect_uri": "x"}}) is True
    assert auth_configured({}) is False
    assert auth_configured(NoSecretsFile()) is False
