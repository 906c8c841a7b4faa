"""The secretariat's compiled documents: the yearly plan (추진 일정, 추진계획), indicators and the quarterly
steering-committee briefing (issue 14)."""
