"""Stored profile HTML: a table column's alignment becomes a class of site.css instead of a
style attribute, which the Content-Security-Policy refuses (core.markdown)."""

from django.db import migrations

STYLE_TO_CLASS = {
    f'style="text-align:{side}"': f'class="align-{side}"' for side in ("left", "center", "right")
}


def _rewrite(apps, replacements, marker):
    user_model = apps.get_model("accounts", "User")
    changed = []
    for user in user_model.objects.filter(about_html__contains=marker).only("pk", "about_html"):
        for old, new in replacements.items():
            user.about_html = user.about_html.replace(old, new)
        changed.append(user)
    user_model.objects.bulk_update(changed, ["about_html"], batch_size=500)


def styles_to_classes(apps, schema_editor):
    _rewrite(apps, STYLE_TO_CLASS, 'style="text-align:')


def classes_to_styles(apps, schema_editor):
    _rewrite(apps, {new: old for old, new in STYLE_TO_CLASS.items()}, 'class="align-')


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_pending_signup")]

    operations = [migrations.RunPython(styles_to_classes, classes_to_styles)]
