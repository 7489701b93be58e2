import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("laporan", "0003_analisis_sasaran_riwayat"),
    ]

    operations = [
        migrations.AddField(
            model_name="paketlkjip",
            name="diperbarui",
            field=models.DateTimeField(
                auto_now=True,
                default=django.utils.timezone.now,
                help_text="Tulisan terakhir pada baris ini, termasuk kemajuan pekerjaan latar; "
                "pekerjaan yang lama tidak maju dianggap terhenti.",
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="paketlkjip",
            name="status",
            field=models.CharField(
                choices=[
                    ("antre", "Menunggu giliran"),
                    ("berjalan", "Sedang disusun"),
                    ("selesai", "Selesai"),
                    ("gagal", "Gagal"),
                    ("kedaluwarsa", "Kedaluwarsa"),
                ],
                default="antre",
                max_length=11,
            ),
        ),
        migrations.AlterField(
            model_name="paketlkjip",
            name="pesan",
            field=models.TextField(
                blank=True, help_text="Mengapa penyusunan gagal, atau mengapa ZIP-nya dihapus."
            ),
        ),
    ]
