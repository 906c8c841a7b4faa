from alliance.regulation.forms.checklist import ChecklistEditForm, SelfCheckForm, StartYearForm
from alliance.regulation.forms.filings import FilingFilterForm, FilingForm, FilingReviewForm

__all__ = ["ChecklistEditForm", "FilingFilterForm", "FilingForm", "FilingReviewForm", "SelfCheckForm", "StartYearForm"]
