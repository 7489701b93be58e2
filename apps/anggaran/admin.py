from decimal import Decimal

from django.contrib import admin

from apps.core.admin_scope import (
    HanyaBacaMixin,
    JenisOPDFilter,
    ScopedAdmin,
    ScopedTabularInline,
    readonly_computed,
)
from apps.core.angka import format_angka, format_rupiah

from .models import (
    DPA,
    DPAKegiatan,
    DPAProgram,
    Kegiatan,
    Program,
    RealisasiAnggaran,
    RincianDPA,
    SubKegiatan,
)
from .perhitungan import Rekap
from .selectors import annotate_total_realisasi, rekap_dpa


def _serapan_teks(rekap: Rekap) -> str:
    s = rekap.serapan
    if s.nilai is None:
        return f"tidak dapat dihitung ({s.alasan})"
    tanda = " ⚠ melebihi pagu" if rekap.melebihi_pagu else ""
    return f"{format_angka(s.nilai)} %{tanda}"


class KegiatanInline(ScopedTabularInline):
    model = Kegiatan
    fields = ["kode", "nama"]
    show_change_link = True


@admin.register(Program)
class ProgramAdmin(ScopedAdmin):
    list_display = ["kode", "nama", "skema"]
    list_filter = ["skema"]
    search_fields = ["kode", "nama"]
    inlines = [KegiatanInline]


class SubKegiatanInline(ScopedTabularInline):
    model = SubKegiatan
    fields = ["kode", "nama"]


@admin.register(Kegiatan)
class KegiatanAdmin(ScopedAdmin):
    list_display = ["kode", "nama", "program"]
    search_fields = ["kode", "nama"]
    list_select_related = ["program"]
    autocomplete_fields = ["program"]
    inlines = [SubKegiatanInline]


@admin.register(SubKegiatan)
class SubKegiatanAdmin(ScopedAdmin):
    list_display = ["kode", "nama", "kegiatan"]
    search_fields = ["kode", "nama"]
    list_select_related = ["kegiatan"]
    autocomplete_fields = ["kegiatan"]


class _DPABacaSaja(HanyaBacaMixin, ScopedTabularInline):
    """A DPA's rows shown on its admin page, read-only: they come from the import with its
    check, and a line is changed on its own page (show_change_link). Editable, every row's
    program, kegiatan and sub kegiatan field looked its choice up with a query of its own
    (115 queries for the Kecamatan's 53 lines, more with every line)."""

    relasi: tuple = ()

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.relasi)


class DPAProgramInline(_DPABacaSaja):
    model = DPAProgram
    fields = ["program", "indikator", "target", "satuan"]
    relasi = ("program",)


class DPAKegiatanInline(_DPABacaSaja):
    model = DPAKegiatan
    fields = ["kegiatan", "indikator", "target", "satuan"]
    relasi = ("kegiatan",)


class RincianInline(_DPABacaSaja):
    model = RincianDPA
    fields = ["kegiatan", "sub_kegiatan", "indikator", "target", "satuan", "pagu"]
    relasi = ("kegiatan", "sub_kegiatan")
    show_change_link = True


@admin.register(DPA)
class DPAAdmin(ScopedAdmin):
    list_display = ["opd", "tahun", "jenis", "nomor"]
    list_filter = ["tahun", "jenis", ("opd__jenis", JenisOPDFilter)]
    search_fields = ["opd__nama", "nomor"]
    list_select_related = ["opd"]
    readonly_fields = ["rekap_program", "total_pagu", "total_realisasi", "total_serapan"]
    inlines = [DPAProgramInline, DPAKegiatanInline, RincianInline]

    def _rekap(self, obj):
        if not hasattr(obj, "_rekap_cache"):
            obj._rekap_cache = rekap_dpa(obj)
        return obj._rekap_cache

    @readonly_computed("total pagu (dihitung dari rincian)")
    def total_pagu(self, obj):
        return format_rupiah(self._rekap(obj).total.pagu) if obj.pk else "-"

    @readonly_computed("total realisasi (dihitung dari rincian)")
    def total_realisasi(self, obj):
        return format_rupiah(self._rekap(obj).total.realisasi) if obj.pk else "-"

    @readonly_computed("serapan OPD")
    def total_serapan(self, obj):
        return _serapan_teks(self._rekap(obj).total) if obj.pk else "-"

    @readonly_computed("rekap per program (dihitung dari rincian)")
    def rekap_program(self, obj):
        if not obj.pk:
            return "-"
        baris = [
            f"{p.kode} {p.nama}: pagu {format_rupiah(r.pagu)}, realisasi "
            f"{format_rupiah(r.realisasi)}, serapan {_serapan_teks(r)}"
            for p, r in sorted(self._rekap(obj).program.items(), key=lambda x: x[0].kode)
        ]
        return "\n".join(baris) or "-"


class RealisasiAnggaranInline(ScopedTabularInline):
    model = RealisasiAnggaran
    fields = ["bulan", "realisasi", "fisik", "keterangan"]


@admin.register(RincianDPA)
class RincianDPAAdmin(ScopedAdmin):
    list_display = [
        "kode_tampil",
        "nama",
        "dpa",
        "pagu_tampil",
        "realisasi_tampil",
        "serapan_tampil",
    ]
    list_filter = ["dpa__tahun", "dpa__jenis"]
    search_fields = ["sub_kegiatan__kode", "sub_kegiatan__nama", "kegiatan__kode", "kegiatan__nama"]
    list_select_related = ["dpa__opd", "kegiatan", "sub_kegiatan"]
    autocomplete_fields = ["kegiatan", "sub_kegiatan"]
    readonly_fields = ["realisasi_tampil", "serapan_tampil"]
    inlines = [RealisasiAnggaranInline]

    def get_queryset(self, request):
        return annotate_total_realisasi(super().get_queryset(request))

    def _rekap(self, obj):
        return Rekap(obj.pagu, getattr(obj, "total_realisasi", Decimal(0)))

    @readonly_computed("kode")
    def kode_tampil(self, obj):
        return obj.kode

    @readonly_computed("nama")
    def nama(self, obj):
        return (obj.sub_kegiatan or obj.kegiatan).nama

    @readonly_computed("pagu")
    def pagu_tampil(self, obj):
        return format_rupiah(obj.pagu)

    @readonly_computed("realisasi (dihitung)")
    def realisasi_tampil(self, obj):
        return format_rupiah(self._rekap(obj).realisasi) if obj.pk else "-"

    @readonly_computed("serapan")
    def serapan_tampil(self, obj):
        return _serapan_teks(self._rekap(obj)) if obj.pk else "-"
