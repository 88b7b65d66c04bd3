"""The app's server: Streamlit running app.py, with the routes and middleware Streamlit alone cannot give
(the HttpOnly sign-in cookie, the upload gate, security headers). Start it with `streamlit run server.py`."""

import logging

import streamlit as st
from starlette.middleware import Middleware

from ui.web import SecurityHeaders, UploadGate, routes

LOG = logging.getLogger("eit")


def log_script_error(exc: Exception) -> bool:
    """Log the traceback on the server; the page says, in its language, that something went wrong."""
    LOG.error("page failed", exc_info=exc)
    try:
        from ui.i18n import t

        st.error(t("unexpected_error"), icon=":material/error:")
    except Exception:  # noqa: BLE001 - no page to write on: Streamlit's own short message (showErrorDetails = none)
        return False
    return True


app = st.App("app.py", routes=routes(), middleware=[Middleware(SecurityHeaders), Middleware(UploadGate)], on_script_error=log_script_error)
