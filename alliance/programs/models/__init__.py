"""Models of the programs app (one module per area, re-exported here)."""
