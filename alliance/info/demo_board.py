"""Demo data of the boards and the partner agencies' promotions: notices on /notice_board (calls, events,
notices; two pinned, one scheduled for next week, attachments as synthetic PDFs), news on /alliance_news, ten
promotions of the demo agencies in every review state — accepted ones posted on /alliance_news for their period
(three running now), two awaiting review, one returned with a comment — written through the services, so their
audit entries exist too; and the 64 promotions relayed in 2025 (seed 001), from a few titles per agency, written
in bulk. Deterministic for a seed."""

import datetime
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from alliance.agencies.models import Agency, AgencyLiaison
from alliance.core.models import ReviewStatus
from alliance.info.demo_archive_files import pdf_bytes
from alliance.info.models import Board, Category, Post, Promotion
from alliance.info.services import board as board_service
from alliance.info.services import promotions as promotion_service

# (days ago, category, title, pinned, attachment name or "")
NOTICES = (
    (2, Category.CALL, "2026년 메타버스 프로젝트 그룹 지원사업 공고", True, "2026 프로젝트 그룹 지원사업 공고문.pdf"),
    (5, Category.EVENT, "메타버스 얼라이언스 분과통합 공개세미나 개최 안내", True, "공개세미나 프로그램.pdf"),
    (9, Category.NOTICE, "회원사 정보 현행화(전수 조사) 협조 요청", False, ""),
    (14, Category.CALL, "가상융합 기술개발 신규과제 수요조사 안내", False, "수요조사 양식.pdf"),
    (21, Category.EVENT, "2026 XR 기술교류회 참가 기업 모집", False, ""),
    (30, Category.NOTICE, "얼라이언스 사무국 연말 휴무 안내", False, ""),
    (38, Category.CALL, "메타버스 서비스 실증 지원사업 2차 공고", False, "실증 지원사업 공고문.pdf"),
    (45, Category.EVENT, "분과별 정기회의 일정 안내", False, ""),
    (60, Category.NOTICE, "얼라이언스 홈페이지 개편 안내", False, ""),
    (75, Category.CALL, "가상융합산업 인재양성 교육과정 수강생 모집", False, ""),
)
SCHEDULED = (Category.EVENT, "2026 메타버스 얼라이언스 성과공유회 사전 등록 안내")
NEWS = (
    (3, "메타버스 얼라이언스 운영위원회 3분기 회의 개최"),
    (12, "회원사 1,100개사 돌파: 가상융합 생태계 확산"),
    (26, "프로젝트 그룹 성과공유회 수상 그룹 발표"),
    (40, "얼라이언스, 유관기관과 가상융합 지원 협력 강화"),
    (58, "메타버스 산업 실태조사 결과 공유"),
)
BODY = (
    "메타버스 얼라이언스 회원사 여러분께 알려드립니다.\n\n"
    "## 주요 내용\n\n- 대상: 얼라이언스 회원사\n- 문의: 얼라이언스 사무국\n\n"
    "자세한 내용은 **첨부파일**을 확인해 주세요."
)
# (agency short name, title, days from today to the start, length in days, state)
PROMOTIONS = (
    ("NIPA", "XR 콘텐츠 제작지원 사업 설명회", -3, 14, "accepted"),
    ("RAPA", "방송·실감콘텐츠 전시회 참가기업 모집", -1, 10, "accepted"),
    ("IITP", "가상융합 원천기술 R&D 과제 설명회", 0, 21, "accepted"),
    ("NIA", "디지털 트윈 공공서비스 실증 참여기관 모집", -40, 14, "accepted"),
    ("KOSA", "SW 기업 해외진출 지원 프로그램 안내", -60, 20, "accepted"),
    ("MDIA", "메타버스 디바이스 테스트베드 이용 안내", -90, 30, "accepted"),
    ("SPRI", "가상융합 정책 세미나 개최", -120, 10, "accepted"),
    ("NIPA", "메타버스 아카데미 교육생 모집", 5, 20, "pending"),
    ("K-META", "메타버스 윤리 가이드라인 공청회", 7, 7, "pending"),
    ("RAPA", "실감콘텐츠 인력양성 과정 안내", 10, 14, "returned"),
)


def _ago(days: int, hour: int = 9) -> datetime.datetime:
    day = timezone.localdate() - datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _pdf(name: str, title: str) -> SimpleUploadedFile:
    content = pdf_bytes(
        title, [[title, "메타버스 얼라이언스 사무국이 안내합니다.", "신청 방법과 일정은 본문을 참고해 주세요."]]
    )
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _posts(rng: random.Random) -> int:
    count = 0
    for days, category, title, pinned, attachment in NOTICES:
        uploads = [_pdf(attachment, title)] if attachment else []
        post = board_service.create_post(
            actor=None, board=Board.NOTICES, category=category, title=title, body=BODY, pinned=pinned,
            publish_at=_ago(days), uploads=uploads,
        )  # fmt: skip
        Post.objects.filter(pk=post.pk).update(view_count=rng.randint(40, 900))
        count += 1
    category, title = SCHEDULED
    board_service.create_post(
        actor=None, board=Board.NOTICES, category=category, title=title, body=BODY,
        publish_at=timezone.now() + datetime.timedelta(days=7),
    )  # fmt: skip
    for days, title in NEWS:
        post = board_service.create_post(
            actor=None, board=Board.NEWS, category=Category.NEWS, title=title, body=BODY, publish_at=_ago(days)
        )
        Post.objects.filter(pk=post.pk).update(view_count=rng.randint(40, 600))
        count += 1
    return count + 1


def _promotions() -> int:
    agencies = {agency.short_name: agency for agency in Agency.objects.all()}
    liaisons = dict(AgencyLiaison.objects.values_list("agency__short_name", "user"))
    today = timezone.localdate()
    count = 0
    for short_name, title, start, length, state in PROMOTIONS:
        agency = agencies.get(short_name)
        if agency is None:
            continue
        starts_on = today + datetime.timedelta(days=start)
        promotion = promotion_service.submit_promotion(
            actor=None, agency=agency, title=title, starts_on=starts_on,
            ends_on=starts_on + datetime.timedelta(days=length - 1), link=agency.homepage or "",
            body=f"{agency.name}에서 알려드립니다.\n\n**{title}**에 얼라이언스 회원사의 많은 관심 바랍니다.",
        )  # fmt: skip
        if liaisons.get(short_name):
            Promotion.objects.filter(pk=promotion.pk).update(submitted_by=liaisons[short_name])
        if state == "returned":
            promotion_service.review_promotion(
                actor=None, promotion=promotion, decision="return", note="행사 장소와 신청 마감일을 본문에 적어 주세요."
            )
        elif state == "accepted":
            _accept_as_of(promotion, starts_on)
        count += 1
    return count


# A year of relayed promotions as seed 001 counts them (64 in 2025): each agency's usual kinds of promotion.
HISTORY_YEAR, HISTORY_COUNT = 2025, 64
HISTORY_TITLES = {
    "NIPA": (
        "메타버스 콘텐츠 제작지원 사업 공고",
        "XR 디바이스 산업 육성 설명회",
        "글로벌 XR 전시회 공동관 참가기업 모집",
    ),
    "RAPA": (
        "실감콘텐츠 인력양성 과정 안내",
        "방송·실감콘텐츠 전시회 참가기업 모집",
        "실감미디어 테스트베드 이용 안내",
    ),
    "IITP": ("가상융합 원천기술 R&D 신규과제 공고", "ICT R&D 성과 공유회 개최", "가상융합 기술 수요조사 안내"),
    "NIA": (
        "디지털 트윈 공공서비스 실증 참여기관 모집",
        "공공데이터 활용 메타버스 서비스 공모전",
        "디지털 포용 교육 안내",
    ),
    "KOSA": ("SW 기업 해외진출 지원 프로그램 안내", "SW 기업 채용박람회 참가 안내", "SW 품질 컨설팅 지원사업 공고"),
    "MDIA": (
        "메타버스 디바이스 테스트베드 이용 안내",
        "XR 기기 성능평가 지원사업 공고",
        "메타버스 디바이스 전시회 참가기업 모집",
    ),
    "SPRI": ("가상융합 정책 세미나 개최", "SW 정책 포럼 참가 안내", "가상융합산업 동향 보고서 발간 안내"),
    "K-META": ("메타버스 윤리 가이드라인 공청회", "메타버스 기업 네트워킹 데이 개최", "메타버스 표준화 포럼 안내"),
}


def _history(rng: random.Random) -> int:
    """HISTORY_COUNT promotions relayed in HISTORY_YEAR (accepted, posted on their first day for one to four
    weeks), written in bulk: the year's count for the briefing without slowing the demo."""
    agencies = list(Agency.objects.filter(short_name__in=HISTORY_TITLES).order_by("short_name"))
    if not agencies:
        return 0
    first = datetime.date(HISTORY_YEAR, 1, 2)
    days = sorted(rng.sample(range((datetime.date(HISTORY_YEAR, 12, 20) - first).days), HISTORY_COUNT))
    rounds: dict[str, int] = {}
    rows = []
    for day in days:
        agency = rng.choice(agencies)
        title = rng.choice(HISTORY_TITLES[agency.short_name])
        rounds[title] = rounds.get(title, 0) + 1
        starts_on = first + datetime.timedelta(days=day)
        ends_on = starts_on + datetime.timedelta(days=rng.choice((7, 14, 21, 28)) - 1)
        shown = f"{HISTORY_YEAR} {title}" + (f" ({rounds[title]}차)" if rounds[title] > 1 else "")
        rows.append((agency, shown, starts_on, ends_on))

    def moment(day: datetime.date) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))

    promotions = [
        Promotion(
            agency=agency, title=title, link=agency.homepage or "", starts_on=starts_on, ends_on=ends_on,
            body=f"{agency.name}에서 알려드립니다.\n\n**{title}**에 얼라이언스 회원사의 많은 관심 바랍니다.",
            status=ReviewStatus.APPLIED, reviewed_at=moment(starts_on),
        )
        for agency, title, starts_on, ends_on in rows
    ]  # fmt: skip
    posts = Post.objects.bulk_create(
        Post(
            board=Board.NEWS, category=Category.PROMOTION, title=promotion.title,
            body=promotion_service.post_body(promotion), publish_at=moment(promotion.starts_on),
            expires_at=moment(promotion.ends_on + datetime.timedelta(days=1)),
        )
        for promotion in promotions
    )  # fmt: skip
    for promotion, post in zip(promotions, posts, strict=True):
        promotion.post = post
    Promotion.objects.bulk_create(promotions)
    return len(promotions)


def _accept_as_of(promotion: Promotion, starts_on: datetime.date) -> None:
    """Accept a promotion; one whose period has ended was accepted back then (its post published on its first day)."""
    end = timezone.make_aware(
        datetime.datetime.combine(promotion.ends_on + datetime.timedelta(days=1), datetime.time())
    )
    if end > timezone.now():
        promotion_service.review_promotion(actor=None, promotion=promotion, decision="accept")
        return
    start = timezone.make_aware(datetime.datetime.combine(starts_on, datetime.time()))
    post = Post.objects.create(
        board=Board.NEWS, category=Category.PROMOTION, title=promotion.title,
        body=promotion_service.post_body(promotion), publish_at=start, expires_at=end,
    )  # fmt: skip
    Promotion.objects.filter(pk=promotion.pk).update(
        status=ReviewStatus.APPLIED, post=post, reviewed_at=start, submitted_at=start - datetime.timedelta(days=2)
    )


def load_board_demo(*, seed: int) -> str:
    if Post.objects.exists() or Promotion.objects.exists():
        return "게시판 데모가 이미 있습니다."
    rng = random.Random(seed)  # noqa: S311  demo data, reproducible by seed
    with transaction.atomic():
        posts = _posts(rng)
        promotions = _promotions() + _history(rng)
    return f"게시판: 공지사항·소식 {posts}건, 유관기관 홍보 {promotions}건."
