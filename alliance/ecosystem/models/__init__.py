"""Models of the ecosystem app (one module per area, re-exported here)."""
