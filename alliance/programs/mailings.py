"""The competition's bulk e-mails, registered with the delivery mechanism (alliance.core.delivery)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance.core.delivery.registry import Mailing, register_mailing
from alliance.programs.models import InvestmentDay
from alliance.programs.services import (
    call,
    investment_cancellations,
    investment_meetings,
    investment_updates,
    panels,
    results,
    stage_emails,
)


def _programme_page(delivery) -> str:
    return reverse("programs:programme_detail", args=[delivery.target_id]) + "#call"


register_mailing(
    Mailing(
        kind=call.CALL_MAILING,
        label=_("Call for applications"),
        permission="programs.manage_programme",
        build=call.build_call_email,
        prepare=call.call_context,
        page_url=_programme_page,
    )
)


def _panel_page(delivery) -> str:
    return reverse("programs:panel_detail", args=[delivery.target_id]) + "#emails"


register_mailing(
    Mailing(
        kind=panels.EVALUATORS_MAILING,
        label=_("Evaluators' assignments"),
        permission="programs.run_judging",
        build=panels.build_evaluator_email,
        page_url=_panel_page,
    )
)


def _results_page(delivery) -> str:
    return reverse("programs:panel_results", args=[delivery.target_id]) + "#emails"


register_mailing(
    Mailing(
        kind=results.RESULTS_MAILING,
        label=_("Result e-mails"),
        permission="programs.run_judging",
        build=stage_emails.build_result_email,
        prepare=stage_emails.results_context,
        page_url=_results_page,
    )
)
register_mailing(
    Mailing(
        kind=results.AWARDS_MAILING,
        label=_("Award e-mails"),
        permission="programs.run_judging",
        build=stage_emails.build_award_email,
        prepare=stage_emails.awards_context,
        page_url=_results_page,
    )
)


def _investment_page(delivery) -> str:
    year = InvestmentDay.objects.filter(pk=delivery.target_id).values_list("programme__year", flat=True).get()
    return reverse("programs:investment_day", args=[year]) + "#emails"


register_mailing(
    Mailing(
        kind=investment_meetings.INVESTMENT_COMPANY_MAILING,
        label=_("Investment-day schedules (companies)"),
        permission="programs.manage_investment_day",
        build=investment_meetings.build_company_schedule_email,
        page_url=_investment_page,
    )
)
register_mailing(
    Mailing(
        kind=investment_meetings.INVESTMENT_DESK_MAILING,
        label=_("Investment-day schedules (investors)"),
        permission="programs.manage_investment_day",
        build=investment_meetings.build_desk_schedule_email,
        page_url=_investment_page,
    )
)
register_mailing(
    Mailing(
        kind=investment_cancellations.CANCELLED_COMPANY_MAILING,
        label=_("Investment-day cancellations (companies)"),
        permission="programs.manage_investment_day",
        build=investment_cancellations.build_company_cancellation_email,
        page_url=_investment_page,
    )
)
register_mailing(
    Mailing(
        kind=investment_cancellations.CANCELLED_DESK_MAILING,
        label=_("Investment-day cancellations (investors)"),
        permission="programs.manage_investment_day",
        build=investment_cancellations.build_desk_cancellation_email,
        page_url=_investment_page,
    )
)
register_mailing(
    Mailing(
        kind=investment_updates.UPDATED_COMPANY_MAILING,
        label=_("Investment-day changes (companies)"),
        permission="programs.manage_investment_day",
        build=investment_updates.build_company_update_email,
        page_url=_investment_page,
    )
)
register_mailing(
    Mailing(
        kind=investment_updates.UPDATED_DESK_MAILING,
        label=_("Investment-day changes (investors)"),
        permission="programs.manage_investment_day",
        build=investment_updates.build_desk_update_email,
        page_url=_investment_page,
    )
)
