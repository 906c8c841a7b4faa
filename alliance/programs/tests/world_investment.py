"""The investment day's rows of the URL matrix (url_expectations.py) and its objects in the shared world.

World: the 2026 programme's day (2026-11-13) with the matrix's investor at a desk (investor B at another,
without meetings), org A registered with a request for it and a meeting at 14:00, and a second company that
nobody in the matrix represents.
"""

import datetime

from alliance.core.tests.url_matrix import only, staff_only
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import DayCompany, Decline, Desk, InvestmentDay, Meeting, MeetingRequest
from alliance.programs.services import investment_meetings as meetings_service
from alliance.programs.tests.factories_investment import DayCompanyFactory, DeskFactory, InvestmentDayFactory

INVESTMENT_EXPECTED = {
    "programs:investment_day": staff_only(),
    "programs:investment_desk": staff_only(),
    "programs:investment_company": staff_only(),
    "programs:investment_grid": staff_only(),
    "programs:investment_board": staff_only(),
    "programs:investment_board_xlsx": staff_only(),
    "programs:investment_send_preview": staff_only(),
    # POST only: staff get 405 on GET, every other role 404 (and their POSTs write nothing).
    "programs:investment_desk_add": staff_only(405),
    "programs:investment_company_add": staff_only(405),
    "programs:investment_schedule": staff_only(405),
    "programs:investment_book": staff_only(405),
    "programs:investment_send": staff_only(405),
    "programs:investment_meeting": staff_only(405),
    "programs:investment_offer": staff_only(405),
    "programs:investment_checkin": staff_only(405),
    # Own pages: only the investor at the desk and the representative of a registered company.
    "programs:my_meetings": only({"rep_a": 200, "rep_b": 200, "investor": 200, "investor_b": 200}),
    "programs:my_meetings_ics": only({"rep_a": 200, "investor": 200}),
    "programs:my_meeting_interest": only({"investor": 200}),
    "programs:my_investment_requests": only({"rep_a": 200}),
    "programs:my_investment_declines": only({"investor": 200, "investor_b": 200}),
}

INVESTMENT_PK_OF = {
    "programs:investment_desk": "investment_desk",
    "programs:investment_company": "investment_company",
    "programs:investment_meeting": "investment_meeting",
    "programs:investment_offer": "investment_meeting",
    "programs:investment_checkin": "investment_company",
    "programs:my_meeting_interest": "investment_meeting",
}

INVESTMENT_COUNTED = (InvestmentDay, Desk, DayCompany, MeetingRequest, Decline, Meeting)


def build_investment_world(world) -> dict:
    day = InvestmentDayFactory(programme=world["programme"], date=datetime.date(2026, 11, 13))
    desk = DeskFactory(day=day, firm="대성창업투자", user=world["users"]["investor"])
    DeskFactory(day=day, firm="법무법인 비트", kind=Desk.Kind.LEGAL, user=None)
    DeskFactory(day=day, firm="누리벤처스", user=world["users"]["investor_b"])  # investor B: a desk, no meeting
    company = DayCompanyFactory(day=day, organisation=world["org_a"], requests=[desk])
    other_company = DayCompanyFactory(day=day, organisation=OrganisationFactory(), requests=[desk])
    meeting = meetings_service.book_meeting(actor=None, desk=desk, company=company, slot="14:00")
    return {
        "investment_day": day,
        "investment_desk": desk,
        "investment_company": company,
        "investment_meeting": meeting,
        "investment_other_company": other_company,
    }
