"""The comparison engine: contingency tables of two layers and every metric from them."""
