"""Forms of the realisasi pages: they parse and validate input; the services decide."""

from django import forms
from django.forms.renderers import Jinja2

from apps.core.angka import ROMAWI
from apps.core.forms import (
    TanggalField,
    TanggalWaktuField,
    Tersembunyi,
    angka_formfield,
    label_baris,
    tahun_field,
    teks_field,
)
from apps.core.models import OPD

from .berkas import check_bukti
from .kinerja import IndikatorTahun
from .models import JadwalPengisian, Realisasi, RealisasiDaerah
from .selectors import hash_realisasi
from .services import Isian, Keputusan

TEKS_MAKS = 5000


def input_nilai(baris: IndikatorTahun) -> forms.Field:
    """The realisasi input of one indicator: one of its allowed values for a text indicator,
    else a number read the Indonesian way within the stored digits, negative only where the
    indicator allows. The entry form and the live preview both read input through it."""
    ind = baris.indikator
    if ind.jenis_nilai == "teks":
        return forms.ChoiceField(
            label="Realisasi",
            required=False,
            choices=[("", "— pilih —")] + [(p, p) for p in baris.pilihan],
        )
    field = angka_formfield(Realisasi._meta.get_field("nilai"), label="Realisasi")
    field.boleh_negatif = ind.boleh_negatif
    return field


class BarisRealisasiForm(forms.Form):
    """One indicator's row of the entry page (prefix `i<indikator id>`).

    Its widgets are drawn by Django's Jinja2 form renderer, with the same widget templates
    as the default one: an entry page of 15 indicators draws 75 such forms, and the default
    renderer spent a fifth of the page's time on their widgets. Only these forms: the admin's
    widgets exist as Django templates only."""

    default_renderer = Jinja2()

    analisis = teks_field("Analisis keberhasilan/kegagalan", TEKS_MAKS, wajib=False)
    solusi = teks_field("Solusi/upaya", TEKS_MAKS, wajib=False)
    versi = forms.IntegerField(widget=Tersembunyi, required=False, min_value=0)
    hash_isi = forms.CharField(widget=Tersembunyi, required=False, max_length=20)
    bukti = forms.FileField(
        label="Bukti dukung (PDF/JPG/PNG)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )
    tanggapan = teks_field("Tanggapan atas catatan", 2000, wajib=False)

    def __init__(
        self, *args, baris: IndikatorTahun, realisasi: Realisasi | None, terkunci: bool, **kwargs
    ):
        ind = baris.indikator
        kwargs.setdefault(
            "initial",
            {
                "nilai": realisasi.nilai if realisasi else None,
                "nilai_teks": realisasi.nilai_teks if realisasi else "",
                "analisis": realisasi.analisis if realisasi else "",
                "solusi": realisasi.solusi if realisasi else "",
                "versi": realisasi.versi if realisasi else 0,
                "hash_isi": hash_realisasi(realisasi),
            },
        )
        super().__init__(*args, prefix=f"i{ind.pk}", **kwargs)
        self.baris = baris
        self.realisasi = realisasi
        self.terkunci = terkunci
        nama = "nilai_teks" if ind.jenis_nilai == "teks" else "nilai"
        self.fields[nama] = input_nilai(baris)
        if nama == "nilai":
            self.fields["nilai"].widget.attrs.update({"class": "nilai", "data-indikator": ind.pk})
        label_baris(self, f"indikator {ind.nama[:80]}")
        if terkunci:
            self.kunci()

    def kunci(self) -> None:
        """Show the row read-only with its stored values (disabled fields show the initial)."""
        self.terkunci = True
        for f in self.fields.values():
            f.disabled = True

    @property
    def field_nilai(self):
        return self["nilai_teks" if "nilai_teks" in self.fields else "nilai"]

    def clean_bukti(self):
        berkas = self.cleaned_data.get("bukti")
        return check_bukti(berkas) if berkas else None

    def isian(self) -> Isian:
        d = self.cleaned_data
        return Isian(
            indikator_id=self.baris.indikator.pk,
            nilai=d.get("nilai"),
            nilai_teks=d.get("nilai_teks", "") or "",
            analisis=d.get("analisis", ""),
            solusi=d.get("solusi", ""),
            versi_dibaca=d.get("versi") or 0,
            hash_dibaca=d.get("hash_isi", ""),
            tanggapan=d.get("tanggapan", ""),
            berkas=[d["bukti"]] if d.get("bukti") else [],
        )


class KeputusanForm(forms.Form):
    """The verifikator's decision on one submitted realisasi (prefix `r<realisasi id>`)."""

    aksi = forms.ChoiceField(
        label="Keputusan",
        required=False,
        choices=[
            ("", "— belum diputuskan —"),
            ("verifikasi", "Verifikasi"),
            ("kembalikan", "Kembalikan"),
        ],
    )
    komentar = teks_field("Catatan", 2000, wajib=False)

    def __init__(self, *args, realisasi: Realisasi, **kwargs):
        super().__init__(*args, prefix=f"r{realisasi.pk}", **kwargs)
        self.realisasi = realisasi

    def clean(self):
        d = super().clean()
        if d.get("aksi") == "kembalikan" and not d.get("komentar", "").strip():
            self.add_error("komentar", "Catatan: tulis alasan pengembalian indikator ini.")
        return d

    def keputusan(self, semua: bool) -> Keputusan | None:
        aksi = self.cleaned_data.get("aksi") or ("verifikasi" if semua else "")
        if not aksi:
            return None
        return Keputusan(aksi, self.cleaned_data.get("komentar", ""))


class BukaKembaliForm(forms.Form):
    alasan = teks_field(
        "Alasan membuka kembali", 2000, error_messages={"required": "Alasan: wajib diisi."}
    )


class JadwalForm(forms.Form):
    """The window of one year and triwulan; an existing window of that triwulan is replaced."""

    tahun = tahun_field()
    triwulan = forms.TypedChoiceField(
        label="Triwulan",
        coerce=int,
        choices=[(i, f"Triwulan {r}") for i, r in ROMAWI.items()],
        error_messages={"invalid_choice": "Triwulan: pilih Triwulan I sampai IV."},
    )
    dibuka = TanggalField(label="Tanggal dibuka")
    ditutup = TanggalField(label="Tanggal ditutup")

    def clean(self):
        d = super().clean()
        if d.get("dibuka") and d.get("ditutup") and d["ditutup"] < d["dibuka"]:
            self.add_error("ditutup", "Tanggal ditutup: tidak boleh sebelum tanggal dibuka.")
        return d


class PengecualianForm(forms.Form):
    opd = forms.ModelChoiceField(
        label="OPD", queryset=OPD.objects.filter(aktif=True).order_by("kode")
    )
    jadwal = forms.ModelChoiceField(label="Triwulan", queryset=JadwalPengisian.objects.all())
    berlaku_sampai = TanggalWaktuField(label="Berlaku sampai")
    alasan = teks_field("Alasan", 2000)


class RealisasiDaerahForm(forms.Form):
    """One IKU Pemda's value in a triwulan (prefix `i<indikator id>`): a number written the
    Indonesian way, and the analysis; an empty number removes a draft value."""

    def __init__(self, *args, indikator, tersimpan: RealisasiDaerah | None, **kwargs):
        super().__init__(
            *args,
            prefix=f"i{indikator.pk}",
            initial={
                "nilai": tersimpan.nilai if tersimpan else None,
                "analisis": tersimpan.analisis if tersimpan else "",
            },
            **kwargs,
        )
        nama = f"{indikator.nama}" + (f" ({indikator.satuan})" if indikator.satuan else "")
        self.fields["nilai"] = angka_formfield(
            RealisasiDaerah._meta.get_field("nilai"), label=f"Realisasi {nama}"
        )
        self.fields["nilai"].required = False
        self.fields["analisis"] = teks_field(f"Analisis {indikator.nama}", 5000, wajib=False)
        self.indikator = indikator
        label_baris(self)

    def isian(self) -> tuple:
        return self.cleaned_data["nilai"], self.cleaned_data["analisis"].strip()
