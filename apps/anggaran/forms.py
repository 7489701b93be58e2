"""Forms of the budget pages: they parse and validate input; the services decide."""

from django import forms
from django.utils.dates import MONTHS

from apps.core.forms import angka_formfield, label_baris, tahun_field

from .models import DPA, DPAProgram, Impor, RealisasiAnggaran

# Month names as the UI writes them (Django's own, in Indonesian), numbered 1-12.
BULAN = MONTHS


class RealisasiBulanForm(forms.Form):
    """One DPA line's realisation in one month (prefix `r<rincian id>`): rupiah and physical
    output, written the Indonesian way, never negative; empty removes the month's entry."""

    keterangan = forms.CharField(label="Keterangan", max_length=255, required=False)

    def __init__(self, *args, rincian, tersimpan: RealisasiAnggaran | None, **kwargs):
        super().__init__(
            *args,
            prefix=f"r{rincian.pk}",
            initial={
                "realisasi": tersimpan.realisasi if tersimpan else None,
                "fisik": tersimpan.fisik if tersimpan else None,
                "keterangan": tersimpan.keterangan if tersimpan else "",
            },
            **kwargs,
        )
        kode = rincian.kode
        self.fields["realisasi"] = angka_formfield(
            RealisasiAnggaran._meta.get_field("realisasi"), label=f"Realisasi {kode} (Rp)"
        )
        self.fields["realisasi"].required = False
        self.fields["fisik"] = angka_formfield(
            RealisasiAnggaran._meta.get_field("fisik"), label=f"Realisasi fisik {kode}"
        )
        self.fields["keterangan"].label = f"Keterangan {kode}"
        self.order_fields(["realisasi", "fisik", "keterangan"])
        self.rincian = rincian
        label_baris(self)  # each label names its line's code already

    def clean(self):
        d = super().clean()
        # A realisasi refused by its own field already says so; "isi rupiahnya" would be a
        # second, confusing message about the same cell.
        if (
            "realisasi" not in self.errors
            and d.get("realisasi") is None
            and (d.get("fisik") is not None or d.get("keterangan"))
        ):
            self.add_error(
                "realisasi",
                f"Realisasi {self.rincian.kode} (Rp): isi rupiahnya, "
                "atau kosongkan juga fisik dan keterangan.",
            )
        return d

    def isian(self) -> tuple:
        d = self.cleaned_data
        return d["realisasi"], d["fisik"], d["keterangan"]


class RealisasiIndikatorForm(forms.Form):
    """The year-end realisasi of one program's or kegiatan's indicator of a DPA (prefix
    `p<id>` or `k<id>`), written the Indonesian way, never negative; empty clears it."""

    def __init__(self, *args, info, **kwargs):
        unsur = getattr(info, info.unsur)
        super().__init__(
            *args,
            prefix=f"{info.unsur[0]}{info.pk}",
            initial={"realisasi": info.realisasi},
            **kwargs,
        )
        self.fields["realisasi"] = angka_formfield(
            DPAProgram._meta.get_field("realisasi"),
            label=f"Realisasi {unsur.kode}" + (f" ({info.satuan})" if info.satuan else ""),
        )
        self.info = info
        label_baris(self)


class ImporForm(forms.Form):
    """What to import where: the kind, the OPD and year (DPA and realisation), the file."""

    jenis = forms.ChoiceField(label="Jenis data", choices=Impor.Jenis.choices)
    opd = forms.ModelChoiceField(
        label="OPD", queryset=None, required=False, empty_label="— pilih OPD —"
    )
    tahun = tahun_field(required=False)
    jenis_dpa = forms.ChoiceField(
        label="DPA", choices=DPA.Jenis.choices, required=False, initial=DPA.Jenis.MURNI
    )
    berkas = forms.FileField(
        label="Berkas (.xlsx atau .csv)",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
        error_messages={
            "required": "Berkas: pilih berkas .xlsx atau .csv.",
            "empty": "Berkas: berkas yang diunggah kosong.",
        },
    )

    def __init__(self, *args, opd_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opd_qs
        if opd_qs.count() == 1:
            self.fields["opd"].initial = opd_qs.first()

    def clean(self):
        d = super().clean()
        if d.get("jenis") in (Impor.Jenis.DPA, Impor.Jenis.REALISASI):
            if not d.get("opd"):
                self.add_error("opd", "OPD: pilih OPD tujuan impor.")
            if not d.get("tahun"):
                self.add_error("tahun", "Tahun: wajib diisi untuk impor DPA dan realisasi.")
        if d.get("jenis") in (
            Impor.Jenis.TARGET_RENSTRA,
            Impor.Jenis.TARGET_PK,
            Impor.Jenis.MATRIKS_RENSTRA,
        ):
            if not d.get("opd"):
                self.add_error("opd", "OPD: pilih OPD yang Renstra atau PK-nya diimpor.")
            if not d.get("tahun"):
                self.add_error(
                    "tahun",
                    "Tahun: wajib diisi; target dan matriks diimpor ke "
                    "Renstra atau PK yang mencakup tahun itu.",
                )
        if d.get("jenis") == Impor.Jenis.TARGET_RPJMD and not d.get("tahun"):
            self.add_error(
                "tahun", "Tahun: wajib diisi; target diimpor ke RPJMD yang mencakup tahun itu."
            )
        if d.get("jenis") == Impor.Jenis.DPA and not d.get("jenis_dpa"):
            self.add_error("jenis_dpa", "DPA: pilih DPA murni atau perubahan.")
        return d
