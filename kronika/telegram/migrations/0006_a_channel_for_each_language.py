import kronika.telegram.models
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("telegram", "0005_editors_change_the_channel_promotion")]

    operations = [
        # Existing channels take the paper's first language, the one they posted in.
        migrations.AddField(
            model_name="channel",
            name="language",
            field=models.CharField(
                default=kronika.telegram.models.default_language,
                help_text="The channel gets the articles written in, or translated into, this language.",
                max_length=15,
            ),
        ),
    ]
