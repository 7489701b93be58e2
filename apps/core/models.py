"""Master data of the kabupaten: its profile and RPJMD, OPDs, officials, users, predikat scales."""

from decimal import Decimal

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .roles import KEMAMPUAN, PERAN_BER_OPD, Peran
from .validators import format_nip, validate_nip


class Pemda(models.Model):
    """The one regional government this installation serves (a singleton row)."""

    kunci = models.CharField(max_length=5, default="pemda", unique=True, editable=False)
    nama = models.CharField("nama pemerintah daerah", max_length=150, help_text="Kabupaten Magetan")
    ibu_kota = models.CharField(
        "ibu kota", max_length=100, help_text="Dipakai sebagai tempat penandatanganan dokumen."
    )
    alamat = models.CharField(max_length=255, blank=True)
    telepon = models.CharField(max_length=50, blank=True)
    email = models.EmailField(blank=True)
    logo = models.ImageField(upload_to="pemda/", blank=True)
    kepala_daerah = models.ForeignKey(
        "Pejabat",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="kepala daerah",
    )
    skala_predikat = models.ForeignKey(
        "SkalaPredikat",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="skala predikat bawaan",
    )

    class RumusNegatif(models.TextChoices):
        SELISIH = "selisih", "(2 × target − realisasi) / target × 100 (PermenPAN-RB 6/2022)"
        RASIO = "rasio", "target / realisasi × 100"

    rumus_polaritas_negatif = models.CharField(
        "rumus capaian indikator polaritas negatif",
        max_length=10,
        choices=RumusNegatif.choices,
        default=RumusNegatif.SELISIH,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "profil pemerintah daerah"
        verbose_name_plural = "profil pemerintah daerah"
        constraints = [
            models.CheckConstraint(condition=Q(kunci="pemda"), name="pemda_tunggal"),
        ]

    def __str__(self):
        return self.nama

    @property
    def nama_pemerintah(self) -> str:
        """ "PEMERINTAH KABUPATEN MAGETAN" as the kop writes it."""
        return f"Pemerintah {self.nama}"


class PeriodeRPJMD(models.Model):
    """A five-year RPJMD of the kabupaten with its visi (misi are rows of Misi)."""

    nama = models.CharField(max_length=100, help_text="RPJMD 2018-2023")
    tahun_awal = models.PositiveSmallIntegerField("tahun awal")
    tahun_akhir = models.PositiveSmallIntegerField("tahun akhir")
    visi = models.TextField()
    dasar_hukum = models.CharField("dasar hukum", max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "periode RPJMD"
        verbose_name_plural = "periode RPJMD"
        ordering = ["-tahun_awal"]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun_awal", "tahun_akhir"],
                name="rpjmd_periode_unik",
                violation_error_message="Periode RPJMD dengan tahun yang sama sudah ada.",
            ),
            models.CheckConstraint(
                condition=Q(tahun_akhir__gt=models.F("tahun_awal"))
                & Q(tahun_akhir__lte=models.F("tahun_awal") + 6),
                name="rpjmd_urutan_tahun",
                violation_error_message=(
                    "Tahun akhir RPJMD harus sesudah tahun awal dan paling lama 6 tahun kemudian."
                ),
            ),
            models.CheckConstraint(
                condition=Q(tahun_awal__gte=2000, tahun_awal__lte=2100),
                name="rpjmd_tahun_wajar",
                violation_error_message="Tahun awal RPJMD harus antara 2000 dan 2100.",
            ),
        ]

    def __str__(self):
        return f"{self.nama} ({self.tahun_awal}-{self.tahun_akhir})"


class Misi(models.Model):
    periode = models.ForeignKey(
        PeriodeRPJMD, on_delete=models.PROTECT, related_name="misi", verbose_name="periode RPJMD"
    )
    nomor = models.PositiveSmallIntegerField()
    uraian = models.TextField()

    class Meta:
        verbose_name = "misi kabupaten"
        verbose_name_plural = "misi kabupaten"
        ordering = ["periode", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["periode", "nomor"],
                name="misi_nomor_unik",
                violation_error_message="Nomor misi sudah dipakai pada periode ini.",
            ),
        ]

    def __str__(self):
        return f"Misi {self.nomor}: {self.uraian[:80]}"


class OPD(models.Model):
    """A unit of the regional government (Perangkat Daerah): every OPD-owned row points here."""

    class Jenis(models.TextChoices):
        SEKRETARIAT = "sekretariat", "Sekretariat"
        BAGIAN = "bagian", "Bagian"
        DINAS = "dinas", "Dinas"
        BADAN = "badan", "Badan"
        INSPEKTORAT = "inspektorat", "Inspektorat"
        SATUAN = "satuan", "Satuan"
        RSUD = "rsud", "Rumah Sakit Umum Daerah"
        KECAMATAN = "kecamatan", "Kecamatan"
        KELURAHAN = "kelurahan", "Kelurahan"

    kode = models.CharField(
        max_length=40,
        unique=True,
        help_text="Kode unit kerja, misalnya 7.01.0.00.0.00.01.0000.",
        error_messages={"unique": "Kode OPD ini sudah dipakai."},
    )
    kode_bidang = models.CharField(
        "kode urusan/bidang",
        max_length=10,
        blank=True,
        help_text="Urusan dan bidang dalam nomenklatur, misalnya 7.01 untuk kecamatan; "
        "kode program penunjang 01.2.01.01 dibaca dalam konteks ini.",
    )
    nama = models.CharField(max_length=200)
    singkatan = models.CharField(max_length=50, blank=True)
    jenis = models.CharField(max_length=20, choices=Jenis.choices)
    induk = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sub_unit",
        verbose_name="unit induk",
    )
    alamat = models.CharField(max_length=255, blank=True)
    telepon = models.CharField(max_length=50, blank=True)
    email = models.EmailField(blank=True)
    skala_predikat = models.ForeignKey(
        "SkalaPredikat",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="skala predikat",
        help_text="Kosongkan untuk memakai skala bawaan pemerintah daerah.",
    )
    aktif = models.BooleanField(default=True)

    # Path from this model to the OPD, used by the isolation selector.
    history = HistoricalRecords()

    opd_path = "pk"

    class Meta:
        verbose_name = "OPD"
        verbose_name_plural = "OPD"
        ordering = ["kode"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(induk=models.F("id")),
                name="opd_bukan_induk_sendiri",
                violation_error_message="Sebuah OPD tidak boleh menjadi induk dirinya sendiri.",
            ),
            models.CheckConstraint(
                condition=Q(kode_bidang="") | Q(kode_bidang__regex=r"^[0-9X]\.[0-9X]{2}$"),
                name="opd_kode_bidang_format",
                violation_error_message="Kode urusan/bidang harus berbentuk 7.01.",
            ),
        ]

    def __str__(self):
        return self.nama

    def clean(self):
        """A unit's induk chain must end: A under B under A would make both each other's
        parent (the constraint catches only a unit under itself)."""
        rantai, induk = [self], self.induk if self.induk_id else None
        while induk is not None:
            if induk.pk is not None and induk.pk == self.pk:
                jalur = " › ".join(o.nama for o in [*rantai, self])
                raise ValidationError(
                    {"induk": f"Unit induk membentuk lingkaran ({jalur}); pilih unit lain."}
                )
            if induk in rantai[1:] or len(rantai) > 50:
                break  # a loop above this unit, not through it: stopped, reported on its own
            rantai.append(induk)
            induk = induk.induk if induk.induk_id else None


class Pejabat(models.Model):
    """An official who signs (PK, LKjIP): the pihak pertama and kedua of a Perjanjian Kinerja."""

    class Status(models.TextChoices):
        DEFINITIF = "definitif", "Definitif"
        PLT = "plt", "Pelaksana Tugas (Plt.)"
        PLH = "plh", "Pelaksana Harian (Plh.)"
        PJ = "pj", "Penjabat (Pj.)"

    PREFIX = {Status.PLT: "Plt.", Status.PLH: "Plh.", Status.PJ: "Pj."}

    nama = models.CharField("nama dan gelar", max_length=150)
    nip = models.CharField(
        "NIP",
        max_length=18,
        blank=True,
        validators=[validate_nip],
        help_text="18 angka; kosong untuk pejabat negara tanpa NIP (misalnya bupati).",
    )
    pangkat = models.CharField(
        "pangkat/golongan", max_length=60, blank=True, help_text="Pembina Tk. I (IV/b)"
    )
    jabatan = models.CharField(max_length=200, help_text="Camat Magetan, Bupati Magetan")
    status_jabatan = models.CharField(
        "status jabatan", max_length=10, choices=Status.choices, default=Status.DEFINITIF
    )
    opd = models.ForeignKey(
        OPD,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pejabat",
        verbose_name="OPD",
        help_text="Kosong untuk kepala/wakil kepala daerah.",
    )
    aktif = models.BooleanField(default=True)
    history = HistoricalRecords()

    opd_path = "opd"

    class Meta:
        verbose_name = "pejabat"
        verbose_name_plural = "pejabat"
        ordering = ["nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["nip"],
                condition=~Q(nip=""),
                name="pejabat_nip_unik",
                violation_error_message="NIP ini sudah tercatat untuk pejabat lain.",
            ),
            models.CheckConstraint(
                condition=Q(nip="") | Q(nip__regex=r"^[0-9]{18}$"),
                name="pejabat_nip_18_angka",
                violation_error_message="NIP harus 18 angka.",
            ),
        ]

    def __str__(self):
        return f"{self.nama} — {self.jabatan_lengkap}"

    @property
    def jabatan_lengkap(self) -> str:
        """Jabatan as documents write it: "Pj. Bupati Magetan", "Plt. Camat Magetan"."""
        prefix = self.PREFIX.get(self.status_jabatan)
        return f"{prefix} {self.jabatan}" if prefix else self.jabatan

    @property
    def nip_tampil(self) -> str:
        return format_nip(self.nip)


class SakipUserManager(UserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.pop("is_staff", None)
        extra_fields.setdefault("peran", Peran.ADMIN)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(username, email, password, **extra_fields)

    def create_user(self, username, email=None, password=None, **extra_fields):
        extra_fields.pop("is_staff", None)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(username, email, password, **extra_fields)


class User(AbstractUser):
    """A person who logs in, with exactly one role; operators and pimpinan belong to one OPD."""

    peran = models.CharField(max_length=20, choices=Peran.choices, default=Peran.OPERATOR)
    opd = models.ForeignKey(
        OPD,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pengguna",
        verbose_name="OPD",
    )

    objects = SakipUserManager()

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
        constraints = [
            models.CheckConstraint(
                condition=~Q(peran__in=PERAN_BER_OPD) | Q(opd__isnull=False),
                name="pengguna_opd_wajib_untuk_peran_opd",
                violation_error_message="Operator dan pimpinan OPD harus terhubung ke satu OPD.",
            ),
        ]

    # Every role works in the (scoped) admin; what each may see and change is decided by
    # its capabilities, not by Django's per-model permission table.
    @property
    def is_staff(self) -> bool:
        return self.is_active

    @property
    def kemampuan(self):
        return KEMAMPUAN[Peran(self.peran)]

    def __str__(self):
        return self.get_full_name() or self.username


class SkalaPredikat(models.Model):
    """A scale that turns a capaian (%) into a predikat; its bands are RentangPredikat rows.

    Bands are half-open and contiguous. `tepi` says which edge belongs to a band: "bawah"
    means [batas_bawah, batas_atas) (seed 000: "70% s/d < 85%"), "atas" means
    (batas_bawah, batas_atas] (Permendagri 86/2017: "<= 50 Sangat Rendah"). The lowest band
    has no lower bound and the highest no upper bound, so every capaian, including those
    above 100 % (seed 003: 128,76 %), gets a predikat: a capaian above 100 is shown as it is
    and falls in the top band; the scale never caps the number.
    """

    class Tepi(models.TextChoices):
        BAWAH = "bawah", "Batas bawah termasuk (≥ bawah dan < atas)"
        ATAS = "atas", "Batas atas termasuk (> bawah dan ≤ atas)"

    nama = models.CharField(max_length=100, unique=True)
    sumber = models.CharField(max_length=255, blank=True, help_text="Dasar atau asal skala.")
    tepi = models.CharField("tepi rentang", max_length=5, choices=Tepi.choices, default=Tepi.BAWAH)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "skala predikat"
        verbose_name_plural = "skala predikat"
        ordering = ["nama"]

    def __str__(self):
        return self.nama


def validate_rentang_lengkap(bands) -> None:
    """A whole scale: bands ordered by bound, no overlap, no gap, open at both ends.

    `bands` is an iterable of objects with batas_bawah, batas_atas and label.
    """
    rows = sorted(
        bands,
        key=lambda b: Decimal("-Infinity") if b.batas_bawah is None else b.batas_bawah,
    )
    if not rows:
        raise ValidationError("Skala predikat harus memiliki paling sedikit satu rentang.")
    if rows[0].batas_bawah is not None:
        raise ValidationError(
            "Rentang terendah (%(label)s) harus tanpa batas bawah agar setiap capaian, "
            "termasuk yang negatif, mendapat predikat.",
            params={"label": rows[0].label},
        )
    if rows[-1].batas_atas is not None:
        raise ValidationError(
            "Rentang tertinggi (%(label)s) harus tanpa batas atas agar capaian di atas "
            "100%% tetap mendapat predikat.",
            params={"label": rows[-1].label},
        )
    for bawah, atas in zip(rows, rows[1:], strict=False):
        if atas.batas_bawah is None or bawah.batas_atas is None:
            raise ValidationError(
                "Hanya rentang terendah yang boleh tanpa batas bawah dan hanya rentang "
                "tertinggi yang boleh tanpa batas atas (%(a)s, %(b)s).",
                params={"a": bawah.label, "b": atas.label},
            )
        if bawah.batas_atas > atas.batas_bawah:
            raise ValidationError(
                "Rentang %(a)s dan %(b)s tumpang tindih: %(a)s sampai %(x)s, %(b)s mulai %(y)s.",
                params={
                    "a": bawah.label,
                    "b": atas.label,
                    "x": bawah.batas_atas,
                    "y": atas.batas_bawah,
                },
            )
        if bawah.batas_atas < atas.batas_bawah:
            raise ValidationError(
                "Ada celah antara rentang %(a)s (sampai %(x)s) dan %(b)s (mulai %(y)s): "
                "capaian di antaranya tidak mendapat predikat.",
                params={
                    "a": bawah.label,
                    "b": atas.label,
                    "x": bawah.batas_atas,
                    "y": atas.batas_bawah,
                },
            )


class RentangPredikat(models.Model):
    skala = models.ForeignKey(SkalaPredikat, on_delete=models.CASCADE, related_name="rentang")
    label = models.CharField("predikat", max_length=50)
    batas_bawah = models.DecimalField(
        "batas bawah (%)",
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Kosong untuk rentang terendah.",
    )
    batas_atas = models.DecimalField(
        "batas atas (%)",
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Kosong untuk rentang tertinggi.",
    )
    warna = models.CharField(max_length=7, default="#777777", help_text="Warna grafik, #rrggbb.")

    class Meta:
        verbose_name = "rentang predikat"
        verbose_name_plural = "rentang predikat"
        ordering = ["skala", "-batas_bawah"]
        constraints = [
            models.UniqueConstraint(
                fields=["skala", "label"],
                name="rentang_label_unik",
                violation_error_message="Predikat ini sudah ada pada skala yang sama.",
            ),
            models.CheckConstraint(
                condition=Q(batas_bawah__isnull=True)
                | Q(batas_atas__isnull=True)
                | Q(batas_bawah__lt=models.F("batas_atas")),
                name="rentang_bawah_kurang_dari_atas",
                violation_error_message="Batas bawah rentang harus lebih kecil dari batas atas.",
            ),
            models.CheckConstraint(
                condition=Q(batas_bawah__isnull=False) | Q(batas_atas__isnull=False),
                name="rentang_ada_batas",
                violation_error_message="Rentang harus memiliki batas bawah atau batas atas.",
            ),
            models.CheckConstraint(
                condition=Q(warna__regex=r"^#[0-9a-fA-F]{6}$"),
                name="rentang_warna_hex",
                violation_error_message="Warna harus berbentuk #rrggbb.",
            ),
        ]

    def __str__(self):
        return (
            f"{self.label} ({self.batas_bawah if self.batas_bawah is not None else '…'}"
            f"–{self.batas_atas if self.batas_atas is not None else '…'})"
        )


class Notifikasi(models.Model):
    """An in-app message to one user (a submission returned or verified, a reminder)."""

    penerima = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifikasi")
    judul = models.CharField(max_length=200)
    pesan = models.TextField(blank=True)
    tautan = models.CharField(max_length=300, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)
    dibaca_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "notifikasi"
        verbose_name_plural = "notifikasi"
        ordering = ["-dibuat"]
        indexes = [models.Index(fields=["penerima", "dibaca_pada"])]

    def __str__(self):
        return self.judul


class TugasLatar(models.Model):
    """The row a background job keeps its state on (apps.core.tugas): when it was asked for,
    and its last write, which every progress write moves. A row in a running state whose
    last write is older than SAKIP_TUGAS_BATAS_MENIT is taken for a dead worker's. Each job
    model adds its status, who asked, its file and `TUGAS_TERHENTI`."""

    dibuat = models.DateTimeField(auto_now_add=True)
    diperbarui = models.DateTimeField(
        auto_now=True,
        help_text="Tulisan terakhir pada baris ini, termasuk kemajuan pekerjaan "
        "latar; pekerjaan yang lama tidak maju dianggap terhenti.",
    )

    class Meta:
        abstract = True
