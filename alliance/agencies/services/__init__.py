"""Writes of the agencies app: keyword-only services that own their transaction, audit entry and e-mails."""
