"""The governance documents (DOCX with python-docx, PDF through core/pdf.py): the standard-contract amendment
table (proposals area), and the meeting pack, the minutes and a body's year of confirmed minutes (minutes area:
`content` gathers what a document says once, so the DOCX and the PDF print the same text). Read-only."""
