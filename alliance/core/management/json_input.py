"""Reading the JSON file a management command is given, with the Korean errors every such command shows."""

import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _


def read_json_file(file: str):
    """The parsed content of `file` (UTF-8, with or without a byte-order mark); a CommandError that names the
    file, and for bad JSON the line and column, otherwise."""
    try:
        return json.loads(Path(file).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(_("Cannot read %(file)s: %(error)s") % {"file": file, "error": error}) from None
    except json.JSONDecodeError as error:
        raise CommandError(
            _("%(file)s is not valid JSON (line %(line)d, column %(column)d).")
            % {"file": file, "line": error.lineno, "column": error.colno}
        ) from None
