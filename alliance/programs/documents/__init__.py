"""Printable and downloadable documents of a programme: PDFs (result sheet, award certificates, one-page
evaluation summary) and XLSX exports (applications, a judge's score sheet, results). Read-only: nothing
here writes; every figure comes from the results service so documents agree with the pages.
"""
