"""PostgreSQL: each document also holds the lexeme of its bucket of ids (index.bucket), so
that a search finds the newest matches without reading every posting of its terms. The
documents written before are given theirs here; the GIN index is made again after, which
is faster than updating it row by row. Nothing changes on SQLite."""

from django.db import migrations

BUCKET_IDS = 10_000  # index.BUCKET_IDS when this was written

POSTGRES = [
    "DROP INDEX IF EXISTS search_entry_vector_idx",
    "UPDATE search_entry SET vector = vector || "
    f"array_to_tsvector(ARRAY['~b' || (post_id / {BUCKET_IDS})::text])",
    "CREATE INDEX search_entry_vector_idx ON search_entry USING gin (vector)",
    "ANALYZE search_entry",
]


def add_buckets(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_related_worked_out")]

    operations = [migrations.RunPython(add_buckets, migrations.RunPython.noop)]
