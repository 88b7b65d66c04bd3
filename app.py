"""Entry point: opens the database and shows what it holds (pages arrive with the dashboard issue)."""

import streamlit as st

from store.db import db_path, init

st.set_page_config(page_title="Saraburi Eco-Industrial Town", layout="wide")
con, _, _ = init(db_path())
with con.cursor() as cur:
    batches = cur.execute("select table_name, rows_in_file, is_demo from batches where status = 'loaded'").df()
st.title("เมืองอุตสาหกรรมเชิงนิเวศ จังหวัดสระบุรี")
st.write(f"Database: `{db_path()}`")
st.dataframe(batches)
