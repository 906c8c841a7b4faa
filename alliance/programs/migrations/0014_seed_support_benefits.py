"""Programmes made before the support record get the seed's benefits (NIPA and RAPA bonus points, KMF booth
and talk, press release), as new programmes do."""

from django.db import migrations


def seed(apps, schema_editor):
    from alliance.programs.default_rubric import default_benefits

    Programme = apps.get_model("programs", "Programme")
    SupportBenefit = apps.get_model("programs", "SupportBenefit")
    for programme in Programme.objects.filter(benefits__isnull=True):
        SupportBenefit.objects.bulk_create(
            SupportBenefit(programme=programme, **benefit) for benefit in default_benefits()
        )


class Migration(migrations.Migration):
    dependencies = [("programs", "0013_support_record")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
