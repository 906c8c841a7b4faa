"""Exports of the map: SVG (landscape and chart), the A3 PDF poster, the XLSX of placements."""
