"""The call announcement's recipients move to the bulk delivery of core (one Delivery per announced programme,
one DeliveryRecipient per CallRecipient, states kept); CallRecipient is then removed. Historical models only."""

from django.db import migrations

CALL_MAILING = "programs.call"


def forward(apps, schema_editor):
    CallRecipient = apps.get_model("programs", "CallRecipient")
    Programme = apps.get_model("programs", "Programme")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Delivery = apps.get_model("core", "Delivery")
    DeliveryRecipient = apps.get_model("core", "DeliveryRecipient")
    programme_ids = sorted(set(CallRecipient.objects.values_list("programme_id", flat=True)))
    if not programme_ids:
        return
    programme_type, _created = ContentType.objects.get_or_create(app_label="programs", model="programme")
    for programme in Programme.objects.filter(pk__in=programme_ids).order_by("pk"):
        announced_at = programme.call_announced_at or programme.updated_at
        delivery = Delivery.objects.create(
            kind=CALL_MAILING,
            target_type=programme_type,
            target_id=programme.pk,
            parameters={},
            ordered_at=announced_at,
            queued_at=announced_at,
            run_at=announced_at,
        )
        rows = []
        for old in CallRecipient.objects.filter(programme=programme).order_by("email"):
            if old.sent_at is not None:
                state = "sent"
            elif old.refused:
                state = "failed"
            else:
                state = "queued"
            rows.append(
                DeliveryRecipient(
                    delivery=delivery,
                    email=old.email,
                    state=state,
                    attempts=1 if state != "queued" else 0,
                    answer=old.refused,
                    claimed_by=old.claimed_by,
                    claimed_at=old.claimed_at,
                    sent_at=old.sent_at,
                )
            )
        DeliveryRecipient.objects.bulk_create(rows, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0004_delivery"),
        ("programs", "0016_edit_version"),
    ]

    operations = [
        migrations.RunPython(forward, migrations.RunPython.noop),
        migrations.DeleteModel(name="CallRecipient"),
    ]
