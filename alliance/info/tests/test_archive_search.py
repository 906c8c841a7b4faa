"""The report archive's Korean search: what is indexed (a locked file's placeholder never), when (saved,
extracted, replaced, deleted), the rules (a part of a word, spacing, particles), filters with a query, ranking,
the page with its marked passages and constant statements, and the two commands."""

import datetime
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from alliance.core.fulltext.services import remove_kind
from alliance.core.models import FullTextDocument
from alliance.ecosystem.tests.factories import TaxonomyFactory, TechnologyFactory
from alliance.info.demo_archive_files import docx_bytes
from alliance.info.models import ExtractionState, Report
from alliance.info.queries.archive import ArchiveFilters, archive_years, publishers_in_use
from alliance.info.queries.archive_search import REPORT_KIND, matching_report_ids
from alliance.info.services import archive
from alliance.info.services.archive_index import index_missing_reports, index_report, rebuild_archive_index
from alliance.info.tests.factories_archive import PublisherFactory, PublisherVariantFactory, ReportFactory
from alliance.info.tests.hwp_files import PLACEHOLDER, hwp_bytes
from alliance.info.views import archive as archive_views

pytestmark = pytest.mark.django_db
LIST = reverse("info:archive")


def add_report(actor, *, title, body=(), summary="", publisher=None, posted_on=datetime.date(2025, 5, 16), **kw):
    """A report through the service, with a DOCX file of `body`'s paragraphs extracted (the worker's path)."""
    uploads = [SimpleUploadedFile("본문.docx", docx_bytes(title, list(body)))] if body else []
    return archive.create_report(
        actor=actor,
        posted_on=posted_on,
        publisher=publisher or PublisherFactory(name="SPRI"),
        title=title,
        summary=summary,
        uploads=uploads,
        **kw,
    )


NO_FILTERS = ArchiveFilters()


def titles(query, filters=NO_FILTERS):
    return [Report.objects.get(pk=pk).title for pk in matching_report_ids(query, filters) or []]


@pytest.fixture
def reports(staff_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        twin = add_report(
            staff_user,
            title="디지털트윈 기반 제조 혁신 전략",
            body=["스마트 공장에서 디지털 트윈을 도입한 기업의 보고서를 분석하였다."],
            posted_on=datetime.date(2025, 3, 4),
        )
        policy = add_report(
            staff_user,
            title="가상융합산업 진흥 정책 동향",
            summary="가상 융합 산업의 제도와 예산을 정리한 보고서.",
            body=["메타버스 플랫폼 사업자의 책임을 규정하는 법률이 시행되었다."],
            publisher=PublisherFactory(name="KISTEP"),
            posted_on=datetime.date(2024, 11, 2),
        )
    return twin, policy


def test_a_part_of_a_word_finds_the_whole(reports):
    assert titles("트윈") == ["디지털트윈 기반 제조 혁신 전략"]
    assert titles("융합산") == ["가상융합산업 진흥 정책 동향"]
    assert titles("플랫") == ["가상융합산업 진흥 정책 동향"]  # in the file's text only


def test_spacing_does_not_matter_either_way(reports):
    assert titles("디지털 트윈") == ["디지털트윈 기반 제조 혁신 전략"]
    assert titles("스마트공장") == ["디지털트윈 기반 제조 혁신 전략"]
    assert titles("가상 융합 산업") == ["가상융합산업 진흥 정책 동향"]


def test_particles_do_not_hide_words(reports):
    # 보고서. in a summary ranks above 보고서를 in a file's text
    assert titles("보고서") == ["가상융합산업 진흥 정책 동향", "디지털트윈 기반 제조 혁신 전략"]
    assert titles("보고서를") == titles("보고서")
    assert titles("책임을") == ["가상융합산업 진흥 정책 동향"]
    assert titles("정책은") == ["가상융합산업 진흥 정책 동향"]


def test_every_word_must_match_and_nothing_matches_nothing(reports):
    assert titles("트윈 법률") == []
    assert titles("메타버스 법률") == ["가상융합산업 진흥 정책 동향"]
    assert titles("반도체") == []
    assert matching_report_ids("   ") is None  # no word: no search


def test_publisher_spellings_and_tags_are_searchable(staff_user, django_capture_on_commit_callbacks):
    kistep = PublisherFactory(name="KISTEP")
    PublisherVariantFactory(publisher=kistep, name="한국과학기술기획평가원")
    technology = TechnologyFactory(taxonomy=TaxonomyFactory(year=2025), name="확장현실")
    with django_capture_on_commit_callbacks(execute=True):
        add_report(staff_user, title="유망기술 트렌드", publisher=kistep, technologies=[technology])
    assert titles("과학기술기획") == ["유망기술 트렌드"]
    assert titles("kistep") == ["유망기술 트렌드"]
    assert titles("확장 현실") == ["유망기술 트렌드"]


def test_a_locked_files_placeholder_is_never_found(staff_user, django_capture_on_commit_callbacks):
    locked = SimpleUploadedFile("배포용.hwp", hwp_bytes(["잠긴 본문"], distribution=True))
    with django_capture_on_commit_callbacks(execute=True):
        report = archive.create_report(
            actor=staff_user,
            posted_on=datetime.date(2025, 6, 1),
            publisher=PublisherFactory(name="ETRI"),
            title="배포용 문서 보고서",
            uploads=[locked],
        )
    assert report.files.get().extraction_state == ExtractionState.DISTRIBUTION_LOCKED
    assert "배포용 문서입니다" in PLACEHOLDER
    assert titles("주십시오") == []
    assert titles("한글 2022 이상에서") == []
    assert titles("배포용") == ["배포용 문서 보고서"]  # its title is still found
    assert FullTextDocument.objects.get(kind=REPORT_KIND, object_id=report.pk).body == ""


def test_a_file_found_locked_when_extracted_again_leaves_the_search(reports, django_capture_on_commit_callbacks):
    twin, _policy = reports
    report_file = twin.files.get()
    report_file.file.save("locked.hwp", io.BytesIO(hwp_bytes(["x"], password=True)), save=False)
    report_file.format = "hwp"
    report_file.save()
    with django_capture_on_commit_callbacks(execute=True):
        archive.rerun_extraction(actor=None, report_file=report_file)
    assert titles("스마트공장") == []


def test_replacing_a_file_searches_the_new_version_only(reports, staff_user, django_capture_on_commit_callbacks):
    twin, _policy = reports
    new = SimpleUploadedFile("개정.docx", docx_bytes("개정판", ["협동 로봇의 안전 기준을 다룬다."]))
    with django_capture_on_commit_callbacks(execute=True):
        archive.replace_report_file(actor=staff_user, report_file=twin.files.get(), upload=new)
    assert titles("스마트공장") == []
    assert titles("협동로봇") == ["디지털트윈 기반 제조 혁신 전략"]


def test_a_changed_record_is_searched_at_once_and_a_deleted_one_leaves(reports, staff_user):
    twin, policy = reports
    archive.update_report(
        actor=staff_user,
        report=policy,
        posted_on=policy.posted_on,
        publisher=policy.publisher,
        title="가상융합산업 진흥법 해설",
        summary=policy.summary,
        source_url="",
    )
    assert titles("진흥법") == ["가상융합산업 진흥법 해설"]
    twin.delete()
    assert titles("트윈") == []  # a search only looks among existing reports
    assert index_missing_reports() == "0 archive reports indexed, 1 removed"
    assert FullTextDocument.objects.filter(kind=REPORT_KIND).count() == 1


def test_ranking_title_then_summary_then_body_then_newer():
    publisher = PublisherFactory(name="NIA")
    in_body = ReportFactory(title="연간 보고", publisher=publisher, posted_on=datetime.date(2025, 9, 1))
    in_body.files.create(
        file="x.pdf", original_name="x.pdf", format="pdf", extraction_state="done", extracted_text="공간컴퓨팅 사례"
    )
    in_summary = ReportFactory(title="시장 전망", summary="공간 컴퓨팅 시장", posted_on=datetime.date(2025, 1, 1))
    older_title = ReportFactory(title="공간컴퓨팅 동향", posted_on=datetime.date(2024, 1, 1))
    newer_title = ReportFactory(title="공간컴퓨팅 개론", posted_on=datetime.date(2025, 1, 1))
    for report in (in_body, in_summary, older_title, newer_title):
        index_report(report_id=report.pk)
    assert titles("공간 컴퓨팅") == ["공간컴퓨팅 개론", "공간컴퓨팅 동향", "시장 전망", "연간 보고"]


def test_filters_combine_with_the_query(reports, staff_user, django_capture_on_commit_callbacks):
    twin, policy = reports
    kistep = policy.publisher
    with django_capture_on_commit_callbacks(execute=True):
        add_report(staff_user, title="메타버스 보고서 2025", publisher=kistep, posted_on=datetime.date(2025, 1, 9))
    best_first = ["메타버스 보고서 2025", "가상융합산업 진흥 정책 동향"]  # 보고서 in the title, then the summary
    assert titles("보고서", ArchiveFilters(publisher=kistep.pk)) == best_first
    assert titles("보고서", ArchiveFilters(publisher=kistep.pk, year=2025)) == ["메타버스 보고서 2025"]
    assert titles("보고서", ArchiveFilters(year=2023)) == []
    technology = TechnologyFactory(taxonomy=TaxonomyFactory(year=2025), name="디지털 트윈")
    twin.technologies.add(technology)
    assert titles("보고서", ArchiveFilters(tag="디지털 트윈")) == ["디지털트윈 기반 제조 혁신 전략"]


def test_the_page_shows_matches_best_first_with_the_words_marked(client, reports):
    html = client.get(LIST, {"q": "보고서를", "year": 2025}).content.decode()
    assert "디지털트윈 기반 제조 혁신 전략" in html
    assert "가상융합산업 진흥 정책 동향" not in html  # 2024
    assert "스마트 공장에서 디지털 트윈을 도입한 기업의 <mark>보고서</mark>를 분석하였다." in html
    assert 'value="보고서를"' in html


def test_the_page_says_so_in_korean_when_nothing_matches(client, reports):
    html = client.get(LIST, {"q": "양자암호"}).content.decode()
    assert "“양자암호”에 맞는 보고서가 없습니다." in html
    assert "<tbody>" not in html


def test_the_passage_is_escaped_before_it_is_marked(client, staff_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        add_report(staff_user, title="보안 점검", body=["<script>alert(1)</script> 취약점 점검 결과"])
    html = client.get(LIST, {"q": "취약점"}).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>취약점</mark> 점검 결과" in html


def test_a_results_page_runs_a_constant_number_of_statements(client, staff_user, django_capture_on_commit_callbacks):
    def statements() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST, {"q": "보고서", "year": 2025}).status_code == 200
        return len(captured)

    with django_capture_on_commit_callbacks(execute=True):
        add_report(staff_user, title="첫 보고서", body=["보고서 본문"])
    one = statements()
    technology = TechnologyFactory(taxonomy=TaxonomyFactory(year=2025), name="인공지능")
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(12):
            add_report(
                staff_user,
                title=f"보고서 {number}",
                body=["보고서 본문"],
                publisher=PublisherFactory(name=f"기관{number}"),
                technologies=[technology],
            )
    assert statements() == one


def test_paging_a_search_keeps_the_query_and_numbers_from_the_best(client, monkeypatch):
    monkeypatch.setattr(archive_views, "PAGE_SIZE", 2)
    for day in range(1, 6):
        index_report(report_id=ReportFactory(title=f"메타버스 동향 {day}", posted_on=datetime.date(2025, 3, day)).pk)
    html = client.get(LIST, {"q": "메타버스", "page": 2}).content.decode()
    assert "메타버스 동향 3" in html
    assert "메타버스 동향 2" in html
    assert 'href="?q=%EB%A9%94%ED%83%80%EB%B2%84%EC%8A%A4&amp;page=3"' in html
    assert '<td class="num">3</td>' in html
    assert '<td class="num">4</td>' in html


def test_the_export_holds_the_searched_reports(client, reports):
    response = client.get(reverse("info:archive_export"), {"q": "트윈"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["디지털트윈 기반 제조 혁신 전략"]


def test_search_archive_command_prints_the_issues_json(reports):
    out = io.StringIO()
    call_command("search_archive", "보고서", "--format", "json", stdout=out)
    assert json.loads(out.getvalue()) == [
        {
            "title": "가상융합산업 진흥 정책 동향",
            "publisher": "KISTEP",
            "posted_on": "2024-11-02",
            "snippet": "가상 융합 산업의 제도와 예산을 정리한 보고서. KISTEP",
        },
        {
            "title": "디지털트윈 기반 제조 혁신 전략",
            "publisher": "SPRI",
            "posted_on": "2025-03-04",
            "snippet": "디지털트윈 기반 제조 혁신 전략 스마트 공장에서 디지털 트윈을 도입한 기업의 보고서를 "
            "분석하였다.",
        },
    ]
    out = io.StringIO()
    call_command("search_archive", "보고서", "--publisher", "kistep", "--format", "json", stdout=out)
    assert [result["title"] for result in json.loads(out.getvalue())] == ["가상융합산업 진흥 정책 동향"]
    out = io.StringIO()
    call_command("search_archive", "없는말", "--format", "json", stdout=out)
    assert out.getvalue() == "[]\n"


def test_reindex_archive_rebuilds_the_index(reports):
    remove_kind(kind=REPORT_KIND)
    assert titles("트윈") == []
    out = io.StringIO()
    call_command("reindex_archive", "--format", "json", stdout=out)
    assert json.loads(out.getvalue()) == {"reports": 2, "indexed": 2, "removed": 0, "files_with_text": 2}
    assert titles("트윈") == ["디지털트윈 기반 제조 혁신 전략"]
    assert rebuild_archive_index().removed == 2


def test_the_filters_choices_are_the_years_and_publishers_in_use():
    used = PublisherFactory(name="KDI")
    PublisherFactory(name="STEPI")  # no report
    for day in (datetime.date(2019, 1, 2), datetime.date(2025, 12, 31), datetime.date(2025, 1, 1)):
        ReportFactory(posted_on=day, publisher=used)
    assert archive_years() == [2025, 2019]
    assert publishers_in_use() == [used]


def test_the_filter_choices_and_a_ranking_are_kept_until_the_archive_changes(
    client, staff_user, settings, django_capture_on_commit_callbacks
):
    settings.ARCHIVE_SEARCH_CACHE_SECONDS = 600

    def statements(params) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST, params).status_code == 200
        return len(captured)

    with django_capture_on_commit_callbacks(execute=True):
        add_report(staff_user, title="첫 보고서", body=["보고서 본문"])
    first = statements({"q": "보고서"})
    again = statements({"q": "보고서"})
    # Kept: the filter choices (publishers, years, the two tag facets) and the ranking (the grams' counts, the ranking).
    assert first - again == 6

    with django_capture_on_commit_callbacks(execute=True):
        add_report(staff_user, title="두번째 보고서", body=["본문"], publisher=PublisherFactory(name="새기관"))
    html = client.get(LIST, {"q": "보고서"}).content.decode()
    assert "두번째 보고서" in html
    assert ">새기관</option>" in html
