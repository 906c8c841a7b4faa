"""The programme's PDF documents: the reproducible result sheet of a panel, the award certificates (상장) of
its winners, and the one-page evaluation summary of the programme."""

from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.pdf import render_pdf
from alliance.programs.documents import data, labels
from alliance.programs.models import Award, Panel, Programme
from alliance.programs.services.results import rule_of


def _rules_context(rule: dict) -> dict:
    return {
        "rule_label": labels.rule_label(rule.get("rule", "")),
        "policy_label": labels.policy_label(rule.get("absence_policy")),
        "chain_label": labels.chain_label(rule.get("tie_break_chain") or ()),
    }


RESULT_SHEET = "programs/documents/pdf/result_sheet.html"
BONUS_CERTIFICATE = "programs/documents/pdf/bonus_certificate.html"
BONUS_CERTIFICATE_CSS = "css/programs-support-pdf.css"
CERTIFICATES = "programs/documents/pdf/certificates.html"
SUMMARY = "programs/documents/pdf/summary.html"


def result_sheet_context(panel: Panel) -> dict:
    sheets = data.result_sheets(panel)
    for sheet in sheets:
        for sheet_row in sheet.rows:
            sheet_row.tie_steps = [(labels.tie_break_label(step.key), step.shown) for step in sheet_row.row.tie_break]
            sheet_row.rule_label = labels.rule_label(sheet_row.row.rule_applied)
    return {
        "title": _("Result sheet: %(programme)s, %(panel)s")
        % {"programme": panel.programme.name, "panel": panel.get_kind_display()},
        "panel": panel,
        "sheets": sheets,
        "printed_at": timezone.localtime(),
        **_rules_context(rule_of(panel)),
    }


def result_sheet_pdf(panel: Panel, *, request=None) -> bytes:
    """Every raw score, the totals dropped, the rule applied per group, the tie-breaks and staff decisions,
    and the fingerprint of each track's inputs. A4 landscape (one column per judge)."""
    return render_pdf(RESULT_SHEET, result_sheet_context(panel), request=request, page_size="A4 landscape")


def issuer_of(presented_by: str) -> str:
    """Who signs the certificate: the giver named by the award (과학기술정보통신부 장관상 → 과학기술정보통신부
    장관, NIPA 원장상 → NIPA 원장), else the alliance's chair."""
    presented_by = presented_by.strip()
    if presented_by.endswith("상") and len(presented_by) > 1:
        return presented_by[:-1]
    return presented_by or _("Chair, Metaverse Alliance")


def certificates_context(panel: Panel) -> dict:
    winners = list(data.winners_of(panel))
    presenters = {
        (award.track_id, award.name): award.presented_by
        for award in Award.objects.filter(track__programme_id=panel.programme_id)
    }
    issued_on = timezone.localdate(panel.released_at) if panel.released_at else timezone.localdate()
    certificates = []
    for winner in winners:
        companies = [member.organisation.name for member in winner.group.members.all() if member.confirmed_at]
        certificates.append(
            {
                "number": f"{panel.programme.year}-{winner.track.code}-{winner.place:02d}",
                "winner": winner,
                "companies": companies,
                "presented_by": presenters.get((winner.track_id, winner.award_name), ""),
                "issuer": issuer_of(presenters.get((winner.track_id, winner.award_name), "")),
            }
        )
    return {
        "title": _("Award certificates: %(programme)s") % {"programme": panel.programme.name},
        "programme": panel.programme,
        "certificates": certificates,
        "issued_on": issued_on,
    }


def certificates_pdf(panel: Panel, *, request=None) -> bytes:
    """One certificate (상장) per winner of the panel, in track and place order."""
    return render_pdf(CERTIFICATES, certificates_context(panel), request=request)


def bonus_certificate_context(grant) -> dict:
    winner = grant.winner
    presented_by = (
        Award.objects.filter(track_id=winner.track_id, name=winner.award_name)
        .values_list("presented_by", flat=True)
        .first()
        or ""
    )
    return {
        "title": _("Bonus-point certificate %(number)s") % {"number": grant.number},
        "grant": grant,
        "programme": grant.benefit.programme,
        "companies": [
            m.organisation.name for m in winner.group.members.select_related("organisation") if m.confirmed_at
        ],
        "presented_by": presented_by,
        "points": labels.points_label(grant.benefit.points),
        "issuer": _("Chair, Metaverse Alliance"),
    }


def bonus_certificate_pdf(grant, *, request=None) -> bytes:
    """The bonus-point certificate (가점 확인서) of one granted bonus-point benefit: the group, its companies, the
    award, the granting body, what the points apply to and how many, the number and the issue date."""
    return render_pdf(
        BONUS_CERTIFICATE, bonus_certificate_context(grant), request=request, stylesheets=(BONUS_CERTIFICATE_CSS,)
    )


def summary_context(programme: Programme) -> dict:
    figures = data.summary(programme)
    final = figures.panels.get(Panel.Kind.FINAL)
    rule = (
        rule_of(final)
        if final
        else {
            "rule": programme.ranking_rule,
            "absence_policy": programme.absence_policy,
            "tie_break_chain": programme.tie_break_chain,
        }
    )
    winners_by_group = {winner.group.name: winner.award_name for winner in figures.winners}
    return {
        "title": _("Evaluation summary: %(programme)s") % {"programme": programme.name},
        "summary": figures,
        "final": final,
        "screening": figures.panels.get(Panel.Kind.SCREENING),
        "top": [
            {
                "item": item,
                "rows": [(row, winners_by_group.get(row.group, "")) for row in item.result.rows[:5]]
                if item.result
                else [],
                "more": max(len(item.result.rows) - 5, 0) if item.result else 0,
            }
            for item in figures.results
        ],
        "totals": {
            "groups": sum(entry["groups"] for entry in figures.tracks),
            "submitted": sum(entry["submitted"] for entry in figures.tracks),
            "advancing": sum(entry["advancing"] or 0 for entry in figures.tracks),
        },
        "printed_at": timezone.localtime(),
        **_rules_context(rule),
    }


def summary_pdf(programme: Programme, *, request=None) -> bytes:
    """One A4 page: stages, applications per track, screening, the final ranking's top groups and winners,
    objections, and the fingerprint of every track's result."""
    return render_pdf(SUMMARY, summary_context(programme), request=request)
