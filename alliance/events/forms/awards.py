"""Forms of the results-sharing day: an award staff enter, and the IR pitching order."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.bounds import NamedNumberErrorsMixin
from alliance.events.models import EventAward
from alliance.events.models.awards import POSITION_MAX, SLOT_MINUTES_MAX

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class AwardForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=EventAward.Category.choices)
    award_name = forms.CharField(label=_("Award"), max_length=200, help_text=_("e.g. 과학기술정보통신부 장관 표창"))
    presented_by = forms.CharField(label=_("Presented by"), max_length=200, required=False)
    recipient = forms.CharField(label=_("Recipient"), max_length=200)


class PitchingForm(NamedNumberErrorsMixin, forms.Form):
    """The start, slot length and room, and one order number per candidate group (blank: does not pitch)."""

    starts_at = forms.TimeField(label=_("Start time"), widget=TIME, initial=datetime.time(14, 0))
    slot_minutes = forms.IntegerField(label=_("Minutes per slot"), min_value=1, max_value=SLOT_MINUTES_MAX, initial=15)
    room = forms.CharField(label=_("Room"), max_length=100, required=False)

    def __init__(self, *args, groups, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = groups
        placed = {slot.group_id: slot.position for slot in slots}
        if slots:
            self.fields["starts_at"].initial = slots[0].starts_at
            self.fields["slot_minutes"].initial = slots[0].minutes
            self.fields["room"].initial = slots[0].room
        for group in groups:
            self.fields[f"order_{group.pk}"] = forms.IntegerField(
                label=f"{group.name} ({group.lead.name})",
                min_value=1,
                max_value=POSITION_MAX,
                required=False,
                initial=placed.get(group.pk),
            )

    def group_fields(self):
        return [self[f"order_{group.pk}"] for group in self.groups]

    def group_ids(self) -> list[int]:
        """The groups given an order number, by that number (ties by the list's order)."""
        chosen = [
            (self.cleaned_data[f"order_{group.pk}"], index, group.pk)
            for index, group in enumerate(self.groups)
            if self.cleaned_data.get(f"order_{group.pk}") is not None
        ]
        return [pk for _order, _index, pk in sorted(chosen)]
