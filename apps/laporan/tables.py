"""The dashboard table (django-tables2): sorted and paginated on the computed rows; the page's
rows are drawn by `baris_html` (templates/laporan/_tabel_dasbor.html puts them in the table
django-tables2 draws: header, sorting, pagination), the xlsx export takes the same columns
through the value_* methods, numbers as numbers rounded as the page shows them."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django_tables2.data import TableListData
from django_tables2.rows import BoundRows
from django_tables2.utils import OrderBy

from apps.core.angka import ROMAWI, format_persen
from apps.core.ekspor import sel_persen
from apps.pengukuran.jendela import StatusTriwulan

TANPA = "–"


class KolomStatus(tables.Column):
    def __init__(self, tw: int, **kwargs):
        super().__init__(
            accessor=f"status__{tw}",
            verbose_name=f"Triwulan {ROMAWI[tw]}",
            attrs={"td": {"class": "status-tw"}},
            **kwargs,
        )
        self.tw = tw

    def value(self, value):
        return StatusTriwulan.LABEL[value]


class _DataDasbor(TableListData):
    """The rows, sorted as django-tables2 sorts a list; then, for a percentage column, the
    OPDs whose figure cannot be computed moved to the end whichever way it is sorted (a
    reviewer sorting by capaian wants the numbers first, in both directions)."""

    def order_by(self, aliases):
        super().order_by(aliases)
        kolom = OrderBy(aliases[0]).bare if aliases else ""
        if kolom in ("capaian", "serapan"):
            self.data.sort(key=lambda b: getattr(b, kolom).nilai is None)  # stable


# The columns a reviewer may hide on the page, by group (the filter's "Kolom"): the page must
# fit a laptop's width, and what is asked of it differs (the queue of statuses in the
# deadline week, the budget at mid-year). The OPD, capaian and predikat are always shown; the
# xlsx always carries every column.
KOLOM_PILIHAN = {
    "triwulan": ("Status Triwulan I–IV", ("tw1", "tw2", "tw3", "tw4")),
    "anggaran": ("Serapan anggaran", ("serapan",)),
    "tindak": (
        "Dikembalikan, peringatan dan proyeksi < 70 %",
        ("dikembalikan", "peringatan", "perhatian"),
    ),
    "jenis": ("Jenis OPD", ("jenis",)),
}
KOLOM_BAWAAN = ("triwulan", "anggaran", "tindak")


class TabelDasbor(tables.Table):
    # in the xlsx only: the page shows the name, a sheet is sorted and matched by code
    kode = tables.Column(verbose_name="Kode", accessor="opd__kode", visible=False)
    opd = tables.Column(
        verbose_name="Perangkat Daerah", accessor="opd__nama", order_by=("opd__kode",)
    )
    jenis = tables.Column(verbose_name="Jenis", accessor="opd__jenis")
    tw1 = KolomStatus(1, order_by=("status__1",))
    tw2 = KolomStatus(2, order_by=("status__2",))
    tw3 = KolomStatus(3, order_by=("status__3",))
    tw4 = KolomStatus(4, order_by=("status__4",))
    capaian = tables.Column(
        verbose_name="Capaian",
        accessor="capaian",
        order_by=("urut_capaian",),
        attrs={"td": {"class": "angka"}},
    )
    predikat = tables.Column(verbose_name="Predikat", accessor="predikat", orderable=False)
    serapan = tables.Column(
        verbose_name="Serapan anggaran",
        accessor="serapan",
        order_by=("urut_serapan",),
        attrs={"td": {"class": "angka"}},
    )
    dikembalikan = tables.Column(
        verbose_name="Dikembalikan",
        accessor="dikembalikan",
        attrs={
            "td": {"class": "angka"},
            "th": {"title": "nilai indikator yang dikembalikan verifikator tahun ini"},
        },
    )
    peringatan = tables.Column(
        verbose_name="Peringatan konsistensi",
        accessor="peringatan",
        attrs={"td": {"class": "angka"}},
    )
    perhatian = tables.Column(
        verbose_name="Indikator diproyeksikan < 70 %",
        accessor="jumlah_perhatian",
        attrs={"td": {"class": "angka"}},
    )

    class Meta:
        attrs = {"class": "table table-sm table-bordered tabel dasbor lekat-kiri"}
        template_name = "laporan/_tabel_dasbor.html"  # the rows drawn from their records
        per_page = 50
        empty_text = "Tidak ada OPD yang cocok dengan saringan."

    def __init__(self, data, *args, tahun: int, kolom=tuple(KOLOM_PILIHAN), **kwargs):
        """`kolom`: the groups of KOLOM_PILIHAN shown (every one unless said)."""
        self.kolom = frozenset(kolom)
        kwargs["exclude"] = [
            c for g, (_, cs) in KOLOM_PILIHAN.items() if g not in self.kolom for c in cs
        ]
        super().__init__(data, *args, **kwargs)
        self.data = _DataDasbor(list(data))
        self.data.set_table(self)
        self.rows = BoundRows(data=self.data, table=self, pinned_data=self.pinned_data)
        self.tahun = tahun

    def value_opd(self, value):
        return value

    def value_jenis(self, record):
        return record.opd.get_jenis_display()

    def value_capaian(self, value):
        return sel_persen(value)

    def value_predikat(self, value):
        return value.label if value else ""

    def value_serapan(self, value):
        return sel_persen(value)

    def value_peringatan(self, value):
        return value

    @property
    def badan_html(self) -> SafeString:
        """The rows of the page shown (django-tables2's pagination and sorting), drawn by
        baris_html."""
        return mark_safe(
            "".join(baris_html(r.record, self.tahun, self.kolom) for r in self.paginated_rows)
        )


def _persen_atau_alasan(hasil) -> SafeString:
    if hasil.nilai is None:
        return format_html('<span title="{}">–</span>', hasil.alasan)
    return format_html("{}", format_persen(hasil.nilai))


def baris_html(b, tahun: int, kolom=frozenset(KOLOM_PILIHAN)) -> SafeString:
    """One OPD's row of the dashboard (apps.laporan.selectors.BarisDasbor) as HTML, with the
    groups of columns in `kolom` (in the table's order): drawn here rather than by the
    template engine, whose cost per variable made the table a third of the page. Every value
    is escaped (format_html)."""
    sel = [
        format_html(
            '<td><a href="{}">{}</a></td>',
            reverse("laporan:opd", args=[b.opd.pk, tahun]),
            b.opd.nama,
        )
    ]
    if "jenis" in kolom:
        sel.append(format_html("<td>{}</td>", b.opd.get_jenis_display()))
    if "triwulan" in kolom:
        sel.extend(
            format_html('<td class="status-tw"><span class="status status-{}">{}</span></td>', *s)
            for s in b.status_urut
        )
    predikat = (
        format_html(
            '<span class="predikat" data-warna="{}">{}</span>', b.predikat.warna, b.predikat.label
        )
        if b.predikat
        else "—"
    )
    sel.append(
        format_html(
            '<td class="angka">{}</td><td>{}</td>', _persen_atau_alasan(b.capaian), predikat
        )
    )
    if "anggaran" in kolom:
        if b.serapan.nilai is not None and b.anggaran.melebihi_pagu:
            serapan = format_html(
                '<strong class="galat" title="realisasi melebihi pagu">{}</strong>',
                format_persen(b.serapan.nilai),
            )
        else:
            serapan = _persen_atau_alasan(b.serapan)
        sel.append(format_html('<td class="angka">{}</td>', serapan))
    if "tindak" in kolom:
        peringatan = (
            format_html(
                '<a href="{}">{}</a>',
                reverse("perencanaan:konsistensi", args=[b.opd.pk, tahun]),
                b.peringatan,
            )
            if b.peringatan
            else "0"
        )
        sel.append(
            format_html(
                '<td class="angka">{}</td><td class="angka">{}</td><td class="angka">{}</td>',
                b.dikembalikan,
                peringatan,
                b.jumlah_perhatian,
            )
        )
    return format_html("<tr>{}</tr>", mark_safe("".join(sel)))
