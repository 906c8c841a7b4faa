"""The public map's landscape: `grid` lays the year's map out (boxes, bands, filter vocabulary), `filters`
applies a visitor's filters, `cards` says what a player's card shows, `snapshot` rebuilds the landscape
from a published snapshot so that it shows exactly what was frozen.
"""
