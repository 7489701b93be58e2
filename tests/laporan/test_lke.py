"""The Lembar Kerja Evaluasi as data (issue 20, item 1): the default sheet of PermenPAN-RB
88/2021 loaded by the demo, one scoring function worked by hand, the grades' bounds, answers
outside their type refused, a weight table that does not add up to 100 refused in the admin
with nothing saved, and a sheet locked once its evaluation started."""

from decimal import Decimal

import pytest
from django.urls import reverse
from realisasi_uji import formulir

from apps.laporan.lke import (
    nilai_jawaban,
    periksa_kuesioner,
    predikat_lke,
    skor_lke,
    susunan_kuesioner,
)
from apps.laporan.models import KomponenLKE, KriteriaLKE, KuesionerLKE, PredikatLKE

pytestmark = pytest.mark.django_db


def lke(tahun=2023) -> KuesionerLKE:
    return KuesionerLKE.objects.get(tahun=tahun)


def test_the_demo_loads_the_default_sheet_of_88_2021_for_both_report_years():
    for tahun in (2019, 2023):
        k = lke(tahun)
        assert periksa_kuesioner(k) == []
        komponen = susunan_kuesioner(k)
        assert [(x.nama, x.bobot) for x in komponen] == [
            ("Perencanaan Kinerja", 30),
            ("Pengukuran Kinerja", 30),
            ("Pelaporan Kinerja", 15),
            ("Evaluasi Akuntabilitas Kinerja Internal", 25),
        ]
        for x in komponen:
            assert [(s.nama, s.persen) for s in x.sub.all()] == [
                ("Keterpenuhan", 20),
                ("Kualitas", 30),
                ("Pemanfaatan", 50),
            ]
        assert [(p.huruf, p.batas) for p in k.predikat.all()] == [
            ("AA", 90),
            ("A", 80),
            ("BB", 70),
            ("B", 60),
            ("CC", 50),
            ("C", 30),
            ("D", None),
        ]


# The hand-worked evaluation: per sub-component, its points (component weight × share) and
# the answers given to its criteria in order; mean worth × points.
JAWABAN = {
    # Perencanaan Kinerja, 30
    (1, 1): "YYYYT",  # 6 pts: (1+1+1+1+0)/5 = 0,8 × 6 = 4,8
    (1, 2): "ABCDE",  # 9 pts: (1+0,75+0,5+0,25+0)/5 = 0,5 × 9 = 4,5
    (1, 3): "AABB",  # 15 pts: (1+1+0,75+0,75)/4 = 0,875 × 15 = 13,125
    #                                         component: 22,425
    # Pengukuran Kinerja, 30
    (2, 1): "YYY",  # 6 pts: 1 × 6 = 6
    (2, 2): "BBB",  # 9 pts: 0,75 × 9 = 6,75
    (2, 3): "CCC",  # 15 pts: 0,5 × 15 = 7,5
    #                                         component: 20,25
    # Pelaporan Kinerja, 15
    (3, 1): "YT",  # 3 pts: 0,5 × 3 = 1,5
    (3, 2): "AAA",  # 4,5 pts: 1 × 4,5 = 4,5
    (3, 3): "AE",  # 7,5 pts: 0,5 × 7,5 = 3,75
    #                                         component: 9,75
    # Evaluasi Akuntabilitas Kinerja Internal, 25
    (4, 1): "YY",  # 5 pts: 1 × 5 = 5
    (4, 2): "BC",  # 7,5 pts: (0,75+0,5)/2 = 0,625 × 7,5 = 4,6875
    (4, 3): "DD",  # 12,5 pts: 0,25 × 12,5 = 3,125
    #                                         component: 12,8125
}
# total: 22,425 + 20,25 + 9,75 + 12,8125 = 65,2375, shown 65,24: above 60, not above 70 -> B


def _jawaban(komponen) -> dict[int, str]:
    hasil = {}
    for k in komponen:
        for s in k.sub.all():
            huruf = JAWABAN[(k.nomor, s.nomor)]
            kriteria = list(s.kriteria.all())
            assert len(kriteria) == len(huruf), (k.nomor, s.nomor)
            hasil.update({kr.pk: h for kr, h in zip(kriteria, huruf, strict=True)})
    return hasil


def test_a_hand_worked_evaluation_scores_as_computed_by_hand():
    k = lke()
    komponen = susunan_kuesioner(k)
    skor = skor_lke(komponen, list(k.predikat.all()), _jawaban(komponen))
    assert skor.lengkap
    assert [x.nilai for x in skor.komponen] == [
        Decimal("22.425"),
        Decimal("20.25"),
        Decimal("9.75"),
        Decimal("12.8125"),
    ]
    assert [s.nilai for s in skor.komponen[0].sub] == [
        Decimal("4.8"),
        Decimal("4.5"),
        Decimal("13.125"),
    ]
    assert [s.bobot for s in skor.komponen[2].sub] == [Decimal(3), Decimal("4.5"), Decimal("7.5")]
    assert skor.total == Decimal("65.2375")
    assert skor.total_bulat == Decimal("65.24")
    assert skor.predikat.huruf == "B"


def test_an_unanswered_criterion_is_left_out_of_its_mean_and_the_score_is_incomplete():
    k = lke()
    komponen = susunan_kuesioner(k)
    jawaban = _jawaban(komponen)
    pertama = komponen[0].sub.all()[0].kriteria.all()[4]  # the T of "YYYYT"
    del jawaban[pertama.pk]
    skor = skor_lke(komponen, list(k.predikat.all()), jawaban)
    assert not skor.lengkap
    assert skor.komponen[0].sub[0].dijawab == 4
    assert skor.komponen[0].sub[0].nilai == Decimal(6)  # 4 of 4 answered Y: 1 × 6


@pytest.mark.parametrize(
    ("total", "huruf"),
    [
        ("100", "AA"),
        ("90.01", "AA"),
        ("90", "A"),
        ("89.995", "A"),  # shown 90,00 (half-up), which does not exceed 90
        ("80.004", "BB"),  # shown 80,00: not above 80
        ("80.005", "A"),  # shown 80,01
        ("70", "B"),
        ("30.01", "C"),
        ("30", "D"),
        ("0", "D"),
    ],
)
def test_the_grade_is_the_first_bound_the_shown_total_exceeds(total, huruf):
    predikat = list(lke().predikat.all())
    assert predikat_lke(Decimal(total), predikat).huruf == huruf


@pytest.mark.parametrize(
    ("jenis", "jawaban", "pesan"),
    [
        (KriteriaLKE.Jenis.YT, "A", "pilih Y, T"),
        (KriteriaLKE.Jenis.AE, "Y", "pilih A, B, C, D, E"),
        (KriteriaLKE.Jenis.AE, "F", "pilih A, B, C, D, E"),
        (KriteriaLKE.Jenis.YT, "", "pilih Y, T"),
    ],
)
def test_an_answer_outside_its_type_is_refused_naming_the_allowed_ones(jenis, jawaban, pesan):
    with pytest.raises(ValueError, match=pesan):
        nilai_jawaban(jenis, jawaban)
    assert nilai_jawaban(KriteriaLKE.Jenis.AE, " b ") == Decimal("0.75")


def test_the_check_names_every_fault_of_a_sheet():
    k = lke()
    KomponenLKE.objects.filter(kuesioner=k, nomor=3).update(bobot=Decimal(10))
    komponen = KomponenLKE.objects.get(kuesioner=k, nomor=1)
    komponen.sub.filter(nomor=1).update(persen=Decimal(10))
    PredikatLKE.objects.filter(kuesioner=k, huruf="C").update(batas=None)
    salah = periksa_kuesioner(k)
    assert salah == [
        "Bobot komponen LKE AKIP Perangkat Daerah 2023 (2023) berjumlah 95,00; harus 100.",
        "Bagian sub-komponen 1. Perencanaan Kinerja berjumlah 90,00 %; harus 100 %.",
        "LKE AKIP Perangkat Daerah 2023 (2023): harus ada tepat satu predikat tanpa batas "
        "nilai (predikat terendah); sekarang 2.",
    ]


# --- the admin --------------------------------------------------------------------------------


def _halaman(client, k):
    url = reverse("admin:laporan_kuesionerlke_change", args=[k.pk])
    return url, formulir(client.get(url).content.decode(), "kuesionerlke_form")


def test_a_weight_table_not_adding_up_to_100_is_refused_and_nothing_changes(client, login):
    login("admin")
    k = lke()
    url, data = _halaman(client, k)
    bobot = [
        n
        for n in data
        if n.startswith("komponen-") and n.endswith("-bobot") and "__prefix__" not in n
    ]
    assert len(bobot) == 4
    data[bobot[0]] = "25"  # 25 + 30 + 15 + 25 = 95
    sebelum = list(KomponenLKE.objects.filter(kuesioner=k).values_list("bobot", flat=True))
    resp = client.post(url, data)
    assert resp.status_code == 200
    assert "Bobot komponen berjumlah 95,00; harus 100. Tidak ada yang disimpan." in (
        resp.content.decode()
    )
    assert list(KomponenLKE.objects.filter(kuesioner=k).values_list("bobot", flat=True)) == (
        sebelum
    )
    # moved between two components, still 100: saved
    data[bobot[0]] = "25"
    data[bobot[1]] = "35"
    assert client.post(url, data).status_code == 302
    assert list(KomponenLKE.objects.filter(kuesioner=k).values_list("bobot", flat=True)) == [
        25,
        35,
        15,
        25,
    ]


def test_a_locked_sheet_is_read_only_for_everyone(client, login):
    k = lke()
    k.dikunci = True
    k.save()
    login("admin")
    url, data = _halaman(client, k)
    assert client.post(url, data).status_code == 403
    komponen = KomponenLKE.objects.get(kuesioner=k, nomor=1)
    sub = komponen.sub.get(nomor=1)
    for u in (
        reverse("admin:laporan_komponenlke_change", args=[komponen.pk]),
        reverse("admin:laporan_subkomponenlke_change", args=[sub.pk]),
    ):
        assert client.get(u).status_code == 200
        assert client.post(u, {}).status_code == 403
    assert periksa_kuesioner(k) == []


def test_only_those_who_keep_master_data_change_the_sheet(client, login):
    k = lke()
    url = reverse("admin:laporan_kuesionerlke_change", args=[k.pk])
    for peran, status in (("inspektorat", 403), ("operator.kecamatan", 403)):
        login(peran)
        assert client.get(url).status_code == 200  # read
        assert client.post(url, {}).status_code == status
