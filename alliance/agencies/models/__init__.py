"""The models of the agencies app, one module per area."""
