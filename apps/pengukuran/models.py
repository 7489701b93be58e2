"""Measurement: realisasi of each indicator per triwulan with its verification workflow,
evidence, comment thread, and the input windows with their lock exceptions (DHIS2's model)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from apps.core.angka import ROMAWI
from apps.core.models import OPD
from apps.perencanaan.models import IndikatorDaerah, IndikatorKinerja, validate_nilai_indikator

NILAI = {"max_digits": 18, "decimal_places": 4}


class Realisasi(models.Model):
    """The value of one indicator in one triwulan of a year.

    `versi` is the optimistic-lock counter: a save carries the version it was read at and is
    refused when someone else saved in between.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draf"
        DIAJUKAN = "diajukan", "Diajukan"
        DIVERIFIKASI = "diverifikasi", "Diverifikasi"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan"

    indikator = models.ForeignKey(
        IndikatorKinerja, on_delete=models.PROTECT, related_name="realisasi"
    )
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField()
    nilai = models.DecimalField(**NILAI, null=True, blank=True)
    nilai_teks = models.CharField("nilai (teks)", max_length=100, blank=True)
    analisis = models.TextField("analisis keberhasilan/kegagalan", blank=True)
    solusi = models.TextField("solusi/upaya", blank=True)
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.DRAFT)
    diisi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diperbarui = models.DateTimeField(auto_now=True)
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diajukan_pada = models.DateTimeField(null=True, blank=True)
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diverifikasi_pada = models.DateTimeField(null=True, blank=True)
    versi = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    opd_path = "indikator__sasaran__tujuan__renstra__opd"

    class Meta:
        verbose_name = "realisasi kinerja"
        verbose_name_plural = "realisasi kinerja"
        ordering = ["indikator", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun", "triwulan"],
                name="realisasi_unik_per_indikator_triwulan",
                violation_error_message=(
                    "Realisasi indikator ini untuk tahun dan triwulan tersebut sudah ada."
                ),
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4),
                name="realisasi_triwulan_1_4",
                violation_error_message="Triwulan harus 1 sampai 4.",
            ),
            models.CheckConstraint(
                condition=Q(tahun__gte=2000, tahun__lte=2100),
                name="realisasi_tahun_wajar",
                violation_error_message="Tahun harus antara 2000 dan 2100.",
            ),
            models.CheckConstraint(
                condition=Q(nilai__isnull=True) | Q(nilai_teks=""),
                name="realisasi_satu_jenis_nilai",
                violation_error_message="Isi nilai angka atau nilai teks, tidak keduanya.",
            ),
            models.CheckConstraint(
                condition=~Q(status="diverifikasi") | Q(diverifikasi_oleh__isnull=False),
                name="realisasi_verifikasi_ada_pelaku",
                violation_error_message="Realisasi terverifikasi harus mencatat verifikatornya.",
            ),
            models.CheckConstraint(
                condition=Q(versi__gte=1),
                name="realisasi_versi_positif",
            ),
        ]
        indexes = [models.Index(fields=["tahun", "triwulan", "status"])]

    def __str__(self):
        return f"{self.indikator} Triwulan {ROMAWI.get(self.triwulan, self.triwulan)} {self.tahun}"

    def clean(self):
        if self.indikator_id:
            validate_nilai_indikator(self.indikator, self.nilai, self.nilai_teks, "nilai")


class RealisasiDaerah(models.Model):
    """The value of one IKU Pemda in one triwulan, entered by Bagian Organisasi (can manage
    the kabupaten's master data) with the OPD values' window and statuses: saved as draft,
    submitted, then verified or returned by another user who may verify. An IKU declared the
    same measure as an OPD indicator (`IndikatorDaerah.sumber`) has none: its values are the
    OPD's, never typed twice (apps.pengukuran.kinerja.kinerja_daerah)."""

    indikator = models.ForeignKey(
        IndikatorDaerah, on_delete=models.PROTECT, related_name="realisasi"
    )
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField()
    nilai = models.DecimalField(**NILAI)
    analisis = models.TextField("analisis keberhasilan/kegagalan", blank=True)
    status = models.CharField(
        max_length=15, choices=Realisasi.Status.choices, default=Realisasi.Status.DRAFT
    )
    catatan = models.TextField("catatan verifikasi", blank=True)
    diisi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diperbarui = models.DateTimeField(auto_now=True)
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diajukan_pada = models.DateTimeField(null=True, blank=True)
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diverifikasi_pada = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "realisasi IKU Pemda"
        verbose_name_plural = "realisasi IKU Pemda"
        ordering = ["indikator", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun", "triwulan"],
                name="realisasi_daerah_unik",
                violation_error_message="Realisasi IKU ini untuk triwulan tersebut sudah ada.",
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4),
                name="realisasi_daerah_triwulan_1_4",
                violation_error_message="Triwulan harus 1 sampai 4.",
            ),
            models.CheckConstraint(
                condition=~Q(status="diverifikasi") | Q(diverifikasi_oleh__isnull=False),
                name="realisasi_daerah_verifikasi_ada_pelaku",
                violation_error_message="Realisasi terverifikasi harus mencatat verifikatornya.",
            ),
        ]

    def __str__(self):
        return f"{self.indikator} Triwulan {ROMAWI.get(self.triwulan, self.triwulan)} {self.tahun}"

    def clean(self):
        ind = self.indikator if self.indikator_id else None
        if ind is None:
            return
        if ind.sumber_id:
            raise ValidationError(
                f"IKU “{ind.nama}” diambil dari indikator OPD {ind.sumber.nama}; "
                "realisasinya tidak diisi di sini."
            )
        periode = ind.sasaran.tujuan.periode
        if self.tahun and not periode.tahun_awal <= self.tahun <= periode.tahun_akhir:
            raise ValidationError(
                {
                    "tahun": f"Tahun {self.tahun} di luar periode RPJMD "
                    f"{periode.tahun_awal}-{periode.tahun_akhir}."
                }
            )


class BerkasBuktiDasar(models.Model):
    """What every evidence file keeps beside its file (a FileField `berkas` the subclass
    declares, with its own folder): the original name, the type and size read from its
    content, its SHA-256, who uploaded it and when. Filled from a file checked by
    apps.pengukuran.berkas.check_bukti (pasang_berkas), never from what the browser said."""

    nama_asli = models.CharField("nama berkas", max_length=255)
    jenis_konten = models.CharField(max_length=100)
    ukuran = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    diunggah_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.nama_asli

    def pasang_berkas(self, berkas, user) -> None:
        """Take a checked file (an apps.pengukuran.berkas.BerkasBukti) uploaded by `user`:
        store it under its random name and copy its facts; the caller saves the row (and
        removes the stored file when that fails)."""
        self.nama_asli, self.jenis_konten = berkas.nama_asli, berkas.jenis_konten
        self.ukuran, self.sha256 = berkas.ukuran, berkas.sha256
        self.diunggah_oleh = user
        self.berkas.save(berkas.isi.name, berkas.isi, save=False)


class BuktiDukung(BerkasBuktiDasar):
    """An evidence file (PDF or image) attached to a realisasi; checked by content on upload."""

    realisasi = models.ForeignKey(Realisasi, on_delete=models.PROTECT, related_name="bukti")
    berkas = models.FileField(upload_to="bukti/%Y/")

    opd_path = "realisasi__indikator__sasaran__tujuan__renstra__opd"

    class Meta:
        verbose_name = "bukti dukung"
        verbose_name_plural = "bukti dukung"
        ordering = ["realisasi", "diunggah_pada"]


class CatatanVerifikasi(models.Model):
    """One entry of the comment thread of a realisasi (return, verify, reopen, reply)."""

    class Jenis(models.TextChoices):
        KEMBALIKAN = "kembalikan", "Dikembalikan"
        VERIFIKASI = "verifikasi", "Diverifikasi"
        BUKA_KEMBALI = "buka_kembali", "Dibuka kembali"
        TANGGAPAN = "tanggapan", "Tanggapan"

    realisasi = models.ForeignKey(Realisasi, on_delete=models.PROTECT, related_name="catatan")
    jenis = models.CharField(max_length=15, choices=Jenis.choices)
    isi = models.TextField()
    penulis = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dibuat = models.DateTimeField(auto_now_add=True)

    opd_path = "realisasi__indikator__sasaran__tujuan__renstra__opd"

    class Meta:
        verbose_name = "catatan verifikasi"
        verbose_name_plural = "catatan verifikasi"
        ordering = ["realisasi", "dibuat"]

    def __str__(self):
        return f"{self.get_jenis_display()}: {self.isi[:60]}"


class JadwalPengisian(models.Model):
    """The input window of a triwulan, set by Bagian Organisasi."""

    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField()
    dibuka = models.DateField()
    ditutup = models.DateField()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "jadwal pengisian"
        verbose_name_plural = "jadwal pengisian"
        ordering = ["-tahun", "-triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun", "triwulan"],
                name="jadwal_unik_per_triwulan",
                violation_error_message="Jadwal untuk triwulan ini sudah ada.",
            ),
            models.CheckConstraint(
                condition=Q(ditutup__gte=models.F("dibuka")),
                name="jadwal_tutup_setelah_buka",
                violation_error_message="Tanggal tutup tidak boleh sebelum tanggal buka.",
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4),
                name="jadwal_triwulan_1_4",
                violation_error_message="Triwulan harus 1 sampai 4.",
            ),
        ]

    def __str__(self):
        return f"Triwulan {ROMAWI.get(self.triwulan, self.triwulan)} {self.tahun}"


class PengecualianKunci(models.Model):
    """A lock exception: one OPD may still enter a closed triwulan until `berlaku_sampai`."""

    jadwal = models.ForeignKey(
        JadwalPengisian, on_delete=models.CASCADE, related_name="pengecualian"
    )
    opd = models.ForeignKey(OPD, on_delete=models.PROTECT, related_name="+", verbose_name="OPD")
    berlaku_sampai = models.DateTimeField("berlaku sampai")
    alasan = models.TextField()
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dibuat = models.DateTimeField(auto_now_add=True)

    opd_path = "opd"

    class Meta:
        verbose_name = "pengecualian kunci"
        verbose_name_plural = "pengecualian kunci"
        ordering = ["-berlaku_sampai"]

    def __str__(self):
        return f"{self.opd} {self.jadwal} s.d. {self.berlaku_sampai:%d-%m-%Y}"
