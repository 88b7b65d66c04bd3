"""The server layer: routes and middleware around Streamlit (web), and the one module that touches Streamlit's
internals (streamlit_internals). server.py builds the app from them. Not named server/: `streamlit run server.py`
has uvicorn import "server:app", which a package of that name would shadow."""
