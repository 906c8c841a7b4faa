"""Factories of the report archive's rows."""

import datetime

import factory
from django.core.files.base import ContentFile

from alliance.info.models import FileFormat, Publisher, PublisherVariant, Report, ReportFile
from alliance.info.queries.archive import publisher_key

MINIMAL_PDF = b"%PDF-1.4\n% archive\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


class PublisherFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publisher
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"발행기관{n}")
    key = factory.LazyAttribute(lambda o: publisher_key(o.name))


class PublisherVariantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublisherVariant

    publisher = factory.SubFactory(PublisherFactory)
    name = factory.Sequence(lambda n: f"발행기관 표기{n}")
    key = factory.LazyAttribute(lambda o: publisher_key(o.name))


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    posted_on = datetime.date(2025, 5, 16)
    publisher = factory.SubFactory(PublisherFactory)
    title = factory.Sequence(lambda n: f"가상융합 산업 동향 보고서 {n}")


class ReportFileFactory(factory.django.DjangoModelFactory):
    """A stored file; `content` (bytes) and the format give it its body (a minimal PDF by default)."""

    class Meta:
        model = ReportFile
        exclude = ("content",)

    report = factory.SubFactory(ReportFactory)
    format = FileFormat.PDF
    original_name = factory.LazyAttribute(lambda o: f"보고서.{o.format}")
    content = MINIMAL_PDF
    file = factory.LazyAttribute(lambda o: ContentFile(o.content, name=f"report.{o.format}"))
    size = factory.LazyAttribute(lambda o: len(o.content))
