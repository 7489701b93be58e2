import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("anggaran", "0004_impor_latar_belakang"),
    ]

    operations = [
        migrations.AddField(
            model_name="impor",
            name="diperbarui",
            field=models.DateTimeField(
                auto_now=True,
                default=django.utils.timezone.now,
                help_text="Tulisan terakhir pada baris ini, termasuk kemajuan pekerjaan latar; "
                "pekerjaan yang lama tidak maju dianggap terhenti.",
            ),
            preserve_default=False,
        ),
    ]
