"""The app's models; one module per area, each imported here."""
