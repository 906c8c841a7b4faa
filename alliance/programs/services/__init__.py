"""Writes of the programs app, one module per area (programme set-up, applications, mentoring, ...)."""
