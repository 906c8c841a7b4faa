"""The reports app's writes; one module per document (`briefing.py`)."""
