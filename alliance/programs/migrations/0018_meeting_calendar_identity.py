"""A meeting's calendar identity (uid) and revision (sequence): existing meetings get their own uuid."""

import uuid

from django.db import migrations, models


def give_each_meeting_its_uid(apps, schema_editor):
    Meeting = apps.get_model("programs", "Meeting")
    for meeting in Meeting.objects.filter(uid__isnull=True).only("pk"):
        meeting.uid = uuid.uuid4()
        meeting.save(update_fields=["uid"])


class Migration(migrations.Migration):
    dependencies = [("programs", "0017_call_recipients_to_deliveries")]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="uid",
            field=models.UUIDField(editable=False, null=True, verbose_name="calendar identity"),
        ),
        migrations.RunPython(give_each_meeting_its_uid, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="meeting",
            name="uid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name="calendar identity"),
        ),
        migrations.AddField(
            model_name="meeting",
            name="sequence",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="revision"),
        ),
    ]
