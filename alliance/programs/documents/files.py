"""Each document as a file: its Korean-first name, an ASCII name for old clients and the command's output,
its content type, and how to build it. Shared by the download views and `programme_documents`."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from alliance.core.downloads import PDF, XLSX
from alliance.programs.documents import pdfs, staff_lists, xlsx
from alliance.programs.documents.queries import document_panels
from alliance.programs.models import Panel, Programme
from alliance.programs.queries.support import grants_of_programme


@dataclass(frozen=True)
class DocumentFile:
    name: str
    ascii_name: str
    content_type: str
    build: Callable[[], bytes]

    @property
    def is_pdf(self) -> bool:
        return self.content_type == PDF


def _panel_words(panel: Panel) -> dict:
    return {"year": panel.programme.year, "panel": panel.get_kind_display()}


def _panel_label(panel: Panel) -> str:
    return {Panel.Kind.SCREENING: "screening", Panel.Kind.FINAL: "final"}.get(panel.kind, panel.kind)


def applications(programme: Programme) -> DocumentFile:
    return DocumentFile(
        name=_("%(year)s applications.xlsx") % {"year": programme.year},
        ascii_name=f"{programme.year}-applications.xlsx",
        content_type=XLSX,
        build=lambda: xlsx.applications_xlsx(programme),
    )


def evaluation_summary(programme: Programme, *, request=None) -> DocumentFile:
    return DocumentFile(
        name=_("%(year)s evaluation summary.pdf") % {"year": programme.year},
        ascii_name=f"{programme.year}-evaluation-summary.pdf",
        content_type=PDF,
        build=lambda: pdfs.summary_pdf(programme, request=request),
    )


def result_sheet(panel: Panel, *, request=None) -> DocumentFile:
    return DocumentFile(
        name=_("%(year)s result sheet (%(panel)s).pdf") % _panel_words(panel),
        ascii_name=f"{panel.programme.year}-result-sheet-{_panel_label(panel)}.pdf",
        content_type=PDF,
        build=lambda: pdfs.result_sheet_pdf(panel, request=request),
    )


def results(panel: Panel) -> DocumentFile:
    return DocumentFile(
        name=_("%(year)s results (%(panel)s).xlsx") % _panel_words(panel),
        ascii_name=f"{panel.programme.year}-results-{_panel_label(panel)}.xlsx",
        content_type=XLSX,
        build=lambda: xlsx.results_xlsx(panel),
    )


def certificates(panel: Panel, *, request=None) -> DocumentFile:
    return DocumentFile(
        name=_("%(year)s award certificates.pdf") % {"year": panel.programme.year},
        ascii_name=f"{panel.programme.year}-certificates.pdf",
        content_type=PDF,
        build=lambda: pdfs.certificates_pdf(panel, request=request),
    )


def support_record(programme: Programme) -> DocumentFile:
    return DocumentFile(
        name=_("%(year)s post-award support.xlsx") % {"year": programme.year},
        ascii_name=f"{programme.year}-post-award-support.xlsx",
        content_type=XLSX,
        build=lambda: xlsx.support_xlsx(programme),
    )


def bonus_certificate(grant, *, request=None) -> DocumentFile:
    return DocumentFile(
        name=_("Bonus-point certificate %(number)s.pdf") % {"number": grant.number},
        ascii_name=f"bonus-certificate-{grant.number}.pdf",
        content_type=PDF,
        build=lambda: pdfs.bonus_certificate_pdf(grant, request=request),
    )


def score_sheet(panel: Panel, judge) -> DocumentFile:
    return DocumentFile(
        name=_("%(year)s score sheet %(judge)s.xlsx") % {"year": panel.programme.year, "judge": judge.name},
        ascii_name=f"{panel.programme.year}-scores-{_panel_label(panel)}-{judge.pk}.xlsx",
        content_type=XLSX,
        build=lambda: xlsx.judge_scores_xlsx(panel, judge),
    )


def investment_board(day) -> DocumentFile:
    year = day.programme.year
    return DocumentFile(
        name=_("%(year)s investment day meetings.xlsx") % {"year": year},
        ascii_name=f"{year}-investment-day-meetings.xlsx",
        content_type=XLSX,
        build=lambda: staff_lists.investment_board_xlsx(day),
    )


def mentoring_round(programme: Programme, round_number: int, *, lacking_only: bool = False) -> DocumentFile:
    words = {"year": programme.year, "round": round_number}
    return DocumentFile(
        name=_("%(year)s mentoring round %(round)s.xlsx") % words,
        ascii_name=f"{programme.year}-mentoring-round-{round_number}.xlsx",
        content_type=XLSX,
        build=lambda: staff_lists.mentoring_round_xlsx(programme, round_number, lacking_only=lacking_only),
    )


def programme_files(programme: Programme) -> list[DocumentFile]:
    """Every document of the programme: applications and summary, then per panel the result sheet, the
    results, each judge's score sheet, and the final panel's certificates; then the post-award support record
    and every bonus-point certificate issued."""
    files = [applications(programme), evaluation_summary(programme)]
    for entry in document_panels(programme):
        panel = entry["panel"]
        files += [result_sheet(panel), results(panel)]
        if panel.kind == Panel.Kind.FINAL:
            files.append(certificates(panel))
        files += [score_sheet(panel, judge) for judge in entry["judges"]]
    files.append(support_record(programme))
    files += [bonus_certificate(grant) for grant in grants_of_programme(programme).filter(benefit__kind="bonus_points")]
    return files
