"""DOCX builders of the governance app."""
