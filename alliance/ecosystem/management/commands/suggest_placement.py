"""`python manage.py suggest_placement --year YYYY [--format json|text] [--top K]`.

Reads company descriptions from standard input, one per line (blank lines are skipped), and prints the
suggested categories of each, best first. The classifier is trained on the bundled labelled profiles carried
onto the year's taxonomy plus the year's confirmed placements (classification.training); it is fitted on the
first run for a taxonomy and a set of confirmed placements and kept in the cache.
JSON: [{"text": "...", "suggestions": [{"path": [domain, layer, category], "confidence": 0.87,
"confidence_level": "high"}, ...], "field": {"name": "교육·훈련", "confidence": 0.75} or null}, ...].
Confidences are calibrated (classification.calibration); "confidence_level" is high (≥ 0.8), medium (≥ 0.5)
or low. "field" is the application-field facet suggested on its own: where the product is used, which for a
maker of software or content for a field is not its category.
"""

import json
import sys

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.ecosystem.classification.documents import Document
from alliance.ecosystem.classification.training import suggester_for_year


class Command(BaseCommand):
    stealth_options = ("stdin",)  # tests pass a stream; otherwise standard input
    help = _("Suggest taxonomy categories for company descriptions read from standard input, one per line.")

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help=_("taxonomy year"))
        parser.add_argument("--format", choices=("json", "text"), default="text")
        parser.add_argument("--top", type=int, default=3, help=_("suggestions per description"))

    def handle(self, *args, year, format, top, **options):
        if not 1 <= top <= 20:
            raise CommandError(_("--top must be between 1 and 20 (given: %(value)s).") % {"value": top})
        stream = options.get("stdin") or sys.stdin
        texts = [line.strip() for line in stream.read().splitlines() if line.strip()]
        suggester = suggester_for_year(year)
        documents = [Document(text=text) for text in texts]
        results = suggester.categories.suggest(documents, k=top) if texts else []
        fields = suggester.fields.suggest(documents) if texts else []
        if format == "json":
            payload = [
                {
                    "text": text,
                    "suggestions": [s.as_json() for s in suggestions],
                    "field": {"name": found[0].name, "confidence": round(found[0].confidence, 4)} if found else None,
                }
                for text, suggestions, found in zip(texts, results, fields, strict=True)
            ]
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        method = (
            _("classifier trained on %(bundled)s bundled examples and %(count)s confirmed placements")
            % {"bundled": suggester.bundled, "count": suggester.examples}
            if suggester.source == "classifier"
            else _("taxonomy keywords (no category of the taxonomy has an example to learn from)")
        )
        self.stdout.write(_("Method: %(method)s") % {"method": method})
        for number, (text, suggestions) in enumerate(zip(texts, results, strict=True), start=1):
            self.stdout.write(f"{number}. {text}")
            if not suggestions:
                self.stdout.write("   " + _("no suggestion (no keyword of any category found)"))
            for suggestion in suggestions:
                self.stdout.write(f"   {suggestion.confidence:.2f}  {' > '.join(suggestion.path)}")
            if fields[number - 1]:
                field = fields[number - 1][0]
                self.stdout.write("   " + _("field: %(name)s") % {"name": field.name} + f" ({field.confidence:.2f})")
