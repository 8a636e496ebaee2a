"""Documents now hold the pairs of terms that stand side by side (analysis.pair_term), and
a quoted phrase asks for them: the index is built again, on both databases, so that every
document has them. It takes minutes on a large site (about the time of
`manage.py rebuild_search_index`); searches find less until it finishes."""

import os

from django.db import migrations


def build_again(apps, schema_editor):
    from mindwell.search import rebuild  # the index is not models: its own code builds it

    rebuild.rebuild(jobs=min(4, os.cpu_count() or 1))


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("search", "0005_id_buckets")]

    operations = [migrations.RunPython(build_again, migrations.RunPython.noop)]
