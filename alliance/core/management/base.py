"""The base of the project's management commands: what they print has its Korean particles chosen by the words
before them (`“kubectx”와`, `‘메타버스’는`), as pages, e-mails and PDFs have (core/korean.py).

Messages are translated before the names they carry are known, so the catalogue writes `%(name)s와(과)`; a page
resolves them as it goes out (core/middleware.py), a command's output here: every line written to its stdout
and stderr, its notes as well as its JSON (`--format json` writes Korean as text, not escaped). A command
subclasses this `BaseCommand` instead of Django's; nothing else changes.
"""

from django.core.management import base

from alliance.core.korean import resolve_particles


class KoreanOutput(base.OutputWrapper):
    """An OutputWrapper whose every write has its particles resolved."""

    def write(self, msg="", style_func=None, ending=None):
        super().write(resolve_particles(str(msg)), style_func, ending)


def _korean(given, current: base.OutputWrapper) -> KoreanOutput:
    if given is not None:
        return KoreanOutput(given)
    wrapper = KoreanOutput(current._out)
    wrapper.style_func = current._style_func if current.isatty() else None
    return wrapper


class BaseCommand(base.BaseCommand):
    def execute(self, *args, **options):
        self.stdout = _korean(options.pop("stdout", None), self.stdout)
        self.stderr = _korean(options.pop("stderr", None), self.stderr)
        return super().execute(*args, **options)
