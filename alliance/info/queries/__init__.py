"""Reads of the information services reused by several callers; one module per area."""
