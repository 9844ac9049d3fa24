"""The dashboard's helpers: Streamlit glue (ui), Leaflet layers (maps), findings and municipality profiles."""
