"""Index the organisations that existed before search tokens did.

Nothing to do any more: 0005 drops this table and rebuilds the whole index, so every database that passes
here is indexed there. (This migration used to call the application's `search.tokens_of`; a migration must
replay without today's application code.)
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("members", "0002_search_tokens")]

    operations = []
