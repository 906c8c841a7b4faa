"""Concurrent bookings of one desk and slot: exactly one lands, the other is refused in Korean (PostgreSQL)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from alliance.programs.models import Meeting
from alliance.programs.services import investment_meetings as meetings_service
from alliance.programs.tests.factories_investment import DayCompanyFactory, DeskFactory, InvestmentDayFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks between connections need PostgreSQL"),
]


def test_concurrent_bookings_of_one_slot_book_it_once():
    day = InvestmentDayFactory()
    desk = DeskFactory(day=day)
    companies = [DayCompanyFactory(day=day) for _ in range(4)]
    barrier = threading.Barrier(len(companies))
    refused, crashed = [], []

    def book(company):
        try:
            barrier.wait()
            meetings_service.book_meeting(actor=None, desk=desk, company=company, slot="15:00")
        except ValidationError as error:
            refused.append(error)
        except Exception as error:  # noqa: BLE001  collected and asserted below
            crashed.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(company,)) for company in companies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert crashed == []
    assert len(refused) == 3
    assert Meeting.objects.filter(desk=desk, slot="15:00").count() == 1
