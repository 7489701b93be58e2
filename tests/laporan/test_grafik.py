"""The SVG charts: well-formed, described in words, drawn to scale, escaped, and the same
drawing readable in a browser and in a WeasyPrint PDF. No database."""

import subprocess
import xml.etree.ElementTree as ET
from decimal import Decimal as D

import pytest
import weasyprint

from apps.laporan.grafik import (
    KUADRAN,
    Batang,
    Seri,
    Titik,
    batang_capaian,
    batang_capaian_bertahap,
    garis_capaian,
    sebar_serapan_capaian,
)

NS = "{http://www.w3.org/2000/svg}"
HIJAU, KUNING, MERAH = "#1a7f37", "#d4a017", "#c0392b"
LEGENDA = [("Baik Sekali", HIJAU), ("Cukup Baik", KUNING), ("Kurang Baik", MERAH)]
TW = ["TW I", "TW II", "TW III", "TW IV"]


def _batang():
    return [
        Batang("Dinas Pendidikan", D("105.9"), HIJAU, "Baik Sekali"),
        Batang("Dinas Kesehatan", D("128.76"), HIJAU, "Baik Sekali"),
        Batang(
            "Dinas PUPR",
            D("100"),
            HIJAU,
            "Baik Sekali",
            nama="Dinas Pekerjaan Umum dan Penataan Ruang",
        ),
        Batang("Inspektorat", D("61.3"), KUNING, "Cukup Baik"),
        Batang("Bappeda", None),
        Batang("Bagian Organisasi Setda", D("35.2"), MERAH, "Kurang Baik"),
    ]


def _parse(svg):
    return ET.fromstring(svg)


def _teks(el):
    """A text element's own words, without the hover <title> inside it."""
    return (el.text or "") + "".join(c.tail or "" for c in el)


def _semua_teks(root):
    return [_teks(t) for t in root.iter(f"{NS}text")]


def _hover(el):
    judul = el.find(f"{NS}title")
    return judul.text if judul is not None else None


def _batang_rect(root):
    """The bars: the rects that name themselves on hover."""
    return [r for r in root.iter(f"{NS}rect") if _hover(r)]


def _cek_kerangka(root, kata):
    """role, title and desc referenced by aria-labelledby, size and font, as every chart."""
    assert root.tag == f"{NS}svg"
    assert root.get("role") == "img"
    ids = root.get("aria-labelledby").split()
    judul, desc = root.find(f"{NS}title"), root.find(f"{NS}desc")
    assert [judul.get("id"), desc.get("id")] == ids
    assert float(root.get("width")) > 0 and float(root.get("height")) > 0
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert root.get("font-family") == "DejaVu Sans, Liberation Sans, sans-serif"
    for k in kata:
        assert k in desc.text
    return judul.text, desc.text


def test_batang_title_and_desc_state_the_data():
    root = _parse(batang_capaian(_batang(), judul="Capaian OPD tahun 2025", legenda=LEGENDA))
    judul, desc = _cek_kerangka(
        root,
        [
            "Capaian OPD tahun 2025",
            "6 data",
            "tertinggi Dinas Kesehatan 128,76 %",
            "terendah Bagian Organisasi Setda 35,20 %",
            "1 tidak dapat dihitung",
            "Dinas Pekerjaan Umum dan Penataan Ruang 100,00 % (Baik Sekali)",
            "Bappeda tidak dapat dihitung",
        ],
    )
    assert judul == "Capaian OPD tahun 2025"
    assert "Capaian OPD tahun 2025" in _semua_teks(root)


def test_batang_one_bar_per_value_in_its_predikat_colour_and_to_scale():
    data = _batang()
    root = _parse(batang_capaian(data, judul="Capaian", legenda=LEGENDA))
    bars = _batang_rect(root)
    assert len(bars) == 5
    by_name = {_hover(r).split(":")[0]: r for r in bars}
    assert "Bappeda" not in by_name
    for b in data:
        if b.nilai is not None:
            assert by_name[b.nama or b.label].get("fill") == b.warna
    lebar = {k: float(r.get("width")) for k, r in by_name.items()}
    kiri = {float(r.get("x")) for r in bars}
    assert len(kiri) == 1, "every bar starts at 0"
    assert lebar["Dinas Kesehatan"] > lebar["Dinas Pekerjaan Umum dan Penataan Ruang"]
    rasio = lebar["Dinas Kesehatan"] / lebar["Dinas Pekerjaan Umum dan Penataan Ruang"]
    assert rasio == pytest.approx(1.2876, abs=0.01)
    assert lebar["Inspektorat"] / lebar["Dinas Pekerjaan Umum dan Penataan Ruang"] == (
        pytest.approx(0.613, abs=0.01)
    )


def test_batang_labels_values_the_indonesian_way_and_none_as_dash():
    root = _parse(batang_capaian(_batang(), judul="Capaian", legenda=LEGENDA))
    teks = _semua_teks(root)
    for label in ("105,90 %", "128,76 %", "100,00 %", "61,30 %", "35,20 %"):
        assert label in teks
    assert "– tidak dapat dihitung" in teks
    assert "0,00 %" not in teks, "a value that cannot be computed is never drawn as 0"
    for label, _warna in LEGENDA:
        assert label in teks
    assert "Target 100 %" in teks
    assert {"Dinas Pendidikan", "Bappeda", "Bagian Organisasi Setda"} <= set(teks)


def test_batang_axis_reaches_past_the_highest_value_with_a_line_at_100():
    root = _parse(batang_capaian(_batang(), judul="Capaian"))
    teks = _semua_teks(root)
    assert ["0", "25", "50", "75", "100", "125", "150"] == [t for t in teks if t.isdigit()]
    putus = [ln for ln in root.iter(f"{NS}line") if ln.get("stroke-dasharray")]
    assert len(putus) == 2, "the target line and its legend sample"
    garis = [
        ln
        for ln in putus
        if ln.get("x1") == ln.get("x2") and float(ln.get("y2")) - float(ln.get("y1")) > 50
    ][0]
    bars = {_hover(r).split(":")[0]: r for r in _batang_rect(root)}
    pupr = bars["Dinas Pekerjaan Umum dan Penataan Ruang"]
    assert float(garis.get("x1")) == pytest.approx(
        float(pupr.get("x")) + float(pupr.get("width")), abs=0.2
    )


def test_batang_negative_capaian_grows_left_of_zero():
    data = [Batang("A", D("-20"), MERAH), Batang("B", D("50"), KUNING)]
    root = _parse(batang_capaian(data, judul="Capaian"))
    a, b = _batang_rect(root)
    assert float(a.get("x")) + float(a.get("width")) == pytest.approx(float(b.get("x")), abs=0.2)
    assert "-20,00 %" in _semua_teks(root)


def test_batang_text_is_escaped():
    data = [Batang("Dinas <script>", D("90"), HIJAU, "Baik & <b>", nama="Dinas <script>x")]
    svg = batang_capaian(data, judul='Capaian "2025" <i>', legenda=[("<b>", HIJAU)])
    assert "<script>" not in svg and "<b>" not in svg and "<i>" not in svg
    assert "&lt;script&gt;" in svg
    root = _parse(svg)
    assert "Dinas <script>" in _semua_teks(root)
    assert _hover(_batang_rect(root)[0]) == "Dinas <script>x: 90,00 % (Baik & <b>)"
    assert root.find(f"{NS}title").text == 'Capaian "2025" <i>'


def test_batang_100_opd_taller_and_every_label_drawn():
    random = [D(35) + D(i) * D("0.95") for i in range(100)]
    sedikit = batang_capaian(_batang(), judul="Capaian")
    banyak = batang_capaian(
        [Batang(f"OPD {i}", v, HIJAU) for i, v in enumerate(random)], judul="Capaian"
    )
    kecil, besar = _parse(sedikit), _parse(banyak)
    assert float(besar.get("height")) > float(kecil.get("height")) + 90 * 16
    teks = _semua_teks(besar)
    assert all(f"OPD {i}" in teks for i in range(100))
    assert len(_batang_rect(besar)) == 100


def test_batang_long_name_truncated_with_full_name_on_hover():
    nama = "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah Kabupaten"
    root = _parse(batang_capaian([Batang(nama, D("80"), HIJAU)], judul="Capaian"))
    pendek = [t for t in _semua_teks(root) if t.endswith("…")]
    assert len(pendek) == 1 and nama.startswith(pendek[0][:-1])
    assert _hover(_batang_rect(root)[0]).startswith(nama + ":")


def test_batang_bungkus_prints_the_whole_name_on_lines_of_its_own_row():
    """Print has no hover: a long indicator name is written whole (issue 18: "Nilai RB
    bidang Penataan dan P…"), word by word over lines within the label column, and its row
    is tall enough that the next name does not run into it."""
    nama = (
        "Nilai RB bidang Penataan dan Penguatan Organisasi serta Penataan Tata Laksana "
        "Perangkat Daerah"
    )
    data = [Batang(nama, D("80"), HIJAU), Batang("Nilai SAKIP", D("95"), HIJAU)]
    root = _parse(batang_capaian(data, judul="Capaian", bungkus=True))
    teks = [t for t in _semua_teks(root) if t not in ("Capaian", "Capaian (%)")]
    baris = [t for t in teks if t and t[0].isalpha() and "%" not in t and "Target" not in t]
    assert not any(t.endswith("…") for t in _semua_teks(root))
    assert " ".join(baris[:-1]) == nama and baris[-1] == "Nilai SAKIP"
    assert len(baris) >= 3
    y = {_teks(t): float(t.get("y")) for t in root.iter(f"{NS}text") if _teks(t) in baris}
    jarak = [y[b] - y[a] for a, b in zip(baris, baris[1:], strict=False)]
    assert all(j >= 11 for j in jarak)  # no two lines on top of each other
    rendah = batang_capaian(data[1:], judul="Capaian", bungkus=True)
    assert float(root.get("height")) >= float(_parse(rendah).get("height")) + 2 * 13


def _lab(warna: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of "#rrggbb"."""

    def lin(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(int(warna[i : i + 2], 16)) for i in (1, 3, 5))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_demo_predikat_colours_are_told_apart():
    """Issue 18: the seven predikat of Gambar 3.1 were four nearly equal greens. Within each
    demo scale every two colours differ by at least 20 ΔE (CIE76; 2,3 is just noticeable)."""
    from apps.laporan.demo.referensi import SKALA

    for skala in SKALA:
        warna = [r[3] for r in skala["rentang"]]
        for i, a in enumerate(warna):
            for b in warna[i + 1 :]:
                jarak = sum((p - q) ** 2 for p, q in zip(_lab(a), _lab(b), strict=True)) ** 0.5
                assert jarak >= 20, (skala["nama"], a, b, round(jarak, 1))


def test_batang_bertahap_cuts_into_pages_with_one_axis():
    data = [Batang(f"OPD {i}", D(30 + i), HIJAU) for i in range(100)]
    data[3] = Batang("OPD 3", D("128.76"), HIJAU)
    bagian = batang_capaian_bertahap(data, judul="Capaian", per_grafik=40)
    assert len(bagian) == 3
    roots = [_parse(s) for s in bagian]
    assert [r.find(f"{NS}title").text for r in roots] == [
        f"Capaian (bagian {n} dari 3)" for n in (1, 2, 3)
    ]
    assert [len(_batang_rect(r)) for r in roots] == [40, 40, 20]
    # The last part holds only values below 130 but keeps the axis of the whole: 0..150.
    for r in roots:
        assert "150" in _semua_teks(r)
    assert len(batang_capaian_bertahap(data[:10], judul="Capaian")) == 1


def test_garis_points_labels_gap_and_axis():
    seri = [
        Seri("Persentase layanan tepat waktu", [D("82.5"), D("95.1"), None, D("105.9")], "#1f6feb")
    ]
    root = _parse(garis_capaian(seri, judul="Capaian per triwulan 2025", sumbu_x=TW))
    _cek_kerangka(
        root,
        [
            "Capaian per triwulan 2025",
            "Persentase layanan tepat waktu",
            "TW I 82,50 %",
            "TW III tidak dapat dihitung",
            "TW IV 105,90 %",
        ],
    )
    titik = list(root.iter(f"{NS}circle"))
    assert len(titik) == 3
    assert {_hover(c) for c in titik} == {
        "Persentase layanan tepat waktu, TW I: 82,50 %",
        "Persentase layanan tepat waktu, TW II: 95,10 %",
        "Persentase layanan tepat waktu, TW IV: 105,90 %",
    }
    # The line breaks at TW III: only TW I-TW II is joined; TW IV stands alone.
    garis = list(root.iter(f"{NS}polyline"))
    assert len(garis) == 1 and len(garis[0].get("points").split()) == 2
    teks = _semua_teks(root)
    assert {"82,50 %", "95,10 %", "105,90 %", "– tidak dapat dihitung", *TW} <= set(teks)
    assert "0,00 %" not in teks
    y = {_hover(c).split(": ")[1]: float(c.get("cy")) for c in titik}
    assert y["105,90 %"] < y["95,10 %"] < y["82,50 %"], "higher capaian, higher point"
    assert len([ln for ln in root.iter(f"{NS}line") if ln.get("stroke-dasharray")]) == 1


def test_garis_axis_reaches_100_even_for_low_values_and_legend_for_two_series():
    satu = _parse(
        garis_capaian(
            [Seri("A", [D(20), D(40), D(60)])], judul="Tahunan", sumbu_x=["2021", "2022", "2023"]
        )
    )
    assert "100" in _semua_teks(satu)
    dua = _parse(
        garis_capaian(
            [
                Seri("Kecamatan Magetan", [D(92), D(98), D("101.55")], "#1f6feb"),
                Seri("Kecamatan <Plaosan>", [D(88), D(97), None], KUNING),
            ],
            judul="Tahunan",
            sumbu_x=["2021", "2022", "2023"],
        )
    )
    teks = _semua_teks(dua)
    assert "Kecamatan Magetan" in teks and "Kecamatan <Plaosan>" in teks
    assert "Kecamatan <Plaosan>" not in _semua_teks(satu) and "A" not in _semua_teks(satu)
    assert len(list(dua.iter(f"{NS}circle"))) == 5 + 2, "five values and two legend marks"
    # Where both series meet, their value labels do not sit on top of each other.
    y = {
        t: float(el.get("y"))
        for el in dua.iter(f"{NS}text")
        if (t := _teks(el)) in ("92,00 %", "88,00 %")
    }
    assert abs(y["92,00 %"] - y["88,00 %"]) >= 12


def test_garis_series_length_must_match_axis():
    with pytest.raises(ValueError):
        garis_capaian([Seri("A", [D(1)])], judul="x", sumbu_x=TW)


def _titik():
    return [
        Titik("Dinas Pendidikan", D(90), D("112.5"), HIJAU, "Baik Sekali"),
        Titik(
            "BPKAD",
            D(95),
            D(40),
            MERAH,
            "Kurang Baik",
            nama="Badan Pengelolaan Keuangan dan Aset Daerah",
        ),
        Titik("Kecamatan Magetan", D("98.25"), D("101.55"), HIJAU),
        Titik("Satpol PP", D(30), D(50), MERAH),
        Titik("Dinas PUPR", D("191.82"), D(70), KUNING),
        Titik("Bappeda", None, D(90), HIJAU),
        Titik("Inspektorat", D(60), None),
    ]


def test_sebar_points_titles_and_left_out_counted():
    data = _titik()
    root = _parse(sebar_serapan_capaian(data, judul="Serapan dan capaian 2025"))
    _, desc = _cek_kerangka(
        root,
        [
            "Serapan dan capaian 2025",
            "5 OPD digambar",
            "2 OPD tidak digambar karena serapan atau capaian tidak dapat dihitung "
            "(Bappeda, Inspektorat)",
            "Badan Pengelolaan Keuangan dan Aset Daerah: serapan 95,00 %, capaian 40,00 %",
        ],
    )
    titik = list(root.iter(f"{NS}circle"))
    assert len(titik) == 5
    judul = {_hover(c) for c in titik}
    assert (
        "Badan Pengelolaan Keuangan dan Aset Daerah: serapan 95,00 %, capaian 40,00 % "
        "(Kurang Baik)" in judul
    )
    assert "Dinas PUPR: serapan 191,82 %, capaian 70,00 %" in judul
    assert not any("Bappeda" in j or "Inspektorat" in j for j in judul)
    warna = {_hover(c).split(":")[0]: c.get("fill") for c in titik}
    assert warna["Dinas Pendidikan"] == HIJAU and warna["Dinas PUPR"] == KUNING
    # serapan 191,82 % is drawn, on an axis that reaches it
    assert "200" in _semua_teks(root)


def test_sebar_spending_without_performing_quadrant():
    root = _parse(sebar_serapan_capaian(_titik(), judul="Serapan dan capaian"))
    kuadran = [r for r in root.iter(f"{NS}rect") if r.get("fill") == KUADRAN][0]
    kiri, atas = float(kuadran.get("x")), float(kuadran.get("y"))
    kanan, bawah = kiri + float(kuadran.get("width")), atas + float(kuadran.get("height"))

    def di_kuadran(x, y):
        return kiri <= x <= kanan and atas <= y <= bawah

    label = [t for t in root.iter(f"{NS}text") if _teks(t) == "Serapan tinggi, capaian rendah"][0]
    assert di_kuadran(float(label.get("x")), float(label.get("y")))
    pos = {
        _hover(c).split(":")[0]: (float(c.get("cx")), float(c.get("cy")))
        for c in root.iter(f"{NS}circle")
    }
    assert di_kuadran(*pos["Badan Pengelolaan Keuangan dan Aset Daerah"])
    assert di_kuadran(*pos["Dinas PUPR"])
    for luar in ("Dinas Pendidikan", "Kecamatan Magetan", "Satpol PP"):
        assert not di_kuadran(*pos[luar])
    # Who spends without performing is named on the chart, not only on hover.
    assert {"BPKAD", "Dinas PUPR"} <= set(_semua_teks(root))
    assert "serapan tinggi, capaian rendah" in root.find(f"{NS}desc").text


def test_sebar_40_points_labels_do_not_overlap():
    data = [
        Titik(f"Kecamatan {i}", D(60 + (i * 7) % 45), D(30 + (i * 13) % 100), HIJAU)
        for i in range(40)
    ]
    root = _parse(sebar_serapan_capaian(data, judul="Sebaran"))
    assert len(list(root.iter(f"{NS}circle"))) == 40
    kotak = []
    for t in root.iter(f"{NS}text"):
        if _teks(t).startswith("Kecamatan"):
            x, y, n = float(t.get("x")), float(t.get("y")), len(_teks(t)) * 6.4
            kiri = {"start": x, "middle": x - n / 2, "end": x - n}[t.get("text-anchor")]
            kotak.append((kiri, y - 9, kiri + n, y + 1))
    assert kotak
    for i, a in enumerate(kotak):
        for b in kotak[i + 1 :]:
            assert not (a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] and b[1] < a[3])


def test_sebar_nothing_to_draw_says_why():
    root = _parse(sebar_serapan_capaian([Titik("A", None, D(1))], judul="Sebaran"))
    _cek_kerangka(root, ["1 OPD tidak digambar", "A"])
    assert not list(root.iter(f"{NS}circle"))
    assert any(t.startswith("Belum ada data") for t in _semua_teks(root))


@pytest.mark.parametrize(
    "gambar",
    [
        lambda: batang_capaian([], judul="Capaian <OPD>"),
        lambda: garis_capaian([], judul="Capaian <OPD>", sumbu_x=TW),
        lambda: sebar_serapan_capaian([], judul="Capaian <OPD>"),
    ],
)
def test_empty_data_says_belum_ada_data(gambar):
    root = _parse(gambar())
    judul, desc = _cek_kerangka(root, ["Capaian <OPD>", "belum ada data"])
    assert judul == "Capaian <OPD>"
    assert "Belum ada data" in _semua_teks(root)


def test_the_same_charts_print_in_a_weasyprint_pdf(tmp_path):
    grafik = [
        batang_capaian(_batang(), judul="Capaian OPD 2025", legenda=LEGENDA),
        garis_capaian(
            [Seri("Indikator A", [D("82.5"), D("95.1"), None, D("105.9")])],
            judul="Capaian per triwulan",
            sumbu_x=TW,
        ),
        sebar_serapan_capaian(_titik(), judul="Serapan dan capaian"),
    ]
    html = (
        "<html><head><meta charset='utf-8'><style>@page { size: A4; margin: 1.5cm } "
        "svg { max-width: 100%; height: auto }</style></head><body>"
        + "".join(grafik)
        + "</body></html>"
    )
    pdf = tmp_path / "grafik.pdf"
    weasyprint.HTML(string=html).write_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    teks = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for kata in (
        "Capaian OPD 2025",
        "Dinas Pendidikan",
        "Bagian Organisasi Setda",
        "105,90 %",
        "128,76 %",
        "tidak dapat dihitung",
        "TW III",
        "95,10 %",
        "Serapan tinggi, capaian rendah",
        "BPKAD",
        "Serapan anggaran (%)",
    ):
        assert kata in teks, kata
    # Hover titles and descriptions are for screens and screen readers, not printed.
    assert "Badan Pengelolaan Keuangan dan Aset Daerah" not in teks
