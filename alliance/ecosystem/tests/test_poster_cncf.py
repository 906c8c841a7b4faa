"""The A3 poster of the CNCF landscape (2,413 items) read back from its PDF (issue 11): one page, every name
once, names searchable as written (no ligature glyphs: `Kubeflow`, not `Kube ow`)."""

from collections import Counter

import pytest
from django.utils.translation import gettext

from alliance.core.tests.pdf_reading import page_count, text_layer
from alliance.ecosystem.exports.poster import poster_pdf
from alliance.ecosystem.landscape.grid import live_landscape
from alliance.ecosystem.models import Taxonomy
from alliance.ecosystem.tests.test_landscape_foundations import _import
from alliance.ecosystem.tests.test_landscape_yml import CNCF


def _names_on_the_page(landscape, pdf) -> Counter:
    """The names the PDF's text layer shows: every line but the title and the note (they name the year), the
    domain and box headings and the page number, split at the separating dots."""
    headings = {f"{box.name} ({len(box.tiles):,})" for box in landscape.boxes}
    note = gettext("%(total)s players. Names in blue: revenue of ₩10 billion or more.") % {
        "total": f"{len(landscape.tiles):,}"
    }
    headings |= {domain.name for domain in landscape.domains} | {"1 / 1", note}
    body = [line for line in text_layer(pdf).splitlines() if line not in headings and "2026" not in line]
    return Counter(name.strip() for name in "·".join(body).replace("\u00a0", " ").split("·") if name.strip())


@pytest.mark.django_db
def test_cncf_poster_is_one_page_prints_every_name_once_and_keeps_fi_and_fl():
    _import(CNCF)
    landscape = live_landscape(Taxonomy.objects.get(year=2026))

    pdf = poster_pdf(landscape)

    assert page_count(pdf) == 1
    assert _names_on_the_page(landscape, pdf) == Counter(tile.name for tile in landscape.tiles)
    text = text_layer(pdf)
    assert [name for name in ("Kubeflow", "Flannel", "Fluentd", "Confidential Containers") if name not in text] == []
