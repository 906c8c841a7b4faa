"""The alliance's events: programme, registration with a waiting list, tickets, check-in, badges, press coverage
and the satisfaction survey (issue 14)."""
