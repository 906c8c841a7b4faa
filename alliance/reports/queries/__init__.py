"""The reports app's reads: one package per document (`briefing/` the quarterly steering-committee briefing)."""
