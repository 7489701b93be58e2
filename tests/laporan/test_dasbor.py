"""The dashboard, its export, drill-down and recaps (apps.laporan) on the demo data: the
numbers are the engine's, the same on the page, in the xlsx and in the PDF; filters, sorting
and bad input; the number of queries does not grow with the number of OPDs."""

import html as html_lib
import io
import re
import subprocess
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from openpyxl import load_workbook
from perencanaan_uji import ORG, pesan, user
from realisasi_uji import KEC, opd_kecamatan, teks_halaman
from xlsx_uji import baris_xlsx

from apps.anggaran.selectors import dpa_berlaku, rekap_dpa
from apps.core.angka import bulatkan, format_persen
from apps.core.models import OPD, PeriodeRPJMD
from apps.laporan.demo.loader import load_synthetic
from apps.pengukuran import capaian as engine
from apps.pengukuran.selectors import pengisian_triwulan

pytestmark = pytest.mark.django_db


def dasbor(client, **saring):
    query = "&".join(f"{k}={v}" for k, v in saring.items())
    return client.get(reverse("laporan:dasbor") + f"?{query}")


def xlsx(resp) -> list[dict]:
    return baris_xlsx(resp.content)


def pdf_teks(isi: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=isi, capture_output=True, check=True
    ).stdout.decode()


def diharapkan(opd: OPD, tahun: int) -> tuple:
    """Capaian and serapan of an OPD's year computed another way: the entry page's
    selector for Triwulan IV (every indicator through the engine), averaged per sasaran and
    over sasaran with the engine's mean; serapan from the DPA tree's total."""
    isi = pengisian_triwulan(opd=opd, tahun=tahun, triwulan=4)
    per_sasaran = {}
    for b in isi.baris:
        per_sasaran.setdefault(b.indikator.sasaran_id, []).append(b.hasil.capaian)
    capaian = engine.rata_rata_capaian(
        engine.rata_rata_capaian(v) for v in per_sasaran.values()
    ).nilai
    dpa = dpa_berlaku(opd.pk, tahun)
    serapan = rekap_dpa(dpa).total.serapan.nilai if dpa else None
    return capaian, serapan


@pytest.mark.parametrize("tahun", [2019, 2023, 2026])
def test_page_and_xlsx_show_the_engines_numbers_for_every_demo_opd(client, login, tahun):
    login("verifikator")
    halaman = dasbor(client, tahun=tahun)
    teks = teks_halaman(halaman)
    data = {
        r["Perangkat Daerah"]: r
        for r in xlsx(client.get(reverse("laporan:dasbor_xlsx") + f"?tahun={tahun}"))
    }
    rekap = {
        r["Perangkat Daerah"]: r
        for r in xlsx(client.get(reverse("laporan:rekap", args=[tahun, "xlsx"])))
    }
    opds = list(OPD.objects.filter(aktif=True))
    assert set(data) == set(rekap) == {o.nama for o in opds}
    for opd in opds:
        capaian, serapan = diharapkan(opd, tahun)
        baris = re.search(rf"{re.escape(opd.nama)} (.*?)(?= {re.escape('Peringatan')}|$)", teks)
        assert baris, opd.nama
        for nilai, kolom in ((capaian, "Capaian"), (serapan, "Serapan anggaran")):
            if nilai is None:
                assert data[opd.nama][kolom] in ("", None), (opd.nama, kolom)
            else:
                assert Decimal(str(data[opd.nama][kolom])) == bulatkan(nilai, 2), opd.nama
                assert format_persen(nilai) in baris.group(1), (opd.nama, kolom)
        assert rekap[opd.nama]["Capaian (%)"] == data[opd.nama]["Capaian"]
        assert rekap[opd.nama]["Serapan (%)"] == data[opd.nama]["Serapan anggaran"]


def test_the_kecamatans_2023_as_the_reference_report_should_have_computed_it(client, login):
    """Seed 003: indicators 105,91 / 109,11 / 128,76 % (and 120,17 %), sasaran mean 124,47 %
    for the third, the OPD's mean over its three sasaran 113,16 %, serapan 98,25 % from the
    sub kegiatan lines (the document typed 97,91 %)."""
    login("verifikator")
    teks = teks_halaman(dasbor(client, tahun=2023))
    assert re.search(r"Kecamatan Magetan( \S+)+ 113,16 % Sangat Memuaskan 98,25 %", teks), teks[
        :3000
    ]
    rinci = teks_halaman(client.get(reverse("laporan:opd", args=[opd_kecamatan().pk, 2023])))
    for angka in (
        "105,91 %",
        "109,11 %",
        "128,76 %",
        "120,17 %",
        "124,47 %",
        "98,25 %",
        "Rp 15.498.982.788",
        "Rp 15.228.228.125",
        "98,19 %",
    ):
        assert angka in rinci, angka


def test_query_count_is_the_same_for_10_and_for_100_opds(client, login):
    login("verifikator")
    periode, verifikator = PeriodeRPJMD.objects.first(), user("verifikator")
    load_synthetic(10, periode, verifikator)
    jumlah = {}
    for n in (10, 100):
        load_synthetic(n, periode, verifikator)
        assert OPD.objects.filter(kode__startswith="SIN-").count() == n
        for url in (
            reverse("laporan:dasbor") + "?tahun=2025",
            reverse("laporan:dasbor_xlsx") + "?tahun=2025",
            reverse("laporan:rekap", args=[2025, "xlsx"]),
        ):
            with CaptureQueriesContext(connection) as q:
                assert client.get(url).status_code == 200
            jumlah[(n, url)] = len(q)
    for url in {u for _, u in jumlah}:
        assert jumlah[(10, url)] == jumlah[(100, url)], (url, jumlah)
    teks = teks_halaman(dasbor(client, tahun=2025))
    assert "103 OPD" in teks
    assert len(xlsx(client.get(reverse("laporan:dasbor_xlsx") + "?tahun=2025"))) == 103
    # at 100 OPDs the drill-down and the recap PDF work too
    sin = OPD.objects.get(kode="SIN-100")
    rinci = client.get(reverse("laporan:opd", args=[sin.pk, 2025]))
    assert rinci.status_code == 200 and "Dinas Sintetis 100" in teks_halaman(rinci)
    teks_pdf = pdf_teks(client.get(reverse("laporan:rekap", args=[2025, "pdf"])).content)
    assert "103 Perangkat Daerah" in teks_pdf and "Dinas Sintetis 100" in teks_pdf
    assert "(bagian 5 dari 5)" in teks_pdf  # the bar chart split over landscape pages


def test_filters_narrow_the_rows_and_the_export_follows(client, login):
    login("verifikator")
    periode = PeriodeRPJMD.objects.first()
    load_synthetic(6, periode, user("verifikator"))
    semua = xlsx(client.get(reverse("laporan:dasbor_xlsx") + "?tahun=2025"))
    assert len(semua) == 9
    dinas = xlsx(client.get(reverse("laporan:dasbor_xlsx") + "?tahun=2025&jenis=dinas"))
    assert {r["Jenis"] for r in dinas} == {"Dinas"} and len(dinas) == 6
    predikat = semua[-1]["Predikat"]
    sama = xlsx(client.get(reverse("laporan:dasbor_xlsx") + f"?tahun=2025&predikat={predikat}"))
    assert sama and {r["Predikat"] for r in sama} == {predikat}
    tanpa = xlsx(client.get(reverse("laporan:dasbor_xlsx") + "?tahun=2025&predikat=-"))
    assert {r["Perangkat Daerah"] for r in tanpa} >= {KEC, ORG}
    diajukan = xlsx(
        client.get(reverse("laporan:dasbor_xlsx") + "?tahun=2025&triwulan=4&status=diajukan")
    )
    assert diajukan and all(r["Triwulan IV"] == "Diajukan" for r in diajukan)
    assert xlsx(client.get(reverse("laporan:dasbor_xlsx") + "?tahun=2025&terlambat=true")) == []


def test_late_triwulan_is_shown_and_filtered(client, login):
    """The demo's running year: TW I and II verified, TW III open; when TW III's window has
    closed without the Kecamatan submitting, it is late."""
    from apps.pengukuran.models import JadwalPengisian

    login("verifikator")
    teks = teks_halaman(dasbor(client, tahun=2026))
    assert re.search(r"Kecamatan Magetan Diverifikasi Diverifikasi \S+", teks)
    JadwalPengisian.objects.filter(tahun=2026, triwulan=3).update(
        dibuka="2026-10-01", ditutup="2026-10-15"
    )
    data = xlsx(client.get(reverse("laporan:dasbor_xlsx") + "?tahun=2026&terlambat=true"))
    assert [r["Perangkat Daerah"] for r in data] == [KEC]
    assert data[0]["Triwulan III"] == "Terlambat"


def test_sorting_by_capaian_puts_what_cannot_be_computed_last(client, login):
    login("verifikator")
    load_synthetic(5, PeriodeRPJMD.objects.first(), user("verifikator"))
    resp = client.get(reverse("laporan:dasbor") + "?tahun=2025&sort=capaian")
    nilai = [b.record.capaian.nilai for b in resp.context["tabel"].page.object_list]
    angka = [n for n in nilai if n is not None]
    assert len(angka) == 5 and angka == sorted(angka)
    assert nilai[5:] == [None] * 3  # the three demo OPDs have no final PK in 2025
    shown = re.findall(r'<td class="angka">([\d.]+,\d\d) %</td>', resp.content.decode())
    assert shown[::2] == [format_persen(n)[:-2] for n in angka]  # capaian, serapan, ...
    resp = client.get(reverse("laporan:dasbor") + "?tahun=2025&sort=-capaian")
    assert [b.record.capaian.nilai for b in resp.context["tabel"].page.object_list][:5] == angka[
        ::-1
    ]


@pytest.mark.parametrize(
    "query,pesan_galat",
    [
        ("tahun=abc", "Tahun: tulis angka tahun, misalnya 2026."),
        ("tahun=1800", "Tahun: harus antara 2000 dan 2100."),
        ("tahun=2023&predikat=Istimewa", "Istimewa"),
        ("tahun=2023&status=hilang", "hilang"),
        ("tahun=2023&triwulan=5", "5"),
    ],
)
def test_bad_filter_input_says_which_field_and_shows_the_default(client, login, query, pesan_galat):
    login("verifikator")
    resp = client.get(reverse("laporan:dasbor") + "?" + query)
    assert resp.status_code == 200
    assert any(pesan_galat in p for p in pesan(resp)), pesan(resp)
    assert resp.context["jumlah"] == OPD.objects.filter(aktif=True).count()


@pytest.mark.parametrize(
    "url",
    [
        "/dasbor/opd/{kec}/1999/",
        "/dasbor/opd/999999/2023/",
        "/dasbor/rekap/2023.docx",
        "/dasbor/rekap/1999.pdf",
    ],
)
def test_wrong_urls_are_404(client, login, url):
    login("verifikator")
    assert client.get(url.format(kec=opd_kecamatan().pk)).status_code == 404


def test_charts_render_in_the_page_and_in_the_recap_pdf(client, login):
    login("verifikator")
    isi = dasbor(client, tahun=2023).content.decode()
    svg = re.findall(r"<svg\b.*?</svg>", isi, re.S)
    assert len(svg) == 2
    assert all('role="img"' in s and "<title" in s and "<desc" in s for s in svg)
    assert "Capaian kinerja per Perangkat Daerah 2023" in svg[0] and "113,16 %" in svg[0]
    assert "Serapan anggaran dan capaian kinerja 2023" in svg[1]
    rinci = client.get(reverse("laporan:opd", args=[opd_kecamatan().pk, 2023]))
    garis = re.findall(r"<svg\b.*?</svg>", rinci.content.decode(), re.S)
    assert len(garis) == 8  # four indicators, across triwulan and across years
    assert any("Indeks Kepuasan Masyarakat: 2021–2023" in s and "111,11 %" in s for s in garis)
    teks = pdf_teks(client.get(reverse("laporan:rekap", args=[2023, "pdf"])).content)
    assert "Capaian kinerja per Perangkat Daerah 2023" in teks
    assert "Serapan tinggi, capaian rendah" in teks


def test_recap_pdf_has_kop_table_and_signature(client, login):
    login("verifikator")
    resp = client.get(reverse("laporan:rekap", args=[2023, "pdf"]))
    assert resp["Content-Type"] == "application/pdf"
    teks = pdf_teks(resp.content)
    assert "PEMERINTAH KABUPATEN MAGETAN" in teks
    assert "REKAPITULASI CAPAIAN KINERJA PERANGKAT DAERAH TAHUN 2023" in teks
    assert re.search(
        r"3\s+Kecamatan Magetan\s+3\s+4\s+113,16 %\s+Sangat Memuaskan\s+"
        r"15\.498\.982\.788\s+15\.228\.228\.125\s+98,25 %",
        teks,
    ), teks
    assert "Kepala Bagian Organisasi" in teks and "Drs. BENNY ADRIAN, M.Si" in teks
    info = subprocess.run(
        ["pdfinfo", "-"], input=resp.content, capture_output=True, check=True
    ).stdout.decode()
    assert "841.89 x 595.276" in info or "842 x 595" in info  # A4 landscape


def test_early_warning_lists_the_worst_projection_first_with_its_method(client, login):
    login("verifikator")
    load_synthetic(8, PeriodeRPJMD.objects.first(), user("verifikator"))
    resp = dasbor(client, tahun=2025)
    daftar = resp.context["peringatan"]
    capaian = [p.proyeksi.capaian.nilai for p in daftar if p.proyeksi.capaian.nilai is not None]
    assert capaian == sorted(capaian) and capaian[0] < 70
    teks = teks_halaman(resp)
    pertama = daftar[0]
    assert pertama.proyeksi.metode in teks
    assert f"Peringatan dini ({len(daftar)} indikator)" in teks or "Peringatan dini (" in teks


def test_returned_values_are_counted_per_opd(client, login):
    """Who was returned how often: each indicator value the verifikator returned this year."""
    from apps.pengukuran.models import CatatanVerifikasi, Realisasi

    login("verifikator")
    baris = Realisasi.objects.filter(
        indikator__sasaran__tujuan__renstra__opd=opd_kecamatan(), tahun=2023
    )[:2]
    for r in baris:
        CatatanVerifikasi.objects.create(
            realisasi=r,
            jenis=CatatanVerifikasi.Jenis.KEMBALIKAN,
            isi="Bukti dukung belum ada.",
            penulis=user("verifikator"),
        )
    data = {
        r["Perangkat Daerah"]: r
        for r in xlsx(client.get(reverse("laporan:dasbor_xlsx") + "?tahun=2023"))
    }
    assert data[KEC]["Dikembalikan"] == 2 and data[ORG]["Dikembalikan"] == 0
    assert {
        r["Perangkat Daerah"]: r["Dikembalikan"]
        for r in xlsx(client.get(reverse("laporan:dasbor_xlsx") + "?tahun=2022"))
    }[KEC] == 0


def test_the_recaps_mean_says_how_many_opds_it_averages(client, login):
    """ "rata-rata capaian 113,16 %" of "3 Perangkat Daerah" was the mean of the one OPD with
    data; the sentence now says over how many it is taken."""
    login("verifikator")
    opds = OPD.objects.filter(aktif=True)
    tahun = 2023
    dihitung = [o for o in opds if diharapkan(o, tahun)[0] is not None]
    assert 0 < len(dihitung) < opds.count()  # the demo: some OPDs without a 2023 PK
    teks = " ".join(
        pdf_teks(client.get(reverse("laporan:rekap", args=[tahun, "pdf"])).content).split()
    )
    assert f"{opds.count()} Perangkat Daerah; rata-rata capaian " in teks
    assert (
        f"dari {len(dihitung)} Perangkat Daerah yang capaiannya sudah dapat dihitung; "
        f"{opds.count() - len(dihitung)} lainnya belum."
    ) in teks


def test_the_drill_down_names_its_scale_once(client, login):
    login("verifikator")
    kec = OPD.objects.get(nama="Kecamatan Magetan")
    teks = teks_halaman(client.get(reverse("laporan:opd", args=[kec.pk, 2026])))
    assert "predikat menurut Skala 7 tingkat (LKjIP Kecamatan Magetan 2023)" in teks
    assert "skala Skala" not in teks


def test_the_exports_can_be_printed_as_they_are(client, login):
    """The xlsx carried no number format (pagu showed as 15498982788), no title, no frozen
    header and no OPD code: a title row with the kabupaten, the year and the day, the header
    frozen and repeated on every printed page, money grouped and percentages with two
    decimals, the code first."""
    login("verifikator")
    hari = date_format(timezone.localdate(), "j F Y")
    for url, judul in (
        (reverse("laporan:dasbor_xlsx") + "?tahun=2023", "Dasbor Kinerja Perangkat Daerah"),
        (reverse("laporan:rekap", args=[2023, "xlsx"]), "Rekapitulasi Capaian Kinerja"),
    ):
        ws = load_workbook(io.BytesIO(client.get(url).content)).active
        assert ws["A1"].value == (
            f"{judul} Tahun 2023 · Kabupaten Magetan · diunduh {hari}"
            if judul.startswith("Dasbor")
            else f"{judul} Perangkat Daerah Tahun 2023 · Kabupaten Magetan · diunduh {hari}"
        )
        assert ws.freeze_panes == "A4" and ws.print_title_rows == "$3:$3"
        kepala = [c.value for c in ws[3]]
        kec = next(
            r for r in ws.iter_rows(min_row=4) if "Kecamatan Magetan" in [c.value for c in r]
        )
        sel = dict(zip(kepala, kec, strict=True))
        for nama, c in sel.items():
            if nama.startswith(("Capaian", "Serapan")):
                assert c.number_format == "0.00", nama
            if "(Rp)" in nama:
                assert c.number_format == "#,##0" and c.value == int(c.value), nama
        assert kepala[0] == "Kode" or kepala[1] == "Kode"
        assert sel["Kode"].value == "7.01.01"


def test_the_predikat_filter_offers_each_scale_in_use_as_its_own_group(client, login):
    """The filter listed 16 labels of three scales in one list: one group per scale the
    OPDs shown are measured with, its labels highest first; a scale no OPD uses is not
    offered."""
    from apps.core.models import RentangPredikat, SkalaPredikat
    from apps.pengukuran.kinerja import aturan_opd

    lain = SkalaPredikat.objects.create(nama="Skala yang tidak dipakai")
    RentangPredikat.objects.create(skala=lain, label="Label Tak Terpakai", batas_bawah=0)
    login("verifikator")
    html = dasbor(client, tahun=2026).content.decode()
    pilihan = html.split('name="predikat"')[1].split("</select>")[0]
    grup = re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', pilihan, re.S)
    aturan = aturan_opd(OPD.objects.filter(aktif=True)).values()
    harap = {a.skala.nama: [r.label for r in a.skala.rentang] for a in aturan}
    assert {
        nama: re.findall(r'<option value="[^"]*">([^<]+)</option>', isi) for nama, isi in grup
    } == harap
    assert "Label Tak Terpakai" not in html
    assert len(harap) >= 1
    # choosing a label still narrows the rows
    kec = next(iter(harap.values()))[0]
    assert dasbor(client, tahun=2026, predikat=kec).status_code == 200


def test_the_chart_legend_groups_the_predikat_under_each_scale_in_use(client, login):
    """The chart's legend mixed the labels of the demo's two scales in one line ("Baik" of the
    4-level scale next to "Baik" of the 7-level one): each scale's predikat now come under its
    own name, in its own order; when every OPD is measured on one scale, the legend is that
    scale's labels alone."""
    from apps.pengukuran.kinerja import aturan_opd

    login("verifikator")
    aturan = aturan_opd(OPD.objects.filter(aktif=True)).values()
    grup = {a.skala.nama: [r.label for r in a.skala.rentang] for a in aturan}
    assert len(grup) == 2
    harap = [x for nama in sorted(grup) for x in [f"{nama}:", *grup[nama]]]
    legenda = _legenda_svg(dasbor(client, tahun=2026).content.decode())
    assert legenda[: len(harap)] == harap

    kec = OPD.objects.get(kode="7.01.01")
    OPD.objects.exclude(pk=kec.pk).update(skala_predikat=kec.skala_predikat)
    (satu,) = {a.skala.nama: a for a in aturan_opd(OPD.objects.filter(aktif=True)).values()}
    legenda = _legenda_svg(dasbor(client, tahun=2026, segar=1).content.decode())
    assert legenda[: len(grup[satu])] == grup[satu]
    assert not any(t.endswith(":") for t in legenda)


def _legenda_svg(html: str) -> list[str]:
    """The legend's texts of the dashboard's bar chart, in order: the texts before the
    chart's first axis number."""
    svg = html.split('<section aria-labelledby="judul-grafik"')[1].split("</svg>")[0]
    teks = [t for t in re.findall(r"<text[^>]*>(?:<title>[^<]*</title>)?([^<]*)</text>", svg)]
    return teks[1:] if teks and teks[0].startswith("Capaian kinerja") else teks


def _kepala_dan_baris(html: str) -> tuple[list[str], list[int]]:
    """The dashboard table's column headings and the number of cells of each row."""
    tabel = html.split('class="table table-sm table-bordered tabel dasbor lekat-kiri"')[1].split(
        "</table>"
    )[0]
    kepala = [
        html_lib.unescape(re.sub(r"<[^>]+>", "", h)).strip()
        for h in re.findall(r"<th\b[^>]*>(.*?)</th>", tabel.split("</thead>")[0], re.S)
    ]
    badan = tabel.split("<tbody>")[1]
    return kepala, [
        len(re.findall(r"<td\b", r)) for r in re.findall(r"<tr>(.*?)</tr>", badan, re.S)
    ]


def test_the_reviewer_chooses_the_columns_and_the_xlsx_keeps_them_all(client, login):
    """The table ran past a laptop's width (1.936 px): its groups of columns can be hidden
    ("Kolom"), the OPD type is hidden until asked for, every row has as many cells as the
    headings, and the export carries every column whatever the page shows."""
    login("verifikator")
    html = dasbor(client).content.decode()
    kepala, sel = _kepala_dan_baris(html)
    assert kepala == [
        "Perangkat Daerah",
        "Triwulan I",
        "Triwulan II",
        "Triwulan III",
        "Triwulan IV",
        "Capaian",
        "Predikat",
        "Serapan anggaran",
        "Dikembalikan",
        "Peringatan konsistensi",
        "Indikator diproyeksikan < 70 %",
    ]
    assert sel and set(sel) == {len(kepala)}
    centang = re.findall(
        r'<input type="checkbox" name="kolom" value="(\w+)"[^>]*?( checked)?>', html
    )
    assert centang == [
        ("triwulan", " checked"),
        ("anggaran", " checked"),
        ("tindak", " checked"),
        ("jenis", ""),
    ]

    html = dasbor(client, tahun=2026, kolom="anggaran").content.decode()
    kepala, sel = _kepala_dan_baris(html)
    assert kepala == ["Perangkat Daerah", "Capaian", "Predikat", "Serapan anggaran"]
    assert sel and set(sel) == {4}

    # a link with a year only: the default columns
    kepala, _ = _kepala_dan_baris(dasbor(client, tahun=2026).content.decode())
    assert len(kepala) == 11
    # the form sent with nothing ticked: the three columns that are always there
    kepala, sel = _kepala_dan_baris(dasbor(client, tahun=2026, pilih_kolom=1).content.decode())
    assert kepala == ["Perangkat Daerah", "Capaian", "Predikat"] and set(sel) == {3}

    kepala, _ = _kepala_dan_baris(dasbor(client, tahun=2026, kolom="jenis").content.decode())
    assert kepala == ["Perangkat Daerah", "Jenis", "Capaian", "Predikat"]

    resp = dasbor(client, tahun=2026, kolom="nonsens")
    assert resp.status_code == 200
    assert any("Kolom" in p and "nonsens" in p for p in pesan(resp)), pesan(resp)

    resp = client.get(reverse("laporan:dasbor_xlsx") + "?tahun=2026&kolom=anggaran")
    data = xlsx(resp)
    assert {"Kode", "Jenis", "Triwulan I", "Serapan anggaran", "Dikembalikan"} <= set(data[0])
