"""Demo mentoring for a programme: ten mentors per field (seed 000: 각 분야별 전문가 10명), both rounds
matched by field for the groups that went on from the document screening, most sessions scheduled with
feedback, some interim results; a few groups left lacking a session or feedback so that staff's list has
something to show. Deterministic for a seed."""

import datetime
import random

from django.core.files.base import ContentFile
from django.db import transaction

from alliance.core.models import User
from alliance.core.roles import Role
from alliance.programs import default_rubric
from alliance.programs.models import InterimResult, MentoringSession
from alliance.programs.queries import groups_going_on
from alliance.programs.services import mentoring as service

DEMO_EVALUATOR = "evaluator@demo.alliance.kr"
MENTORS_PER_FIELD = 10
SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = ("서준", "하은", "도현", "지아", "민재", "수빈", "예준", "채원", "시우", "유진", "건우", "다은")
FEEDBACK = (
    "목표 고객을 구체화하고 파일럿 고객 2곳의 검증 결과를 보완하세요.",
    "수익 모델의 가격 근거가 약합니다. 경쟁 제품 대비 단가표를 준비하세요.",
    "기술 완성도는 충분합니다. 양산 단가와 인증 일정을 계획에 넣으세요.",
    "참여기업 간 역할 분담을 명확히 하고 지식재산 귀속을 정리하세요.",
    "시연 영상과 정량 지표(사용 시간, 재방문율)를 발표 자료에 추가하세요.",
)
DEMO_PDF = b"%PDF-1.4\n% demo interim result\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _mentor_users(programme, rng: random.Random) -> dict[str, list[User]]:
    pool = {}
    for field_index, field in enumerate(default_rubric.MENTORING_FIELDS):
        users = []
        for number in range(MENTORS_PER_FIELD):
            email = (
                DEMO_EVALUATOR
                if field_index == 0 and number == 0
                else f"mentor{field_index + 1}{number:02d}.{programme.year}@demo.alliance.kr"
            )
            user = User.objects.filter(email=email).first()
            if user is None:
                name = rng.choice(SURNAMES) + rng.choice(GIVEN)
                user = User.objects.create_user(email, None, name=name, roles=(Role.EVALUATOR,))
            users.append(user)
        pool[field] = users
    return pool


def _session_time(programme, round_number: int, rng: random.Random) -> datetime.datetime:
    start, _end = default_rubric.default_stages(programme.year)[f"mentoring_{round_number}"]
    return start + datetime.timedelta(days=rng.randint(0, 25), hours=rng.choice((10, 14, 16)))


def load(*, programme, seed: int) -> str:
    """Mentor `programme`'s groups in both rounds; returns a one-line Korean summary."""
    rng = random.Random(seed)  # noqa: S311  demo data, reproducible by seed
    with transaction.atomic():
        pool = _mentor_users(programme, rng)
        for field, users in pool.items():
            for user in users:
                service.add_mentor(actor=None, programme=programme, user=user, field=field, expertise=f"{field} 사업화")
        groups = list(groups_going_on(programme.pk).order_by("name"))  # those that went on from the screening
        for round_number in (1, 2):
            service.match_by_field(actor=None, programme=programme, round_number=round_number)
            sessions = list(
                MentoringSession.objects.filter(group__programme=programme, round_number=round_number)
                .select_related("mentor__user", "group")
                .order_by("group__name")
            )
            # Round 1 is all but complete; round 2 leaves two unscheduled and two without feedback.
            unscheduled = 0 if round_number == 1 else 2
            without_feedback = 1 if round_number == 1 else 2
            for index, session in enumerate(sessions):
                if index < unscheduled:
                    continue
                service.schedule_session(
                    actor=None,
                    session=session,
                    starts_at=_session_time(programme, round_number, rng),
                    place=rng.choice(("K-META 4층 회의실", "온라인(화상회의)", "주관기업 사무실")),
                    notify=False,
                )
                if index >= unscheduled + without_feedback:
                    service.record_feedback(actor=session.mentor.user, session=session, feedback=rng.choice(FEEDBACK))
        for group in groups[::2]:
            result = InterimResult(
                group=group, round_number=1, original_name=f"{group.name} 중간결과.pdf", size=len(DEMO_PDF)
            )
            result.file.save("demo-interim.pdf", ContentFile(DEMO_PDF), save=False)
            result.save()
        done = MentoringSession.objects.filter(group__programme=programme, feedback_at__isnull=False).count()
        total = MentoringSession.objects.filter(group__programme=programme).count()
    mentors = sum(len(users) for users in pool.values())
    return f"멘토링: 멘토 {mentors}명({len(pool)}개 분야), 1·2차 멘토링 {total}건 중 피드백 {done}건"
