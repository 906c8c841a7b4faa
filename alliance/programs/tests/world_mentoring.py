"""Mentoring's rows of the URL matrix (merged into url_expectations.py): the world evaluator mentors org A's
group in round 1, which has one interim result; mentor B mentors another group in that round."""

from django.core.files.base import ContentFile

from alliance.core.tests.url_matrix import only, staff_only
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import InterimResult, Mentor, MentoringSession
from alliance.programs.tests.factories import ProjectGroupFactory

MENTORING_EXPECTED = {
    "programs:mentor_pool": staff_only(),
    "programs:mentoring_round": staff_only(),
    "programs:mentoring_round_xlsx": staff_only(),
    "programs:session_detail": only({"staff": 200, "rep_a": 200, "evaluator": 200}),
    "programs:my_sessions": only({"evaluator": 200, "evaluator_b": 200, "mentor_b": 200}),
    "programs:interim_upload": only({"staff": 405, "rep_a": 405}),  # POST only: the group first, then the method
    "programs:interim_download": only({"staff": 200, "rep_a": 200, "evaluator": 200}),
}

MENTORING_PK_OF = {
    "programs:mentor_pool": "programme",
    "programs:mentoring_round": "programme",
    "programs:mentoring_round_xlsx": "programme",
    "programs:session_detail": "mentoring_session",
    "programs:interim_upload": "group",
    "programs:interim_download": "interim_result",
}

MENTORING_PATH_VALUES = {"round_number": lambda world: 1}

MENTORING_COUNTED = (Mentor, MentoringSession, InterimResult)


def build_mentoring_world(world) -> dict:
    group = world["group"]
    group.mentoring_field = "제조·건설"
    group.save(update_fields=["mentoring_field"])
    mentor = Mentor.objects.create(programme=world["programme"], user=world["users"]["evaluator"], field="제조·건설")
    session = MentoringSession.objects.create(group=group, round_number=1, mentor=mentor)
    other_group = ProjectGroupFactory(programme=world["programme"], name="누리 컨소시엄", lead=OrganisationFactory())
    mentor_b = Mentor.objects.create(programme=world["programme"], user=world["users"]["mentor_b"], field="제조·건설")
    MentoringSession.objects.create(group=other_group, round_number=1, mentor=mentor_b)
    result = InterimResult(group=group, round_number=1, original_name="중간결과.pdf", size=9)
    result.file.save("중간결과.pdf", ContentFile(b"%PDF-1.7\n"), save=False)
    result.save()
    return {"mentoring_session": session, "interim_result": result, "mentoring_other_group": other_group}
