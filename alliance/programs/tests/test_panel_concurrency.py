"""Concurrent score saves lose nothing (PostgreSQL: real row locks between connections)."""

import threading

import pytest
from django.db import connection, connections

from alliance.programs.models import Criterion, Score, ScoreChange
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import panels as service
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory
from alliance.programs.tests.factories_judging import final_panel, ready_judge

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks between connections need PostgreSQL"),
]


def run_together(jobs) -> list:
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait()
            job()
        except Exception as error:  # noqa: BLE001  collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_concurrent_saves_of_five_judges_all_land():
    programme = ProgrammeFactory()
    group = ProjectGroupFactory(programme=programme)
    panel = final_panel(programme)
    judges = [ready_judge(panel) for _ in range(5)]
    assignment_service.seat_final_panel(actor=None, panel=panel)
    criteria = list(Criterion.objects.filter(track_id=group.track_id))

    def saves_of(judge, points):
        def job():
            for criterion in criteria:
                service.save_score(judge=judge, panel=panel, group=group, criterion=criterion, points=points)

        return job

    errors = run_together([saves_of(judge, 10 + index) for index, judge in enumerate(judges)])

    assert errors == []
    assert Score.objects.count() == 25
    assert sorted(set(Score.objects.values_list("judge_id", "points"))) == sorted(
        (judge.pk, 10 + index) for index, judge in enumerate(judges)
    )


def test_concurrent_amendments_of_one_score_chain_in_the_log():
    programme = ProgrammeFactory()
    group = ProjectGroupFactory(programme=programme)
    panel = final_panel(programme)
    judge = ready_judge(panel)
    assignment_service.seat_final_panel(actor=None, panel=panel)
    criterion = Criterion.objects.filter(track_id=group.track_id).first()

    def save(points):
        return lambda: service.save_score(judge=judge, panel=panel, group=group, criterion=criterion, points=points)

    errors = run_together([save(points) for points in (5, 6, 7, 8)])

    changes = list(ScoreChange.objects.order_by("pk").values_list("points_before", "points_after"))
    assert errors == []
    assert len(changes) == 4
    assert changes[0][0] is None
    assert [before for before, _after in changes[1:]] == [after for _before, after in changes[:-1]]
    assert Score.objects.get().points == changes[-1][1]
