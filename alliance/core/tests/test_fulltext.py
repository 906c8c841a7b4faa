"""The shared Korean full-text search (alliance/core/fulltext/): its rules as properties, ranking and snippets
exactly, and the index replaced and removed."""

import datetime

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from alliance.core.fulltext.queries import rank, snippets
from alliance.core.fulltext.services import index_document, remove_document
from alliance.core.fulltext.snippets import Snippet, cut_snippet
from alliance.core.fulltext.text import PARTICLES, compact, query_words
from alliance.core.models import FullTextDocument, FullTextPosting, User

KIND = "test.doc"
DAY = datetime.date(2025, 6, 1)
HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
WORD = st.text(alphabet=HANGUL, min_size=2, max_size=6)
PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
NOISE = "가상융합 산업 동향과 정책 과제"


def _index(object_id, *, title="제목", summary="", body="", dated=DAY):
    index_document(kind=KIND, object_id=object_id, title=title, summary=summary, body=body, dated=dated)


def _fresh():
    FullTextPosting.objects.all().delete()
    FullTextDocument.objects.all().delete()


# --- normalisation, without the database ---------------------------------------------------------------


@given(first=WORD, second=WORD)
def test_spacing_does_not_change_the_compacted_form(first, second):
    assert compact(f"{first} {second}") == compact(f"{first}{second}") == compact(f" {first}\n\t{second}. ")


@given(noun=WORD, particle=st.sampled_from(PARTICLES))
def test_a_query_word_loses_its_particle_and_keeps_the_start_of_the_noun(noun, particle):
    (word,) = query_words(noun + particle)
    assert noun.startswith(word)
    assert len(word) >= 2


def test_query_words_are_folded_compacted_and_stripped():
    assert query_words("  보고서를  ＡＩ가 디지털·트윈 XR  xr ") == ["보고서", "ai", "디지털트윈", "xr"]
    assert query_words("국가 결과 가") == ["국가", "결과", "가"]
    assert query_words(" .,! ") == []


# --- the rules against the index ------------------------------------------------------------------------


@pytest.mark.django_db
@PROPERTY
@given(word=st.text(alphabet=HANGUL, min_size=3, max_size=8), data=st.data())
def test_a_part_of_a_word_finds_the_whole(word, data):
    _fresh()
    start = data.draw(st.integers(0, len(word) - 2))
    end = data.draw(st.integers(start + 2, len(word)))
    part = word[start:end]
    assume(query_words(part) == [part])  # a part ending like a particle is searched without it: still a part
    _index(1, body=f"{NOISE} {word}을 다룬다")
    _index(2, body=NOISE)
    assert rank(kind=KIND, query=part) == [1]


@pytest.mark.django_db
@PROPERTY
@given(first=WORD, second=WORD)
def test_spacing_does_not_matter_either_way(first, second):
    _fresh()
    _index(1, body=f"{NOISE} {first} {second} 기술")
    _index(2, body=f"{NOISE} {first}{second} 기술", dated=DAY - datetime.timedelta(days=1))
    assert rank(kind=KIND, query=f"{first}{second}") == [1, 2]
    assert rank(kind=KIND, query=f"{first} {second}") == [1, 2]


@pytest.mark.django_db
@PROPERTY
@given(noun=WORD, particle=st.sampled_from(PARTICLES))
def test_particles_do_not_hide_words(noun, particle):
    _fresh()
    _index(1, body=f"{NOISE} {noun}{particle} 검토했다")
    _index(2, body=f"{NOISE} {noun} 검토", dated=DAY - datetime.timedelta(days=1))
    assert rank(kind=KIND, query=noun)[:1] == [1] or rank(kind=KIND, query=noun) == [2, 1]
    assert set(rank(kind=KIND, query=noun)) == {1, 2}
    assert set(rank(kind=KIND, query=noun + particle)) == {1, 2}


@pytest.mark.django_db
def test_case_and_width_are_folded_and_every_word_must_match():
    _index(1, body="ＸＲ 콘텐츠 제작 지원")
    _index(2, body="xr 기기 보급")
    _index(3, body="AR 글래스 콘텐츠")
    assert rank(kind=KIND, query="XR") == [2, 1]
    assert rank(kind=KIND, query="xr 콘텐츠") == [1]
    assert rank(kind=KIND, query="콘텐츠") == [3, 1]
    assert rank(kind=KIND, query="xr 없는낱말") == []
    assert rank(kind=KIND, query=" ... ") is None


@pytest.mark.django_db
def test_one_letter_is_looked_for_in_titles_and_summaries():
    _index(1, title="가치 평가", body="없음")
    _index(2, title="보고", summary="가격 동향")
    _index(3, title="보고", body="가나다라")
    assert rank(kind=KIND, query="가") == [1, 2]  # twice in the first's title


# --- ranking ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_title_above_summary_above_body_more_matches_higher_then_newer_then_higher_id():
    body_only = "디지털 트윈 " * 5
    _index(10, title="트윈 동향", dated=datetime.date(2020, 1, 1))
    _index(11, title="동향", summary="트윈 소개", dated=datetime.date(2021, 1, 1))
    _index(12, title="동향", body=body_only, dated=datetime.date(2022, 1, 1))
    _index(13, title="동향", body="트윈과 트윈", dated=datetime.date(2026, 1, 1))
    _index(14, title="동향", body="트윈을 보라. 트윈이다", dated=datetime.date(2025, 1, 1))
    _index(15, title="동향", body="트윈을 보라. 트윈이다", dated=datetime.date(2025, 1, 1))
    _index(16, title="트윈 트윈", dated=datetime.date(2019, 1, 1))
    assert rank(kind=KIND, query="트윈") == [16, 10, 11, 12, 13, 15, 14]


@pytest.mark.django_db
def test_other_kinds_and_the_callers_filter_are_respected():
    _index(1, body="메타버스 보고서")
    _index(2, body="메타버스 보고서")
    index_document(kind="other", object_id=3, title="메타버스", dated=DAY)
    assert rank(kind=KIND, query="메타버스") == [2, 1]
    within = User.objects.none().values("pk")
    assert rank(kind=KIND, query="메타버스", within=within) == []
    assert rank(kind=KIND, query="메타버스", within=User.objects.filter(pk__in=[1]).values("pk")) == []


# --- writes -----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_reindexing_replaces_the_text_and_removing_takes_it_out():
    _index(1, title="메타버스 보고서", body="디지털 트윈")
    _index(1, title="인공지능 보고서", body="생성형 모델")
    assert rank(kind=KIND, query="트윈") == []
    assert rank(kind=KIND, query="생성형") == [1]
    assert FullTextDocument.objects.get().title == "인공지능 보고서"
    remove_document(kind=KIND, object_id=1)
    remove_document(kind=KIND, object_id=1)
    assert rank(kind=KIND, query="인공지능") == []
    assert FullTextPosting.objects.count() == 0


@pytest.mark.django_db
def test_a_300_page_body_is_indexed_and_searched():
    page = "가상융합 산업의 디지털 트윈 기술은 제조와 건설 분야에서 빠르게 확산되고 있으며 정부는 지원을 늘렸다. " * 30
    _index(1, body=page * 300 + "마지막 쪽의 희귀한낱말")
    assert rank(kind=KIND, query="희귀한낱말을") == [1]
    assert str(snippets(kind=KIND, query="희귀한낱말", object_ids=[1])[1]).endswith("마지막 쪽의 희귀한낱말")


# --- snippets ---------------------------------------------------------------------------------------------


def test_the_snippet_is_the_passage_with_most_words_marked_as_spans():
    body = "서문. " + "관련 없는 문장입니다. " * 20 + "디지털 트윈을 활용한 보고서는 제조 현장의 변화를 보여 준다."
    snippet = cut_snippet(["", body], query_words("디지털트윈 보고서를"))
    # 40 characters before the first match, moved back so that the passage is 160 long where the text ends.
    assert snippet.text == "…" + body[-160:]
    assert [snippet.text[a:b] for a, b in snippet.marks] == ["디지털 트윈", "보고서"]
    assert snippet.pieces[-2:] == [("보고서", True), ("는 제조 현장의 변화를 보여 준다.", False)]


def test_snippet_pieces_collapse_spacing_and_merge_overlapping_marks():
    snippet = cut_snippet(["메타버스\n\n  산업   보고서"], query_words("메타버스산업 버스"))
    assert snippet == Snippet("메타버스 산업 보고서", ((0, 7),))
    assert snippet.pieces == [("메타버스 산업", True), (" 보고서", False)]


def test_without_a_match_the_snippet_is_the_opening_unmarked():
    assert cut_snippet(["", "첫 문장. " * 40], ["없는말"]) == Snippet(("첫 문장. " * 40)[:160].rstrip() + "…")
    assert cut_snippet(["", ""], ["없는말"]) == Snippet("")


@pytest.mark.django_db
def test_many_at_once_index_as_one_at_a_time_and_a_kind_is_emptied():
    from alliance.core.fulltext.services import Text, index_documents, remove_kind

    _index(1, title="옛 제목", body="사라질 낱말")
    count = index_documents(
        kind=KIND,
        texts=[
            Text(object_id=1, title="메타버스 동향", body="디지털 트윈", dated=DAY),
            Text(object_id=2, title="동향", summary="메타버스 정책", dated=DAY),
        ],
    )
    assert count == 2
    assert rank(kind=KIND, query="메타버스") == [1, 2]
    assert rank(kind=KIND, query="사라질") == []
    index_document(kind="other", object_id=1, title="메타버스", dated=DAY)
    remove_kind(kind=KIND)
    assert rank(kind=KIND, query="메타버스") == []
    assert rank(kind="other", query="메타버스") == [1]
    assert FullTextDocument.objects.filter(kind=KIND).count() == 0


def test_a_snippets_html_escapes_every_piece_and_marks_the_matches():
    snippet = Snippet("<b>보고서</b>를 & 분석", ((3, 6),))
    assert snippet.html == "&lt;b&gt;<mark>보고서</mark>&lt;/b&gt;를 &amp; 분석"
