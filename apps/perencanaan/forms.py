"""Forms of the planning pages: they parse and validate input; the services decide."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from apps.core.forms import TanggalField, angka_formfield, label_baris, tahun_field, teks_field
from apps.core.models import Misi, Pejabat, PeriodeRPJMD

from .models import (
    IndikatorKinerja,
    PerjanjianKinerja,
    PKBupati,
    PKBupatiTarget,
    PKIndikator,
    PKJenjang,
    PKJenjangBaris,
    PKProgram,
    Sasaran,
    TargetTahunan,
)

URAIAN_MAKS = 2000


class PeriodeForm(forms.Form):
    """The years of a new Renstra period (new or copied)."""

    tahun_awal = tahun_field("Tahun awal")
    tahun_akhir = tahun_field("Tahun akhir")

    def clean(self):
        d = super().clean()
        awal, akhir = d.get("tahun_awal"), d.get("tahun_akhir")
        if awal and akhir and not awal < akhir <= awal + 6:
            self.add_error(
                "tahun_akhir",
                "Tahun akhir: harus sesudah tahun awal dan paling lama 6 tahun kemudian.",
            )
        return d


class RenstraBaruForm(PeriodeForm):
    periode_rpjmd = forms.ModelChoiceField(
        label="Periode RPJMD",
        queryset=PeriodeRPJMD.objects.all(),
        required=False,
        empty_label="— tidak terkait RPJMD —",
    )
    nomor_dokumen = forms.CharField(label="Nomor dokumen", max_length=150, required=False)


def target_field(ind: IndikatorKinerja, label: str, pilihan=None) -> forms.Field:
    """A target input: one of the allowed values of a text indicator, else a number written
    the Indonesian way (negative only where the indicator allows it)."""
    if ind.jenis_nilai == IndikatorKinerja.JenisNilai.TEKS:
        labels = pilihan if pilihan is not None else [p.label for p in ind.pilihan.all()]
        return forms.ChoiceField(
            label=label, required=False, choices=[("", "—")] + [(p, p) for p in labels]
        )
    field = angka_formfield(TargetTahunan._meta.get_field("target"), label=label)
    field.required = False
    field.boleh_negatif = ind.boleh_negatif
    return field


def angka_teks(ind: IndikatorKinerja, nilai) -> tuple:
    """(number, text) as the models store a target of this indicator."""
    if ind.jenis_nilai == IndikatorKinerja.JenisNilai.TEKS:
        return None, nilai or ""
    return nilai, ""


class TujuanForm(forms.Form):
    uraian = teks_field("Tujuan", URAIAN_MAKS)

    def __init__(self, *args, tujuan, **kwargs):
        super().__init__(*args, prefix=f"t{tujuan.pk}", initial={"uraian": tujuan.uraian}, **kwargs)
        self.obj = tujuan
        label_baris(self, f"tujuan {tujuan.nomor}")


def misi_queryset(renstra):
    qs = Misi.objects.select_related("periode").order_by("periode__tahun_awal", "nomor")
    return qs.filter(periode=renstra.periode_rpjmd) if renstra.periode_rpjmd_id else qs


class SasaranForm(forms.Form):
    """One sasaran in the tree: its text, the misi it serves, its supporting programs and the
    sasaran daerah of the RPJMD it supports. The choices are read once for the whole page
    (`misi_list`, `program_list`, `sasaran_daerah_list`), not once per sasaran."""

    uraian = teks_field("Sasaran", URAIAN_MAKS)
    misi = forms.TypedChoiceField(
        label="Misi kabupaten yang didukung",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "Misi: pilih salah satu misi periode RPJMD Renstra ini."},
    )
    program = forms.TypedMultipleChoiceField(
        label="Program pendukung",
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Program pendukung: pilih dari program OPD ini."},
    )
    sasaran_daerah = forms.TypedMultipleChoiceField(
        label="Sasaran RPJMD yang didukung",
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Sasaran RPJMD yang didukung: pilih dari sasaran RPJMD periode "
            "yang diikuti Renstra ini."
        },
    )

    def __init__(self, *args, sasaran, misi_list, program_list, sasaran_daerah_list=(), **kwargs):
        super().__init__(
            *args,
            prefix=f"s{sasaran.pk}",
            initial={
                "uraian": sasaran.uraian,
                "misi": sasaran.misi_id,
                "program": [p.pk for p in sasaran.program.all()],
                "sasaran_daerah": [d.pk for d in sasaran.sasaran_daerah.all()],
            },
            **kwargs,
        )
        self.fields["sasaran_daerah"].choices = [
            (d.pk, f"{d.tujuan.nomor}.{d.nomor} {d.uraian}") for d in sasaran_daerah_list
        ]
        self.misi_per_id = {m.pk: m for m in misi_list}
        self.fields["misi"].choices = [("", "— belum —")] + [
            (m.pk, f"Misi {m.nomor}: {m.uraian}") for m in misi_list
        ]
        self.fields["program"].choices = [(p.pk, f"{p.kode} {p.nama}") for p in program_list]
        self.obj = sasaran
        label_baris(self, f"sasaran {sasaran.uraian[:80]}")

    def nilai(self) -> dict:
        return {
            "uraian": self.cleaned_data["uraian"],
            "misi": self.misi_per_id.get(self.cleaned_data["misi"]),
        }

    def program_ids(self) -> set[int]:
        return set(self.cleaned_data["program"])

    def sasaran_daerah_ids(self) -> set[int]:
        return set(self.cleaned_data["sasaran_daerah"])


class IndikatorForm(forms.Form):
    """One indicator in the tree: its name and measurement, its target for every year of the
    period (field `target_<tahun>`) and its end-of-period target."""

    nama = teks_field("Indikator", URAIAN_MAKS)
    satuan = forms.CharField(label="Satuan", max_length=50, required=False)
    polaritas = forms.ChoiceField(label="Polaritas", choices=IndikatorKinerja.Polaritas.choices)
    agregasi = forms.ChoiceField(
        label="Agregasi triwulan", choices=IndikatorKinerja.Agregasi.choices
    )

    def __init__(self, *args, indikator, tahun_list, **kwargs):
        pilihan = [p.label for p in indikator.pilihan.all()]
        initial = {
            "nama": indikator.nama,
            "satuan": indikator.satuan,
            "polaritas": indikator.polaritas,
            "agregasi": indikator.agregasi,
            "target_akhir": indikator.target_akhir_teks or indikator.target_akhir,
        }
        per_tahun = getattr(indikator, "target_per_tahun", {})
        for tahun in tahun_list:
            t = per_tahun.get(tahun)
            initial[f"target_{tahun}"] = (t.target_teks or t.target) if t else None
        super().__init__(*args, prefix=f"i{indikator.pk}", initial=initial, **kwargs)
        self.tahun_list = list(tahun_list)
        for tahun in self.tahun_list:
            self.fields[f"target_{tahun}"] = target_field(indikator, f"Target {tahun}", pilihan)
        self.fields["target_akhir"] = target_field(indikator, "Target akhir periode", pilihan)
        self.obj = indikator
        label_baris(self, f"indikator {indikator.nama[:80]}")

    def target_fields(self):
        return [self[f"target_{tahun}"] for tahun in self.tahun_list]

    def nilai(self) -> dict:
        d = self.cleaned_data
        angka, teks = angka_teks(self.obj, d["target_akhir"])
        return {
            "nama": d["nama"],
            "satuan": d["satuan"],
            "polaritas": d["polaritas"],
            "agregasi": d["agregasi"],
            "target_akhir": angka,
            "target_akhir_teks": teks,
        }

    def target(self) -> dict:
        return {
            tahun: angka_teks(self.obj, self.cleaned_data[f"target_{tahun}"])
            for tahun in self.tahun_list
        }


class TujuanBaruForm(forms.Form):
    uraian = teks_field("Tujuan baru", URAIAN_MAKS)


class SasaranBaruForm(forms.Form):
    tujuan = forms.ModelChoiceField(label="Tujuan", queryset=None)
    uraian = teks_field("Sasaran baru", URAIAN_MAKS)
    misi = forms.ModelChoiceField(label="Misi kabupaten", required=False, queryset=None)

    def __init__(self, *args, renstra, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tujuan"].queryset = renstra.tujuan.all()
        self.fields["misi"].queryset = misi_queryset(renstra)


class IndikatorBaruForm(forms.Form):
    sasaran = forms.ModelChoiceField(label="Sasaran", queryset=None)
    nama = forms.CharField(label="Indikator baru", max_length=URAIAN_MAKS)
    satuan = forms.CharField(label="Satuan", max_length=50, required=False)
    polaritas = forms.ChoiceField(label="Polaritas", choices=IndikatorKinerja.Polaritas.choices)
    jenis_nilai = forms.ChoiceField(
        label="Jenis nilai", choices=IndikatorKinerja.JenisNilai.choices
    )
    agregasi = forms.ChoiceField(
        label="Agregasi triwulan",
        choices=IndikatorKinerja.Agregasi.choices,
        initial=IndikatorKinerja.Agregasi.NILAI_AKHIR,
    )
    is_iku = forms.BooleanField(label="IKU", required=False)

    def __init__(self, *args, renstra, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sasaran"].queryset = Sasaran.objects.filter(tujuan__renstra=renstra)


class IKUForm(forms.Form):
    is_iku = forms.BooleanField(label="IKU", required=False)
    definisi_operasional = teks_field("Definisi operasional", URAIAN_MAKS, baris=3, wajib=False)
    formula = teks_field("Formula", URAIAN_MAKS, baris=3, wajib=False)
    sumber_data = forms.CharField(label="Sumber data", required=False, max_length=300)
    penanggung_jawab = forms.CharField(label="Penanggung jawab", required=False, max_length=200)

    def __init__(self, *args, indikator, **kwargs):
        super().__init__(
            *args,
            prefix=f"k{indikator.pk}",
            initial={f: getattr(indikator, f) for f in self.base_fields},
            **kwargs,
        )
        self.obj = indikator
        label_baris(self, f"indikator {indikator.nama[:80]}")


# ------------------------------------------------------------------------------------------
# Perjanjian Kinerja
# ------------------------------------------------------------------------------------------


class PKBaruForm(forms.Form):
    tahun = tahun_field("Tahun")


def pejabat_pihak_kedua(opd):
    """The superior who signs as pihak kedua: the kepala daerah (officials without an OPD)
    or an official of the parent OPD (a Bagian signs to the Sekretaris Daerah)."""
    q = Q(opd__isnull=True)
    if opd.induk_id:
        q |= Q(opd_id=opd.induk_id)
    return Pejabat.objects.filter(q).order_by("-aktif", "nama")


class PKDokumenForm(forms.Form):
    tempat = forms.CharField(label="Tempat penandatanganan", max_length=100)
    tanggal = TanggalField(label="Tanggal penandatanganan", required=False)
    tanggal_lengkap = forms.BooleanField(
        label="Cetak tanggal lengkap",
        required=False,
        help_text="Kosongkan bila dokumen hanya mencantumkan bulan dan tahun.",
    )
    pihak_pertama = forms.ModelChoiceField(
        label="Pihak pertama",
        queryset=None,
        empty_label="— pilih pejabat —",
        error_messages={"invalid_choice": "Pihak pertama: pilih pejabat OPD ini."},
    )
    # The two lists never overlap (the OPD's own officials; its superiors), so the same person
    # cannot be both parties; the model refuses it too.
    pihak_kedua = forms.ModelChoiceField(
        label="Pihak kedua",
        queryset=None,
        empty_label="— pilih pejabat —",
        error_messages={
            "invalid_choice": "Pihak kedua: pilih atasan langsung pihak pertama "
            "(kepala daerah atau pimpinan OPD induk); pihak pertama atau pejabat "
            "OPD ini tidak dapat menjadi pihak kedua."
        },
    )
    pernyataan = teks_field("Teks pernyataan", 5000, baris=6)

    def __init__(self, *args, pk: PerjanjianKinerja, **kwargs):
        super().__init__(
            *args,
            prefix="pk",
            initial={
                "tempat": pk.tempat,
                "tanggal": pk.tanggal,
                "tanggal_lengkap": pk.tanggal_lengkap,
                "pihak_pertama": pk.pihak_pertama_id,
                "pihak_kedua": pk.pihak_kedua_id,
                "pernyataan": pk.pernyataan,
            },
            **kwargs,
        )
        self.fields["pihak_pertama"].queryset = Pejabat.objects.filter(opd=pk.opd).order_by(
            "-aktif", "nama"
        )
        self.fields["pihak_kedua"].queryset = pejabat_pihak_kedua(pk.opd)


class PKTargetForm(forms.Form):
    hapus = forms.BooleanField(label="Hapus", required=False)

    def __init__(self, *args, row: PKIndikator, **kwargs):
        ind = row.indikator
        super().__init__(
            *args, prefix=f"t{row.pk}", initial={"target": row.target_teks or row.target}, **kwargs
        )
        self.row = row
        if self.is_bound and self.data.get(self.add_prefix("hapus")):
            # A row to be removed: what its target field holds does not matter.
            self.fields["target"] = forms.CharField(required=False)
        else:
            self.fields["target"] = target_field(ind, f"Target {ind.nama}")
            self.fields["target"].required = True
            self.fields["target"].error_messages["required"] = (
                f"Target {ind.nama}: wajib diisi (atau centang Hapus)."
            )
        label_baris(self, f"indikator {ind.nama[:80]}")

    def nilai(self) -> tuple:
        return angka_teks(self.row.indikator, self.cleaned_data["target"])


class PKProgramForm(forms.Form):
    keterangan = forms.CharField(label="Keterangan", max_length=255, required=False)
    hapus = forms.BooleanField(label="Hapus", required=False)

    def __init__(self, *args, row: PKProgram, **kwargs):
        super().__init__(
            *args,
            prefix=f"p{row.pk}",
            initial={"anggaran": row.anggaran, "keterangan": row.keterangan},
            **kwargs,
        )
        self.row = row
        if self.is_bound and self.data.get(self.add_prefix("hapus")):
            # A row to be removed: what its budget field holds does not matter.
            self.fields["anggaran"] = forms.CharField(required=False)
        else:
            self.fields["anggaran"] = angka_formfield(
                PKProgram._meta.get_field("anggaran"), label=f"Anggaran {row.program.nama}"
            )
            self.fields["anggaran"].error_messages["required"] = (
                f"Anggaran {row.program.nama}: wajib diisi (atau centang Hapus)."
            )
        label_baris(self, f"program {row.program.nama[:80]}")


class PKIndikatorTambahForm(forms.Form):
    indikator = forms.ModelChoiceField(
        label="Indikator Renstra", queryset=None, empty_label="— pilih indikator —"
    )
    target = forms.CharField(
        label="Target",
        required=False,
        max_length=100,
        help_text="Kosongkan untuk memakai target Renstra tahun ini.",
    )

    def __init__(self, *args, pk: PerjanjianKinerja, **kwargs):
        super().__init__(*args, prefix="ti", **kwargs)
        self.fields["indikator"].queryset = (
            IndikatorKinerja.objects.filter(
                sasaran__tujuan__renstra__opd=pk.opd,
                sasaran__tujuan__renstra__tahun_awal__lte=pk.tahun,
                sasaran__tujuan__renstra__tahun_akhir__gte=pk.tahun,
            )
            .exclude(target_pk__pk_dokumen=pk)
            .order_by("sasaran__nomor", "nomor")
        )

    def clean(self):
        d = super().clean()
        ind, teks = d.get("indikator"), d.get("target")
        if ind is None or not teks:
            d["target"] = (None, "")
            return d
        try:
            nilai = target_field(ind, "Target").clean(teks)
        except ValidationError as e:
            self.add_error("target", e)
            return d
        d["target"] = angka_teks(ind, nilai)
        return d


class PKProgramTambahForm(forms.Form):
    program = forms.ModelChoiceField(
        label="Program", queryset=None, empty_label="— pilih program —"
    )
    anggaran = angka_formfield(PKProgram._meta.get_field("anggaran"), label="Anggaran (Rp)")

    def __init__(self, *args, pk: PerjanjianKinerja, program_qs, **kwargs):
        super().__init__(*args, prefix="tp", **kwargs)
        self.fields["program"].queryset = program_qs.exclude(pk__in=pk.program.values("program_id"))
        self.fields["program"].label_from_instance = lambda p: f"{p.kode} {p.nama}"


class PerubahanForm(forms.Form):
    alasan_perubahan = forms.ChoiceField(
        label="Alasan perubahan",
        choices=PerjanjianKinerja.Alasan.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Alasan perubahan: pilih salah satu dari tiga alasan yang diizinkan.",
            "invalid_choice": "Alasan perubahan: pilih salah satu dari tiga alasan yang diizinkan.",
        },
    )
    keterangan_perubahan = teks_field(
        "Keterangan",
        5000,
        baris=3,
        error_messages={"required": "Keterangan: jelaskan apa yang berubah dan mengapa."},
    )


class PKJenjangBaruForm(forms.Form):
    """A new PK berjenjang: the level, the two officials of the OPD, and the programs (an
    administrator) or sub kegiatan (a pengawas) of the DPA it holds."""

    tingkat = forms.ChoiceField(
        label="Tingkat",
        choices=PKJenjang.Tingkat.choices,
        error_messages={
            "required": "Tingkat: pilih pejabat administrator atau pejabat pengawas.",
            "invalid_choice": "Tingkat: pilih pejabat administrator atau pejabat pengawas.",
        },
    )
    pihak_pertama = forms.ModelChoiceField(
        label="Pihak pertama (pejabat yang berjanji)",
        queryset=None,
        empty_label="— pilih pejabat —",
        error_messages={
            "required": "Pihak pertama: pilih pejabat OPD ini.",
            "invalid_choice": "Pihak pertama: pilih pejabat OPD ini; pejabat OPD lain tidak "
            "dapat menandatangani PK berjenjang OPD ini.",
        },
    )
    pihak_kedua = forms.ModelChoiceField(
        label="Pihak kedua (atasan langsung)",
        queryset=None,
        empty_label="— pilih pejabat —",
        error_messages={
            "required": "Pihak kedua: pilih atasan langsung pihak pertama di OPD ini.",
            "invalid_choice": "Pihak kedua: pilih pejabat OPD ini; pejabat OPD lain tidak "
            "dapat menandatangani PK berjenjang OPD ini.",
        },
    )
    pilihan = forms.MultipleChoiceField(
        label="Program (pejabat administrator) atau sub kegiatan (pejabat pengawas)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Program atau sub kegiatan: %(value)s bukan bagian DPA OPD ini."
        },
    )

    def __init__(self, *args, opd, unsur: dict, **kwargs):
        super().__init__(*args, prefix="baru", **kwargs)
        pejabat = Pejabat.objects.filter(opd=opd).order_by("-aktif", "nama")
        self.fields["pihak_pertama"].queryset = pejabat
        self.fields["pihak_kedua"].queryset = pejabat
        self.fields["pilihan"].choices = [
            (u.kunci, u.label) for daftar in unsur.values() for u in daftar
        ]

    def clean(self):
        d = super().clean()
        tingkat, pilihan = d.get("tingkat"), d.get("pilihan") or []
        awalan = "p" if tingkat == PKJenjang.Tingkat.ADMINISTRATOR else "r"
        salah = [k for k in pilihan if not k.startswith(awalan)]
        if tingkat and salah:
            self.add_error(
                "pilihan",
                "Program atau sub kegiatan: pejabat administrator memperjanjikan program, "
                "pejabat pengawas sub kegiatan.",
            )
        return d


class PKJenjangForm(forms.Form):
    """The draft's place and date of signing."""

    tempat = forms.CharField(label="Tempat penandatanganan", max_length=100, required=False)
    tanggal = TanggalField(label="Tanggal penandatanganan", required=False)

    def __init__(self, *args, pk: PKJenjang, **kwargs):
        super().__init__(
            *args, prefix="pk", initial={"tempat": pk.tempat, "tanggal": pk.tanggal}, **kwargs
        )


class PKJenjangTargetForm(forms.Form):
    """The target of one row of a draft PK berjenjang (prefix `b<row id>`)."""

    def __init__(self, *args, baris: PKJenjangBaris, **kwargs):
        super().__init__(*args, prefix=f"b{baris.pk}", initial={"target": baris.target}, **kwargs)
        self.fields["target"] = angka_formfield(
            PKJenjangBaris._meta.get_field("target"),
            label=f"Target {baris.kode}" + (f" ({baris.satuan})" if baris.satuan else ""),
        )
        self.fields["target"].required = False
        self.baris = baris
        label_baris(self)


class PKBupatiForm(forms.Form):
    """The draft PK Bupati's place and date of signing."""

    tempat = forms.CharField(label="Tempat penandatanganan", max_length=100, required=False)
    tanggal = TanggalField(label="Tanggal penandatanganan", required=False)

    def __init__(self, *args, pk: PKBupati, **kwargs):
        super().__init__(
            *args, prefix="pk", initial={"tempat": pk.tempat, "tanggal": pk.tanggal}, **kwargs
        )


class PKBupatiTargetForm(forms.Form):
    """The target of one IKU Pemda of a draft PK Bupati (prefix `t<target id>`)."""

    def __init__(self, *args, baris, **kwargs):
        super().__init__(
            *args, prefix=f"t{baris.target_id}", initial={"target": baris.target}, **kwargs
        )
        self.fields["target"] = angka_formfield(
            PKBupatiTarget._meta.get_field("target"),
            label=f"Target {baris.indikator}" + (f" ({baris.satuan})" if baris.satuan else ""),
        )
        self.fields["target"].required = False
        self.baris = baris
        label_baris(self)
