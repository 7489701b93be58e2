"""The LKjIP of an OPD and year: its narrative, its status, and the frozen final PDF."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from apps.core.models import OPD, Pejabat
from apps.perencanaan.models import Sasaran


class LaporanKinerja(models.Model):
    """Laporan Kinerja Instansi Pemerintah. Revisi 0 is the first; a revision of a final
    report is a new row with a reason, and the earlier one keeps its stored PDF."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draf"
        FINAL = "final", "Final"
        DIVERIFIKASI = "diverifikasi", "Diverifikasi"

    opd = models.ForeignKey(OPD, on_delete=models.PROTECT, related_name="laporan",
                            verbose_name="OPD")
    tahun = models.PositiveSmallIntegerField()
    revisi = models.PositiveSmallIntegerField(default=0)
    alasan_revisi = models.TextField("alasan revisi", blank=True)
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.DRAFT)

    kata_pengantar = models.TextField("kata pengantar", blank=True)
    ikhtisar_eksekutif = models.TextField("ikhtisar eksekutif", blank=True)
    latar_belakang = models.TextField("latar belakang", blank=True)
    kedudukan_tugas_fungsi = models.TextField("kedudukan, tugas pokok dan fungsi", blank=True)
    sistematika = models.TextField("sistematika penyajian", blank=True)
    upaya_ke_depan = models.TextField("upaya ke depan", blank=True)
    kesimpulan = models.TextField(blank=True)
    saran = models.TextField(blank=True)
    struktur_organisasi = models.ImageField("bagan struktur organisasi",
                                            upload_to="struktur/", blank=True)

    tempat = models.CharField(max_length=100, blank=True)
    tanggal = models.DateField(null=True, blank=True)
    penandatangan = models.ForeignKey(Pejabat, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+")

    berkas_final = models.FileField("PDF final", upload_to="lkjip/", blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    kode_verifikasi = models.CharField("kode verifikasi", max_length=16, blank=True)
    difinalkan_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                        null=True, blank=True, related_name="+")
    difinalkan_pada = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["berkas_final"])

    opd_path = "opd"

    class Meta:
        verbose_name = "LKjIP"
        verbose_name_plural = "LKjIP"
        ordering = ["opd", "-tahun", "-revisi"]
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "tahun", "revisi"],
                name="lkjip_revisi_unik",
                violation_error_message="Revisi LKjIP ini sudah ada.",
            ),
            models.UniqueConstraint(
                fields=["kode_verifikasi"],
                condition=~Q(kode_verifikasi=""),
                name="lkjip_kode_verifikasi_unik",
            ),
            models.CheckConstraint(
                condition=Q(revisi=0) | ~Q(alasan_revisi=""),
                name="lkjip_revisi_beralasan",
                violation_error_message="Revisi LKjIP final wajib memiliki alasan.",
            ),
            models.CheckConstraint(
                condition=Q(status="draft")
                | (Q(sha256__regex=r"^[0-9a-f]{64}$") & ~Q(berkas_final="")
                   & ~Q(kode_verifikasi="")),
                name="lkjip_final_berkas_tersimpan",
                violation_error_message=(
                    "LKjIP final harus memiliki PDF tersimpan, checksum dan kode verifikasi."
                ),
            ),
        ]

    def __str__(self):
        rev = f" revisi {self.revisi}" if self.revisi else ""
        return f"LKjIP {self.opd} {self.tahun}{rev}"


class AnalisisSasaran(models.Model):
    """The words of BAB III for one sasaran (the numbers come from the data)."""

    laporan = models.ForeignKey(LaporanKinerja, on_delete=models.CASCADE,
                                related_name="analisis")
    sasaran = models.ForeignKey(Sasaran, on_delete=models.PROTECT, related_name="+")
    uraian = models.TextField("uraian capaian", blank=True)
    standar_nasional = models.TextField("perbandingan dengan standar nasional", blank=True)
    keberhasilan_kegagalan = models.TextField("penyebab keberhasilan/kegagalan", blank=True)
    solusi = models.TextField("solusi yang dilakukan", blank=True)
    efisiensi = models.TextField("efisiensi penggunaan sumber daya", blank=True)
    program_pendukung = models.TextField("program/kegiatan pendukung", blank=True)

    opd_path = "laporan__opd"

    class Meta:
        verbose_name = "analisis sasaran"
        verbose_name_plural = "analisis sasaran"
        constraints = [
            models.UniqueConstraint(
                fields=["laporan", "sasaran"],
                name="analisis_sasaran_unik",
                violation_error_message="Analisis sasaran ini sudah ada pada laporan tersebut.",
            ),
        ]

    def __str__(self):
        return f"{self.laporan}: {self.sasaran}"
