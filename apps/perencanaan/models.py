"""Planning: the Renstra tree (tujuan -> sasaran -> indikator), yearly targets, the IKU
attributes, and the Perjanjian Kinerja with its versions (induk, perubahan 1, 2, ...)."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from apps.anggaran.models import Program
from apps.core.fields import RupiahField
from apps.core.models import OPD, Misi, Pejabat, PeriodeRPJMD

NILAI = {"max_digits": 18, "decimal_places": 4}


class Renstra(models.Model):
    """Rencana Strategis of one OPD for one period (follows an RPJMD period)."""

    opd = models.ForeignKey(
        OPD, on_delete=models.PROTECT, related_name="renstra", verbose_name="OPD"
    )
    periode_rpjmd = models.ForeignKey(
        PeriodeRPJMD,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renstra",
        verbose_name="periode RPJMD",
    )
    tahun_awal = models.PositiveSmallIntegerField("tahun awal")
    tahun_akhir = models.PositiveSmallIntegerField("tahun akhir")
    nomor_dokumen = models.CharField("nomor dokumen", max_length=150, blank=True)
    keterangan = models.TextField(blank=True)

    history = HistoricalRecords()

    opd_path = "opd"

    class Meta:
        verbose_name = "Renstra"
        verbose_name_plural = "Renstra"
        ordering = ["opd", "-tahun_awal"]
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "tahun_awal"],
                name="renstra_unik_per_opd_tahun_awal",
                violation_error_message="OPD ini sudah memiliki Renstra yang dimulai tahun itu.",
            ),
            models.CheckConstraint(
                condition=Q(tahun_akhir__gt=models.F("tahun_awal"))
                & Q(tahun_akhir__lte=models.F("tahun_awal") + 6),
                name="renstra_urutan_tahun",
                violation_error_message=(
                    "Tahun akhir Renstra harus sesudah tahun awal dan paling lama 6 tahun kemudian."
                ),
            ),
        ]

    def __str__(self):
        return f"Renstra {self.opd} {self.tahun_awal}-{self.tahun_akhir}"

    def clean(self):
        if not self.opd_id or not self.tahun_awal or not self.tahun_akhir:
            return
        overlap = Renstra.objects.filter(
            opd_id=self.opd_id, tahun_awal__lte=self.tahun_akhir, tahun_akhir__gte=self.tahun_awal
        ).exclude(pk=self.pk)
        if overlap.exists():
            raise ValidationError(
                "Periode %(a)s-%(b)s bertumpang tindih dengan %(lain)s.",
                params={"a": self.tahun_awal, "b": self.tahun_akhir, "lain": overlap.first()},
            )

    def mencakup(self, tahun: int) -> bool:
        return self.tahun_awal <= tahun <= self.tahun_akhir


class Tujuan(models.Model):
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="tujuan")
    nomor = models.PositiveSmallIntegerField(default=1)
    uraian = models.TextField()

    history = HistoricalRecords()

    opd_path = "renstra__opd"

    class Meta:
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"
        ordering = ["renstra", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["renstra", "nomor"],
                name="tujuan_nomor_unik",
                violation_error_message="Nomor tujuan sudah dipakai pada Renstra ini.",
            ),
        ]

    def __str__(self):
        return self.uraian


class Sasaran(models.Model):
    """A sasaran strategis; it serves one misi of the kabupaten."""

    tujuan = models.ForeignKey(Tujuan, on_delete=models.CASCADE, related_name="sasaran")
    nomor = models.PositiveSmallIntegerField(default=1)
    uraian = models.TextField()
    misi = models.ForeignKey(
        Misi,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sasaran_opd",
        help_text="Misi kabupaten yang didukung sasaran ini.",
    )
    program = models.ManyToManyField(
        Program, through="ProgramSasaran", related_name="sasaran", blank=True
    )
    sasaran_daerah = models.ManyToManyField(
        "SasaranDaerah",
        through="DukunganSasaranDaerah",
        related_name="sasaran_pendukung",
        blank=True,
        verbose_name="sasaran RPJMD yang didukung",
    )

    history = HistoricalRecords()

    opd_path = "tujuan__renstra__opd"

    class Meta:
        verbose_name = "sasaran strategis"
        verbose_name_plural = "sasaran strategis"
        ordering = ["tujuan__renstra", "tujuan__nomor", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["tujuan", "nomor"],
                name="sasaran_nomor_unik",
                violation_error_message="Nomor sasaran sudah dipakai pada tujuan ini.",
            ),
        ]

    def __str__(self):
        return self.uraian

    def clean(self):
        if self.misi_id and self.tujuan_id:
            periode = self.tujuan.renstra.periode_rpjmd_id
            if periode and self.misi.periode_id != periode:
                raise ValidationError(
                    {"misi": "Misi ini berasal dari periode RPJMD lain daripada Renstra-nya."}
                )


class ProgramSasaran(models.Model):
    """A program supports a sasaran: the budget of a sasaran is the sum of its programs."""

    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, related_name="+")
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")

    opd_path = "sasaran__tujuan__renstra__opd"

    class Meta:
        verbose_name = "program pendukung sasaran"
        verbose_name_plural = "program pendukung sasaran"
        constraints = [
            models.UniqueConstraint(
                fields=["sasaran", "program"],
                name="program_sasaran_unik",
                violation_error_message="Program ini sudah terhubung ke sasaran tersebut.",
            ),
        ]

    def __str__(self):
        return f"{self.program} → {self.sasaran}"


class IndikatorKinerja(models.Model):
    """A performance indicator of a sasaran, with how it is measured and aggregated."""

    class Polaritas(models.TextChoices):
        POSITIF = "positif", "Positif (makin tinggi makin baik)"
        NEGATIF = "negatif", "Negatif (makin rendah makin baik)"

    class JenisNilai(models.TextChoices):
        ANGKA = "angka", "Angka"
        TEKS = "teks", "Teks (pilihan berurutan)"

    class Agregasi(models.TextChoices):
        KUMULATIF = "kumulatif", "Kumulatif (jumlah triwulan)"
        NILAI_AKHIR = "nilai_akhir", "Nilai akhir (triwulan terakhir yang dilaporkan)"
        RATA_RATA = "rata_rata", "Rata-rata triwulan"
        MAKSIMUM = "maksimum", "Nilai tertinggi triwulan"

    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, related_name="indikator")
    nomor = models.PositiveSmallIntegerField(default=1)
    nama = models.TextField()
    satuan = models.CharField(max_length=50, blank=True)
    polaritas = models.CharField(
        max_length=10, choices=Polaritas.choices, default=Polaritas.POSITIF
    )
    jenis_nilai = models.CharField(
        "jenis nilai", max_length=10, choices=JenisNilai.choices, default=JenisNilai.ANGKA
    )
    agregasi = models.CharField(
        "cara agregasi triwulan ke tahun",
        max_length=15,
        choices=Agregasi.choices,
        default=Agregasi.NILAI_AKHIR,
    )
    boleh_negatif = models.BooleanField(
        "realisasi boleh negatif",
        default=False,
        help_text="Misalnya pertumbuhan ekonomi; kebanyakan indikator tidak boleh negatif.",
    )
    is_iku = models.BooleanField("Indikator Kinerja Utama (IKU)", default=False)
    definisi_operasional = models.TextField("definisi operasional", blank=True)
    formula = models.TextField("formula/cara pengukuran", blank=True)
    sumber_data = models.CharField("sumber data", max_length=300, blank=True)
    penanggung_jawab = models.CharField("penanggung jawab", max_length=200, blank=True)
    target_akhir = models.DecimalField(
        "target akhir periode",
        **NILAI,
        null=True,
        blank=True,
        help_text="Kondisi akhir Renstra; dipakai untuk tingkat kemajuan.",
    )
    target_akhir_teks = models.CharField("target akhir periode (teks)", max_length=100, blank=True)
    history = HistoricalRecords()

    opd_path = "sasaran__tujuan__renstra__opd"

    class Meta:
        verbose_name = "indikator kinerja"
        verbose_name_plural = "indikator kinerja"
        ordering = ["sasaran__tujuan__renstra", "sasaran__tujuan__nomor", "sasaran__nomor", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["sasaran", "nomor"],
                name="indikator_nomor_unik",
                violation_error_message="Nomor indikator sudah dipakai pada sasaran ini.",
            ),
            models.CheckConstraint(
                condition=Q(jenis_nilai="angka") | Q(agregasi="nilai_akhir"),
                name="indikator_teks_nilai_akhir",
                violation_error_message=(
                    "Indikator bernilai teks hanya dapat diagregasi dengan nilai akhir."
                ),
            ),
            models.CheckConstraint(
                condition=Q(jenis_nilai="teks") | Q(target_akhir_teks=""),
                name="indikator_angka_tanpa_target_teks",
                violation_error_message="Indikator bernilai angka memakai target akhir angka.",
            ),
            models.CheckConstraint(
                condition=Q(jenis_nilai="angka") | Q(target_akhir__isnull=True),
                name="indikator_teks_tanpa_target_angka",
                violation_error_message="Indikator bernilai teks memakai target akhir teks.",
            ),
        ]

    def __str__(self):
        return self.nama

    @property
    def opd(self):
        return self.sasaran.tujuan.renstra.opd


class PilihanNilai(models.Model):
    """An allowed value of a text-valued indicator; `urutan` orders them from worst to best."""

    indikator = models.ForeignKey(
        IndikatorKinerja, on_delete=models.CASCADE, related_name="pilihan"
    )
    urutan = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=100)

    opd_path = "indikator__sasaran__tujuan__renstra__opd"

    class Meta:
        verbose_name = "pilihan nilai teks"
        verbose_name_plural = "pilihan nilai teks"
        ordering = ["indikator", "urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "urutan"],
                name="pilihan_urutan_unik",
                violation_error_message="Urutan ini sudah dipakai.",
            ),
            models.UniqueConstraint(
                fields=["indikator", "label"],
                name="pilihan_label_unik",
                violation_error_message="Pilihan ini sudah ada.",
            ),
        ]

    def __str__(self):
        return self.label


def validate_nilai_indikator(indikator, angka, teks, nama_field):
    """A numeric indicator takes a number (negative only where allowed), a text indicator one
    of its allowed values. Used for Renstra targets, PK targets and realisasi alike."""
    if indikator.jenis_nilai == IndikatorKinerja.JenisNilai.ANGKA:
        if teks:
            raise ValidationError(
                {f"{nama_field}_teks": "Indikator ini bernilai angka; isi kolom angka, bukan teks."}
            )
        if angka is not None and angka < 0 and not indikator.boleh_negatif:
            raise ValidationError({nama_field: "Nilai tidak boleh negatif untuk indikator ini."})
    else:
        if angka is not None:
            raise ValidationError({nama_field: "Indikator ini bernilai teks; pilih nilai teks."})
        # all(): the choices prefetched by the entry page and the imports, or one query.
        if teks and teks not in {p.label for p in indikator.pilihan.all()}:
            raise ValidationError(
                {f"{nama_field}_teks": "Nilai teks harus salah satu pilihan indikator ini."}
            )


class TargetTahunan(models.Model):
    """The Renstra target of an indicator for one year of the period."""

    indikator = models.ForeignKey(
        IndikatorKinerja, on_delete=models.CASCADE, related_name="target_tahunan"
    )
    tahun = models.PositiveSmallIntegerField()
    target = models.DecimalField(**NILAI, null=True, blank=True)
    target_teks = models.CharField("target (teks)", max_length=100, blank=True)
    history = HistoricalRecords()

    opd_path = "indikator__sasaran__tujuan__renstra__opd"

    class Meta:
        verbose_name = "target tahunan Renstra"
        verbose_name_plural = "target tahunan Renstra"
        ordering = ["indikator", "tahun"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun"],
                name="target_unik_per_indikator_tahun",
                violation_error_message="Target indikator ini untuk tahun itu sudah ada.",
            ),
            models.CheckConstraint(
                condition=Q(target__isnull=False) | ~Q(target_teks=""),
                name="target_tahunan_terisi",
                violation_error_message="Isi target angka atau target teks.",
            ),
        ]

    def __str__(self):
        return f"{self.indikator} {self.tahun}"

    def clean(self):
        if not self.indikator_id:
            return
        renstra = self.indikator.sasaran.tujuan.renstra
        if self.tahun and not renstra.mencakup(self.tahun):
            raise ValidationError(
                {
                    "tahun": f"Tahun {self.tahun} di luar periode Renstra "
                    f"{renstra.tahun_awal}-{renstra.tahun_akhir}."
                }
            )
        validate_nilai_indikator(self.indikator, self.target, self.target_teks, "target")


PERNYATAAN_BAKU = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
    "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
    "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target "
    "kinerja tersebut menjadi tanggung jawab kami.\n\n"
    "Pihak kedua akan memberikan supervisi yang diperlukan serta akan melakukan evaluasi "
    "terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan "
    "dalam rangka memberikan penghargaan dan sanksi."
)
"""The promise text of the PK format of PermenPAN-RB 53/2014 as the kabupaten's signed PKs
word it (seed 003), the default of every new PK."""


def pk_signatory_snapshot(*, pihak: str, pejabat) -> dict:
    """The printed signature of one party: name, NIP, pangkat and jabatan as documents write
    them ("Pj. Bupati Magetan"), as field values of a PK (PerjanjianKinerja, PKJenjang:
    pihak_pertama/pihak_kedua; PKBupati: bupati): the one copy of an official into a
    signed document, made final or previewed as a draft."""
    return {
        pihak: pejabat,
        f"{pihak}_nama": pejabat.nama,
        f"{pihak}_nip": pejabat.nip,
        f"{pihak}_pangkat": pejabat.pangkat,
        f"{pihak}_jabatan": pejabat.jabatan_lengkap,
    }


def judul_pk(tahun: int, versi: int) -> str:
    """The title of a PK version, whoever signs it: "Perjanjian Kinerja Tahun 2023",
    "Perubahan Perjanjian Kinerja Tahun 2023", "Perubahan ke-2 ..."."""
    if versi == 0:
        return f"Perjanjian Kinerja Tahun {tahun}"
    ke = f" ke-{versi}" if versi > 1 else ""
    return f"Perubahan{ke} Perjanjian Kinerja Tahun {tahun}"


class PerjanjianKinerja(models.Model):
    """The Perjanjian Kinerja of an OPD for a year; versi 0 is the induk, 1, 2... perubahan.

    The signatories are kept twice: a link to the Pejabat and a snapshot of name, NIP, pangkat
    and jabatan as printed, so a later change of the official's record does not rewrite a
    signed document.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draf"
        FINAL = "final", "Final"

    class Alasan(models.TextChoices):
        PEJABAT = "pejabat", "Terjadi pergantian atau mutasi pejabat"
        STRATEGI = "strategi", ("Perubahan strategi (program, kegiatan dan alokasi anggaran)")
        PRIORITAS = "prioritas", "Perubahan prioritas atau asumsi yang signifikan"

    opd = models.ForeignKey(
        OPD, on_delete=models.PROTECT, related_name="perjanjian_kinerja", verbose_name="OPD"
    )
    tahun = models.PositiveSmallIntegerField()
    versi = models.PositiveSmallIntegerField(
        default=0, help_text="0 = PK induk; 1, 2, ... = perubahan ke-1, ke-2, ..."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    alasan_perubahan = models.CharField(
        "alasan perubahan", max_length=10, choices=Alasan.choices, blank=True
    )
    keterangan_perubahan = models.TextField("keterangan perubahan", blank=True)
    tempat = models.CharField(max_length=100, blank=True)
    tanggal = models.DateField(null=True, blank=True)
    tanggal_lengkap = models.BooleanField(
        "cetak tanggal lengkap",
        default=True,
        help_text="Kosongkan bila dokumen hanya mencantumkan bulan dan tahun "
        '("Magetan, Januari 2023").',
    )
    pernyataan = models.TextField("teks pernyataan", blank=True)

    pihak_pertama = models.ForeignKey(
        Pejabat,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="pihak pertama",
    )
    pihak_pertama_nama = models.CharField("nama pihak pertama", max_length=150, blank=True)
    pihak_pertama_nip = models.CharField("NIP pihak pertama", max_length=18, blank=True)
    pihak_pertama_pangkat = models.CharField("pangkat pihak pertama", max_length=60, blank=True)
    pihak_pertama_jabatan = models.CharField("jabatan pihak pertama", max_length=200, blank=True)
    pihak_kedua = models.ForeignKey(
        Pejabat,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="pihak kedua",
    )
    pihak_kedua_nama = models.CharField("nama pihak kedua", max_length=150, blank=True)
    pihak_kedua_nip = models.CharField("NIP pihak kedua", max_length=18, blank=True)
    pihak_kedua_pangkat = models.CharField("pangkat pihak kedua", max_length=60, blank=True)
    pihak_kedua_jabatan = models.CharField("jabatan pihak kedua", max_length=200, blank=True)

    difinalkan_pada = models.DateTimeField(null=True, blank=True)
    difinalkan_oleh = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    opd_path = "opd"

    class Meta:
        verbose_name = "Perjanjian Kinerja"
        verbose_name_plural = "Perjanjian Kinerja"
        ordering = ["opd", "-tahun", "-versi"]
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "tahun", "versi"],
                name="pk_versi_unik",
                violation_error_message="Versi Perjanjian Kinerja ini sudah ada.",
            ),
            models.CheckConstraint(
                condition=(Q(versi=0) & Q(alasan_perubahan=""))
                | (Q(versi__gt=0) & ~Q(alasan_perubahan="")),
                name="pk_alasan_hanya_untuk_perubahan",
                violation_error_message=(
                    "Perubahan PK wajib memiliki alasan; PK induk tidak memiliki alasan perubahan."
                ),
            ),
            models.CheckConstraint(
                condition=Q(pihak_pertama__isnull=True)
                | Q(pihak_kedua__isnull=True)
                | ~Q(pihak_pertama=models.F("pihak_kedua")),
                name="pk_pihak_berbeda",
                violation_error_message="Pihak pertama dan pihak kedua harus orang yang berbeda.",
            ),
            models.CheckConstraint(
                condition=Q(status="draft")
                | (
                    ~Q(pihak_pertama_nama="")
                    & ~Q(pihak_pertama_jabatan="")
                    & ~Q(pihak_kedua_jabatan="")
                    & Q(tanggal__isnull=False)
                ),
                name="pk_final_lengkap",
                violation_error_message=(
                    "PK final harus memiliki tanggal, pihak pertama dan jabatan pihak kedua."
                ),
            ),
            models.CheckConstraint(
                condition=Q(tahun__gte=2000, tahun__lte=2100),
                name="pk_tahun_wajar",
                violation_error_message="Tahun PK harus antara 2000 dan 2100.",
            ),
        ]

    def __str__(self):
        return f"{self.judul} — {self.opd}"

    @property
    def is_perubahan(self) -> bool:
        return self.versi > 0

    @property
    def judul(self) -> str:
        return judul_pk(self.tahun, self.versi)

    def clean(self):
        if (
            self.pihak_pertama_id
            and self.pihak_kedua_id
            and (self.pihak_pertama_id == self.pihak_kedua_id)
        ):
            raise ValidationError(
                {"pihak_kedua": "Pihak pertama dan pihak kedua harus orang yang berbeda."}
            )
        if self.opd_id and self.tahun and self.pihak_pertama_id:
            if self.pihak_pertama.opd_id not in (None, self.opd_id):
                raise ValidationError({"pihak_pertama": "Pihak pertama harus pejabat OPD ini."})


class PKJenjang(models.Model):
    """A Perjanjian Kinerja of the lower levels of an OPD (PK berjenjang, DOMAIN.md): a
    pejabat administrator (sekretaris, kepala bidang) promises the indicators of their
    programs and kegiatan to the OPD head; a pejabat pengawas (kepala sub bagian, kepala
    seksi) those of their sub kegiatan to their administrator. Its rows are proposed from the
    DPA in force (apps.perencanaan.services.pk_jenjang_create) and kept as printed; versi 0
    is the induk, 1, 2... perubahan, as the OPD's PK; the signatories are both officials of
    the OPD, snapshotted when it is made final. The field names of the signatures are the
    OPD PK's, so both print through the same signature block."""

    class Tingkat(models.TextChoices):
        ADMINISTRATOR = "administrator", "Pejabat administrator"
        PENGAWAS = "pengawas", "Pejabat pengawas"

    opd = models.ForeignKey(OPD, on_delete=models.PROTECT, related_name="pk_jenjang")
    tahun = models.PositiveSmallIntegerField()
    tingkat = models.CharField(max_length=15, choices=Tingkat.choices)
    versi = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(
        max_length=10, choices=PerjanjianKinerja.Status.choices, default="draft"
    )
    alasan_perubahan = models.CharField(
        "alasan perubahan", max_length=10, choices=PerjanjianKinerja.Alasan.choices, blank=True
    )
    keterangan_perubahan = models.TextField("keterangan perubahan", blank=True)
    tempat = models.CharField(max_length=100, blank=True)
    tanggal = models.DateField(null=True, blank=True)
    pihak_pertama = models.ForeignKey(
        Pejabat, on_delete=models.PROTECT, related_name="+", verbose_name="pihak pertama"
    )
    pihak_pertama_nama = models.CharField(max_length=150, blank=True)
    pihak_pertama_nip = models.CharField(max_length=18, blank=True)
    pihak_pertama_pangkat = models.CharField(max_length=60, blank=True)
    pihak_pertama_jabatan = models.CharField(max_length=200, blank=True)
    pihak_kedua = models.ForeignKey(
        Pejabat, on_delete=models.PROTECT, related_name="+", verbose_name="pihak kedua"
    )
    pihak_kedua_nama = models.CharField(max_length=150, blank=True)
    pihak_kedua_nip = models.CharField(max_length=18, blank=True)
    pihak_kedua_pangkat = models.CharField(max_length=60, blank=True)
    pihak_kedua_jabatan = models.CharField(max_length=200, blank=True)
    difinalkan_pada = models.DateTimeField(null=True, blank=True)
    difinalkan_oleh = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    opd_path = "opd"

    class Meta:
        verbose_name = "PK berjenjang"
        verbose_name_plural = "PK berjenjang"
        ordering = ["opd", "-tahun", "tingkat", "pihak_pertama", "-versi"]
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "tahun", "pihak_pertama", "versi"],
                name="pk_jenjang_versi_unik",
                violation_error_message="Pejabat ini sudah memiliki PK versi ini pada tahun itu.",
            ),
            models.CheckConstraint(
                condition=~Q(pihak_pertama=models.F("pihak_kedua")),
                name="pk_jenjang_pihak_berbeda",
                violation_error_message="Pihak pertama dan pihak kedua harus orang yang berbeda.",
            ),
            models.CheckConstraint(
                condition=(Q(versi=0) & Q(alasan_perubahan=""))
                | (Q(versi__gt=0) & ~Q(alasan_perubahan="")),
                name="pk_jenjang_alasan_perubahan",
                violation_error_message=(
                    "Perubahan PK wajib memiliki alasan; PK induk tidak memiliki alasan perubahan."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(tanggal__isnull=False),
                name="pk_jenjang_final_bertanggal",
                violation_error_message="PK final harus bertanggal.",
            ),
        ]

    def __str__(self):
        return f"{self.judul} — {self.pihak_pertama_nama or self.pihak_pertama}"

    @property
    def judul(self) -> str:
        return judul_pk(self.tahun, self.versi)

    def clean(self):
        """Both signatories are officials of this OPD, two different people: a PK of an
        official of another OPD is refused with both names."""
        galat = {}
        for pihak in ("pihak_pertama", "pihak_kedua"):
            p = _terkait(self, pihak)
            if p is not None and self.opd_id and p.opd_id != self.opd_id:
                label = "Pihak pertama" if pihak == "pihak_pertama" else "Pihak kedua"
                galat[pihak] = (
                    f"{label}: {p.nama} ({p.jabatan}) bukan pejabat {self.opd.nama}; "
                    "PK berjenjang ditandatangani pejabat OPD ini."
                )
        if self.pihak_pertama_id and self.pihak_pertama_id == self.pihak_kedua_id:
            galat["pihak_kedua"] = (
                "Pihak kedua: pihak pertama dan pihak kedua harus orang yang berbeda."
            )
        if galat:
            raise ValidationError(galat)


class PKJenjangBaris(models.Model):
    """A row of a PK berjenjang as printed: a program, kegiatan or sub kegiatan of the DPA
    with its indicator, target and budget when the PK was proposed (a later DPA change does
    not rewrite a signed PK)."""

    class Unsur(models.TextChoices):
        PROGRAM = "program", "Program"
        KEGIATAN = "kegiatan", "Kegiatan"
        SUB = "sub", "Sub kegiatan"

    pk_dokumen = models.ForeignKey(PKJenjang, on_delete=models.CASCADE, related_name="baris")
    urutan = models.PositiveSmallIntegerField()
    unsur = models.CharField(max_length=10, choices=Unsur.choices)
    kode = models.CharField(max_length=30)
    uraian = models.CharField(max_length=300)
    indikator = models.CharField(max_length=400, blank=True)
    target = models.DecimalField(**NILAI, null=True, blank=True)
    satuan = models.CharField(max_length=50, blank=True)
    anggaran = RupiahField("anggaran (Rp)", default=0)
    history = HistoricalRecords()

    opd_path = "pk_dokumen__opd"

    class Meta:
        verbose_name = verbose_name_plural = "baris PK berjenjang"
        ordering = ["pk_dokumen", "urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["pk_dokumen", "urutan"], name="pk_jenjang_baris_urutan_unik"
            ),
        ]

    def __str__(self):
        return f"{self.kode} {self.uraian}"


class PKIndikator(models.Model):
    """A target the PK promises: one indicator of the OPD's Renstra with its target."""

    pk_dokumen = models.ForeignKey(
        PerjanjianKinerja,
        on_delete=models.CASCADE,
        related_name="indikator",
        verbose_name="Perjanjian Kinerja",
    )
    indikator = models.ForeignKey(
        IndikatorKinerja, on_delete=models.PROTECT, related_name="target_pk"
    )
    target = models.DecimalField(**NILAI, null=True, blank=True)
    target_teks = models.CharField("target (teks)", max_length=100, blank=True)
    history = HistoricalRecords()

    opd_path = "pk_dokumen__opd"

    class Meta:
        verbose_name = "target Perjanjian Kinerja"
        verbose_name_plural = "target Perjanjian Kinerja"
        ordering = ["pk_dokumen", "indikator__sasaran__nomor", "indikator__nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["pk_dokumen", "indikator"],
                name="pk_indikator_unik",
                violation_error_message="Indikator ini sudah ada pada Perjanjian Kinerja ini.",
            ),
            models.CheckConstraint(
                condition=Q(target__isnull=False) | ~Q(target_teks=""),
                name="pk_indikator_target_terisi",
                violation_error_message="Isi target angka atau target teks.",
            ),
        ]

    def __str__(self):
        return f"{self.indikator}: {self.target if self.target is not None else self.target_teks}"

    def clean(self):
        if not (self.indikator_id and self.pk_dokumen_id):
            return
        renstra = self.indikator.sasaran.tujuan.renstra
        if renstra.opd_id != self.pk_dokumen.opd_id:
            raise ValidationError({"indikator": "Indikator ini milik OPD lain."})
        if not renstra.mencakup(self.pk_dokumen.tahun):
            raise ValidationError(
                {
                    "indikator": f"Indikator ini dari Renstra "
                    f"{renstra.tahun_awal}-{renstra.tahun_akhir}, tidak mencakup "
                    f"tahun {self.pk_dokumen.tahun}."
                }
            )
        validate_nilai_indikator(self.indikator, self.target, self.target_teks, "target")


class PKProgram(models.Model):
    """A program and its budget as the PK states it (compared with the DPA, never summed)."""

    pk_dokumen = models.ForeignKey(
        PerjanjianKinerja,
        on_delete=models.CASCADE,
        related_name="program",
        verbose_name="Perjanjian Kinerja",
    )
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    anggaran = RupiahField("anggaran (Rp)", validators=[MinValueValidator(0)])
    keterangan = models.CharField(max_length=255, blank=True)
    history = HistoricalRecords()

    opd_path = "pk_dokumen__opd"

    class Meta:
        verbose_name = "program dan anggaran PK"
        verbose_name_plural = "program dan anggaran PK"
        ordering = ["pk_dokumen", "program__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["pk_dokumen", "program"],
                name="pk_program_unik",
                violation_error_message="Program ini sudah ada pada Perjanjian Kinerja ini.",
            ),
            models.CheckConstraint(
                condition=Q(anggaran__gte=0),
                name="pk_program_anggaran_tidak_negatif",
                violation_error_message="Anggaran tidak boleh negatif.",
            ),
        ]

    def __str__(self):
        return str(self.program)


class RencanaProgram(models.Model):
    """A row of the Renstra matrix (Rencana Program, Kegiatan dan Pendanaan) for a period.

    The code is kept as text in whatever scheme the period used (old codes such as
    `4,01,05,01,20` included). Rupiah is entered on the lowest rows only; program and kegiatan
    totals of the matrix are computed from the rows under them.
    """

    class Tingkat(models.TextChoices):
        PROGRAM = "program", "Program"
        KEGIATAN = "kegiatan", "Kegiatan"
        SUB_KEGIATAN = "subkegiatan", "Sub Kegiatan"

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="matriks")
    sasaran = models.ForeignKey(
        Sasaran, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    periode = models.CharField(max_length=100, help_text="Periode RPJMD Induk (Tahun 2019-2020)")
    tahun_awal = models.PositiveSmallIntegerField("tahun awal")
    tahun_akhir = models.PositiveSmallIntegerField("tahun akhir")
    urutan = models.PositiveIntegerField(default=0)
    tingkat = models.CharField(max_length=12, choices=Tingkat.choices)
    kode = models.CharField(max_length=30)
    uraian = models.CharField(max_length=300)
    indikator = models.CharField(max_length=400, blank=True)
    target_k = models.DecimalField(
        "target (K)", max_digits=14, decimal_places=2, null=True, blank=True
    )
    satuan = models.CharField(max_length=50, blank=True)
    target_rp = RupiahField("target (Rp)", null=True, blank=True)
    realisasi_k = models.DecimalField(
        "realisasi (K)", max_digits=14, decimal_places=2, null=True, blank=True
    )
    realisasi_rp = RupiahField("realisasi (Rp)", null=True, blank=True)
    unit_penanggung_jawab = models.CharField(max_length=255, blank=True)

    history = HistoricalRecords()

    opd_path = "renstra__opd"

    class Meta:
        verbose_name = "baris matriks Renstra"
        verbose_name_plural = "matriks Renstra (program, kegiatan, pendanaan)"
        ordering = ["renstra", "tahun_awal", "urutan"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tingkat__in=["program", "kegiatan", "subkegiatan"]),
                name="matriks_tingkat_valid",
                violation_error_message="Tingkat harus program, kegiatan atau sub kegiatan.",
            ),
            models.CheckConstraint(
                condition=Q(tahun_akhir__gte=models.F("tahun_awal")),
                name="matriks_urutan_tahun",
                violation_error_message="Tahun akhir harus sama atau sesudah tahun awal.",
            ),
        ]

    def __str__(self):
        return f"{self.kode} {self.uraian}"


# --- The kabupaten's RPJMD: tujuan and sasaran daerah with their indicators (IKU Pemda) ------
# DOMAIN.md "The kabupaten level": the Bupati's five-year plan under the visi and misi of a
# PeriodeRPJMD (apps.core); every OPD's Renstra sasaran supports one or more sasaran daerah
# of the period its Renstra follows (DukunganSasaranDaerah).


def _terkait(obj, nama: str):
    """The related object of a foreign key, saved or not yet; None when it is not set."""
    try:
        return getattr(obj, nama)
    except ObjectDoesNotExist:
        return None


class TujuanDaerah(models.Model):
    """A tujuan of the RPJMD, under one of its misi."""

    periode = models.ForeignKey(
        PeriodeRPJMD,
        on_delete=models.PROTECT,
        related_name="tujuan_daerah",
        verbose_name="periode RPJMD",
    )
    misi = models.ForeignKey(
        Misi, on_delete=models.PROTECT, null=True, blank=True, related_name="tujuan_daerah"
    )
    nomor = models.PositiveSmallIntegerField()
    uraian = models.TextField()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "tujuan RPJMD"
        verbose_name_plural = "tujuan RPJMD"
        ordering = ["periode", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["periode", "nomor"],
                name="tujuan_daerah_nomor_unik",
                violation_error_message="Nomor tujuan sudah dipakai pada periode RPJMD ini.",
            ),
        ]

    def __str__(self):
        return f"Tujuan {self.nomor}: {self.uraian}"

    def clean(self):
        if self.misi_id and self.periode_id and self.misi.periode_id != self.periode_id:
            raise ValidationError({"misi": "Misi ini berasal dari periode RPJMD lain."})


class SasaranDaerah(models.Model):
    """A sasaran of the RPJMD: what the Bupati answers for, measured by its IKU Pemda."""

    tujuan = models.ForeignKey(TujuanDaerah, on_delete=models.CASCADE, related_name="sasaran")
    nomor = models.PositiveSmallIntegerField()
    uraian = models.TextField()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "sasaran RPJMD"
        verbose_name_plural = "sasaran RPJMD"
        ordering = ["tujuan__periode", "tujuan__nomor", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["tujuan", "nomor"],
                name="sasaran_daerah_nomor_unik",
                violation_error_message="Nomor sasaran sudah dipakai pada tujuan ini.",
            ),
        ]

    def __str__(self):
        return f"Sasaran {self.tujuan.nomor}.{self.nomor}: {self.uraian}"


class IndikatorDaerah(models.Model):
    """An indicator of a sasaran daerah (IKU Pemda), measured like an OPD's indicator: the
    same polarity and aggregation choices, numbers only (the kabupaten's IKU are figures:
    an index, a rate, a percentage)."""

    sasaran = models.ForeignKey(SasaranDaerah, on_delete=models.CASCADE, related_name="indikator")
    nomor = models.PositiveSmallIntegerField(default=1)
    nama = models.TextField()
    satuan = models.CharField(max_length=50, blank=True)
    polaritas = models.CharField(
        max_length=10,
        choices=IndikatorKinerja.Polaritas.choices,
        default=IndikatorKinerja.Polaritas.POSITIF,
    )
    agregasi = models.CharField(
        "cara agregasi triwulan ke tahun",
        max_length=15,
        choices=IndikatorKinerja.Agregasi.choices,
        default=IndikatorKinerja.Agregasi.NILAI_AKHIR,
    )
    definisi_operasional = models.TextField("definisi operasional", blank=True)
    sumber_data = models.CharField("sumber data", max_length=300, blank=True)
    target_akhir = models.DecimalField(
        "target akhir periode",
        **NILAI,
        null=True,
        blank=True,
        help_text="Kondisi akhir RPJMD; dipakai untuk tingkat kemajuan.",
    )
    sumber = models.ForeignKey(
        IndikatorKinerja,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="iku_pemda",
        verbose_name="diambil dari indikator OPD",
        help_text="Bila IKU ini diukur sama dengan indikator sebuah OPD, realisasinya diambil "
        "dari isian OPD itu dan tidak diisi lagi. Kosongkan bila diisi Bagian Organisasi.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "indikator kinerja utama (IKU) Pemda"
        verbose_name_plural = "indikator kinerja utama (IKU) Pemda"
        ordering = ["sasaran__tujuan__periode", "sasaran__tujuan__nomor", "sasaran__nomor", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["sasaran", "nomor"],
                name="indikator_daerah_nomor_unik",
                violation_error_message="Nomor indikator sudah dipakai pada sasaran ini.",
            ),
        ]

    def __str__(self):
        return self.nama

    def clean(self):
        """An OPD indicator declared the same measure must be a number of a Renstra that
        follows this IKU's RPJMD period (its values are read as this IKU's)."""
        sumber = _terkait(self, "sumber")
        sasaran = _terkait(self, "sasaran")
        if sumber is None or sasaran is None:
            return
        if sumber.jenis_nilai != IndikatorKinerja.JenisNilai.ANGKA:
            raise ValidationError(
                {"sumber": "Indikator sumber harus bernilai angka, seperti IKU Pemda."}
            )
        renstra = sumber.sasaran.tujuan.renstra
        periode = sasaran.tujuan.periode
        if renstra.periode_rpjmd_id != periode.pk:
            raise ValidationError(
                {
                    "sumber": f"Indikator “{sumber.nama}” milik Renstra {renstra.opd} "
                    f"{renstra.tahun_awal}-{renstra.tahun_akhir} yang tidak mengacu ke "
                    f"{periode.nama}."
                }
            )


class TargetDaerah(models.Model):
    """The RPJMD target of an IKU Pemda for one year of the period."""

    indikator = models.ForeignKey(
        IndikatorDaerah, on_delete=models.CASCADE, related_name="target_tahunan"
    )
    tahun = models.PositiveSmallIntegerField()
    target = models.DecimalField(**NILAI)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "target tahunan RPJMD"
        verbose_name_plural = "target tahunan RPJMD"
        ordering = ["indikator", "tahun"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun"],
                name="target_daerah_unik",
                violation_error_message="Target indikator ini untuk tahun itu sudah ada.",
            ),
        ]

    def __str__(self):
        return f"{self.indikator} {self.tahun}"

    def clean(self):
        # The indicator may be one the admin's add page has not saved yet (an inline target):
        # checked all the same, through the object itself rather than its id.
        ind = _terkait(self, "indikator")
        if ind is None or not self.tahun or not ind.sasaran_id:
            return
        periode = ind.sasaran.tujuan.periode
        if not periode.tahun_awal <= self.tahun <= periode.tahun_akhir:
            raise ValidationError(
                {
                    "tahun": f"Tahun {self.tahun} di luar periode RPJMD "
                    f"{periode.tahun_awal}-{periode.tahun_akhir}."
                }
            )


class DukunganSasaranDaerah(models.Model):
    """An OPD's Renstra sasaran supports a sasaran daerah of the RPJMD its Renstra follows
    (the first step of the pohon kinerja). A link to another period's sasaran is refused."""

    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, related_name="dukungan_daerah")
    sasaran_daerah = models.ForeignKey(
        SasaranDaerah,
        on_delete=models.PROTECT,
        related_name="dukungan_opd",
        verbose_name="sasaran RPJMD",
    )

    opd_path = "sasaran__tujuan__renstra__opd"

    class Meta:
        verbose_name = "sasaran RPJMD yang didukung"
        verbose_name_plural = "sasaran RPJMD yang didukung"
        constraints = [
            models.UniqueConstraint(
                fields=["sasaran", "sasaran_daerah"],
                name="dukungan_sasaran_daerah_unik",
                violation_error_message="Sasaran ini sudah terhubung ke sasaran RPJMD tersebut.",
            ),
        ]

    def __str__(self):
        return f"{self.sasaran} → {self.sasaran_daerah}"

    def clean(self):
        # The sasaran may be one the admin's add page has not saved yet (an inline link).
        sasaran = _terkait(self, "sasaran")
        if sasaran is None or not sasaran.tujuan_id or not self.sasaran_daerah_id:
            return
        renstra = sasaran.tujuan.renstra
        periode = self.sasaran_daerah.tujuan.periode
        if renstra.periode_rpjmd_id is None:
            raise ValidationError(
                {
                    "sasaran_daerah": f"Renstra {renstra.tahun_awal}-{renstra.tahun_akhir} "
                    "belum terhubung ke periode RPJMD; tetapkan periodenya lebih dulu."
                }
            )
        if periode.pk != renstra.periode_rpjmd_id:
            raise ValidationError(
                {
                    "sasaran_daerah": f"Sasaran RPJMD ini milik {periode}, bukan periode "
                    f"yang diikuti Renstra {renstra.tahun_awal}-{renstra.tahun_akhir} "
                    f"({renstra.periode_rpjmd})."
                }
            )


class PKBupati(models.Model):
    """The Bupati's Perjanjian Kinerja of a year (PK berjenjang, DOMAIN.md): the IKU Pemda of
    the RPJMD period with the year's targets, signed by the kepala daerah alone. Proposed
    from the RPJMD's targets; versi 0 induk, 1, 2... perubahan, as the OPD's PK; the
    signature snapshotted when it is made final."""

    periode = models.ForeignKey(PeriodeRPJMD, on_delete=models.PROTECT, related_name="+")
    tahun = models.PositiveSmallIntegerField()
    versi = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(
        max_length=10, choices=PerjanjianKinerja.Status.choices, default="draft"
    )
    alasan_perubahan = models.CharField(
        "alasan perubahan", max_length=10, choices=PerjanjianKinerja.Alasan.choices, blank=True
    )
    keterangan_perubahan = models.TextField("keterangan perubahan", blank=True)
    tempat = models.CharField(max_length=100, blank=True)
    tanggal = models.DateField(null=True, blank=True)
    bupati = models.ForeignKey(
        Pejabat, on_delete=models.PROTECT, related_name="+", verbose_name="kepala daerah"
    )
    bupati_nama = models.CharField(max_length=150, blank=True)
    bupati_nip = models.CharField(max_length=18, blank=True)
    bupati_pangkat = models.CharField(max_length=60, blank=True)
    bupati_jabatan = models.CharField(max_length=200, blank=True)
    difinalkan_pada = models.DateTimeField(null=True, blank=True)
    difinalkan_oleh = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "PK Bupati"
        ordering = ["-tahun", "-versi"]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun", "versi"],
                name="pk_bupati_versi_unik",
                violation_error_message="Versi PK Bupati tahun ini sudah ada.",
            ),
            models.CheckConstraint(
                condition=(Q(versi=0) & Q(alasan_perubahan=""))
                | (Q(versi__gt=0) & ~Q(alasan_perubahan="")),
                name="pk_bupati_alasan_perubahan",
                violation_error_message=(
                    "Perubahan PK wajib memiliki alasan; PK induk tidak memiliki alasan perubahan."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(tanggal__isnull=False),
                name="pk_bupati_final_bertanggal",
                violation_error_message="PK final harus bertanggal.",
            ),
        ]

    def __str__(self):
        return f"{self.judul} Bupati"

    @property
    def judul(self) -> str:
        return judul_pk(self.tahun, self.versi)

    def clean(self):
        """The year lies in the RPJMD period; the signatory is a kepala daerah (an official
        of no OPD)."""
        periode = _terkait(self, "periode")
        if periode is not None and self.tahun:
            if not periode.tahun_awal <= self.tahun <= periode.tahun_akhir:
                raise ValidationError({"tahun": f"Tahun {self.tahun} di luar {periode.nama}."})
        bupati = _terkait(self, "bupati")
        if bupati is not None and bupati.opd_id is not None:
            raise ValidationError(
                {
                    "bupati": f"Kepala daerah: {bupati.nama} adalah pejabat {bupati.opd}, "
                    "bukan kepala daerah."
                }
            )


class PKBupatiTarget(models.Model):
    """An IKU Pemda of the Bupati's PK with its target."""

    pk_dokumen = models.ForeignKey(PKBupati, on_delete=models.CASCADE, related_name="target")
    indikator = models.ForeignKey(IndikatorDaerah, on_delete=models.PROTECT, related_name="+")
    target = models.DecimalField(**NILAI, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "target PK Bupati"
        ordering = ["pk_dokumen", "indikator"]
        constraints = [
            models.UniqueConstraint(
                fields=["pk_dokumen", "indikator"], name="pk_bupati_target_unik"
            ),
        ]

    def __str__(self):
        return f"{self.indikator} {self.pk_dokumen.tahun}"
