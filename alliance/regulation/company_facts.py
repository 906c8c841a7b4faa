"""What the regulation app tells other apps about a company (alliance/core/company_facts.py): its latest submitted
ethics self-check score, which a competition programme may show its evaluators."""

from django.db.models import Max
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alliance.core.company_facts import CompanyFact, register_company_fact
from alliance.regulation.models import SelfCheck

ETHICS_SCORE = "ethics_score"


def latest_scores(organisation_ids: list[int]) -> dict[int, str]:
    """Each company's latest submitted total, "84.0점 (2026년)"; two queries whatever the number of companies."""
    latest = dict(
        SelfCheck.objects.filter(organisation_id__in=organisation_ids, submitted_at__isnull=False)
        .values_list("organisation_id")
        .annotate(year=Max("year"))
    )
    rows = SelfCheck.objects.filter(organisation_id__in=latest, submitted_at__isnull=False).values_list(
        "organisation_id", "year", "total"
    )
    return {
        pk: gettext("%(total)s points (%(year)s)") % {"total": total, "year": year}
        for pk, year, total in rows
        if latest[pk] == year
    }


register_company_fact(CompanyFact(ETHICS_SCORE, _("Latest ethics self-check score"), latest_scores))
