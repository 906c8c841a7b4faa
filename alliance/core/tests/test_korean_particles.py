"""Korean particles chosen by the word before them: one helper for every page, document and e-mail."""

import pytest
from django.http import HttpResponse
from django.template import Context, Template
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from alliance.core.korean import final_sound, particle, resolve_particles
from alliance.core.middleware import KoreanParticlesMiddleware

hangul = st.integers(min_value=0xAC00, max_value=0xD7A3).map(chr)
hangul_word = st.text(alphabet=hangul, min_size=1, max_size=6)


def jongseong(syllable: str) -> int:
    return (ord(syllable) - 0xAC00) % 28


@given(hangul_word)
def test_every_hangul_word_takes_the_particle_of_its_final_consonant(word):
    jong = jongseong(word[-1])
    with_batchim = jong != 0
    assert resolve_particles(f"{word}을(를)") == word + ("을" if with_batchim else "를")
    assert resolve_particles(f"{word}은(는)") == word + ("은" if with_batchim else "는")
    assert resolve_particles(f"{word}이(가)") == word + ("이" if with_batchim else "가")
    assert resolve_particles(f"{word}와(과)") == word + ("과" if with_batchim else "와")
    assert resolve_particles(f"{word}(이)라는") == word + ("이라는" if with_batchim else "라는")
    # (으)로: only a final consonant other than ㄹ takes 으 (서울로, 부산으로)
    assert resolve_particles(f"{word}(으)로") == word + ("으로" if with_batchim and jong != 8 else "로")


# How the last digit is read: 영 일 이 삼 사 오 육 칠 팔 구 (받침 except 2, 4, 5, 9).
DIGIT_HAS_BATCHIM = {"0": True, "1": True, "2": False, "3": True, "4": False}
DIGIT_HAS_BATCHIM |= {"5": False, "6": True, "7": True, "8": True, "9": False}


@given(hangul_word, st.sampled_from("123456789"))
def test_a_word_ending_in_a_digit_is_read_as_the_number_is_said(word, digit):
    text = f"{word} {digit}"
    assert resolve_particles(f"{text}을(를)") == text + ("을" if DIGIT_HAS_BATCHIM[digit] else "를")
    assert resolve_particles(f"{text}(으)로") == text + ("으로" if digit in "36" else "로")  # 삼, 육


# Latin capitals are read by their Korean names: 엘, 알 (ㄹ), 엠, 엔 end in a consonant; 에이, 비, ..., 제트 do not.
LETTER_HAS_BATCHIM = set("LMNR")


@given(hangul_word, st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=4))
def test_a_word_ending_in_capitals_is_read_by_the_letter_names(word, letters):
    text = f"{word}{letters}"
    assert resolve_particles(f"{text}은(는)") == text + ("은" if letters[-1] in LETTER_HAS_BATCHIM else "는")


@pytest.mark.parametrize(
    ("word", "sound"),
    [
        ("10", "batchim"),  # 십
        ("100", "batchim"),  # 백
        ("1000", "batchim"),  # 천
        ("20000", "batchim"),  # 이만
        ("1000000000000", "vowel"),  # 일조
        ("1.5", "vowel"),  # 일 점 오
        ("Google", "rieul"),
        ("Zoom", "batchim"),
        ("Kubeflow", "vowel"),
        ("XR", "rieul"),
        ("NIPA", "vowel"),
        ("“젠”", "batchim"),
        ("“메타”", "vowel"),
        ("<strong>서울</strong>", "rieul"),
        ("&#x27;부산&#x27;", "batchim"),
        ("@", None),
        ("", None),
    ],
)
def test_final_sound_of_numbers_words_and_names_in_quotes_or_markup(word, sound):
    assert final_sound(word) == sound


def test_unknown_words_keep_both_forms():
    assert resolve_particles("★을(를) 확인") == "★을(를) 확인"


def test_particle_and_the_template_filters():
    assert particle("대상", "를") == "대상을"
    assert particle("우수상", "를") == "우수상을"
    assert particle("장려", "을") == "장려를"
    rendered = Template('{% load korean %}{{ award|josa:"을" }} {{ city|josa:"로" }} {{ note|particles }}').render(
        Context({"award": "대상", "city": "서울", "note": "젠은(는) 메타(이)라는"})
    )
    assert rendered == "대상을 서울로 젠은 메타라는"


def test_pages_have_their_particles_chosen():
    page = "<p>&#x27;유디포엠&#x27;(이)라는 회원사가 없습니다. <b>젠</b>을(를) 초대했습니다.</p>"
    middleware = KoreanParticlesMiddleware(lambda request: HttpResponse(page, content_type="text/html; charset=utf-8"))

    response = middleware(RequestFactory().get("/"))

    assert response.content.decode() == "<p>&#x27;유디포엠&#x27;이라는 회원사가 없습니다. <b>젠</b>을 초대했습니다.</p>"
