"""The information services' pages; one module per area."""
