"""The events app's writes: one module per area."""
