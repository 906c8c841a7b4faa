"""The information services' models: one module per area (board, archive, newsletter, analytics), each
re-exported here so that `from alliance.info.models import X` works for every model."""

from alliance.info.models.analytics import *  # noqa: F403  (the analytics area; its __all__)
from alliance.info.models.archive import *  # noqa: F403  (the archive area; its __all__)
from alliance.info.models.board import *  # noqa: F403  (the board area; its __all__)
from alliance.info.models.newsletter import *  # noqa: F403  (the newsletter area; its __all__)
from alliance.info.models.subscribers import *  # noqa: F403  (the subscribers area; its __all__)
