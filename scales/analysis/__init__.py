"""Analyses on the atlas: coverage of service locations, ARIEC capacity."""
