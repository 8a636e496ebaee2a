"""The index's tables, one kind per database (mindwell/search/index.py). They are not
models: nothing reads them through the ORM."""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, tags, body, comments, marks, tokenize = 'unicode61 remove_diacritics 0')",
]
SQLITE_DROP = ["DROP TABLE IF EXISTS search_fts"]
POSTGRES = [
    "CREATE TABLE search_entry ("
    " post_id bigint PRIMARY KEY REFERENCES qa_post (id) ON DELETE CASCADE"
    " DEFERRABLE INITIALLY DEFERRED,"
    " vector tsvector NOT NULL)",
    "CREATE INDEX search_entry_vector_idx ON search_entry USING gin (vector)",
]
POSTGRES_DROP = ["DROP TABLE IF EXISTS search_entry"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("qa", "0011_content_note")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
    ]
