"""Writes of the governance app: keyword-only services that own their transaction, audit entry and e-mails."""
