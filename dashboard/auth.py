"""Who is looking: the signed-in user, or (demo mode only) the labelled demo role switcher.

- `[auth]` in `.streamlit/secrets.toml` → OpenID Connect sign-in (`st.login`); the role and
  units come from our database (`kpi users add ...`), looked up again on every rerun, so a
  removed user loses access at once and no session starts with cached user data.
- No `[auth]` → the labelled demo switcher, only outside production.
- `KPI_ENV=production` with no `[auth]` → a start-up error; the switcher is never built there.

Pages call `current_viewer()` and build nothing that the viewer's role does not allow.
"""

from __future__ import annotations

import os
from typing import Any

import streamlit as st

from dashboard import resources, ui
from kpi.access import Role, Viewer, sign_in_key
from kpi.safety import start_up_problems
from kpi.services.users import viewer_for_sign_in
from kpi.settings import SECRETS_PATH, SettingsError, read_table, resolve
from kpi.text import LANGS, t

DEMO_KEY = "demo_role"
DEMO_USERS = {
    Role.LEADER: Viewer("lanh-dao@demo.local", Role.LEADER, is_demo=True),
    Role.OFFICER: Viewer(
        "can-bo@demo.local", Role.OFFICER, frozenset({"VPB", "TTCNTT"}), is_demo=True
    ),
    Role.ADMIN: Viewer("quan-tri@demo.local", Role.ADMIN, is_demo=True),
    Role.APPROVER: Viewer(
        "thu-truong@demo.local", Role.APPROVER, frozenset({"VPB", "TTCNTT"}), is_demo=True
    ),
}


def _t(key: str) -> str:
    return t(f"auth.{key}", ui.lang())


def auth_section() -> dict[str, Any] | None:
    """The `[auth]` table of the secrets, or None when sign-in is not configured."""
    try:
        section = st.secrets.get("auth")
    except Exception:  # no secrets.toml at all, or one that does not parse
        return None
    return dict(section) if section else None


def demo_role_switcher() -> Viewer:
    """Sidebar switcher, clearly labelled: it exists only with no sign-in, never in production."""
    labels = {role: role.en if ui.lang() == "en" else role.vi for role in DEMO_USERS}
    role = st.sidebar.radio(
        _t("demo_role"),
        options=list(DEMO_USERS),
        format_func=lambda r: labels[r],
        key=ui.lang_key(DEMO_KEY),  # a role radio drawn anew in each language
        help=_t("demo_help"),
    )
    return DEMO_USERS[role]


def sign_in_page() -> None:
    st.title(_t("sign_in_title"), anchor=False)
    st.write(_t("sign_in_body"))
    if st.button(_t("sign_in_button"), type="primary", icon=":material/login:"):
        st.login()


def no_access_page(identity: str, unverified: bool = False) -> None:
    """A polite page for a signed-in user we do not know; nothing else is built."""
    st.title(_t("unverified_title" if unverified else "no_access_title"), anchor=False)
    st.write(_t("unverified_body" if unverified else "no_access_body"))
    st.text(resources.settings().admin_contact)
    st.text(identity)  # plain text: an e-mail is not turned into a link, nothing is rendered
    sign_out_button(st)


def sign_out_button(where: Any) -> None:
    if where.button(_t("sign_out"), icon=":material/logout:", key="sign_out"):
        st.logout()


def signed_in_viewer() -> Viewer:
    """The stored role of the signed-in user; stops the run with the right page otherwise.

    Matched by a verified e-mail claim (or, with no e-mail, by the stored `sub`); with
    KPI_AUTH_MATCH=sub only by `sub`. An unverified e-mail never matches anyone.
    """
    if not st.user.is_logged_in:
        sign_in_page()
        st.stop()
    by, key = sign_in_key(st.user.to_dict(), resources.settings().auth_match)
    viewer = viewer_for_sign_in(resources.storage(), by, key)
    if viewer is None:
        no_access_page(key, unverified=by == "unverified")
        st.stop()
    assert viewer is not None
    sign_out_button(st.sidebar)
    return viewer


def unsafe_start_problems() -> list[tuple[str, ...]]:
    """Everything that keeps the dashboard from starting (the checks of `kpi doctor`), each
    in every language of the catalogue: nobody has chosen a language yet on this page."""
    try:
        kpi_table = read_table(SECRETS_PATH, "kpi")
    except SettingsError as exc:
        return [exc.both()]
    resolved, auth = resolve(os.environ, kpi_table), auth_section()
    each = [start_up_problems(resolved, auth, kpi_table, lang=lang) for lang in LANGS]
    return list(zip(*each, strict=True))


def refuse_unsafe_start() -> None:
    """Show why the configuration is unsafe, and nothing else (before any setting is used)."""
    problems = unsafe_start_problems()
    if not problems:
        return
    st.title(" / ".join(t("auth.unsafe_title", lang) for lang in LANGS), anchor=False)
    for texts in problems:
        # the operator's own settings; one paragraph per language, Vietnamese first
        st.error("\n\n".join(texts), icon=":material/error:")
    st.stop()


def current_viewer() -> Viewer:
    """The viewer of this run; start-up safety is checked first (refuse_unsafe_start)."""
    if auth_section() is not None:
        return signed_in_viewer()
    return demo_role_switcher()
