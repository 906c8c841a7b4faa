"""Index the organisations that existed before search tokens did."""

from django.db import migrations


def fill_tokens(apps, schema_editor):
    from alliance.members.search import tokens_of

    organisation_model = apps.get_model("members", "Organisation")
    token_model = apps.get_model("members", "SearchToken")
    through = organisation_model.fields.through
    fields_of = {}
    for organisation_id, field_id in through.objects.values_list("organisation_id", "businessfield_id"):
        fields_of.setdefault(organisation_id, []).append(field_id)
    rows = [
        token_model(organisation_id=pk, name_key=name_key, token=token)
        for pk, name_key, text, category, sido in organisation_model.objects.values_list(
            "id", "name_key", "search_text", "category", "sido"
        )
        for token in tokens_of(search_text=text, category=category, sido=sido, field_ids=fields_of.get(pk, []))
    ]
    token_model.objects.bulk_create(rows, batch_size=10_000)


class Migration(migrations.Migration):
    dependencies = [("members", "0002_search_tokens")]

    operations = [migrations.RunPython(fill_tokens, migrations.RunPython.noop)]
