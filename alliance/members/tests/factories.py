"""Organisations built through the registry service, so derived columns and the search index are real."""

import datetime
import io

import factory
from PIL import Image

from alliance.core.korean import business_number_with_check_digit
from alliance.members.models import Contact, MemberCategory, Organisation
from alliance.members.services.registry import create_organisation
from alliance.members.services.vocabulary import seed_terms


class OrganisationFactory(factory.Factory):
    class Meta:
        model = dict

    name = factory.Sequence(lambda n: f"주식회사 테스트{n:04d}")
    business_number = factory.Sequence(lambda n: business_number_with_check_digit(f"{220000000 + n:09d}"))
    category = MemberCategory.SMALL
    joined_on = datetime.date(2024, 3, 1)
    sido = "서울"
    sigungu = "강남구"
    description = "메타버스 플랫폼을 개발합니다."

    @classmethod
    def _create(cls, model_class, *args, field_names=("메타버스",), **kwargs):
        seed_terms(field_names)  # test data brings its own vocabulary; users' writes only propose new fields
        return create_organisation(actor=None, data=kwargs, field_names=field_names)

    @classmethod
    def _build(cls, model_class, *args, field_names=None, **kwargs):
        return Organisation(**kwargs)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    name = factory.Sequence(lambda n: f"담당자{n}")
    email = factory.Sequence(lambda n: f"contact{n}@company.example.kr")
    phone = "010-1234-5678"
    is_primary = True


def png_bytes(fmt="PNG", size=(8, 8)) -> bytes:
    """A small image file's bytes (PNG unless `fmt` names another Pillow format), for logo uploads."""
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, fmt)
    return buffer.getvalue()
