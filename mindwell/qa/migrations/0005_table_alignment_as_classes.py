"""Stored post and comment HTML: a table column's alignment becomes a class of site.css
instead of a style attribute, which the Content-Security-Policy refuses (core.markdown)."""

from django.db import migrations

STYLE_TO_CLASS = {
    f'style="text-align:{side}"': f'class="align-{side}"' for side in ("left", "center", "right")
}


def _rewrite(apps, replacements, marker):
    for model_name in ("Post", "Comment"):
        model = apps.get_model("qa", model_name)
        changed = []
        for item in model.objects.filter(body_html__contains=marker).only("pk", "body_html"):
            for old, new in replacements.items():
                item.body_html = item.body_html.replace(old, new)
            changed.append(item)
        model.objects.bulk_update(changed, ["body_html"], batch_size=500)


def styles_to_classes(apps, schema_editor):
    _rewrite(apps, STYLE_TO_CLASS, 'style="text-align:')


def classes_to_styles(apps, schema_editor):
    _rewrite(apps, {new: old for old, new in STYLE_TO_CLASS.items()}, 'class="align-')


class Migration(migrations.Migration):
    dependencies = [("qa", "0004_one_post_per_form_submission")]

    operations = [migrations.RunPython(styles_to_classes, classes_to_styles)]
