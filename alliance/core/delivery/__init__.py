"""Bulk e-mail delivery: every e-mail that goes to many people (see `ordering` for the rules)."""
