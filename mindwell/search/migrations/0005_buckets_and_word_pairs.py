"""Documents now hold, on PostgreSQL, the lexeme of their bucket of ids (index.bucket), and
on both databases the pairs of terms that stand side by side (analysis.pair_term), which
searches ask for. The index is built again so that every document has them. It takes
minutes on a large site (about the time of `manage.py rebuild_search_index`); searches find
less until it finishes."""

import os

from django.db import migrations


def build_again(apps, schema_editor):
    from mindwell.search import rebuild  # the index is not models: its own code builds it

    rebuild.rebuild(jobs=min(4, os.cpu_count() or 1))


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("search", "0004_related_worked_out")]

    operations = [migrations.RunPython(build_again, migrations.RunPython.noop)]
