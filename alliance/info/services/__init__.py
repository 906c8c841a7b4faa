"""Every write of the information services; one module per area."""
