"""Governance: the steering committee and the subcommittees per year, their seats, meetings, decisions, minutes
and policy proposals."""
