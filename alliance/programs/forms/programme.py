"""Staff forms of programme set-up: a new programme, its rules, stages, tracks, rubric and awards.

Rubrics and awards are typed one per line (`name | points | 공통`), so a whole rubric is one edit and an
error names its line.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.bounds import POINTS_MAX, WINNERS_MAX, NamedNumberErrorsMixin, positive_whole_number
from alliance.core.company_facts import fact_choices
from alliance.core.versions import VersionedFormMixin
from alliance.programs.models import Programme, RankingRule, ScreeningMode, StageKind
from alliance.programs.models.programme import TIE_BREAK_LABELS
from alliance.programs.ranking.values import TIE_BREAK_KEYS
from alliance.programs.services.programme import validate_rules

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
# Spellings staff may use to mark a criterion common to all tracks.
COMMON_MARKS = {"공통", "common", "c", "*"}
ABSENCE_COUNTS = (4, 3, 2)
TIE_BREAK_CHOICES = [("", "—")] + [(key, label) for key, label in TIE_BREAK_LABELS.items() if key in TIE_BREAK_KEYS]


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("|")]


class ProgrammeCreateForm(NamedNumberErrorsMixin, forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100)
    name = forms.CharField(label=_("Programme name"), max_length=200)
    copy_from = forms.ModelChoiceField(
        label=_("Start from"),
        queryset=Programme.objects.order_by("-year"),
        required=False,
        empty_label=_("The default 2026 rubric and stages"),
        help_text=_("Copying keeps the tracks, rubrics, awards and rules, and moves the dates to the new year."),
    )


class ProgrammeRulesForm(NamedNumberErrorsMixin, VersionedFormMixin, forms.Form):
    name = forms.CharField(label=_("Programme name"), max_length=200)
    ranking_rule = forms.ChoiceField(label=_("Ranking rule"), choices=RankingRule.choices)
    absence_4 = forms.ChoiceField(label=_("With 4 judge totals"), choices=RankingRule.choices)
    absence_3 = forms.ChoiceField(label=_("With 3 judge totals"), choices=RankingRule.choices)
    absence_2 = forms.ChoiceField(label=_("With 2 judge totals"), choices=RankingRule.choices)
    tie_break_1 = forms.ChoiceField(label=_("First tie-break"), choices=TIE_BREAK_CHOICES, required=False)
    tie_break_2 = forms.ChoiceField(label=_("Second tie-break"), choices=TIE_BREAK_CHOICES, required=False)
    tie_break_3 = forms.ChoiceField(label=_("Third tie-break"), choices=TIE_BREAK_CHOICES, required=False)
    objection_days = forms.IntegerField(label=_("Objection period (days)"), min_value=0, max_value=60)
    final_judges = forms.IntegerField(label=_("Judges on the final panel"), min_value=1, max_value=15)
    screening_mode = forms.ChoiceField(label=_("Document screening"), choices=ScreeningMode.choices)
    screening_value = forms.DecimalField(
        label=_("Cut-off score or N"), min_value=0, max_value=POINTS_MAX, max_digits=6, decimal_places=2
    )
    company_facts = forms.MultipleChoiceField(
        label=_("Shown to the evaluators about each group company"),
        choices=fact_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    @classmethod
    def initial_for(cls, programme: Programme) -> dict:
        chain = [*programme.tie_break_chain, "", "", ""]
        initial = {
            "name": programme.name,
            "ranking_rule": programme.ranking_rule,
            "objection_days": programme.objection_days,
            "final_judges": programme.final_judges,
            "screening_mode": programme.screening_mode,
            "screening_value": programme.screening_value,
            "company_facts": list(programme.company_facts),
            **{f"tie_break_{n}": chain[n - 1] for n in (1, 2, 3)},
        }
        for count in ABSENCE_COUNTS:
            initial[f"absence_{count}"] = programme.absence_policy.get(str(count), programme.ranking_rule)
        return initial

    def clean(self):
        cleaned = super().clean()
        chain = [cleaned.get(f"tie_break_{n}") for n in (1, 2, 3)]
        chain = [step for step in chain if step]
        if len(set(chain)) != len(chain):
            raise forms.ValidationError(_("Each tie-break may appear once in the chain."))
        counts = [f"absence_{count}" for count in ABSENCE_COUNTS]
        chosen = [cleaned.get(name) for name in counts]
        if (
            RankingRule.ZSCORE in (cleaned.get("ranking_rule"), *chosen)
            and len({cleaned.get("ranking_rule"), *chosen}) > 1
        ):
            raise forms.ValidationError(
                _(
                    "Standardised scores cannot be mixed with raw-score rules: choose “%(rule)s” as the ranking rule "
                    "and for 4, 3 and 2 judge totals, or none of them."
                )
                % {"rule": RankingRule.ZSCORE.label}
            )
        if all(cleaned.get(name) for name in ("ranking_rule", *counts)):
            # The ranking engine's own check: a policy it would refuse is refused here, before any score.
            validate_rules(
                ranking_rule=cleaned["ranking_rule"],
                absence_policy={str(count): cleaned[f"absence_{count}"] for count in ABSENCE_COUNTS},
                tie_break_chain=chain,
            )
        return cleaned

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"].strip(),
            "ranking_rule": data["ranking_rule"],
            "absence_policy": {str(count): data[f"absence_{count}"] for count in ABSENCE_COUNTS},
            "tie_break_chain": [data[f"tie_break_{n}"] for n in (1, 2, 3) if data[f"tie_break_{n}"]],
            "objection_days": data["objection_days"],
            "final_judges": data["final_judges"],
            "screening_mode": data["screening_mode"],
            "screening_value": data["screening_value"],
            "company_facts": list(data.get("company_facts") or []),
        }


class StagesForm(VersionedFormMixin, forms.Form):
    """A start and an end (Korean time) for every stage."""

    def __init__(self, *args, programme: Programme, **kwargs):
        stages = {stage.kind: stage for stage in programme.stages.all()}
        initial = {}
        for kind in StageKind:
            if kind in stages:
                initial[f"{kind}_starts_at"] = stages[kind].starts_at
                initial[f"{kind}_ends_at"] = stages[kind].ends_at
        super().__init__(*args, initial=initial, version=programme.stages_version, **kwargs)
        for kind in StageKind:
            self.fields[f"{kind}_starts_at"] = forms.DateTimeField(
                label=_("%(stage)s starts") % {"stage": kind.label}, widget=DATETIME_WIDGET, required=False
            )
            self.fields[f"{kind}_ends_at"] = forms.DateTimeField(
                label=_("%(stage)s ends") % {"stage": kind.label}, widget=DATETIME_WIDGET, required=False
            )

    def rows(self):
        return [(kind.label, self[f"{kind}_starts_at"], self[f"{kind}_ends_at"]) for kind in StageKind]

    def clean(self):
        cleaned = super().clean()
        for kind in StageKind:
            starts, ends = cleaned.get(f"{kind}_starts_at"), cleaned.get(f"{kind}_ends_at")
            if (starts is None) != (ends is None):
                self.add_error(f"{kind}_ends_at", _("Give both the start and the end, or neither."))
            elif starts and ends and ends < starts:
                self.add_error(f"{kind}_ends_at", _("The end comes before the start."))
        return cleaned

    def stages(self) -> dict:
        return {
            kind.value: (self.cleaned_data[f"{kind}_starts_at"], self.cleaned_data[f"{kind}_ends_at"])
            for kind in StageKind
            if self.cleaned_data.get(f"{kind}_starts_at")
        }


class TrackForm(VersionedFormMixin, forms.Form):
    code = forms.CharField(label=_("Code"), max_length=10, help_text=_("Short and unique, e.g. SW or HW."))
    name = forms.CharField(label=_("Track name"), max_length=100)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class RubricForm(VersionedFormMixin, forms.Form):
    criteria = forms.CharField(
        label=_("Criteria"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One criterion a line: name | maximum points | 공통 (for a criterion common to all tracks)."),
    )

    @staticmethod
    def text_of(track) -> str:
        return "\n".join(
            f"{c.name} | {c.max_points}" + (" | 공통" if c.is_common else "") for c in track.criteria.all()
        )

    def clean_criteria(self):
        rows = []
        for line_number, line in enumerate(self.cleaned_data["criteria"].splitlines(), start=1):
            if not line.strip():
                continue
            cells = _cells(line)
            points = positive_whole_number(cells[1], POINTS_MAX) if len(cells) > 1 else None
            if not cells[0] or points is None:
                raise forms.ValidationError(
                    _("Line %(line)d: write “name | maximum points”, the points a whole number from 1 to %(max)s.")
                    % {"line": line_number, "max": f"{POINTS_MAX:,}"}
                )
            is_common = len(cells) > 2 and cells[2].lower() in COMMON_MARKS
            rows.append({"name": cells[0], "max_points": points, "is_common": is_common})
        return rows


class AwardsForm(VersionedFormMixin, forms.Form):
    awards = forms.CharField(
        label=_("Awards"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_("One award a line, highest first: name | presented by | number of winners."),
    )

    @staticmethod
    def text_of(track) -> str:
        return "\n".join(f"{a.name} | {a.presented_by} | {a.count}" for a in track.awards.all())

    def clean_awards(self):
        rows = []
        for line_number, line in enumerate(self.cleaned_data["awards"].splitlines(), start=1):
            if not line.strip():
                continue
            cells = [*_cells(line), "", ""]
            count = cells[2] or "1"
            winners = positive_whole_number(count, WINNERS_MAX)
            if not cells[0] or winners is None:
                raise forms.ValidationError(
                    _("Line %(line)d: write “name | presented by | number of winners” (1 to %(max)s winners).")
                    % {"line": line_number, "max": WINNERS_MAX}
                )
            rows.append({"rank": len(rows) + 1, "name": cells[0], "presented_by": cells[1], "count": winners})
        return rows
