"""Forms of the budget pages: they parse and validate input; the services decide."""

from django import forms

from apps.core.forms import angka_formfield

from .models import RealisasiAnggaran

BULAN = {1: "Januari", 2: "Februari", 3: "Maret", 4: "April", 5: "Mei", 6: "Juni", 7: "Juli",
         8: "Agustus", 9: "September", 10: "Oktober", 11: "November", 12: "Desember"}


class RealisasiBulanForm(forms.Form):
    """One DPA line's realisation in one month (prefix `r<rincian id>`): rupiah and physical
    output, written the Indonesian way, never negative; empty removes the month's entry."""

    keterangan = forms.CharField(label="Keterangan", max_length=255, required=False)

    def __init__(self, *args, rincian, tersimpan: RealisasiAnggaran | None, **kwargs):
        super().__init__(*args, prefix=f"r{rincian.pk}", initial={
            "realisasi": tersimpan.realisasi if tersimpan else None,
            "fisik": tersimpan.fisik if tersimpan else None,
            "keterangan": tersimpan.keterangan if tersimpan else ""}, **kwargs)
        kode = rincian.kode
        self.fields["realisasi"] = angka_formfield(
            RealisasiAnggaran._meta.get_field("realisasi"), label=f"Realisasi {kode} (Rp)")
        self.fields["realisasi"].required = False
        self.fields["fisik"] = angka_formfield(RealisasiAnggaran._meta.get_field("fisik"),
                                               label=f"Realisasi fisik {kode}")
        self.order_fields(["realisasi", "fisik", "keterangan"])
        self.rincian = rincian

    def clean(self):
        d = super().clean()
        if d.get("realisasi") is None and (d.get("fisik") is not None or d.get("keterangan")):
            self.add_error("realisasi", f"Realisasi {self.rincian.kode} (Rp): isi rupiahnya, "
                           "atau kosongkan juga fisik dan keterangan.")
        return d

    def isian(self) -> tuple:
        d = self.cleaned_data
        return d["realisasi"], d["fisik"], d["keterangan"]
