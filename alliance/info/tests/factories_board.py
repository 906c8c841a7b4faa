"""Factories of the boards' rows."""

import datetime
import io

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from alliance.agencies.tests.factories import AgencyFactory
from alliance.info.models import Board, Category, Post, PostAttachment, Promotion

MINIMAL_PDF = b"%PDF-1.4\n% board\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


class PostFactory(factory.django.DjangoModelFactory):
    """A published notice (an hour ago) unless told otherwise."""

    class Meta:
        model = Post

    board = Board.NOTICES
    category = Category.NOTICE
    title = factory.Sequence(lambda n: f"2026년 메타버스 얼라이언스 공지 {n}")
    # A date without 일: the English-counter test reads a page's text and cannot tell a post's own Korean words
    # from the interface's counters.
    body = "**회원사** 여러분께 알려드립니다.\n\n- 일정: 2026. 5. 16.\n- 장소: 서울"
    publish_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))


class PostAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PostAttachment

    post = factory.SubFactory(PostFactory)
    original_name = "공고문.pdf"
    size = len(MINIMAL_PDF)
    file = factory.LazyFunction(lambda: ContentFile(MINIMAL_PDF, name="attachment.pdf"))


def png_bytes(width: int = 8, height: int = 8) -> bytes:
    """A real PNG image (Pillow), for uploads that are read as images."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (40, 90, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


class PromotionFactory(factory.django.DjangoModelFactory):
    """A partner agency's promotion awaiting review, running from today for two weeks."""

    class Meta:
        model = Promotion

    agency = factory.SubFactory(AgencyFactory)
    title = factory.Sequence(lambda n: f"유관기관 지원사업 설명회 안내 {n}")
    body = "설명회에 **회원사**를 초대합니다."
    link = "https://www.nipa.kr/"
    starts_on = factory.LazyFunction(timezone.localdate)
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
