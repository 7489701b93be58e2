"""The dashboard's filters (django-filter): kind of OPD in the database; predikat, status of a
triwulan and lateness on the computed rows (apps.laporan.selectors.dasbor), which the view
hands to the filter set as `baris` before reading `qs`."""

import django_filters
from django import forms

from apps.core.angka import ROMAWI
from apps.core.forms import tahun_field
from apps.core.models import OPD
from apps.pengukuran.jendela import StatusTriwulan

from .tables import KOLOM_BAWAAN, KOLOM_PILIHAN

TRIWULAN = [(str(tw), f"Triwulan {r}") for tw, r in ROMAWI.items()]


class FilterDasbor(django_filters.FilterSet):
    tahun = django_filters.NumberFilter(label="Tahun", method="tanpa_saring")
    jenis = django_filters.ChoiceFilter(
        label="Jenis OPD", choices=OPD.Jenis.choices, empty_label="semua"
    )
    predikat = django_filters.ChoiceFilter(
        label="Predikat", method="saring_predikat", empty_label="semua"
    )
    triwulan = django_filters.ChoiceFilter(
        label="Triwulan", choices=TRIWULAN, method="tanpa_saring", empty_label="semua"
    )
    status = django_filters.ChoiceFilter(
        label="Status triwulan",
        method="saring_status",
        choices=list(StatusTriwulan.LABEL.items()),
        empty_label="semua",
    )
    terlambat = django_filters.BooleanFilter(
        label="Terlambat",
        method="saring_terlambat",
        widget=forms.Select(choices=[("", "semua"), ("true", "ya"), ("false", "tidak")]),
    )

    kolom = django_filters.MultipleChoiceFilter(
        label="Kolom",
        method="tanpa_saring",
        choices=[(g, label) for g, (label, _) in KOLOM_PILIHAN.items()],
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = OPD
        fields = ["tahun", "jenis", "predikat", "triwulan", "status", "terlambat", "kolom"]

    def __init__(self, data=None, *args, predikat: list[tuple[str, list[str]]] = (), **kwargs):
        """`predikat`: (scale name, its labels) of the scales in use (selectors.
        predikat_per_skala), offered one group per scale. The columns are those ticked when
        the form was sent (it carries `pilih_kolom`, so that nothing ticked is a choice), else
        KOLOM_BAWAAN (a link with a year only, or the first visit)."""
        if data is not None and "pilih_kolom" not in data and "kolom" not in data:
            data = data.copy()
            data.setlist("kolom", list(KOLOM_BAWAAN))
        super().__init__(data, *args, **kwargs)
        self.baris: dict = {}
        self.filters["predikat"].extra["choices"] = [
            (nama, [(label, label) for label in labels]) for nama, labels in predikat
        ] + [("-", "tidak dapat dihitung")]
        tahun = tahun_field(required=False)
        tahun.widget.attrs["class"] = "isian-tahun"
        self.form.fields["tahun"] = tahun

    def tanpa_saring(self, queryset, name, value):
        """The year chooses what is computed and the triwulan which status is filtered:
        neither narrows the OPDs by itself."""
        return queryset

    def _pilih(self, queryset, cocok):
        return queryset.filter(pk__in=[pk for pk, b in self.baris.items() if cocok(b)])

    def saring_predikat(self, queryset, name, value):
        return self._pilih(queryset, lambda b: (b.predikat.label if b.predikat else "-") == value)

    def saring_status(self, queryset, name, value):
        tw = int(self.form.cleaned_data.get("triwulan") or 0)
        if tw:
            return self._pilih(queryset, lambda b: b.status[tw] == value)
        return self._pilih(queryset, lambda b: value in b.status.values())

    def saring_terlambat(self, queryset, name, value):
        return self._pilih(queryset, lambda b: b.terlambat == value)

    @property
    def kolom_tampil(self) -> tuple[str, ...]:
        """The groups of columns to show (tables.KOLOM_PILIHAN), as chosen; the defaults when
        the choice is not valid."""
        if self.is_valid():
            return tuple(self.form.cleaned_data.get("kolom") or ())
        return KOLOM_BAWAAN
