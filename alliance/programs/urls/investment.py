"""URLs of the investment consultation day: staff under /programs/<year>/investment/, own pages under
/programs/my/."""

from django.urls import path

from alliance.programs.views import investment, investment_confirm, investment_own

urlpatterns = [
    # Staff.
    path("programs/<year:year>/investment/", investment.investment_day, name="investment_day"),
    path("programs/<year:year>/investment/desks/", investment.investment_desk_add, name="investment_desk_add"),
    path("programs/<year:year>/investment/desks/<id:pk>/", investment.investment_desk, name="investment_desk"),
    path(
        "programs/<year:year>/investment/companies/", investment.investment_company_add, name="investment_company_add"
    ),
    path(
        "programs/<year:year>/investment/companies/<id:pk>/", investment.investment_company, name="investment_company"
    ),
    path("programs/<year:year>/investment/schedule/", investment.investment_schedule, name="investment_schedule"),
    path("programs/<year:year>/investment/grid/", investment.investment_grid, name="investment_grid"),
    path("programs/<year:year>/investment/board/", investment.investment_board, name="investment_board"),
    path("programs/<year:year>/investment/board.xlsx", investment.investment_board_xlsx, name="investment_board_xlsx"),
    path("programs/<year:year>/investment/book/", investment.investment_book, name="investment_book"),
    path("programs/<year:year>/investment/send/", investment.investment_send, name="investment_send"),
    path(
        "programs/<year:year>/investment/send/preview/",
        investment_confirm.investment_send_preview,
        name="investment_send_preview",
    ),
    path("programs/investment/meetings/<id:pk>/", investment.investment_meeting, name="investment_meeting"),
    path("programs/investment/meetings/<id:pk>/offer/", investment.investment_offer, name="investment_offer"),
    path("programs/investment/companies/<id:pk>/check-in/", investment.investment_checkin, name="investment_checkin"),
    # Investors' and companies' own pages.
    path("programs/my/meetings/", investment_own.my_meetings, name="my_meetings"),
    path("programs/my/meetings/<year:year>.ics", investment_own.my_meetings_ics, name="my_meetings_ics"),
    path("programs/my/meetings/<id:pk>/interest/", investment_own.my_meeting_interest, name="my_meeting_interest"),
    path(
        "programs/my/investment/<year:year>/requests/",
        investment_own.my_investment_requests,
        name="my_investment_requests",
    ),
    path(
        "programs/my/investment/<year:year>/declines/",
        investment_own.my_investment_declines,
        name="my_investment_declines",
    ),
]
