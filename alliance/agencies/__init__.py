"""Partner agencies (유관기관): their liaisons, yearly linkage plans and quarterly activity reports."""
