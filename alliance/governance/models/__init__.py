"""The models of the governance app, one module per area."""
