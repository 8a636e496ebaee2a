"""The index's tables as models in Django's state only (search.models.FtsRow, EntryRow), so
that flushing a database empties them too. The tables themselves are 0001's."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("search", "0002_related_questions")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="FtsRow",
                    fields=[
                        (
                            "post_id",
                            models.BigIntegerField(
                                db_column="rowid", primary_key=True, serialize=False
                            ),
                        ),
                    ],
                    options={
                        "db_table": "search_fts",
                        "required_db_vendor": "sqlite",
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="EntryRow",
                    fields=[
                        ("post_id", models.BigIntegerField(primary_key=True, serialize=False)),
                    ],
                    options={
                        "db_table": "search_entry",
                        "required_db_vendor": "postgresql",
                        "abstract": False,
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
