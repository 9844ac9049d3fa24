"""Data: upstream sources, the fact tables, atoms, layers (the model), validation and the cached atlas."""
