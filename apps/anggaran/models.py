"""Budget: the nomenclature, the DPA of each OPD and year, its lines and monthly realisation.

Only the lowest level carries money (a DPA line's pagu, a month's realisation); kegiatan,
program, sasaran and OPD totals are always computed (apps.anggaran.selectors), never stored.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from apps.core.fields import RupiahField
from apps.core.models import OPD, TugasLatar

from .kode import Skema, Tingkat, parse_kode, validate_kode

KUANTITAS = {"max_digits": 14, "decimal_places": 2}


class Program(models.Model):
    kode = models.CharField(
        max_length=20, unique=True, error_messages={"unique": "Kode program ini sudah ada."}
    )
    nama = models.CharField(max_length=300)
    skema = models.CharField(max_length=3, choices=Skema.choices, editable=False, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "program"
        verbose_name_plural = "program (nomenklatur)"
        ordering = ["kode"]
        constraints = [
            models.CheckConstraint(
                condition=Q(skema__in=["050", "13"]),
                name="program_skema_dikenal",
                violation_error_message="Skema nomenklatur program tidak dikenal.",
            ),
        ]

    def __str__(self):
        return f"{self.kode} {self.nama}"

    def clean(self):
        if self.kode:
            kode = validate_kode(self.kode, tingkat=Tingkat.PROGRAM)
            self.kode, self.skema = kode.teks, kode.skema


class Kegiatan(models.Model):
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="kegiatan")
    kode = models.CharField(
        max_length=25, unique=True, error_messages={"unique": "Kode kegiatan ini sudah ada."}
    )
    nama = models.CharField(max_length=300)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kegiatan"
        verbose_name_plural = "kegiatan (nomenklatur)"
        ordering = ["kode"]

    def __str__(self):
        return f"{self.kode} {self.nama}"

    def clean(self):
        if not self.kode:
            return
        skema = self.program.skema if self.program_id else None
        kode = validate_kode(self.kode, tingkat=Tingkat.KEGIATAN, skema=skema)
        self.kode = kode.teks
        if self.program_id and kode.induk != self.program.kode:
            raise ValidationError(
                {
                    "kode": ValidationError(
                        "Kode kegiatan %(kode)s harus diawali kode programnya %(induk)s.",
                        params={"kode": self.kode, "induk": self.program.kode},
                        code="kode_induk",
                    )
                }
            )


class SubKegiatan(models.Model):
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.PROTECT, related_name="sub_kegiatan")
    kode = models.CharField(
        max_length=30, unique=True, error_messages={"unique": "Kode sub kegiatan ini sudah ada."}
    )
    nama = models.CharField(max_length=300)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "sub kegiatan"
        verbose_name_plural = "sub kegiatan (nomenklatur)"
        ordering = ["kode"]

    def __str__(self):
        return f"{self.kode} {self.nama}"

    def clean(self):
        if not self.kode:
            return
        if self.kegiatan_id and self.kegiatan.program.skema == Skema.PERMENDAGRI_13:
            raise ValidationError(
                "Nomenklatur lama (sebelum 2021) tidak mengenal sub kegiatan; "
                "anggaran dicatat pada kegiatannya."
            )
        kode = validate_kode(self.kode, tingkat=Tingkat.SUB_KEGIATAN)
        self.kode = kode.teks
        if self.kegiatan_id and kode.induk != self.kegiatan.kode:
            raise ValidationError(
                {
                    "kode": ValidationError(
                        "Kode sub kegiatan %(kode)s harus diawali kode kegiatannya %(induk)s.",
                        params={"kode": self.kode, "induk": self.kegiatan.kode},
                        code="kode_induk",
                    )
                }
            )


class DPA(models.Model):
    """Dokumen Pelaksanaan Anggaran of one OPD and year: murni, or its perubahan (DPPA)."""

    class Jenis(models.TextChoices):
        MURNI = "murni", "DPA (murni)"
        PERUBAHAN = "perubahan", "DPPA (perubahan)"

    opd = models.ForeignKey(OPD, on_delete=models.PROTECT, related_name="dpa", verbose_name="OPD")
    tahun = models.PositiveSmallIntegerField()
    jenis = models.CharField(max_length=10, choices=Jenis.choices, default=Jenis.MURNI)
    nomor = models.CharField("nomor dokumen", max_length=100, blank=True)
    tanggal = models.DateField(null=True, blank=True)
    keterangan = models.TextField(blank=True)
    history = HistoricalRecords()

    opd_path = "opd"

    class Meta:
        verbose_name = "DPA"
        verbose_name_plural = "DPA"
        ordering = ["opd", "-tahun", "jenis"]
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "tahun", "jenis"],
                name="dpa_unik_per_opd_tahun_jenis",
                violation_error_message="OPD ini sudah memiliki DPA jenis ini untuk tahun itu.",
            ),
            models.CheckConstraint(
                condition=Q(tahun__gte=2000, tahun__lte=2100),
                name="dpa_tahun_wajar",
                violation_error_message="Tahun DPA harus antara 2000 dan 2100.",
            ),
        ]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.opd} {self.tahun}"


class IndikatorDPA(models.Model):
    """What a DPA states of one program or kegiatan: its indicator, target and unit (its money
    comes from the lines). `unsur` names the program or kegiatan field of the concrete model."""

    unsur: str

    target = models.DecimalField(**KUANTITAS, null=True, blank=True)
    satuan = models.CharField(max_length=50, blank=True)
    # What the indicator reached by the end of the year, entered by the OPD on the page of
    # the DPA's indicators (apps.anggaran.views.indikator): the program's and kegiatan's
    # node of the pohon kinerja is measured with it against `target`.
    realisasi = models.DecimalField(
        "realisasi akhir tahun",
        **KUANTITAS,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    opd_path = "dpa__opd"

    class Meta:
        abstract = True

    def __str__(self):
        return str(getattr(self, self.unsur))


def _unik_per_dpa(unsur: str, nama: str) -> list[models.BaseConstraint]:
    return [
        models.UniqueConstraint(
            fields=["dpa", unsur],
            name=f"dpa_{unsur}_unik",
            violation_error_message=f"{nama} ini sudah tercantum pada DPA tersebut.",
        ),
        models.CheckConstraint(
            condition=Q(realisasi__isnull=True) | Q(realisasi__gte=0),
            name=f"dpa_{unsur}_realisasi_tidak_negatif",
            violation_error_message="Realisasi indikator tidak boleh negatif.",
        ),
    ]


class DPAProgram(IndikatorDPA):
    """The outcome indicator and target of a program in a DPA."""

    unsur = "program"
    dpa = models.ForeignKey(DPA, on_delete=models.CASCADE, related_name="program")
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    indikator = models.CharField("indikator kinerja program", max_length=400, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "indikator program DPA"
        ordering = ["program__kode"]
        constraints = _unik_per_dpa("program", "Program")


class DPAKegiatan(IndikatorDPA):
    """The output indicator and target of a kegiatan in a DPA."""

    unsur = "kegiatan"
    dpa = models.ForeignKey(DPA, on_delete=models.CASCADE, related_name="kegiatan")
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.PROTECT, related_name="+")
    indikator = models.CharField("indikator kinerja kegiatan", max_length=400, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "indikator kegiatan DPA"
        ordering = ["kegiatan__kode"]
        constraints = _unik_per_dpa("kegiatan", "Kegiatan")


class RincianDPA(models.Model):
    """A budget line of a DPA: one sub kegiatan (or, before 2021, one kegiatan) with its pagu.

    This is the truth every budget total is computed from.
    """

    dpa = models.ForeignKey(DPA, on_delete=models.CASCADE, related_name="rincian")
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.PROTECT, related_name="rincian")
    sub_kegiatan = models.ForeignKey(
        SubKegiatan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rincian",
        help_text="Wajib untuk nomenklatur sejak 2021; kosong untuk DPA sebelum 2021.",
    )
    indikator = models.CharField("indikator keluaran", max_length=400, blank=True)
    target = models.DecimalField(
        "target (K)", **KUANTITAS, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    satuan = models.CharField(max_length=50, blank=True)
    pagu = RupiahField("pagu (Rp)", validators=[MinValueValidator(0)])
    lokasi = models.CharField(max_length=255, blank=True)
    history = HistoricalRecords()

    opd_path = "dpa__opd"

    class Meta:
        verbose_name = "rincian DPA (sub kegiatan)"
        verbose_name_plural = "rincian DPA (sub kegiatan)"
        ordering = ["dpa", "kegiatan__kode", "sub_kegiatan__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["dpa", "sub_kegiatan"],
                condition=Q(sub_kegiatan__isnull=False),
                name="rincian_sub_kegiatan_unik",
                violation_error_message="Sub kegiatan ini sudah ada pada DPA tersebut.",
            ),
            models.UniqueConstraint(
                fields=["dpa", "kegiatan"],
                condition=Q(sub_kegiatan__isnull=True),
                name="rincian_kegiatan_lama_unik",
                violation_error_message="Kegiatan ini sudah ada pada DPA tersebut.",
            ),
            models.CheckConstraint(
                condition=Q(pagu__gte=0),
                name="rincian_pagu_tidak_negatif",
                violation_error_message="Pagu tidak boleh negatif.",
            ),
            models.CheckConstraint(
                condition=Q(target__isnull=True) | Q(target__gte=0),
                name="rincian_target_tidak_negatif",
                violation_error_message="Target (K) tidak boleh negatif.",
            ),
        ]

    def __str__(self):
        return str(self.sub_kegiatan or self.kegiatan)

    @property
    def kode(self) -> str:
        return (self.sub_kegiatan or self.kegiatan).kode

    def clean(self):
        if not self.kegiatan_id:
            return
        if self.sub_kegiatan_id and self.sub_kegiatan.kegiatan_id != self.kegiatan_id:
            raise ValidationError(
                {"sub_kegiatan": "Sub kegiatan ini bukan bagian dari kegiatan yang dipilih."}
            )
        lama = self.kegiatan.program.skema == Skema.PERMENDAGRI_13
        if not lama and not self.sub_kegiatan_id:
            raise ValidationError(
                {"sub_kegiatan": "Sub kegiatan wajib diisi untuk nomenklatur sejak 2021."}
            )
        if lama and self.dpa_id and self.dpa.tahun >= 2021:
            raise ValidationError(
                {
                    "kegiatan": "Kode lama (sebelum 2021) tidak dapat dipakai pada DPA tahun "
                    "2021 atau sesudahnya."
                }
            )


class RealisasiAnggaran(models.Model):
    """Realisation of one DPA line in one month: rupiah spent and physical output (K)."""

    rincian = models.ForeignKey(
        RincianDPA, on_delete=models.PROTECT, related_name="realisasi", verbose_name="rincian DPA"
    )
    bulan = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    realisasi = RupiahField("realisasi (Rp)", validators=[MinValueValidator(0)])
    fisik = models.DecimalField(
        "realisasi fisik (K)", **KUANTITAS, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    keterangan = models.CharField(max_length=255, blank=True)
    history = HistoricalRecords()

    opd_path = "rincian__dpa__opd"

    class Meta:
        verbose_name = "realisasi anggaran bulanan"
        verbose_name_plural = "realisasi anggaran bulanan"
        ordering = ["rincian", "bulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["rincian", "bulan"],
                name="realisasi_anggaran_unik_per_bulan",
                violation_error_message="Realisasi bulan ini untuk rincian tersebut sudah ada.",
            ),
            models.CheckConstraint(
                condition=Q(bulan__gte=1, bulan__lte=12),
                name="realisasi_anggaran_bulan_1_12",
                violation_error_message="Bulan harus 1 sampai 12.",
            ),
            models.CheckConstraint(
                condition=Q(realisasi__gte=0),
                name="realisasi_anggaran_tidak_negatif",
                violation_error_message="Realisasi tidak boleh negatif.",
            ),
            models.CheckConstraint(
                condition=Q(fisik__isnull=True) | Q(fisik__gte=0),
                name="realisasi_fisik_tidak_negatif",
                violation_error_message="Realisasi fisik tidak boleh negatif.",
            ),
        ]

    def __str__(self):
        return f"{self.rincian} bulan {self.bulan}"


def kode_dalam_konteks(teks: str, opd: OPD) -> str:
    """Canonical form of a code written in an OPD's document (see apps.anggaran.kode)."""
    return parse_kode(teks, kode_bidang=opd.kode_bidang or None).teks


class Impor(TugasLatar):
    """An uploaded spreadsheet: checked first (dry run), imported only on confirmation, kept
    with its checksum as the record of what was imported, by whom and when.

    The check and the import run as background jobs (apps.anggaran.tasks) that report how
    many rows they have read, so a large file shows its progress. The check keeps the cells
    it read (`tabel`, gzip JSON lines): the page and the confirmed import read them back
    instead of parsing the spreadsheet again, after verifying the original's checksum."""

    class Jenis(models.TextChoices):
        NOMENKLATUR = "nomenklatur", "Nomenklatur program, kegiatan, sub kegiatan"
        DPA = "dpa", "Rincian DPA"
        REALISASI = "realisasi", "Realisasi anggaran bulanan"
        TARGET_RPJMD = "target_rpjmd", "Target tahunan IKU Pemda (RPJMD)"
        TARGET_RENSTRA = "target_renstra", "Target tahunan Renstra"
        TARGET_PK = "target_pk", "Target Perjanjian Kinerja"
        MATRIKS_RENSTRA = "matriks_renstra", "Matriks Renstra (program, kegiatan, pendanaan)"

    # Kinds that belong to the kabupaten, not to one OPD: no OPD, Bagian Organisasi only
    # (can_manage_master); of these only the nomenclature has no year.
    JENIS_KABUPATEN = frozenset({Jenis.NOMENKLATUR, Jenis.TARGET_RPJMD})

    class Status(models.TextChoices):
        ANTRE = "antre", "Menunggu diperiksa"
        MEMERIKSA = "memeriksa", "Sedang diperiksa"
        DIPERIKSA = "diperiksa", "Diperiksa (belum diimpor)"
        MENGIMPOR = "mengimpor", "Sedang diimpor"
        DIIMPOR = "diimpor", "Diimpor"
        DITOLAK = "ditolak", "Ditolak"

    # What a job that stopped making progress leaves (apps.core.tugas): a check that stopped
    # rejects the file, as a check that fails does (upload it again); an import runs in one
    # transaction, so one that stopped imported nothing and the file goes back to diperiksa
    # with the reason, as an import that fails does (confirm it again).
    TUGAS_TERHENTI = {
        Status.ANTRE: Status.DITOLAK,
        Status.MEMERIKSA: Status.DITOLAK,
        Status.MENGIMPOR: Status.DIPERIKSA,
    }

    jenis = models.CharField(max_length=20, choices=Jenis.choices)
    opd = models.ForeignKey(
        OPD,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="impor",
        verbose_name="OPD",
    )
    tahun = models.PositiveSmallIntegerField(null=True, blank=True)
    jenis_dpa = models.CharField("jenis DPA", max_length=10, choices=DPA.Jenis.choices, blank=True)
    berkas = models.FileField(upload_to="impor/%Y/")
    nama_asli = models.CharField("nama berkas", max_length=255)
    ukuran = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    tabel = models.FileField("sel yang dibaca", upload_to="impor/%Y/", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ANTRE)
    pesan = models.TextField(
        "pesan", blank=True, help_text="Mengapa berkas ditolak, atau mengapa impor gagal."
    )
    baris_dibaca = models.PositiveIntegerField("baris dibaca", default=0)
    baris_perkiraan = models.PositiveIntegerField("perkiraan jumlah baris", null=True, blank=True)
    ringkasan = models.JSONField(default=dict, blank=True)
    dibuat_oleh = models.ForeignKey(
        "core.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Kosong bila diimpor dengan perintah manage.py.",
    )
    diperiksa_pada = models.DateTimeField(null=True, blank=True)
    diimpor_pada = models.DateTimeField(null=True, blank=True)
    diimpor_oleh = models.ForeignKey(
        "core.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Yang mengonfirmasi impor.",
    )

    opd_path = "opd"

    class Meta:
        verbose_name = "impor berkas"
        verbose_name_plural = "impor berkas"
        ordering = ["-dibuat"]
        constraints = [
            models.CheckConstraint(
                condition=Q(jenis="nomenklatur")
                | (Q(jenis="target_rpjmd") & Q(opd__isnull=True) & Q(tahun__isnull=False))
                | (Q(opd__isnull=False) & Q(tahun__isnull=False)),
                name="impor_opd_tahun_wajib",
                violation_error_message=(
                    "Impor selain nomenklatur memerlukan tahun, dan OPD kecuali target RPJMD."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_jenis_display()}: {self.nama_asli}"

    @property
    def berjalan(self) -> bool:
        """A background job is still working on this file."""
        return self.status in (self.Status.ANTRE, self.Status.MEMERIKSA, self.Status.MENGIMPOR)

    @property
    def persen(self) -> int | None:
        if not self.baris_perkiraan:
            return None
        return min(99, self.baris_dibaca * 100 // self.baris_perkiraan)
