from decimal import Decimal

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from apps.core.admin_scope import (
    HanyaBacaMixin,
    ScopedAdmin,
    ScopedStackedInline,
    ScopedTabularInline,
)
from apps.core.angka import format_angka

from .lke_bawaan import beda_kuesioner
from .models import (
    AnalisisSasaran,
    KomponenLKE,
    KriteriaLKE,
    KuesionerLKE,
    LaporanKinerja,
    PredikatLKE,
    SubKomponenLKE,
)


class AnalisisInline(ScopedStackedInline):
    model = AnalisisSasaran


@admin.register(LaporanKinerja)
class LaporanKinerjaAdmin(ScopedAdmin):
    list_display = ["opd", "tahun", "revisi", "status", "difinalkan_pada"]
    list_filter = ["tahun", "status"]
    search_fields = ["opd__nama"]
    list_select_related = ["opd"]
    # The organisation chart is uploaded on the LKjIP page, where its content and size are
    # checked; here both stored files are shown through their permission-checked views.
    exclude = ["struktur_organisasi", "berkas_final"]
    readonly_fields = [
        "status",
        "unduh_final",
        "bagan",
        "sha256",
        "kode_verifikasi",
        "difinalkan_oleh",
        "difinalkan_pada",
        "opd_nama_final",
        "difinalkan_oleh_nama",
        "difinalkan_oleh_jabatan",
    ]
    inlines = [AnalisisInline]

    @admin.display(description="PDF final")
    def unduh_final(self, obj):
        if obj is None or not obj.berkas_final:
            return "-"
        return format_html(
            '<a href="{}">Unduh PDF final</a>', reverse("laporan:lkjip_final_pdf", args=[obj.pk])
        )

    @admin.display(description="bagan struktur organisasi")
    def bagan(self, obj):
        if obj is None or not obj.struktur_organisasi:
            return "-"
        return format_html(
            '<a href="{}">Lihat bagan</a>', reverse("laporan:lkjip_struktur", args=[obj.pk])
        )

    def has_change_permission(self, request, obj=None):
        # A final report is a stored file; its words cannot change under it.
        if obj is not None and obj.status != LaporanKinerja.Status.DRAFT:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status != LaporanKinerja.Status.DRAFT:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(AnalisisSasaran)
class AnalisisSasaranAdmin(HanyaBacaMixin, ScopedAdmin):
    """The analyses' own page is for reading them and their change history: they are written
    on the LKjIP page or in their report's inline above, which keep a final report
    read-only."""

    list_display = ["laporan", "sasaran"]
    list_filter = ["laporan__tahun"]
    search_fields = ["laporan__opd__nama"]
    list_select_related = ["laporan__opd", "sasaran"]


# --- Evaluasi AKIP: the LKE of a year, kept by those who keep master data ---------------------


def _kuesioner_dari(obj) -> KuesionerLKE | None:
    """The LKE an object of the sheet belongs to (None for a new one)."""
    if obj is None:
        return None
    if isinstance(obj, KuesionerLKE):
        return obj
    if isinstance(obj, KomponenLKE):
        return obj.kuesioner
    if isinstance(obj, SubKomponenLKE):
        return obj.komponen.kuesioner
    return None


class KunciLKEMixin:
    """A sheet whose year's evaluation has started (`dikunci`) is read, never changed."""

    def _terkunci(self, obj) -> bool:
        k = _kuesioner_dari(obj)
        return k is not None and k.dikunci

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not self._terkunci(obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._terkunci(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._terkunci(obj)


class JumlahSeratusFormSet(forms.BaseInlineFormSet):
    """The rows kept after the save add up to 100 in `kolom`, or the save is refused with
    the sum named and nothing is written (a weight table of 95 would score out of 95)."""

    kolom = ""
    label = ""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        nilai = [
            f.cleaned_data[self.kolom]
            for f in self.forms
            if f.cleaned_data
            and not f.cleaned_data.get("DELETE")
            and f.cleaned_data.get(self.kolom) is not None
        ]
        if nilai and sum(nilai, Decimal(0)) != 100:
            raise forms.ValidationError(
                f"{self.label} berjumlah {format_angka(sum(nilai, Decimal(0)), 2)}; harus 100. "
                "Tidak ada yang disimpan."
            )


class BobotKomponenFormSet(JumlahSeratusFormSet):
    kolom, label = "bobot", "Bobot komponen"


class PersenSubFormSet(JumlahSeratusFormSet):
    kolom, label = "persen", "Bagian (%) sub-komponen"


class KomponenLKEInline(KunciLKEMixin, ScopedTabularInline):
    model = KomponenLKE
    formset = BobotKomponenFormSet
    fields = ["nomor", "nama", "bobot"]
    show_change_link = True


class PredikatLKEInline(KunciLKEMixin, ScopedTabularInline):
    model = PredikatLKE
    fields = ["huruf", "batas", "uraian"]


@admin.register(KuesionerLKE)
class KuesionerLKEAdmin(KunciLKEMixin, ScopedAdmin):
    """The LKE of a year: its components (weights adding up to 100) and grades; each
    component's page holds its sub-components, each sub-component's its criteria."""

    list_display = ["tahun", "nama", "dikunci"]
    readonly_fields = ["dikunci", "beda_peraturan"]
    inlines = [KomponenLKEInline, PredikatLKEInline]

    @admin.display(description="Dibanding PermenPAN-RB 88/2021")
    def beda_peraturan(self, obj):
        """Where the saved sheet weighs otherwise than the regulation (it may: the
        kabupaten decides; the evaluation page and the LHE say so too)."""
        if obj is None or obj.pk is None:
            return "—"
        beda = beda_kuesioner(obj)
        if not beda:
            return "Bobot komponen, sub-komponen dan batas predikat sama dengan peraturan."
        return format_html_join("", "<div>{}</div>", ((b,) for b in beda))


class SubKomponenLKEInline(KunciLKEMixin, ScopedTabularInline):
    model = SubKomponenLKE
    formset = PersenSubFormSet
    fields = ["nomor", "nama", "persen"]
    show_change_link = True


@admin.register(KomponenLKE)
class KomponenLKEAdmin(KunciLKEMixin, ScopedAdmin):
    """A component's sub-components (shares adding up to 100 %). Components are added and
    removed on their LKE's page, where their weights are checked together."""

    list_display = ["nama", "nomor", "bobot", "kuesioner"]
    list_filter = ["kuesioner"]
    list_select_related = ["kuesioner"]
    fields = ["kuesioner", "nomor", "nama", "bobot"]
    readonly_fields = ["kuesioner", "bobot"]
    inlines = [SubKomponenLKEInline]

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class KriteriaLKEInline(KunciLKEMixin, ScopedStackedInline):
    model = KriteriaLKE
    fields = ["nomor", "uraian", "jenis", "bukti", "panduan", "usulan"]


@admin.register(SubKomponenLKE)
class SubKomponenLKEAdmin(KunciLKEMixin, ScopedAdmin):
    """A sub-component's criteria. Sub-components are added and removed on their
    component's page, where their shares are checked together."""

    list_display = ["nama", "nomor", "persen", "komponen"]
    list_filter = ["komponen__kuesioner"]
    list_select_related = ["komponen__kuesioner"]
    fields = ["komponen", "nomor", "nama", "persen"]
    readonly_fields = ["komponen", "persen"]
    inlines = [KriteriaLKEInline]

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
