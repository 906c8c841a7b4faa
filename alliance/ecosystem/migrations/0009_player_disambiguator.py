"""Players of one name key may be several (told apart by `disambiguator`); existing rows keep "" and stay unique."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('ecosystem', '0008_edit_version'),
        ('members', '0008_edit_version'),
    ]

    operations = [
        migrations.AddField(
            model_name='player',
            name='disambiguator',
            field=models.CharField(blank=True, default='', editable=False, max_length=300),
        ),
        migrations.AlterField(
            model_name='player',
            name='name_key',
            field=models.CharField(db_index=True, editable=False, max_length=200),
        ),
        migrations.AddConstraint(
            model_name='player',
            constraint=models.UniqueConstraint(fields=('name_key', 'disambiguator'), name='player_name_key_once'),
        ),
    ]
