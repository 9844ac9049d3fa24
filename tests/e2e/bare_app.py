"""A bare Streamlit page: the yardstick the map page's first paint is measured against."""

import streamlit as st

st.title("Bare")
