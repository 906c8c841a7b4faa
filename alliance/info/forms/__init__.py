"""The information services' forms; one module per area."""
