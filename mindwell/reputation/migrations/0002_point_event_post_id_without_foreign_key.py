# The ledger keeps the post's id without a foreign key to qa.Post: reputation sits below qa
# in the layers, so neither its code nor its tables may depend on qa's.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reputation', '0001_initial'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='pointevent',
            name='point_event_one_per_user_reason_post',
        ),
        # Drops the database's foreign key; the column and its index stay.
        migrations.AlterField(
            model_name='pointevent',
            name='post',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='qa.post'),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name='pointevent', name='post'),
                migrations.AddField(
                    model_name='pointevent',
                    name='post_id',
                    field=models.BigIntegerField(db_index=True, null=True),
                ),
            ],
        ),
        migrations.AddConstraint(
            model_name='pointevent',
            constraint=models.UniqueConstraint(fields=('user', 'reason', 'post_id'), name='point_event_one_per_user_reason_post'),
        ),
    ]
