"""Forms of the LKjIP's editing page: they parse and validate what a user typed or uploaded;
apps.laporan.services writes it."""

from django import forms
from django.utils.text import capfirst

from apps.core.angka import format_angka
from apps.core.forms import TanggalField, tahun_field
from apps.core.models import Pejabat
from apps.pengukuran.berkas import check_bukti, check_gambar

from .models import (
    ANALISIS,
    KETERANGAN_DUKUNGAN,
    LABEL_KABUPATEN,
    NARASI,
    AnalisisSasaran,
    LaporanKinerja,
)

# A chapter of a report is a few pages; 20.000 characters is about eight A4 pages of text.
NARASI_MAKS = 20_000
# A scanned A3 chart at 300 dpi is about 5000 px wide; larger is a mistake or a bomb.
STRUKTUR_MAKS_SISI = 6000


def label_field(model, nama: str) -> str:
    return capfirst(str(model._meta.get_field(nama).verbose_name))


def narasi_field(label: str, *, baris: int = 6) -> forms.CharField:
    """A Markdown text area with a live preview (static/js/lkjip.js)."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=NARASI_MAKS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": baris, "data-pratinjau": "1"}),
        error_messages={
            "max_length": f"{label}: paling banyak "
            f"{format_angka(NARASI_MAKS, 0)} karakter (sekarang %(show_value)d)."
        },
    )


class LaporanForm(forms.Form):
    """The report's own words, its signature block and its organisation chart. Only the
    OPD's active officials can sign; a forged id of another OPD's official is refused."""

    tempat = forms.CharField(
        label="Tempat",
        max_length=100,
        required=False,
        error_messages={"max_length": "Tempat: paling banyak 100 karakter."},
    )
    tanggal = TanggalField(label="Tanggal", required=False)
    penandatangan = forms.ModelChoiceField(
        label="Penandatangan",
        queryset=Pejabat.objects.none(),
        required=False,
        empty_label="— pilih pejabat —",
        error_messages={"invalid_choice": "Penandatangan: pilih pejabat aktif OPD ini."},
    )
    struktur_organisasi = forms.FileField(
        label="Bagan struktur organisasi",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
        help_text="Gambar JPEG atau PNG, diperiksa dari isinya.",
    )

    def __init__(self, *args, opd, laporan: LaporanKinerja | None, **kwargs):
        """`opd` None: the Pemerintah Kabupaten's report, signed by the kepala daerah (an
        active official of no OPD), its chapters named as the kabupaten's report names them,
        without an organisation chart."""
        awal = {}
        if laporan is not None:
            awal = {n: getattr(laporan, n) for n in NARASI + ("tempat", "tanggal")}
            awal["penandatangan"] = laporan.penandatangan_id
        super().__init__(*args, initial=awal, **kwargs)
        for nama in NARASI:
            label = label_field(LaporanKinerja, nama)
            if opd is None and nama in LABEL_KABUPATEN:
                label = capfirst(LABEL_KABUPATEN[nama])
            self.fields[nama] = narasi_field(label)
            self.fields[nama].help_text = LaporanKinerja._meta.get_field(nama).help_text
        self.order_fields(NARASI)
        self.fields["penandatangan"].queryset = Pejabat.objects.filter(
            opd=opd, aktif=True
        ).order_by("nama")
        if opd is None:
            self.fields["penandatangan"].empty_label = "— pilih kepala daerah —"
            self.fields["penandatangan"].error_messages["invalid_choice"] = (
                "Penandatangan: pilih kepala daerah yang aktif (pejabat tanpa OPD)."
            )
            del self.fields["struktur_organisasi"]

    def clean_struktur_organisasi(self):
        berkas = self.cleaned_data.get("struktur_organisasi")
        if not berkas:
            return None
        return check_gambar(berkas, "Bagan struktur organisasi", maks_sisi=STRUKTUR_MAKS_SISI)

    def nilai(self) -> dict:
        """The report's field values as typed (the chart is passed on its own)."""
        return {n: self.cleaned_data[n] for n in NARASI + ("tempat", "tanggal", "penandatangan")}


class AnalisisForm(forms.Form):
    """The words of BAB III for one sasaran (the numbers are shown from the data), and for
    analysis 7 whether each program of the year's DPA supporting it menunjang or not."""

    PILIHAN_DUKUNGAN = (
        ("", f"— {KETERANGAN_DUKUNGAN[None].lower()} —"),
        ("1", KETERANGAN_DUKUNGAN[True]),
        ("0", KETERANGAN_DUKUNGAN[False]),
    )

    def __init__(
        self, *args, sasaran, analisis: AnalisisSasaran | None, program=(), awalan="s", **kwargs
    ):
        """`awalan` "d": a sasaran daerah of the kabupaten's report (no program judged)."""
        awal = {n: getattr(analisis, n) for n in ANALISIS} if analisis else {}
        for p in program:
            nilai = analisis.menunjang(p.pk) if analisis else None
            awal[self.nama_dukungan(p)] = "" if nilai is None else str(int(nilai))
        super().__init__(*args, prefix=f"{awalan}{sasaran.pk}", initial=awal, **kwargs)
        nomor = f"Sasaran {sasaran.tujuan.nomor}.{sasaran.nomor}"
        for nama in ANALISIS:
            self.fields[nama] = narasi_field(
                f"{nomor} · {label_field(AnalisisSasaran, nama)}", baris=4
            )
        for p in program:
            label = f"{nomor} · Program {p.kode} {p.nama}"
            self.fields[self.nama_dukungan(p)] = forms.ChoiceField(
                label=label,
                choices=self.PILIHAN_DUKUNGAN,
                required=False,
                error_messages={
                    "invalid_choice": f"{label}: pilih Menunjang atau Tidak menunjang."
                },
            )
        self.sasaran = sasaran
        self.program = list(program)
        self.awalan = awalan

    @staticmethod
    def nama_dukungan(program) -> str:
        return f"dukungan_{program.pk}"

    def dukungan(self) -> dict[str, bool]:
        """The judged programs as stored ({"<program id>": menunjang}); unjudged ones left out."""
        return {
            str(p.pk): self.cleaned_data[self.nama_dukungan(p)] == "1"
            for p in self.program
            if self.cleaned_data[self.nama_dukungan(p)]
        }

    def nilai(self) -> dict:
        """The analysis's field values as typed."""
        nilai = {n: self.cleaned_data[n] for n in ANALISIS}
        if self.awalan != "d":
            nilai["dukungan_program"] = self.dukungan()
        return nilai

    def pilihan_dukungan(self) -> list:
        """Each program with its bound select and the words of its stored judgement."""
        awal = {"1": True, "0": False}
        return [
            (
                p,
                self[self.nama_dukungan(p)],
                KETERANGAN_DUKUNGAN[awal.get(self.initial.get(self.nama_dukungan(p)))],
            )
            for p in self.program
        ]


class TahunForm(forms.Form):
    tahun = tahun_field("Tahun")


class TindakLanjutForm(forms.Form):
    """The OPD's follow-up of a recommendation: what was done, when, and an evidence file
    (PDF or image, checked by its content)."""

    tindakan = forms.CharField(
        label="Tindak lanjut",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": "Tindak lanjut: tuliskan apa yang dilakukan.",
            "max_length": "Tindak lanjut: paling banyak 5000 karakter.",
        },
    )
    tanggal = TanggalField(label="Tanggal", required=False)
    bukti = forms.FileField(label="Bukti (PDF atau gambar)", required=False)

    def clean_bukti(self):
        berkas = self.cleaned_data.get("bukti")
        return check_bukti(berkas, "Bukti tindak lanjut") if berkas else None
