"""Programmes made before the support record get the seed's benefits (NIPA and RAPA bonus points, KMF booth
and talk, press release), as new programmes do.

The benefits are copied here as `default_rubric.BENEFITS` stood when this migration was written: a migration
replays against the schema of its time, never today's application code.
"""

from django.db import migrations

# (kind, code, name, granting body, applies to, points)
BENEFITS = (
    (
        "bonus_points",
        "NIPA",
        "NIPA 정부 지원사업 가점",
        "정보통신산업진흥원(NIPA)",
        "NIPA 정부 지원사업에 주관기업으로 신청하는 경우",
        1,
    ),
    (
        "bonus_points",
        "RAPA",
        "RAPA 정부 지원사업 가점",
        "한국전파진흥협회(RAPA)",
        "RAPA 정부 지원사업에 주관기업으로 신청하는 경우",
        1,
    ),
    ("booth", "BOOTH", "KMF 전시 부스", "메타버스 얼라이언스", "코리아 메타버스 페스티벌(KMF) 전시관", None),
    ("talk", "TALK", "KMF 발표 기회", "메타버스 얼라이언스", "코리아 메타버스 페스티벌(KMF) 세미나", None),
    ("press", "PRESS", "수상 보도자료 배포", "메타버스 얼라이언스", "수상 결과 보도자료", None),
)


def seed(apps, schema_editor):
    Programme = apps.get_model("programs", "Programme")
    SupportBenefit = apps.get_model("programs", "SupportBenefit")
    for programme in Programme.objects.filter(benefits__isnull=True):
        SupportBenefit.objects.bulk_create(
            SupportBenefit(
                programme=programme,
                kind=kind,
                code=code,
                name=name,
                granting_body=body,
                applies_to=applies_to,
                points=points,
                position=position,
            )
            for position, (kind, code, name, body, applies_to, points) in enumerate(BENEFITS)
        )


class Migration(migrations.Migration):
    dependencies = [("programs", "0013_support_record")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
