"""Who may see and do what in the app.

Login is Streamlit's own OIDC login (`st.login`), on when `.streamlit/secrets.toml` has an
`[auth]` section. With login on, nothing from the reports is shown before login, and only the
administrators named in FINDINGS_ADMINS may upload reports or see where the store lives.
Without login the app serves one person on this machine (it binds 127.0.0.1), who may do all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Access:
    login_required: bool
    logged_in: bool
    is_admin: bool
    who: str  # the user's name or e-mail, "" without login

    @property
    def may_read(self) -> bool:
        return self.logged_in or not self.login_required


def auth_configured(secrets: Mapping) -> bool:
    """Is there an `[auth]` section in `.streamlit/secrets.toml` (`st.secrets`)? No secrets
    file at all means no."""
    try:
        return "auth" in secrets
    except FileNotFoundError:  # Streamlit's StreamlitSecretNotFoundError is one
        return False


def access(auth_configured: bool, user: Mapping, admins: frozenset[str]) -> Access:
    """`user` is `st.user` as a mapping (`is_logged_in`, `email`, `name`)."""
    if not auth_configured:
        return Access(login_required=False, logged_in=False, is_admin=True, who="")
    logged_in = bool(user.get("is_logged_in"))
    email = str(user.get("email") or "").strip().lower()
    return Access(
        login_required=True,
        logged_in=logged_in,
        is_admin=logged_in and bool(email) and email in admins,
        who=str(user.get("name") or email) if logged_in else "",
    )
