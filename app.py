"""Entry point in a checkout (`streamlit run app.py`); the frame itself is `scales.app.main`."""

from scales.app import main

main()
