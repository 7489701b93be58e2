"""The LKjIP of an OPD and year: its narrative, its status, and the frozen final PDF."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from apps.core.models import OPD, Pejabat, TugasLatar
from apps.pengukuran.models import BerkasBuktiDasar
from apps.perencanaan.models import Sasaran, SasaranDaerah

# The narrative sections of a report in the order of the document (PermenPAN-RB 53/2014),
# and the analysis fields of each sasaran (Bab III): the fields below, read by the form, the
# services and the document.
NARASI = (
    "kata_pengantar",
    "ikhtisar_eksekutif",
    "latar_belakang",
    "kedudukan_tugas_fungsi",
    "sistematika",
    "rencana_kinerja",
    "hambatan",
    "kesimpulan",
    "upaya_ke_depan",
    "saran",
    "penghargaan",
)
# Not every OPD receives an award in a year: the report says so when the section is empty.
# Every other section must hold text before the report is finalised.
NARASI_OPSIONAL = ("penghargaan",)
NARASI_WAJIB = tuple(n for n in NARASI if n not in NARASI_OPSIONAL)
# The same sections in the Pemerintah Kabupaten's report where its chapter says otherwise
# (BAB I describes the region and its government, not an OPD's tasks).
LABEL_KABUPATEN = {
    "kedudukan_tugas_fungsi": "gambaran umum daerah dan pemerintahan",
    "rencana_kinerja": "kebijakan dan program prioritas",
}
# The words of analysis 7's judgement of a program (True, False, None: not judged yet): the
# editing page, the PDF and the attached data say them alike.
KETERANGAN_DUKUNGAN = {True: "Menunjang", False: "Tidak menunjang", None: "Belum dinilai"}
ANALISIS = (
    "uraian",
    "uraian_banding",
    "uraian_renstra",
    "standar_nasional",
    "keberhasilan_kegagalan",
    "solusi",
    "efisiensi",
    "program_pendukung",
)


class LaporanKinerja(models.Model):
    """Laporan Kinerja Instansi Pemerintah. Revisi 0 is the first; a revision of a final
    report is a new row with a reason, and the earlier one keeps its stored PDF.

    Without an OPD it is the LKjIP of the Pemerintah Kabupaten itself (signed by the Bupati,
    kept by Bagian Organisasi, its analyses per sasaran daerah of the RPJMD): the same
    words, the same draft, final, checksum, verification code and revisions
    (apps.laporan.lkjip_kabupaten lays it out). An OPD's users never see it
    (apps.core.selectors.for_user keeps their OPD's rows only)."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draf"
        FINAL = "final", "Final"
        DIVERIFIKASI = "diverifikasi", "Diverifikasi"

    opd = models.ForeignKey(
        OPD,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="laporan",
        verbose_name="OPD",
        help_text="Kosong: LKjIP Pemerintah Kabupaten.",
    )
    tahun = models.PositiveSmallIntegerField()
    revisi = models.PositiveSmallIntegerField(default=0)
    alasan_revisi = models.TextField("alasan revisi", blank=True)
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.DRAFT)

    kata_pengantar = models.TextField("kata pengantar", blank=True)
    ikhtisar_eksekutif = models.TextField("ikhtisar eksekutif", blank=True)
    latar_belakang = models.TextField("latar belakang", blank=True)
    kedudukan_tugas_fungsi = models.TextField("kedudukan, tugas pokok dan fungsi", blank=True)
    sistematika = models.TextField("sistematika penyajian", blank=True)
    rencana_kinerja = models.TextField(
        "rencana kinerja",
        blank=True,
        help_text="Kebijakan, program dan kegiatan tahun ini untuk mencapai sasaran (Bab II).",
    )
    hambatan = models.TextField(
        "hambatan dan upaya perbaikan",
        blank=True,
        help_text="Upaya ke depan, hambatannya dan perbaikannya; boleh berupa tabel (Bab III).",
    )
    penghargaan = models.TextField(
        "penghargaan",
        blank=True,
        help_text="Penghargaan yang diterima tahun ini (lampiran); kosongkan bila tidak ada.",
    )
    upaya_ke_depan = models.TextField("upaya ke depan", blank=True)
    kesimpulan = models.TextField(blank=True)
    saran = models.TextField(blank=True)
    struktur_organisasi = models.ImageField(
        "bagan struktur organisasi", upload_to="struktur/", blank=True
    )

    tempat = models.CharField(max_length=100, blank=True)
    tanggal = models.DateField(null=True, blank=True)
    penandatangan = models.ForeignKey(
        Pejabat, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    berkas_final = models.FileField("PDF final", upload_to="lkjip/", blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    kode_verifikasi = models.CharField("kode verifikasi", max_length=16, blank=True)
    difinalkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    difinalkan_pada = models.DateTimeField(null=True, blank=True)
    # What the public verification page shows, as it was when the report was finalised: an
    # OPD renamed or a user whose name or role changed later must not change the record.
    opd_nama_final = models.CharField("nama OPD saat difinalkan", max_length=200, blank=True)
    difinalkan_oleh_nama = models.CharField("nama yang memfinalkan", max_length=200, blank=True)
    difinalkan_oleh_jabatan = models.CharField("peran yang memfinalkan", max_length=300, blank=True)
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
                fields=["tahun", "revisi"],
                condition=Q(opd__isnull=True),
                name="lkjip_kabupaten_revisi_unik",
                violation_error_message="Revisi LKjIP Pemerintah Kabupaten ini sudah ada.",
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
                | (
                    Q(sha256__regex=r"^[0-9a-f]{64}$")
                    & ~Q(berkas_final="")
                    & ~Q(kode_verifikasi="")
                ),
                name="lkjip_final_berkas_tersimpan",
                violation_error_message=(
                    "LKjIP final harus memiliki PDF tersimpan, checksum dan kode verifikasi."
                ),
            ),
        ]

    def __str__(self):
        rev = f" revisi {self.revisi}" if self.revisi else ""
        return f"LKjIP {self.opd or 'Pemerintah Kabupaten'} {self.tahun}{rev}"

    def get_absolute_url(self) -> str:
        """Its editing page (the kabupaten's, or the OPD's of the year)."""
        if self.kabupaten:
            return reverse("laporan:lkjip_kabupaten", args=[self.tahun])
        return reverse("laporan:lkjip_ubah", args=[self.opd_id, self.tahun])

    @property
    def kabupaten(self) -> bool:
        """The LKjIP of the Pemerintah Kabupaten (no OPD)."""
        return self.opd_id is None

    @property
    def kode_berkas(self) -> str:
        """The report's part of its file names: the OPD's code, or "kabupaten"."""
        return self.opd.kode if self.opd_id else "kabupaten"


class AnalisisSasaran(models.Model):
    """The words of BAB III for one sasaran (the numbers come from the data): an OPD sasaran
    of an OPD's report, or a sasaran daerah of the RPJMD in the kabupaten's report."""

    laporan = models.ForeignKey(LaporanKinerja, on_delete=models.CASCADE, related_name="analisis")
    sasaran = models.ForeignKey(
        Sasaran, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sasaran_daerah = models.ForeignKey(
        SasaranDaerah,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="sasaran RPJMD",
    )
    uraian = models.TextField("uraian capaian", blank=True)
    uraian_banding = models.TextField("penjelasan perbandingan dengan tahun sebelumnya", blank=True)
    uraian_renstra = models.TextField(
        "penjelasan realisasi terhadap target akhir Renstra", blank=True
    )
    standar_nasional = models.TextField("perbandingan dengan standar nasional", blank=True)
    keberhasilan_kegagalan = models.TextField("penyebab keberhasilan/kegagalan", blank=True)
    solusi = models.TextField("solusi yang dilakukan", blank=True)
    efisiensi = models.TextField("efisiensi penggunaan sumber daya", blank=True)
    program_pendukung = models.TextField("program/kegiatan pendukung", blank=True)
    # Analysis 7 judges each program of the sasaran in the year's DPA (seed 003, Tabel 3.6):
    # {"<program id>": true for menunjang, false for tidak menunjang}; a program not in it is
    # not judged yet, and finalising waits for it (apps.laporan.services.syarat_final).
    dukungan_program = models.JSONField(
        "program menunjang / tidak menunjang", default=dict, blank=True
    )
    history = HistoricalRecords()

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
            models.UniqueConstraint(
                fields=["laporan", "sasaran_daerah"],
                name="analisis_sasaran_daerah_unik",
                violation_error_message="Analisis sasaran ini sudah ada pada laporan tersebut.",
            ),
            models.CheckConstraint(
                condition=(Q(sasaran__isnull=False) & Q(sasaran_daerah__isnull=True))
                | (Q(sasaran__isnull=True) & Q(sasaran_daerah__isnull=False)),
                name="analisis_satu_sasaran",
                violation_error_message="Analisis ditulis untuk satu sasaran OPD atau satu "
                "sasaran RPJMD.",
            ),
        ]

    def __str__(self):
        return f"{self.laporan}: {self.sasaran or self.sasaran_daerah}"

    @property
    def sasaran_kunci(self) -> int:
        """The id of what the words are about (an OPD sasaran or a sasaran daerah)."""
        return self.sasaran_id or self.sasaran_daerah_id

    def clean(self):
        nilai = self.dukungan_program
        if not isinstance(nilai, dict) or not all(
            isinstance(k, str) and k.isdigit() and isinstance(v, bool) for k, v in nilai.items()
        ):
            raise ValidationError(
                {
                    "dukungan_program": "Program menunjang / tidak menunjang: tiap program "
                    'ditulis sebagai {"<id program>": true atau false}.'
                }
            )

    def menunjang(self, program_id: int) -> bool | None:
        """True (menunjang), False (tidak menunjang) or None (not judged yet)."""
        nilai = (self.dukungan_program or {}).get(str(program_id))
        return nilai if isinstance(nilai, bool) else None


class PaketLKjIP(TugasLatar):
    """A ZIP of every OPD's LKjIP of a year, built by a background job for Bagian Organisasi:
    the stored final PDFs (the bytes kept when each report was finalised, never rendered
    again) or drafts rendered from the data. `selesai` of `jumlah` OPDs is the progress the
    job's page shows; `kurang` lists the OPDs left out and why.

    A package belongs to no OPD (it holds every OPD's report), so it has no `opd_path`: only
    roles that see every OPD may start, open or download one (apps.laporan.paket).

    A finished package's ZIP is deleted SAKIP_PAKET_SIMPAN_HARI days after it was made
    (`paket_expire`); the row stays, kedaluwarsa, so its page says why there is no ZIP."""

    class Jenis(models.TextChoices):
        FINAL = "final", "PDF final tersimpan"
        DRAF = "draf", "Draf dari data"

    class Status(models.TextChoices):
        ANTRE = "antre", "Menunggu giliran"
        BERJALAN = "berjalan", "Sedang disusun"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"
        KEDALUWARSA = "kedaluwarsa", "Kedaluwarsa"

    # A job that stopped making progress fails (apps.core.tugas), as one that raised does.
    TUGAS_TERHENTI = {Status.ANTRE: Status.GAGAL, Status.BERJALAN: Status.GAGAL}

    jenis = models.CharField(max_length=5, choices=Jenis.choices)
    tahun = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=11, choices=Status.choices, default=Status.ANTRE)
    jumlah = models.PositiveIntegerField("jumlah laporan", default=0)
    selesai = models.PositiveIntegerField("laporan selesai", default=0)
    berkas = models.FileField("berkas ZIP", upload_to="paket/%Y/", blank=True)
    kurang = models.JSONField(
        "laporan yang tidak dimuat",
        default=list,
        blank=True,
        help_text="“kode nama: alasan” per laporan yang tidak ada di ZIP.",
    )
    pesan = models.TextField(
        blank=True, help_text="Mengapa penyusunan gagal, atau mengapa ZIP-nya dihapus."
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    selesai_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "paket LKjIP"
        verbose_name_plural = "paket LKjIP"
        ordering = ["-dibuat", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tahun__gte=2000) & Q(tahun__lte=2100), name="paket_lkjip_tahun_wajar"
            ),
            models.CheckConstraint(
                condition=Q(selesai__lte=models.F("jumlah")), name="paket_lkjip_progres_wajar"
            ),
            models.CheckConstraint(
                condition=~Q(status="selesai") | ~Q(berkas=""), name="paket_lkjip_selesai_berberkas"
            ),
        ]

    def __str__(self):
        return f"Paket LKjIP {self.tahun} ({self.get_jenis_display().lower()})"

    @property
    def berjalan(self) -> bool:
        """The background job has not finished with this package yet."""
        return self.status in (self.Status.ANTRE, self.Status.BERJALAN)

    @property
    def persen(self) -> int | None:
        if not self.jumlah:
            return None
        return self.selesai * 100 // self.jumlah

    @property
    def dimuat(self) -> int:
        """PDFs in the finished ZIP: every report checked but those left out."""
        return self.jumlah - len(self.kurang)

    @property
    def nama_unduhan(self) -> str:
        return f"lkjip-{self.tahun}-{self.jenis}.zip"


class DrafLKjIP(TugasLatar):
    """A draft LKjIP PDF rendered by the background worker for the user who asked for it.

    A draft takes seconds of CPU (WeasyPrint). Rendered inside a web request it held one of
    the few web workers and half the CPU while operators were saving their triwulan in the
    deadline week; the worker runs at a lower CPU priority (docker/entrypoint.sh), so a
    draft now waits for the entry pages instead of the other way round. The file is kept
    until the same user asks for the same report again, or SAKIP_DRAF_SIMPAN_JAM hours."""

    class Status(models.TextChoices):
        ANTRE = "antre", "Menunggu giliran"
        BERJALAN = "berjalan", "Sedang disusun"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    # A job that stopped making progress fails (apps.core.tugas), as one that raised does.
    TUGAS_TERHENTI = {Status.ANTRE: Status.GAGAL, Status.BERJALAN: Status.GAGAL}

    opd = models.ForeignKey(
        OPD,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="OPD",
        help_text="Kosong: draf LKjIP Pemerintah Kabupaten.",
    )
    tahun = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.ANTRE)
    berkas = models.FileField("berkas PDF", upload_to="lkjip-draf/%Y/", blank=True)
    pesan = models.TextField(blank=True, help_text="Mengapa penyusunan gagal.")
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    opd_path = "opd"

    class Meta:
        verbose_name = "draf PDF LKjIP"
        verbose_name_plural = "draf PDF LKjIP"
        ordering = ["-dibuat", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tahun__gte=2000) & Q(tahun__lte=2100), name="draf_lkjip_tahun_wajar"
            ),
            models.CheckConstraint(
                condition=~Q(status="selesai") | ~Q(berkas=""), name="draf_lkjip_selesai_berberkas"
            ),
        ]

    def __str__(self):
        return f"Draf LKjIP {self.opd or 'Pemerintah Kabupaten'} {self.tahun}"

    @property
    def berjalan(self) -> bool:
        return self.status in (self.Status.ANTRE, self.Status.BERJALAN)

    @property
    def nama_unduhan(self) -> str:
        kode = self.opd.kode if self.opd_id else "kabupaten"
        return f"lkjip-{kode}-{self.tahun}-draf.pdf"


class FinalisasiLKjIP(TugasLatar):
    """One "Finalkan" of an LKjIP, rendered by the background worker (apps.laporan.services
    laporan_finalize_start / laporan_finalize_job).

    The final PDF/A-3b with its attachments takes 10 to 30 seconds of CPU. Rendered inside the
    request, the pimpinan stared at a page that did nothing for 18 seconds and a web worker was
    held as long. The request now checks what the report lacks (fast, and refused at once with
    every gap listed), then leaves the rendering to the worker and shows a page that says
    where it is and how much longer it usually takes (apps.core.tugas.kemajuan_tugas)."""

    class Status(models.TextChoices):
        ANTRE = "antre", "Menunggu giliran"
        BERJALAN = "berjalan", "Sedang menyusun PDF final"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    TUGAS_TERHENTI = {Status.ANTRE: Status.GAGAL, Status.BERJALAN: Status.GAGAL}

    laporan = models.ForeignKey(
        LaporanKinerja, on_delete=models.CASCADE, related_name="finalisasi", verbose_name="LKjIP"
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.ANTRE)
    pesan = models.TextField(
        blank=True, help_text="Mengapa finalisasi gagal, satu alasan per baris."
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    opd_path = "laporan__opd"

    class Meta:
        verbose_name = "finalisasi LKjIP"
        verbose_name_plural = "finalisasi LKjIP"
        ordering = ["-dibuat", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["laporan"],
                condition=Q(status__in=["antre", "berjalan"]),
                name="finalisasi_lkjip_satu_berjalan",
                violation_error_message="LKjIP ini sedang difinalkan.",
            ),
        ]

    def __str__(self):
        return f"Finalisasi {self.laporan}"

    @property
    def berjalan(self) -> bool:
        return self.status in (self.Status.ANTRE, self.Status.BERJALAN)

    @property
    def alasan(self) -> list[str]:
        return [b for b in self.pesan.splitlines() if b.strip()]


# --------------------------------------------------------------------------------------------
# Evaluasi AKIP: the Lembar Kerja Evaluasi (LKE) of PermenPAN-RB 88/2021 as data
# --------------------------------------------------------------------------------------------

BOBOT = {"max_digits": 5, "decimal_places": 2}


class KuesionerLKE(models.Model):
    """The Lembar Kerja Evaluasi of one year (PermenPAN-RB Nomor 88 Tahun 2021 tentang
    Evaluasi Akuntabilitas Kinerja Instansi Pemerintah, Lampiran): weighted components, each
    split into weighted sub-components of criteria, and the grades. Kept as data because the
    ministry revises it; edited in the admin for a year and locked (`dikunci`) once the
    evaluation of that year starts, so every OPD of a year is scored by the same sheet."""

    tahun = models.PositiveSmallIntegerField(unique=True)
    nama = models.CharField(max_length=200)
    dasar = models.CharField(
        "dasar", max_length=300, blank=True, help_text="Peraturan yang menjadi dasar LKE ini."
    )
    dikunci = models.BooleanField(
        "dikunci",
        default=False,
        help_text="LKE tahun yang evaluasinya sudah dimulai tidak dapat diubah.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "LKE (lembar kerja evaluasi)"
        ordering = ["-tahun"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tahun__gte=2000) & Q(tahun__lte=2100), name="lke_tahun_wajar"
            ),
        ]

    def __str__(self):
        return f"{self.nama} ({self.tahun})"


class KomponenLKE(models.Model):
    """A component of the LKE with its weight in points of 100 (88/2021: Perencanaan Kinerja
    30, Pengukuran Kinerja 30, Pelaporan Kinerja 15, Evaluasi Akuntabilitas Kinerja Internal
    25); the components of a year add up to 100 (apps.laporan.lke.periksa_kuesioner)."""

    kuesioner = models.ForeignKey(KuesionerLKE, on_delete=models.CASCADE, related_name="komponen")
    nomor = models.PositiveSmallIntegerField()
    nama = models.CharField(max_length=200)
    bobot = models.DecimalField(**BOBOT, help_text="Bobot komponen, dari 100.")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "komponen LKE"
        verbose_name_plural = "komponen LKE"
        ordering = ["kuesioner", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["kuesioner", "nomor"],
                name="komponen_lke_nomor_unik",
                violation_error_message="Nomor komponen sudah dipakai pada LKE ini.",
            ),
            models.CheckConstraint(
                condition=Q(bobot__gt=0) & Q(bobot__lte=100),
                name="komponen_lke_bobot_wajar",
                violation_error_message="Bobot komponen harus lebih dari 0 dan paling besar 100.",
            ),
        ]

    def __str__(self):
        return f"{self.nomor}. {self.nama}"


class SubKomponenLKE(models.Model):
    """A sub-component with its share of its component's weight in percent (88/2021:
    Keterpenuhan 20 %, Kualitas 30 %, Pemanfaatan 50 %); the shares of a component add up to
    100 %."""

    komponen = models.ForeignKey(KomponenLKE, on_delete=models.CASCADE, related_name="sub")
    nomor = models.PositiveSmallIntegerField()
    nama = models.CharField(max_length=200)
    persen = models.DecimalField(
        "bagian (%)", **BOBOT, help_text="Bagian dari bobot komponennya, dalam persen."
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "sub-komponen LKE"
        verbose_name_plural = "sub-komponen LKE"
        ordering = ["komponen", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["komponen", "nomor"],
                name="sub_komponen_lke_nomor_unik",
                violation_error_message="Nomor sub-komponen sudah dipakai pada komponen ini.",
            ),
            models.CheckConstraint(
                condition=Q(persen__gt=0) & Q(persen__lte=100),
                name="sub_komponen_lke_persen_wajar",
                violation_error_message="Bagian sub-komponen harus lebih dari 0 % dan paling "
                "besar 100 %.",
            ),
        ]

    def __str__(self):
        return f"{self.komponen.nomor}.{self.nomor} {self.nama}"


class KriteriaLKE(models.Model):
    """A criterion of a sub-component: what is asked, how it is answered (Y/T worth 1 or 0;
    A/B/C/D/E worth 1; 0,75; 0,5; 0,25; 0, apps.laporan.lke.NILAI_JAWABAN), the evidence it
    asks for and the evaluator's guidance."""

    class Jenis(models.TextChoices):
        YT = "yt", "Y/T"
        AE = "ae", "A/B/C/D/E"

    class Usulan(models.TextChoices):
        """The rules that propose an answer from the product's data (apps.laporan.usulan_lke)."""

        RENSTRA = "renstra", "Renstra yang mencakup tahun evaluasi"
        IKU_LENGKAP = "iku_lengkap", "IKU dengan definisi operasional, formula dan sumber data"
        PK_TEPAT = "pk_tepat", "PK ditandatangani paling lambat 31 Januari dan sesuai Renstra"
        PERUBAHAN_SAH = "perubahan_sah", "Perubahan PK dengan alasan yang diizinkan"
        TRIWULAN_TEPAT = "triwulan_tepat", "Realisasi triwulan tepat waktu dan diverifikasi"
        LKJIP_TEPAT = "lkjip_tepat", "LKjIP final paling lambat 31 Maret dengan seluruh analisis"
        KONSISTENSI = "konsistensi", "Peringatan konsistensi diselesaikan"

    sub = models.ForeignKey(
        SubKomponenLKE, on_delete=models.CASCADE, related_name="kriteria", verbose_name="sub"
    )
    nomor = models.PositiveSmallIntegerField()
    uraian = models.TextField()
    jenis = models.CharField("jenis jawaban", max_length=2, choices=Jenis.choices)
    bukti = models.TextField("bukti yang diminta", blank=True)
    panduan = models.TextField("panduan penilaian", blank=True)
    usulan = models.CharField(
        "usulan jawaban dari data",
        max_length=20,
        choices=Usulan.choices,
        blank=True,
        help_text="Aturan yang mengusulkan jawaban dari data aplikasi; evaluator tetap "
        "menetapkan jawabannya.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "kriteria LKE"
        verbose_name_plural = "kriteria LKE"
        ordering = ["sub", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["sub", "nomor"],
                name="kriteria_lke_nomor_unik",
                violation_error_message="Nomor kriteria sudah dipakai pada sub-komponen ini.",
            ),
        ]

    def __str__(self):
        return f"{self.nomor}. {self.uraian[:80]}"


class PredikatLKE(models.Model):
    """A grade of the year's LKE: given to a total score above `batas` (88/2021: AA > 90,
    A > 80, BB > 70, B > 60, CC > 50, C > 30, D otherwise: D has no bound)."""

    kuesioner = models.ForeignKey(KuesionerLKE, on_delete=models.CASCADE, related_name="predikat")
    huruf = models.CharField(max_length=3)
    batas = models.DecimalField(
        "nilai di atas",
        **BOBOT,
        null=True,
        blank=True,
        help_text="Predikat ini untuk nilai lebih dari angka ini; kosong untuk predikat "
        "terendah (selain itu).",
    )
    uraian = models.CharField(max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "predikat LKE"
        verbose_name_plural = "predikat LKE"
        ordering = ["kuesioner", F("batas").desc(nulls_last=True)]
        constraints = [
            models.UniqueConstraint(
                fields=["kuesioner", "huruf"],
                name="predikat_lke_huruf_unik",
                violation_error_message="Predikat ini sudah ada pada LKE ini.",
            ),
            models.UniqueConstraint(
                fields=["kuesioner", "batas"],
                name="predikat_lke_batas_unik",
                violation_error_message="Batas nilai ini sudah dipakai predikat lain.",
            ),
            models.CheckConstraint(
                condition=Q(batas__isnull=True) | (Q(batas__gte=0) & Q(batas__lt=100)),
                name="predikat_lke_batas_wajar",
                violation_error_message="Batas predikat antara 0 dan 100.",
            ),
        ]

    def __str__(self):
        return self.huruf


class EvaluasiLKE(models.Model):
    """The Inspektorat's evaluation of one OPD's SAKIP of a year with that year's LKE
    (PermenPAN-RB 88/2021): the OPD answers every criterion itself (self-assessment), an
    evaluator sets the final answer and a note per criterion and submits it, the ketua tim
    (another evaluator) approves it; then it is final and nobody changes it. The score and
    grade are recorded at approval, as the LHE prints them."""

    class Status(models.TextChoices):
        DRAF = "draf", "Sedang dievaluasi"
        DIAJUKAN = "diajukan", "Menunggu persetujuan ketua tim"
        FINAL = "final", "Final"

    opd = models.ForeignKey(
        OPD, on_delete=models.PROTECT, related_name="evaluasi", verbose_name="OPD"
    )
    kuesioner = models.ForeignKey(
        KuesionerLKE, on_delete=models.PROTECT, related_name="evaluasi", verbose_name="LKE"
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DRAF)
    dimulai_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dimulai_pada = models.DateTimeField(auto_now_add=True)
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diajukan_pada = models.DateTimeField(null=True, blank=True)
    disetujui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ketua tim yang menyetujui",
    )
    disetujui_pada = models.DateTimeField(null=True, blank=True)
    catatan_kembali = models.TextField("catatan ketua tim", blank=True)
    nilai = models.DecimalField(
        "nilai akhir", max_digits=7, decimal_places=4, null=True, blank=True
    )
    predikat = models.CharField("predikat akhir", max_length=3, blank=True)
    # The final LHE, rendered once at approval (apps.laporan.evaluasi.evaluasi_setujui) and
    # never again, like the final LKjIP: PDF/A, its SHA-256, the code of its public
    # verification page, and the names as they were then.
    berkas_lhe = models.FileField("PDF LHE final", upload_to="lhe/", blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    kode_verifikasi = models.CharField("kode verifikasi", max_length=16, blank=True)
    opd_nama_final = models.CharField("nama OPD saat disetujui", max_length=255, blank=True)
    disetujui_oleh_nama = models.CharField(
        "nama ketua tim saat menyetujui", max_length=255, blank=True
    )
    history = HistoricalRecords(excluded_fields=["berkas_lhe"])

    opd_path = "opd"

    class Meta:
        verbose_name = "evaluasi AKIP"
        verbose_name_plural = "evaluasi AKIP"
        ordering = ["-kuesioner__tahun", "opd__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "kuesioner"],
                name="evaluasi_lke_unik",
                violation_error_message="Evaluasi OPD ini untuk LKE tahun ini sudah ada.",
            ),
            models.CheckConstraint(
                condition=~Q(status="final")
                | (Q(nilai__isnull=False) & ~Q(predikat="") & Q(disetujui_oleh__isnull=False)),
                name="evaluasi_lke_final_bernilai",
                violation_error_message="Evaluasi final harus memiliki nilai, predikat dan "
                "ketua tim yang menyetujuinya.",
            ),
            models.CheckConstraint(
                condition=~Q(status="final")
                | (Q(sha256__regex=r"^[0-9a-f]{64}$") & ~Q(berkas_lhe="") & ~Q(kode_verifikasi="")),
                name="evaluasi_lke_final_berkas",
                violation_error_message="Evaluasi final harus memiliki PDF LHE tersimpan, "
                "checksum dan kode verifikasi.",
            ),
            models.UniqueConstraint(
                fields=["kode_verifikasi"],
                condition=~Q(kode_verifikasi=""),
                name="evaluasi_lke_kode_verifikasi_unik",
            ),
        ]

    def __str__(self):
        return f"Evaluasi AKIP {self.opd} {self.kuesioner.tahun}"

    @property
    def tahun(self) -> int:
        return self.kuesioner.tahun


class JawabanLKE(models.Model):
    """The answers to one criterion of an evaluation: the OPD's own (with its note) and the
    evaluator's final one (with the note that explains it)."""

    evaluasi = models.ForeignKey(EvaluasiLKE, on_delete=models.CASCADE, related_name="jawaban")
    kriteria = models.ForeignKey(KriteriaLKE, on_delete=models.PROTECT, related_name="+")
    jawaban_opd = models.CharField("jawaban OPD", max_length=1, blank=True)
    catatan_opd = models.TextField("penjelasan OPD", blank=True)
    jawaban = models.CharField("jawaban evaluator", max_length=1, blank=True)
    catatan = models.TextField("catatan evaluator", blank=True)
    history = HistoricalRecords()

    opd_path = "evaluasi__opd"

    class Meta:
        verbose_name = "jawaban LKE"
        verbose_name_plural = "jawaban LKE"
        constraints = [
            models.UniqueConstraint(
                fields=["evaluasi", "kriteria"],
                name="jawaban_lke_unik",
                violation_error_message="Kriteria ini sudah dijawab pada evaluasi ini.",
            ),
        ]

    def __str__(self):
        return f"{self.evaluasi}: {self.kriteria}"


class TemuanLKE(models.Model):
    """What the evaluator found on one component of an evaluation, as the LHE prints it."""

    evaluasi = models.ForeignKey(EvaluasiLKE, on_delete=models.CASCADE, related_name="temuan")
    komponen = models.ForeignKey(KomponenLKE, on_delete=models.PROTECT, related_name="+")
    uraian = models.TextField("temuan")
    history = HistoricalRecords()

    opd_path = "evaluasi__opd"

    class Meta:
        verbose_name = "temuan evaluasi"
        verbose_name_plural = "temuan evaluasi"
        constraints = [
            models.UniqueConstraint(
                fields=["evaluasi", "komponen"],
                name="temuan_lke_unik",
                violation_error_message="Temuan komponen ini sudah ada pada evaluasi ini.",
            ),
        ]

    def __str__(self):
        return f"{self.evaluasi}: {self.komponen}"


class RekomendasiLKE(models.Model):
    """A recommendation of an evaluation on one of its components, and later the OPD's
    follow-up (tindak lanjut) and the Inspektorat's view of it."""

    class Status(models.TextChoices):
        BELUM = "belum", "Belum ditindaklanjuti"
        PROSES = "proses", "Dalam proses"
        SELESAI = "selesai", "Selesai"

    evaluasi = models.ForeignKey(EvaluasiLKE, on_delete=models.CASCADE, related_name="rekomendasi")
    komponen = models.ForeignKey(KomponenLKE, on_delete=models.PROTECT, related_name="+")
    nomor = models.PositiveSmallIntegerField()
    uraian = models.TextField("rekomendasi")
    status = models.CharField(max_length=7, choices=Status.choices, default=Status.BELUM)
    catatan_status = models.TextField("catatan Inspektorat", blank=True)
    # the OPD's follow-up
    tindakan = models.TextField("tindak lanjut", blank=True)
    tanggal_tindakan = models.DateField("tanggal tindak lanjut", null=True, blank=True)
    bukti = models.FileField("bukti tindak lanjut", upload_to="tindak-lanjut/%Y/", blank=True)
    bukti_nama = models.CharField("nama berkas bukti", max_length=255, blank=True)
    bukti_jenis = models.CharField(max_length=100, blank=True)
    bukti_sha256 = models.CharField(max_length=64, blank=True)
    history = HistoricalRecords(excluded_fields=["bukti"])

    opd_path = "evaluasi__opd"

    class Meta:
        verbose_name = "rekomendasi evaluasi"
        verbose_name_plural = "rekomendasi evaluasi"
        ordering = ["evaluasi", "komponen__nomor", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluasi", "komponen", "nomor"],
                name="rekomendasi_lke_nomor_unik",
                violation_error_message="Nomor rekomendasi sudah dipakai pada komponen ini.",
            ),
        ]

    def __str__(self):
        return f"Rekomendasi {self.komponen.nomor}.{self.nomor}: {self.uraian[:60]}"


class BuktiLKE(BerkasBuktiDasar):
    """An evidence file the OPD attaches to a criterion of its self-assessment: what the
    product does not hold itself (a decree, minutes of a meeting, a photo). Checked by its
    content like every evidence file (apps.pengukuran.berkas.check_bukti), stored under a
    random name, served only through the evaluation's OPD scope; added and removed while the
    evaluation is a draft."""

    evaluasi = models.ForeignKey(EvaluasiLKE, on_delete=models.PROTECT, related_name="bukti")
    kriteria = models.ForeignKey(KriteriaLKE, on_delete=models.PROTECT, related_name="+")
    berkas = models.FileField(upload_to="lke-bukti/%Y/")
    history = HistoricalRecords(excluded_fields=["berkas"])

    opd_path = "evaluasi__opd"

    class Meta:
        verbose_name = "bukti penilaian mandiri"
        verbose_name_plural = "bukti penilaian mandiri"
        ordering = ["evaluasi", "kriteria", "diunggah_pada", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluasi", "kriteria", "sha256"],
                name="bukti_lke_unik",
                violation_error_message="Berkas yang sama sudah dilampirkan pada kriteria ini.",
            ),
        ]
