"""Factories of the boards' rows."""

import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from alliance.info.models import Board, Category, Post, PostAttachment

MINIMAL_PDF = b"%PDF-1.4\n% board\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


class PostFactory(factory.django.DjangoModelFactory):
    """A published notice (an hour ago) unless told otherwise."""

    class Meta:
        model = Post

    board = Board.NOTICES
    category = Category.NOTICE
    title = factory.Sequence(lambda n: f"2026년 메타버스 얼라이언스 공지 {n}")
    body = "**회원사** 여러분께 알려드립니다.\n\n- 일정: 5월 16일\n- 장소: 서울"
    publish_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))


class PostAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PostAttachment

    post = factory.SubFactory(PostFactory)
    original_name = "공고문.pdf"
    size = len(MINIMAL_PDF)
    file = factory.LazyFunction(lambda: ContentFile(MINIMAL_PDF, name="attachment.pdf"))
