"""The information services' models: one module per area (board, archive, newsletter, analytics), each
re-exported here so that `from alliance.info.models import X` works for every model."""
