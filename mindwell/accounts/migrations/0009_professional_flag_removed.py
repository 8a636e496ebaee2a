from django.db import migrations


class Migration(migrations.Migration):
    """The old flag goes once 0008 has carried it over (each migration is its own
    transaction on PostgreSQL, so no schema change shares one with the data's rows)."""

    dependencies = [
        ("accounts", "0008_professional_credentials"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="user",
            name="is_professional",
        ),
    ]
