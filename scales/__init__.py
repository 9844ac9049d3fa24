"""scales: where Belgium's public-safety territories fail to line up, and what that costs."""

from pathlib import Path

__version__ = "0.1.0"

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
"""Hand-made fact tables (with source and confidence columns) shipped with the project."""
