"""Loading an agency page's object and checking the user may work on it (404 otherwise)."""

from django.core.exceptions import ValidationError
from django.http import Http404

from alliance.agencies.models import QUARTERS, Agency, PlanItem, ReportFile
from alliance.core.permissions import require_object_permission

WORK = "agencies.work_on_agency"


def agency_for(request, pk: int, **_kwargs) -> Agency:
    agency = Agency.objects.filter(pk=pk).first()
    require_object_permission(request.user, WORK, agency)
    return agency


def quarter_of(quarter: int) -> int:
    if quarter not in QUARTERS:
        raise Http404
    return quarter


def plan_item_for(request, pk: int, **_kwargs) -> PlanItem:
    item = PlanItem.objects.select_related("plan__agency").filter(pk=pk).first()
    require_object_permission(request.user, WORK, item)
    return item


def report_file_for(request, pk: int, **_kwargs) -> ReportFile:
    file = ReportFile.objects.select_related("entry__report__agency").filter(pk=pk).first()
    require_object_permission(request.user, WORK, file)
    return file


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)
