from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.CreateModel(
            name="Heartbeat",
            fields=[
                ("worker_id", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("host", models.CharField(max_length=255)),
                ("pid", models.PositiveIntegerField()),
                ("started_at", models.DateTimeField()),
                ("seen_at", models.DateTimeField(db_index=True)),
            ],
        ),
        # Every worker looks for running tasks at each heartbeat, in a table that
        # keeps every task ever run; django-tasks-db indexes only the ready ones.
        migrations.RunSQL(
            "CREATE INDEX worker_running_tasks ON django_tasks_database_dbtaskresult (id) "
            "WHERE status = 'RUNNING'",
            "DROP INDEX worker_running_tasks",
        ),
    ]
