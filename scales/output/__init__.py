"""What leaves the product: formula-safe CSV and Excel."""
