"""The app's server: Streamlit running app.py, with the routes and middleware Streamlit alone cannot give
(the HttpOnly sign-in cookie, the upload gate, security headers) from the webserver/ package. Start it with
`streamlit run server.py`. It refuses to start when a Streamlit internal it relies on has changed
(webserver.streamlit_internals; docs/upgrading.md)."""

import gc
import importlib
import logging
import pkgutil

import streamlit as st
from starlette.middleware import Middleware

from webserver import streamlit_internals as internals
from webserver.web import MediaGate, SecurityHeaders, UploadGate, WebSocketOrigin, admin_session, deferred_made, routes

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


# The libraries the pages use, imported before the first reader comes (the pages' own ui modules carry
# Streamlit caches, and streamlit_folium declares its component: both wait for the first script run, when
# the runtime exists).
LIBRARIES = ("pandas", "duckdb", "geopandas", "folium", "plotly.graph_objects", "matplotlib.figure", "matplotlib.backends.backend_svg")


def warm_and_freeze() -> None:
    """Import the libraries and the engine, then put every object alive now out of the cyclic garbage
    collector's sight (gc.freeze). Streamlit runs gc.collect() after every script run (runner.postScriptGC);
    with the libraries' ~190,000 objects that took 0.1-0.3 s of the server's time per run, about a third of
    its time with ten readers and an analyst uploading (py-spy). Objects made later (sessions, cached
    results) are collected as before; only what exists at start-up is kept for the process's life."""
    for name in LIBRARIES:
        importlib.import_module(name)
    for package in ("metrics", "store"):  # pure Python: no Streamlit in them
        for module in pkgutil.iter_modules(importlib.import_module(package).__path__):
            importlib.import_module(f"{package}.{module.name}")
    gc.freeze()


warm_and_freeze()
# Check every Streamlit internal the app relies on, then install its replacements (closed tabs' sessions freed,
# uploads only with issued file ids within a byte budget, cache-clearing messages from admins only).
internals.install(may_send_admin_messages=admin_session, deferred_made=deferred_made)
# WebSocketOrigin: only the app's own origin may open the WebSocket that runs a session (Streamlit lets any localhost origin in).
# MediaGate: a /media file held only by signed-in sessions answers only their cookie.
middleware = [Middleware(SecurityHeaders), Middleware(WebSocketOrigin), Middleware(UploadGate), Middleware(MediaGate)]
app = st.App("app.py", routes=routes(), middleware=middleware, on_script_error=log_script_error, lifespan=internals.lifespan)
