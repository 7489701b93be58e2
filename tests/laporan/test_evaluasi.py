"""The Evaluasi AKIP workflow (issue 20, items 3 and 6): the Inspektorat starts an OPD's
evaluation (the year's LKE locked), the OPD answers its self-assessment, the evaluator sets
the final answers, submits them, and another evaluator (the ketua tim) approves: final, with
its score and grade recorded as skor_lke computes them, and nobody changes it; bad answers are
refused naming the criterion, nothing saved; who may read and write what."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from izin import SALAH_METODE, SEMUA, kasus
from perencanaan_uji import pesan, user
from realisasi_uji import opd_kecamatan, teks_halaman
from test_lke import JAWABAN

from apps.core.models import OPD
from apps.laporan.demo.loader import load_synthetic
from apps.laporan.evaluasi import evaluasi_mulai, evaluasi_tahun
from apps.laporan.lke import susunan_kuesioner
from apps.laporan.models import EvaluasiLKE, JawabanLKE, KriteriaLKE, KuesionerLKE

pytestmark = pytest.mark.django_db

TAHUN = 2023
KEC_SAJA = (200, 200, 200, 200, 200, 404, 302)

# url name                  method  admin verif inspek opKec pimKec opOrg anonim
TABEL = [
    ("laporan:evaluasi_daftar", "GET", SEMUA),
    ("laporan:evaluasi_daftar", "POST", SALAH_METODE),
    # Bagian Organisasi (and the admin) makes a year's LKE; an empty post says what is
    # missing and makes nothing
    ("laporan:lke_buat", "POST", (302, 302, 403, 403, 403, 403, 302)),
    ("laporan:lke_buat", "GET", SALAH_METODE),
    ("laporan:evaluasi_rekap", "GET", SEMUA),
    ("laporan:evaluasi_rekap", "POST", SALAH_METODE),
    ("laporan:evaluasi", "GET", KEC_SAJA),
    # an empty save before the evaluation started: said so, nothing written; another OPD 404
    ("laporan:evaluasi", "POST", (302, 302, 302, 302, 302, 404, 302)),
    # before the evaluation started there is no LHE; another OPD 404
    ("laporan:lhe_pdf", "GET", (404, 404, 404, 404, 404, 404, 302)),
    ("laporan:lhe_pdf", "POST", SALAH_METODE),
    # the history: none before the evaluation started; another OPD 404
    ("laporan:evaluasi_riwayat", "GET", (404, 404, 404, 404, 404, 404, 302)),
    ("laporan:evaluasi_riwayat", "POST", SALAH_METODE),
    # a recommendation's follow-up and its evidence: their own tests below (an id of a
    # recommendation of a final evaluation is needed)
]
# the self-assessment's evidence: its own test below (an id of an uploaded file is needed)
TANPA_TABEL = {"laporan:tindak_lanjut", "laporan:tindak_lanjut_bukti", "laporan:bukti_lke"}


def url(nama="laporan:evaluasi", opd=None, tahun=TAHUN) -> str:
    if nama == "laporan:evaluasi_daftar":
        return reverse(nama) + f"?tahun={tahun}"
    if nama == "laporan:lke_buat":
        return reverse(nama)
    if nama == "laporan:evaluasi_rekap":
        return reverse(nama, args=[tahun, "xlsx"])
    return reverse(nama, args=[(opd or opd_kecamatan()).pk, tahun])


def test_every_url_of_the_evaluation_is_in_the_table():
    from apps.laporan import urls

    assert {
        f"laporan:{p.name}"
        for p in urls.urlpatterns
        if p.callback.__module__ == "apps.laporan.views.evaluasi"
    } == {n for n, _, _ in TABEL} | TANPA_TABEL


@pytest.mark.parametrize(("nama", "metode", "peran", "status"), kasus(TABEL))
def test_permission_table(client, nama, metode, peran, status):
    if peran != "anonim":
        client.force_login(user(peran))
    resp = client.post(url(nama)) if metode == "POST" else client.get(url(nama))
    assert resp.status_code == status, (nama, metode, peran)
    if peran == "anonim":
        assert resp["Location"].startswith("/masuk/?next=")
    assert not EvaluasiLKE.objects.exists()


def _post(client, data, peran=None):
    if peran:
        client.force_login(user(peran))
    return client.post(url(), data, follow=True)


def _isian_jawaban(sisi_opd: bool = False) -> dict:
    """The hand-worked answers of test_lke as the page posts them."""
    k = KuesionerLKE.objects.get(tahun=TAHUN)
    data = {"aksi": "simpan"}
    for komponen in susunan_kuesioner(k):
        for s in komponen.sub.all():
            for kr, h in zip(s.kriteria.all(), JAWABAN[(komponen.nomor, s.nomor)], strict=True):
                data[f"k{kr.pk}-jawaban"] = h
                data[f"k{kr.pk}-catatan"] = "Catatan uji." if not sisi_opd else "Penjelasan OPD."
    return data


def test_the_whole_evaluation_from_start_to_final(client):
    resp = _post(client, {"aksi": "mulai"}, "inspektorat")
    assert any("dimulai" in p for p in pesan(resp))
    ev = evaluasi_tahun(opd_kecamatan().pk, TAHUN)
    assert ev.status == "draf" and KuesionerLKE.objects.get(tahun=TAHUN).dikunci
    # the OPD's self-assessment: all A/Y
    data = {
        k: ("Y" if v in "YT" else "A") if k.endswith("-jawaban") else v
        for k, v in _isian_jawaban(sisi_opd=True).items()
    }
    resp = _post(client, data, "operator.kecamatan")
    assert any("Tersimpan" in p for p in pesan(resp))
    assert set(JawabanLKE.objects.filter(evaluasi=ev).values_list("jawaban_opd", flat=True)) == {
        "Y",
        "A",
    }
    assert "100,00" in teks_halaman(resp)  # the self-assessment's score
    # the evaluator's answers: the hand-worked ones
    resp = _post(client, _isian_jawaban(), "inspektorat")
    assert any("Tersimpan" in p for p in pesan(resp))
    teks = teks_halaman(resp)
    assert "65,24" in teks and "22,43" in teks  # total and Perencanaan Kinerja (22,425)
    # the OPD's answers stayed the OPD's
    assert set(JawabanLKE.objects.filter(evaluasi=ev).values_list("jawaban_opd", flat=True)) == {
        "Y",
        "A",
    }
    resp = _post(client, {"aksi": "ajukan"}, "inspektorat")
    assert any("diajukan ke ketua tim" in p for p in pesan(resp))
    # the one who submitted cannot approve it
    resp = _post(client, {"aksi": "setujui"})
    assert any("diajukan oleh Anda sendiri" in p for p in pesan(resp))
    assert EvaluasiLKE.objects.get(pk=ev.pk).status == "diajukan"
    # nor can anyone change an answer while it waits
    resp = _post(client, _isian_jawaban(), "operator.kecamatan")
    assert any("tidak dapat diubah" in p for p in pesan(resp))
    # the ketua tim (another evaluator) approves
    resp = _post(client, {"aksi": "setujui"}, "admin")
    assert any("disetujui dan final" in p for p in pesan(resp)), pesan(resp)
    ev.refresh_from_db()
    assert ev.status == "final" and ev.nilai == Decimal("65.2375") and ev.predikat == "B"
    assert ev.disetujui_oleh == user("admin")
    assert "Final" in teks_halaman(client.get(url("laporan:evaluasi_daftar")))
    # final: nobody changes it
    sebelum = list(JawabanLKE.objects.filter(evaluasi=ev).values())
    for peran in ("inspektorat", "admin", "operator.kecamatan"):
        resp = _post(client, _isian_jawaban(), peran)
        assert any("tidak dapat diubah" in p for p in pesan(resp))
    assert list(JawabanLKE.objects.filter(evaluasi=ev).values()) == sebelum
    assert [h.history_change_reason for h in ev.history.order_by("history_date")] == [
        "evaluasi.mulai",
        "evaluasi.ajukan",
        "evaluasi.setujui",
    ]


@pytest.mark.parametrize(
    ("jawaban", "galat"),
    [("Z", "pilih A, B, C, D, E"), ("A", "pilih Y, T")],
    ids=["huruf-asing", "jenis-lain"],
)
def test_an_answer_outside_its_type_is_refused_naming_the_criterion(client, jawaban, galat):
    ev = evaluasi_mulai(opd=opd_kecamatan(), tahun=TAHUN, user=user("inspektorat"))
    data = _isian_jawaban()
    k = KuesionerLKE.objects.get(tahun=TAHUN)
    komponen = susunan_kuesioner(k)
    if galat == "pilih Y, T":
        kr = komponen[0].sub.all()[0].kriteria.all()[0]  # 1.1.1 is Y/T
        nomor = "1.1.1"
    else:
        kr = komponen[0].sub.all()[1].kriteria.all()[0]  # 1.2.1 is A-E
        nomor = "1.2.1"
    data[f"k{kr.pk}-jawaban"] = jawaban
    resp = _post(client, data, "inspektorat")
    teks = pesan(resp)
    assert any(f"Kriteria {nomor}" in p and galat in p for p in teks), teks
    assert any("Tidak ada yang disimpan" in p for p in teks)
    assert not JawabanLKE.objects.filter(evaluasi=ev).exists()


def test_submitting_needs_every_answer_and_returning_needs_a_note(client):
    ev = evaluasi_mulai(opd=opd_kecamatan(), tahun=TAHUN, user=user("inspektorat"))
    resp = _post(client, {"aksi": "ajukan"}, "inspektorat")
    jumlah = sum(s.kriteria.count() for k in susunan_kuesioner(ev.kuesioner) for s in k.sub.all())
    assert any(f"{jumlah} kriteria belum diberi jawaban evaluator" in p for p in pesan(resp))
    _post(client, _isian_jawaban())
    _post(client, {"aksi": "ajukan"})
    resp = _post(client, {"aksi": "kembalikan", "catatan": "  "}, "admin")
    assert any("Catatan ketua tim wajib diisi" in p for p in pesan(resp))
    assert EvaluasiLKE.objects.get(pk=ev.pk).status == "diajukan"
    resp = _post(client, {"aksi": "kembalikan", "catatan": "Periksa 1.2.3."})
    ev.refresh_from_db()
    assert ev.status == "draf" and ev.catatan_kembali == "Periksa 1.2.3."
    assert "Dikembalikan ketua tim: Periksa 1.2.3." in teks_halaman(resp)


def test_who_writes_what(client):
    """Bagian Organisasi reads; the OPD's users write only their own side; an evaluator
    changing realisasi is refused elsewhere (test_permissions of pengukuran)."""
    evaluasi_mulai(opd=opd_kecamatan(), tahun=TAHUN, user=user("inspektorat"))
    client.force_login(user("verifikator"))
    assert client.post(url(), _isian_jawaban()).status_code == 403
    assert client.post(url(), {"aksi": "mulai"}).status_code == 403
    client.force_login(user("pimpinan.kecamatan"))
    assert client.post(url(), {"aksi": "ajukan"}).status_code == 403
    teks = teks_halaman(client.get(url()))
    assert "Isi penilaian mandiri" in teks
    client.force_login(user("operator.organisasi"))
    assert client.get(url()).status_code == 404


def test_starting_without_a_sheet_or_with_a_broken_one_is_refused(client):
    client.force_login(user("inspektorat"))
    resp = client.post(url(tahun=2024), {"aksi": "mulai"}, follow=True)
    assert any("Belum ada LKE tahun 2024" in p for p in pesan(resp))
    k = KuesionerLKE.objects.get(tahun=TAHUN)
    k.komponen.filter(nomor=1).update(bobot=Decimal(20))
    resp = client.post(url(), {"aksi": "mulai"}, follow=True)
    assert any("berjumlah 90,00; harus 100" in p for p in pesan(resp))
    assert not EvaluasiLKE.objects.exists() and not KuesionerLKE.objects.get(pk=k.pk).dikunci


def _query(client, alamat) -> int:
    with CaptureQueriesContext(connection) as q:
        assert client.get(alamat).status_code == 200
    return len(q)


def _final_lalu(opd, nilai: str, predikat: str) -> EvaluasiLKE:
    """A final evaluation of last year (TAHUN - 1) as a deployed database holds it."""
    from apps.laporan.lke_bawaan import muat_lke_bawaan

    return EvaluasiLKE.objects.create(
        opd=opd,
        kuesioner=muat_lke_bawaan(TAHUN - 1),
        status=EvaluasiLKE.Status.FINAL,
        dimulai_oleh=user("inspektorat"),
        disetujui_oleh=user("admin"),
        nilai=Decimal(nilai),
        predikat=predikat,
        berkas_lhe=f"lhe/lalu-{opd.pk}.pdf",
        sha256="0" * 64,
        kode_verifikasi=f"LALU{opd.pk:06d}",
    )


def test_the_evaluation_pages_cost_the_same_queries_for_5_or_100_opds(client):
    inspektorat = user("inspektorat")
    load_synthetic(5, None, inspektorat)
    for o in OPD.objects.filter(kode__startswith="SIN-")[:3]:
        evaluasi_mulai(opd=o, tahun=TAHUN, user=inspektorat)
        _final_lalu(o, "61.5", "B")
    client.force_login(inspektorat)
    alamat = [
        url("laporan:evaluasi_daftar"),
        url(),
        reverse("laporan:evaluasi_rekap", args=[TAHUN, "xlsx"]),
        reverse("laporan:evaluasi_rekap", args=[TAHUN, "pdf"]),
    ]
    sedikit = [_query(client, a) for a in alamat]
    load_synthetic(100, None, inspektorat)
    for o in OPD.objects.filter(kode__startswith="SIN-")[3:40]:
        evaluasi_mulai(opd=o, tahun=TAHUN, user=inspektorat)
        _final_lalu(o, "71.25", "BB")
    banyak = [_query(client, a) for a in alamat]
    assert banyak == sedikit
    assert max(banyak) <= 25
    assert "Dinas Sintetis 100" in teks_halaman(client.get(alamat[0]))


def test_the_recap_shows_each_opds_score_grade_and_change_from_last_year_in_page_xlsx_and_pdf(
    client,
):
    """Kecamatan Magetan: 2023 final with the hand-worked answers (65,2375 → 65,24, B; by
    component 22,43 / 20,25 / 9,75 / 12,81), 2022 final 58,1250 → 58,13, CC: change
    65,24 − 58,13 = +7,11. Bagian Organisasi: 2023 not started, 2022 final 72,00 BB."""
    import io
    from subprocess import run

    from openpyxl import load_workbook

    from apps.laporan.evaluasi import rekap_evaluasi, ringkasan_rekap

    _final_dengan_temuan(client)
    _final_lalu(opd_kecamatan(), "58.1250", "CC")
    organisasi = OPD.objects.get(kode="4.01.01.06")
    _final_lalu(organisasi, "72", "BB")
    client.force_login(user("verifikator"))
    teks = teks_halaman(client.get(url("laporan:evaluasi_daftar")))
    baris = teks.split("Kecamatan Magetan", 1)[1]
    assert "65,24" in baris and "58,13" in baris and "+7,11" in baris
    assert "rata-rata nilai 65,24 (tahun 2022: 65,07)" in teks  # (58,13 + 72,00) / 2
    assert "Sebaran predikat" in teks
    # one function for the page and the files
    rows = rekap_evaluasi(OPD.objects.filter(aktif=True).order_by("kode"), TAHUN)
    kec = next(b for b in rows if b.opd.kode == "7.01.01")
    assert (kec.nilai, kec.predikat, kec.nilai_lalu, kec.selisih) == (
        Decimal("65.24"),
        "B",
        Decimal("58.13"),
        Decimal("7.11"),
    )
    r = ringkasan_rekap(rows, TAHUN)
    assert (r.final, r.rata, r.rata_lalu) == (1, Decimal("65.24"), Decimal("65.07"))
    assert ("B", 1, 0) in r.sebaran and ("BB", 0, 1) in r.sebaran and ("CC", 0, 1) in r.sebaran

    resp = client.get(reverse("laporan:evaluasi_rekap", args=[TAHUN, "xlsx"]))
    assert resp["Content-Disposition"] == 'attachment; filename="rekap-evaluasi-akip-2023.xlsx"'
    ws = load_workbook(io.BytesIO(resp.content)).active
    awal = next(r[0].row for r in ws.iter_rows() if r[0].value == "No")  # below the title
    kepala = [c.value for c in ws[awal]]
    assert kepala[4:8] == [
        "1. Perencanaan Kinerja (30)",
        "2. Pengukuran Kinerja (30)",
        "3. Pelaporan Kinerja (15)",
        "4. Evaluasi Akuntabilitas Kinerja Internal (25)",
    ]
    data = {r[1].value: [c.value for c in r] for r in ws.iter_rows(min_row=awal + 1)}
    kec_x = dict(zip(kepala, data["7.01.01"], strict=True))
    assert kec_x["1. Perencanaan Kinerja (30)"] == pytest.approx(22.43)
    assert kec_x["Nilai 2023"] == pytest.approx(65.24) and kec_x["Predikat 2023"] == "B"
    assert kec_x["Nilai 2022"] == pytest.approx(58.13) and kec_x["Predikat 2022"] == "CC"
    assert kec_x["Perubahan nilai"] == pytest.approx(7.11)
    org_x = dict(zip(kepala, data["4.01.01.06"], strict=True))
    assert org_x["Status"] == "Belum dimulai" and org_x["Nilai 2023"] in ("", None)
    assert org_x["Nilai 2022"] == pytest.approx(72) and org_x["Predikat 2022"] == "BB"

    resp = client.get(reverse("laporan:evaluasi_rekap", args=[TAHUN, "pdf"]))
    pdf = run(
        ["pdftotext", "-layout", "-", "-"], input=resp.content, capture_output=True, check=True
    ).stdout.decode()
    assert "INSPEKTORAT DAERAH" in pdf and "REKAPITULASI HASIL EVALUASI AKIP" in pdf
    kec_p = next(b for b in pdf.splitlines() if "Kecamatan Magetan" in b)
    for angka in ("22,43", "20,25", "9,75", "12,81", "65,24", "58,13", "+7,11", "CC"):
        assert angka in kec_p, angka
    assert "DRAF" in pdf  # Bagian Organisasi's 2023 evaluation is not final
    assert "Inspektur" in pdf
    from tata_letak_uji import masalah_tata_letak

    assert masalah_tata_letak(resp.content) == []
    # an OPD's user downloads its own line only
    client.force_login(user("operator.kecamatan"))
    resp = client.get(reverse("laporan:evaluasi_rekap", args=[TAHUN, "xlsx"]))
    ws = load_workbook(io.BytesIO(resp.content)).active
    assert [r[1].value for r in ws.iter_rows(min_row=awal + 1)] == ["7.01.01"]
    # a wrong format or year: 404
    client.force_login(user("verifikator"))
    assert client.get(f"/dasbor/evaluasi/rekap/{TAHUN}.docx").status_code == 404
    assert client.get("/dasbor/evaluasi/rekap/1800.pdf").status_code == 404


# --- proposals from the data (item 2) ---------------------------------------------------------


def test_a_measure_becomes_an_answer_of_the_criterions_type():
    from apps.laporan.usulan_lke import Usulan

    ae, yt = KriteriaLKE.Jenis.AE, KriteriaLKE.Jenis.YT
    assert [Usulan(Decimal(m), "").jawaban(ae) for m in ("1", "0.8", "0.5", "0.3", "0.2")] == [
        "A",
        "B",
        "C",
        "D",
        "E",
    ]
    assert [Usulan(Decimal(m), "").jawaban(yt) for m in ("1", "0.99", "0")] == ["Y", "T", "T"]


# What the demo's records say of each OPD's year: (criterion, proposed answer, words of why,
# evidence link's label).
USULAN_DEMO = {
    ("7.01.01", 2023): [
        ("1.1.1", "Y", "Renstra 2018-2023 mencakup tahun 2023.", "Renstra 2018-2023"),
        ("1.2.2", "A", "1 dari 1 IKU memiliki definisi operasional", "Renstra dan IKU"),
        ("1.2.4", "B", "1 target PK berbeda dengan target Renstra", "Konsistensi"),
        ("1.3.4", "A", "1 perubahan PK, masing-masing dengan alasan yang diizinkan", None),
        ("2.2.1", "D", "4 diverifikasi tanpa catatan waktu pengajuan", "Realisasi tahun ini"),
        ("3.1.2", "T", "LKjIP 2023 belum difinalkan.", "LKjIP 2023"),
        ("4.2.2", "D", "6 peringatan konsistensi belum diselesaikan", "Konsistensi"),
    ],
    ("4.01.01.06", 2019): [
        ("1.1.1", "Y", "Renstra 2019-2023 mencakup tahun 2019.", "Renstra 2019-2023"),
        ("1.2.2", "E", "0 dari 10 IKU memiliki definisi operasional", "Renstra dan IKU"),
        ("1.2.4", "B", "10 target PK berbeda dengan target Renstra", "Konsistensi"),
        ("1.3.4", "A", "Tidak ada perubahan PK tahun 2019.", None),
        ("3.2.2", "E", "LKjIP 2019 belum difinalkan.", "LKjIP 2019"),
        ("4.2.2", "E", "23 peringatan konsistensi belum diselesaikan", "Konsistensi"),
    ],
}


@pytest.mark.parametrize(("kode", "tahun"), list(USULAN_DEMO), ids=["kecamatan", "organisasi"])
def test_the_demo_years_get_their_proposals_with_evidence_and_nothing_is_saved(client, kode, tahun):
    opd = OPD.objects.get(kode=kode)
    ev = evaluasi_mulai(opd=opd, tahun=tahun, user=user("inspektorat"))
    client.force_login(user("inspektorat"))
    alamat = url(opd=opd, tahun=tahun)
    halaman = client.get(alamat).content.decode()
    teks = teks_halaman(client.get(alamat))
    for nomor, jawaban, alasan, bukti in USULAN_DEMO[(kode, tahun)]:
        assert f"Usulan dari data: {jawaban}" in teks
        assert alasan in teks, (nomor, alasan)
        if bukti:
            assert f">{bukti}</a>" in halaman, bukti
    # loaded into the evaluator's empty answers, nothing saved
    resp = client.post(alamat, {"aksi": "usulan"})
    assert resp.status_code == 200
    assert any("usulan dari data dimuat" in p for p in pesan(resp))
    assert not JawabanLKE.objects.filter(evaluasi=ev).exists()
    kr = KriteriaLKE.objects.get(
        sub__komponen__kuesioner__tahun=tahun, sub__komponen__nomor=1, sub__nomor=1, nomor=1
    )
    assert (
        '<option value="Y" selected>Y</option>'
        in resp.content.decode().split(f'name="k{kr.pk}-jawaban"')[1].split("</select>")[0]
    )
    # an OPD's user cannot load them into the evaluator's answers
    client.force_login(user("operator.kecamatan"))
    if kode == "7.01.01":
        assert client.post(alamat, {"aksi": "usulan"}).status_code == 403


# --- findings, recommendations and the LHE (item 4) -------------------------------------------


def _final_dengan_temuan(client):
    """The Kecamatan's evaluation of 2023 answered by hand (test_lke), with findings and
    recommendations, submitted and approved."""
    ev = evaluasi_mulai(opd=opd_kecamatan(), tahun=TAHUN, user=user("inspektorat"))
    _post(client, _isian_jawaban(), "inspektorat")
    komponen = list(ev.kuesioner.komponen.order_by("nomor"))
    resp = _post(
        client,
        {
            "aksi": "temuan",
            f"t{komponen[0].pk}-temuan": "Target PK 2023 belum seluruhnya sama dengan Renstra.",
            f"t{komponen[0].pk}-rekomendasi": "Selaraskan target PK dengan Renstra.\n\n"
            "Tetapkan PK paling lambat akhir Januari.",
            f"t{komponen[2].pk}-temuan": "LKjIP 2023 belum final.",
        },
    )
    assert any("Temuan dan rekomendasi tersimpan (2 komponen berubah)" in p for p in pesan(resp))
    _post(client, {"aksi": "ajukan"})
    _post(client, {"aksi": "setujui"}, "admin")
    ev.refresh_from_db()
    assert ev.status == "final"
    return ev


def test_the_lhe_prints_the_score_grade_findings_and_recommendations(client, tmp_path):
    from subprocess import run

    from django.core.management import call_command
    from tata_letak_uji import masalah_tata_letak

    from apps.laporan.models import RekomendasiLKE

    ev = _final_dengan_temuan(client)
    assert [r.uraian for r in RekomendasiLKE.objects.filter(evaluasi=ev)] == [
        "Selaraskan target PK dengan Renstra.",
        "Tetapkan PK paling lambat akhir Januari.",
    ]
    client.force_login(user("operator.kecamatan"))  # the OPD reads its own LHE
    resp = client.get(reverse("laporan:lhe_pdf", args=[ev.opd_id, TAHUN]))
    assert resp.status_code == 200
    assert resp["Content-Disposition"] == 'inline; filename="lhe-7.01.01-2023.pdf"'
    teks = run(
        ["pdftotext", "-layout", "-", "-"], input=resp.content, capture_output=True, check=True
    ).stdout.decode()
    assert "INSPEKTORAT DAERAH" in teks and "KECAMATAN MAGETAN" in teks
    assert "65,24" in teks and '"B"' in teks and "22,43" in teks
    assert "Target PK 2023 belum seluruhnya sama dengan Renstra." in teks
    assert "Tetapkan PK paling lambat akhir Januari." in teks
    assert "DRAF" not in teks and "Ketua Tim Evaluasi" in teks
    assert masalah_tata_letak(resp.content) == []
    # another OPD's user: 404
    client.force_login(user("operator.organisasi"))
    assert client.get(reverse("laporan:lhe_pdf", args=[ev.opd_id, TAHUN])).status_code == 404
    # from the shell
    call_command("lhe_pdf", "--opd", "7.01.01", "--tahun", "2023", "--output", str(tmp_path))
    assert (tmp_path / "lhe-7.01.01-2023.pdf").read_bytes().startswith(b"%PDF")
    # findings cannot change once final
    resp = _post(client, {"aksi": "temuan"}, "inspektorat")
    assert any("tidak dapat diubah" in p for p in pesan(resp))


def test_the_final_lhe_is_stored_once_as_pdfa_with_its_code_and_verified_in_public(
    client, tmp_path
):
    import hashlib
    from subprocess import run

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client

    ev = _final_dengan_temuan(client)
    with ev.berkas_lhe.open("rb") as f:
        simpan = f.read()
    assert ev.sha256 == hashlib.sha256(simpan).hexdigest() and len(ev.kode_verifikasi) == 10
    meta = run(["pdfinfo", "-meta", "-"], input=simpan, capture_output=True, check=True)
    assert 'pdfaid:part="3"' in meta.stdout.decode()
    teks = run(
        ["pdftotext", "-layout", "-", "-"], input=simpan, capture_output=True, check=True
    ).stdout.decode()
    assert "Verifikasi keaslian dokumen" in teks and ev.kode_verifikasi in teks
    assert f"/verifikasi/{ev.kode_verifikasi}/" in teks and "DRAF" not in teks
    # the page names the code; later changes do not touch the file: the same bytes come back
    # from the page and the shell, the old name stays on the public page
    client.force_login(user("inspektorat"))
    teks = teks_halaman(client.get(url()))
    assert ev.kode_verifikasi in teks and ev.sha256 in teks and "Unduh LHE final (PDF)" in teks
    OPD.objects.filter(pk=ev.opd_id).update(nama="Kecamatan Magetan Baru")
    resp = client.get(reverse("laporan:lhe_pdf", args=[ev.opd_id, TAHUN]))
    assert resp.content == simpan
    call_command("lhe_pdf", "--opd", "7.01.01", "--tahun", "2023", "--output", str(tmp_path))
    assert (tmp_path / "lhe-7.01.01-2023.pdf").read_bytes() == simpan
    publik = Client()
    alamat = reverse("verifikasi", args=[ev.kode_verifikasi.lower()])
    teks = teks_halaman(publik.get(alamat))
    assert "Verifikasi Laporan Hasil Evaluasi AKIP (LHE)" in teks
    assert "Kecamatan Magetan" in teks and "Baru" not in teks
    assert "Tahun yang dievaluasi" in teks and "Ketua Tim Evaluasi" in teks
    assert "65,24" not in teks  # who, what and when only, never the result
    resp = publik.post(alamat, {"berkas": SimpleUploadedFile("lhe.pdf", simpan)})
    assert "Identik byte demi byte" in teks_halaman(resp)
    resp = publik.post(alamat, {"berkas": SimpleUploadedFile("lhe.pdf", simpan + b"\n")})
    assert "TIDAK identik" in teks_halaman(resp)


@pytest.mark.parametrize("tahap", ["render", "simpan"])
def test_a_failed_approval_changes_nothing_and_leaves_no_file(client, monkeypatch, tahap):
    from django.conf import settings

    from apps.laporan import evaluasi as ev_svc

    ev = evaluasi_mulai(opd=opd_kecamatan(), tahun=TAHUN, user=user("inspektorat"))
    _post(client, _isian_jawaban(), "inspektorat")
    _post(client, {"aksi": "ajukan"})
    folder = settings.MEDIA_ROOT / "lhe"
    sebelum = sorted(folder.iterdir()) if folder.exists() else []

    def gagal(*args, **kwargs):
        raise RuntimeError("gagal")

    if tahap == "render":
        monkeypatch.setattr(ev_svc, "render_lhe", gagal)
    else:
        monkeypatch.setattr(EvaluasiLKE, "full_clean", gagal)
    with pytest.raises(RuntimeError):
        ev_svc.evaluasi_setujui(evaluasi=ev, user=user("admin"))
    ev.refresh_from_db()
    assert ev.status == "diajukan" and not ev.berkas_lhe and not ev.kode_verifikasi
    assert (sorted(folder.iterdir()) if folder.exists() else []) == sebelum


def test_the_lhe_is_a_draft_until_approved_and_404_before_the_evaluation(client, tmp_path):
    from subprocess import run

    from django.core.management import call_command
    from django.core.management.base import CommandError

    client.force_login(user("inspektorat"))
    alamat = reverse("laporan:lhe_pdf", args=[opd_kecamatan().pk, TAHUN])
    assert client.get(alamat).status_code == 404
    with pytest.raises(CommandError, match="belum dimulai"):
        call_command("lhe_pdf", "--opd", "7.01.01", "--tahun", "2023", "--output", str(tmp_path))
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("lhe_pdf", "--opd", "9.99", "--tahun", "2023", "--output", str(tmp_path))
    evaluasi_mulai(opd=opd_kecamatan(), tahun=TAHUN, user=user("inspektorat"))
    resp = client.get(alamat)
    assert resp["Content-Disposition"] == 'inline; filename="lhe-7.01.01-2023-draf.pdf"'
    teks = run(
        ["pdftotext", "-layout", "-", "-"], input=resp.content, capture_output=True, check=True
    ).stdout.decode()
    assert "DRAF" in teks and "belum lengkap" in teks


def test_findings_too_long_or_from_the_opd_are_refused_and_nothing_changes(client):
    from apps.laporan.models import RekomendasiLKE, TemuanLKE

    ev = evaluasi_mulai(opd=opd_kecamatan(), tahun=TAHUN, user=user("inspektorat"))
    k = ev.kuesioner.komponen.get(nomor=1)
    resp = _post(
        client,
        {"aksi": "temuan", f"t{k.pk}-temuan": "x" * 5001, f"t{k.pk}-rekomendasi": "Baik."},
        "inspektorat",
    )
    assert any(
        "Temuan komponen 1. Perencanaan Kinerja: paling banyak 5000" in p for p in pesan(resp)
    )
    resp = _post(client, {"aksi": "temuan", f"t{k.pk}-rekomendasi": "y" * 2001})
    assert any("nomor 1: paling banyak 2000 karakter" in p for p in pesan(resp))
    assert not TemuanLKE.objects.exists() and not RekomendasiLKE.objects.exists()
    client.force_login(user("operator.kecamatan"))
    assert client.post(url(), {"aksi": "temuan", f"t{k.pk}-temuan": "x"}).status_code == 403


# --- tindak lanjut (item 5) -------------------------------------------------------------------


def test_the_opd_follows_up_each_recommendation_and_the_inspektorat_closes_it(client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from pdf_uji import pdf_javascript, pdf_polos

    from apps.laporan.models import RekomendasiLKE

    ev = _final_dengan_temuan(client)
    r = RekomendasiLKE.objects.filter(evaluasi=ev).order_by("nomor").first()
    alamat = reverse("laporan:tindak_lanjut", args=[r.pk])
    client.force_login(user("operator.kecamatan"))
    # a PDF with active content is refused by its content, nothing saved
    resp = client.post(
        alamat,
        {
            "tindakan": "Target PK diselaraskan.",
            "tanggal": "15 Februari 2024",
            "bukti": SimpleUploadedFile("bukti.pdf", pdf_javascript(), "application/pdf"),
        },
        follow=True,
    )
    assert any("konten aktif" in p for p in pesan(resp)), pesan(resp)
    r.refresh_from_db()
    assert r.tindakan == "" and r.status == "belum"
    for tanggal, galat in (("31 Februari 2024", "Tanggal"), ("", None)):
        resp = client.post(
            alamat,
            {
                "tindakan": "Target PK diselaraskan dengan Renstra.",
                "tanggal": tanggal,
                "bukti": SimpleUploadedFile("surat.pdf", pdf_polos("Surat"), "application/pdf"),
            },
            follow=True,
        )
        if galat:
            assert (
                any(galat in p for p in pesan(resp))
                and not RekomendasiLKE.objects.get(pk=r.pk).tindakan
            )
    r.refresh_from_db()
    assert r.tindakan == "Target PK diselaraskan dengan Renstra." and r.status == "proses"
    assert r.bukti_nama == "surat.pdf" and len(r.bukti_sha256) == 64
    bukti = client.get(reverse("laporan:tindak_lanjut_bukti", args=[r.pk]))
    assert bukti.status_code == 200 and b"".join(bukti.streaming_content).startswith(b"%PDF")
    # the OPD's home page counts it
    teks = teks_halaman(client.get(reverse("core:beranda")))
    assert "Rekomendasi Evaluasi AKIP 2023: 0 dari 2 selesai" in teks
    # the OPD cannot set the status; another OPD cannot reach it
    client.force_login(user("operator.organisasi"))
    assert client.post(alamat, {"tindakan": "x"}).status_code == 404
    assert client.get(reverse("laporan:tindak_lanjut_bukti", args=[r.pk])).status_code == 404
    client.force_login(user("verifikator"))
    assert client.post(alamat, {"status": "selesai"}).status_code == 403
    # the Inspektorat closes it; the OPD can no longer change it
    client.force_login(user("inspektorat"))
    resp = client.post(alamat, {"status": "rusak"}, follow=True)
    assert any("Status tindak lanjut: pilih" in p for p in pesan(resp))
    client.post(alamat, {"status": "selesai", "catatan_status": "Sesuai."})
    r.refresh_from_db()
    assert (r.status, r.catatan_status) == ("selesai", "Sesuai.")
    client.force_login(user("operator.kecamatan"))
    resp = client.post(alamat, {"tindakan": "Ubah lagi."}, follow=True)
    assert any("sudah dinyatakan selesai" in p for p in pesan(resp))
    teks = teks_halaman(client.get(reverse("core:beranda")))
    assert "Rekomendasi Evaluasi AKIP 2023: 1 dari 2 selesai" in teks
    # the kabupaten's home card names the OPD once; the dashboard shows the counts (an
    # earlier year's evaluation while it is open)
    client.force_login(user("verifikator"))
    teks = teks_halaman(client.get(reverse("core:beranda")))
    assert teks.count("Rekomendasi Evaluasi AKIP 2023 belum selesai: Kecamatan Magetan") == 1
    assert "1 belum ditindaklanjuti, 0 dalam proses" in teks

    def tindak_lanjut(query=""):
        teks = teks_halaman(client.get(reverse("laporan:dasbor") + query))
        return teks.split("Tindak lanjut rekomendasi Evaluasi AKIP", 1)[1]

    assert "Kecamatan Magetan 2023 2 1 0 1 Lihat" in tindak_lanjut()
    # closed: the dashboard of 2024 (evaluations of 2023) still shows it, later ones do not
    lain = RekomendasiLKE.objects.filter(evaluasi=ev).exclude(pk=r.pk).get()
    client.force_login(user("inspektorat"))
    client.post(reverse("laporan:tindak_lanjut", args=[lain.pk]), {"status": "selesai"})
    client.force_login(user("verifikator"))
    assert "Kecamatan Magetan" not in tindak_lanjut()
    assert "Kecamatan Magetan 2023 2 2 0 0 Lihat" in tindak_lanjut("?tahun=2024")
    teks = teks_halaman(client.get(reverse("core:beranda")))
    assert "belum selesai: Kecamatan Magetan" not in teks


def test_no_follow_up_before_the_evaluation_is_final(client):
    from apps.laporan.evaluasi import temuan_simpan
    from apps.laporan.models import RekomendasiLKE

    ev = evaluasi_mulai(opd=opd_kecamatan(), tahun=TAHUN, user=user("inspektorat"))
    k = ev.kuesioner.komponen.get(nomor=1)
    temuan_simpan(evaluasi=ev, user=user("inspektorat"), isian={k.pk: ("", "Rekomendasi.")})
    r = RekomendasiLKE.objects.get(evaluasi=ev)
    client.force_login(user("operator.kecamatan"))
    resp = client.post(
        reverse("laporan:tindak_lanjut", args=[r.pk]), {"tindakan": "Sudah."}, follow=True
    )
    assert any("setelah evaluasi disetujui ketua tim" in p for p in pesan(resp))
    r.refresh_from_db()
    assert r.tindakan == ""


# --- a sheet weighing otherwise than the regulation (item 1) ---------------------------------


def test_weights_differing_from_the_regulation_are_named_on_the_page_the_admin_and_the_lhe(
    client,
):
    from subprocess import run

    from apps.laporan.lke_bawaan import beda_kuesioner
    from apps.laporan.models import KomponenLKE, PredikatLKE, SubKomponenLKE

    k = KuesionerLKE.objects.get(tahun=TAHUN)
    assert beda_kuesioner(k) == []
    client.force_login(user("admin"))
    admin_url = reverse("admin:laporan_kuesionerlke_change", args=[k.pk])
    assert "sama dengan peraturan" in teks_halaman(client.get(admin_url))
    # the kabupaten weighs planning more and internal evaluation less, still 100 in all
    KomponenLKE.objects.filter(kuesioner=k, nomor=1).update(bobot=Decimal(35))
    KomponenLKE.objects.filter(kuesioner=k, nomor=4).update(bobot=Decimal(20))
    sub = SubKomponenLKE.objects.filter(komponen__kuesioner=k, komponen__nomor=2)
    sub.filter(nomor=1).update(persen=Decimal("25"))
    sub.filter(nomor=3).update(persen=Decimal("45"))
    PredikatLKE.objects.filter(kuesioner=k, huruf="AA").update(batas=Decimal("92.5"))
    harap = [
        "Komponen 1 Perencanaan Kinerja: bobot 35 (peraturan 30).",
        "Sub-komponen 2.1 Keterpenuhan: 25 % (peraturan 20 %).",
        "Sub-komponen 2.3 Pemanfaatan: 45 % (peraturan 50 %).",
        "Komponen 4 Evaluasi Akuntabilitas Kinerja Internal: bobot 20 (peraturan 25).",
        "Predikat AA: > 92,5 (peraturan > 90).",
    ]
    assert beda_kuesioner(k) == harap
    teks = teks_halaman(client.get(admin_url))
    assert all(b in teks for b in harap)
    evaluasi_mulai(opd=opd_kecamatan(), tahun=TAHUN, user=user("inspektorat"))
    client.force_login(user("operator.kecamatan"))
    teks = teks_halaman(client.get(url()))
    assert "Bobot LKE 2023 berbeda dari Peraturan Menteri PANRB Nomor 88 Tahun 2021" in teks
    assert all(b in teks for b in harap)
    pdf = client.get(reverse("laporan:lhe_pdf", args=[opd_kecamatan().pk, TAHUN])).content
    teks = " ".join(
        run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
        .stdout.decode()
        .split()
    )
    assert "berbeda dari Peraturan Menteri PANRB Nomor 88 Tahun 2021" in teks
    assert "Komponen 1 Perencanaan Kinerja: bobot 35 (peraturan 30)." in teks


# --- the OPD's evidence on its self-assessment (item 3) --------------------------------------


def test_the_opd_attaches_evidence_to_its_answers_checked_by_content_all_or_nothing(
    client, django_capture_on_commit_callbacks
):
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from lkjip_uji import gambar
    from pdf_uji import pdf_javascript, pdf_polos

    from apps.laporan.models import BuktiLKE

    ev = evaluasi_mulai(opd=opd_kecamatan(), tahun=TAHUN, user=user("inspektorat"))
    kr = list(
        KriteriaLKE.objects.filter(sub__komponen__kuesioner=ev.kuesioner).order_by(
            "sub__komponen__nomor", "sub__nomor", "nomor"
        )[:3]
    )
    folder = settings.MEDIA_ROOT / "lke-bukti"

    def berkas_disk():
        return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []

    def surat():  # the same bytes at every call: the same file chosen again
        return SimpleUploadedFile("SK Tim SAKIP.pdf", pdf_polos("SK"), "application/pdf")

    sebelum = berkas_disk()
    client.force_login(user("operator.kecamatan"))
    resp = client.post(
        url(),
        {
            "aksi": "simpan",
            f"k{kr[0].pk}-jawaban": "Y",
            f"k{kr[0].pk}-bukti": [surat()],
            f"k{kr[1].pk}-bukti": [gambar(nama="foto.png")],
        },
        follow=True,
    )
    assert "Tersimpan (1 perubahan jawaban, 2 bukti dilampirkan)." in pesan(resp)
    assert len(berkas_disk()) == len(sebelum) + 2
    teks = teks_halaman(resp)
    assert "SK Tim SAKIP.pdf" in teks and "foto.png" in teks
    # the same file again is kept once
    resp = client.post(url(), {"aksi": "simpan", f"k{kr[0].pk}-bukti": [surat()]}, follow=True)
    assert "Tidak ada perubahan." in pesan(resp) and BuktiLKE.objects.count() == 2
    # a PDF with active content beside a changed answer: named, nothing saved, no file left
    for data, galat in (
        (
            {
                f"k{kr[0].pk}-jawaban": "T",
                f"k{kr[2].pk}-bukti": [
                    SimpleUploadedFile("js.pdf", pdf_javascript(), "application/pdf")
                ],
            },
            "Bukti kriteria 1.1.3: berkas “js.pdf” ditolak karena berisi konten aktif",
        ),
        (
            {f"k{kr[0].pk}-jawaban": "X", f"k{kr[2].pk}-bukti": [surat()]},
            "Jawaban “X” tidak dikenal",
        ),
        ({"hapus-bukti": "1 OR 1=1"}, "Bukti yang akan dihapus tidak dikenal."),
        ({"hapus-bukti": "²"}, "Bukti yang akan dihapus tidak dikenal."),
        ({"hapus-bukti": "999999"}, "Bukti yang akan dihapus bukan bukti evaluasi ini."),
    ):
        resp = client.post(url(), {"aksi": "simpan", **data}, follow=True)
        semua = " ".join(pesan(resp))
        assert galat in semua and "Tidak ada yang disimpan." in semua, semua
        assert JawabanLKE.objects.get(evaluasi=ev, kriteria=kr[0]).jawaban_opd == "Y"
        assert BuktiLKE.objects.count() == 2 and len(berkas_disk()) == len(sebelum) + 2
    # the evaluator and Bagian Organisasi read and download it; another OPD gets 404
    f = BuktiLKE.objects.get(kriteria=kr[0])
    alamat = reverse("laporan:bukti_lke", args=[f.pk])
    for peran, status in (("inspektorat", 200), ("verifikator", 200), ("operator.organisasi", 404)):
        client.force_login(user(peran))
        resp = client.get(alamat)
        assert resp.status_code == status, peran
        if status == 200:
            assert b"".join(resp.streaming_content).startswith(b"%PDF")
            assert resp["Content-Disposition"].startswith("attachment")
    client.force_login(user("inspektorat"))
    assert "SK Tim SAKIP.pdf" in teks_halaman(client.get(url()))
    # the evaluator's save does not attach files to the OPD's self-assessment
    client.post(url(), {"aksi": "simpan", f"k{kr[2].pk}-bukti": [surat()]})
    assert BuktiLKE.objects.count() == 2
    # the OPD removes one; its file goes with it
    client.force_login(user("operator.kecamatan"))
    with django_capture_on_commit_callbacks(execute=True):
        resp = client.post(url(), {"aksi": "simpan", "hapus-bukti": str(f.pk)}, follow=True)
    assert "Tersimpan (1 bukti dihapus)." in pesan(resp)
    assert BuktiLKE.objects.count() == 1 and len(berkas_disk()) == len(sebelum) + 1
    # once submitted nothing is attached
    _post(client, _isian_jawaban(), "inspektorat")
    _post(client, {"aksi": "ajukan"})
    client.force_login(user("operator.kecamatan"))
    resp = client.post(url(), {"aksi": "simpan", f"k{kr[0].pk}-bukti": [surat()]}, follow=True)
    assert any("tidak dapat diubah" in p for p in pesan(resp))
    assert BuktiLKE.objects.count() == 1 and len(berkas_disk()) == len(sebelum) + 1


def test_a_criterion_holds_at_most_its_number_of_evidence_files(client, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from pdf_uji import pdf_polos

    from apps.laporan import evaluasi as ev_svc
    from apps.laporan.models import BuktiLKE

    monkeypatch.setattr(ev_svc, "BUKTI_PER_KRITERIA", 2)
    ev = evaluasi_mulai(opd=opd_kecamatan(), tahun=TAHUN, user=user("inspektorat"))
    kr = KriteriaLKE.objects.filter(sub__komponen__kuesioner=ev.kuesioner).order_by(
        "sub__komponen__nomor", "sub__nomor", "nomor"
    )[0]
    client.force_login(user("operator.kecamatan"))
    berkas = [
        SimpleUploadedFile(f"b{i}.pdf", pdf_polos(f"B{i}"), "application/pdf") for i in range(3)
    ]
    resp = client.post(url(), {"aksi": "simpan", f"k{kr.pk}-bukti": berkas}, follow=True)
    assert "Kriteria 1.1.1: paling banyak 2 berkas bukti." in " ".join(pesan(resp))
    assert not BuktiLKE.objects.exists()


def test_a_follow_up_keeps_one_evidence_file_and_a_failed_save_leaves_none(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    from django.conf import settings
    from pdf_uji import pdf_polos

    from apps.laporan import evaluasi as ev_svc
    from apps.laporan.models import RekomendasiLKE
    from apps.pengukuran.berkas import check_bukti

    ev = _final_dengan_temuan(client)
    r = RekomendasiLKE.objects.filter(evaluasi=ev).order_by("nomor").first()
    folder = settings.MEDIA_ROOT / "tindak-lanjut"

    def berkas_disk():
        return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []

    def simpan(judul):
        from django.core.files.uploadedfile import SimpleUploadedFile

        return ev_svc.tindak_lanjut_simpan(
            rekomendasi=r,
            user=user("operator.kecamatan"),
            tindakan=f"Tindakan {judul}.",
            tanggal=None,
            bukti=check_bukti(SimpleUploadedFile(f"{judul}.pdf", pdf_polos(judul))),
        )

    sebelum = berkas_disk()
    with django_capture_on_commit_callbacks(execute=True):
        pertama = simpan("pertama").bukti.name
    with django_capture_on_commit_callbacks(execute=True):
        kedua = simpan("kedua").bukti.name
    assert len(berkas_disk()) == len(sebelum) + 1 and kedua.rsplit("/", 1)[-1] in berkas_disk()
    assert pertama.rsplit("/", 1)[-1] not in berkas_disk()

    def gagal(*args, **kwargs):
        raise RuntimeError("gagal")

    monkeypatch.setattr(RekomendasiLKE, "save", gagal)
    with pytest.raises(RuntimeError):
        simpan("ketiga")
    assert len(berkas_disk()) == len(sebelum) + 1
    assert RekomendasiLKE.objects.get(pk=r.pk).bukti_nama == "kedua.pdf"


# --- the history of every answer (item 3) ----------------------------------------------------


def test_the_history_names_every_change_of_the_evaluation_who_when_before_and_after(client):
    ev = _final_dengan_temuan(client)
    kr = KriteriaLKE.objects.get(
        sub__komponen__kuesioner=ev.kuesioner, sub__komponen__nomor=1, sub__nomor=1, nomor=1
    )
    jawaban = JawabanLKE.objects.get(evaluasi=ev, kriteria=kr).jawaban
    alamat = reverse("laporan:evaluasi_riwayat", args=[ev.opd_id, TAHUN])
    client.force_login(user("operator.kecamatan"))
    assert "Riwayat perubahan" in teks_halaman(client.get(url()))
    with CaptureQueriesContext(connection) as q:
        teks = teks_halaman(client.get(alamat))
    assert len(q) <= 20
    for kalimat in (
        "Evaluasi AKIP dimulai",
        "Evaluasi AKIP diajukan ke ketua tim",
        "Evaluasi AKIP disetujui ketua tim",
        "Status Menunggu persetujuan ketua tim Final",
        "Predikat akhir B",
        f"Kriteria 1.1.1 Dibuat Jawaban evaluator {jawaban}",
        "Temuan komponen 1. Perencanaan Kinerja Dibuat Temuan Target PK 2023",
        "Rekomendasi 1. Perencanaan Kinerja nomor 2 Dibuat Rekomendasi Tetapkan PK",
    ):
        assert kalimat in teks, kalimat
    assert "Administrator Sistem" in teks and "Auditor Inspektorat" in teks
    # another OPD's user: 404
    client.force_login(user("operator.organisasi"))
    assert client.get(alamat).status_code == 404


def test_the_history_shows_an_answer_changed_from_before_to_after(client):
    ev = evaluasi_mulai(opd=opd_kecamatan(), tahun=TAHUN, user=user("inspektorat"))
    kr = KriteriaLKE.objects.get(
        sub__komponen__kuesioner=ev.kuesioner, sub__komponen__nomor=1, sub__nomor=1, nomor=1
    )
    client.force_login(user("operator.kecamatan"))
    client.post(url(), {"aksi": "simpan", f"k{kr.pk}-jawaban": "Y", f"k{kr.pk}-catatan": "Ada."})
    client.post(url(), {"aksi": "simpan", f"k{kr.pk}-jawaban": "T", f"k{kr.pk}-catatan": "Ada."})
    teks = teks_halaman(client.get(reverse("laporan:evaluasi_riwayat", args=[ev.opd_id, TAHUN])))
    terbaru, lama = teks.split("Kriteria 1.1.1", 2)[1:]
    assert "Diubah Jawaban OPD Y T" in terbaru and "Penjelasan" not in terbaru
    assert "Dibuat Jawaban OPD Y Penjelasan OPD Ada." in lama
    assert "Operator Kecamatan Magetan" in teks


# --- a year's LKE made by Bagian Organisasi (item 1) ----------------------------------------


def test_bagian_organisasi_makes_a_years_lke_from_the_last_one_or_the_regulation(client):
    from apps.laporan.lke_bawaan import beda_kuesioner

    kemarin = KuesionerLKE.objects.get(tahun=TAHUN)
    kr = KriteriaLKE.objects.filter(sub__komponen__kuesioner=kemarin).order_by("pk").first()
    KriteriaLKE.objects.filter(pk=kr.pk).update(uraian="Kriteria yang diubah kabupaten.")
    client.force_login(user("inspektorat"))
    daftar = reverse("laporan:evaluasi_daftar")
    assert "Buat LKE 2024" not in teks_halaman(client.get(daftar + "?tahun=2024"))
    assert client.post(reverse("laporan:lke_buat"), {"tahun": "2024"}).status_code == 403
    client.force_login(user("verifikator"))
    assert "Buat LKE 2024" in teks_halaman(client.get(daftar + "?tahun=2024"))
    resp = client.post(reverse("laporan:lke_buat"), {"tahun": "2024"}, follow=True)
    assert any(
        "LKE AKIP Perangkat Daerah 2024 dibuat dari LKE tahun 2023" in p for p in pesan(resp)
    )
    baru = KuesionerLKE.objects.get(tahun=2024)
    assert not baru.dikunci and beda_kuesioner(baru) == []

    def isi(k):
        return [
            (x.sub.komponen.nomor, x.sub.nomor, x.nomor, x.jenis, x.uraian, x.bukti, x.usulan)
            for x in KriteriaLKE.objects.filter(sub__komponen__kuesioner=k).order_by(
                "sub__komponen__nomor", "sub__nomor", "nomor"
            )
        ]

    assert isi(baru) == isi(kemarin) and len(isi(baru)) > 30
    assert "Kriteria yang diubah kabupaten." in [x[4] for x in isi(baru)]
    assert list(baru.predikat.values_list("huruf", "batas")) == list(
        kemarin.predikat.values_list("huruf", "batas")
    )
    # a year before every sheet: the regulation's default; a year that has one: refused
    resp = client.post(reverse("laporan:lke_buat"), {"tahun": "2017"}, follow=True)
    assert any("dari LKE bawaan Peraturan Menteri PANRB" in p for p in pesan(resp))
    for tahun, galat in (("2024", "LKE tahun 2024 sudah ada"), ("dua ribu", "Tahun")):
        jumlah = KriteriaLKE.objects.count()
        resp = client.post(reverse("laporan:lke_buat"), {"tahun": tahun}, follow=True)
        assert any(galat in p for p in pesan(resp)), pesan(resp)
        assert KriteriaLKE.objects.count() == jumlah


def test_a_lost_final_lhe_file_is_404_and_said_by_the_shell_never_rendered_again(client, tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    ev = _final_dengan_temuan(client)
    ev.berkas_lhe.storage.delete(ev.berkas_lhe.name)
    client.force_login(user("inspektorat"))
    assert client.get(reverse("laporan:lhe_pdf", args=[ev.opd_id, TAHUN])).status_code == 404
    with pytest.raises(CommandError, match="tidak ditemukan di penyimpanan"):
        call_command("lhe_pdf", "--opd", "7.01.01", "--tahun", "2023", "--output", str(tmp_path))
    assert not list(tmp_path.iterdir())


def test_the_recap_of_a_year_without_an_lke_lists_every_opd_as_not_started(client):
    import io

    from openpyxl import load_workbook

    client.force_login(user("verifikator"))
    teks = teks_halaman(client.get(url("laporan:evaluasi_daftar", tahun=2030)))
    assert "Belum ada LKE tahun 2030" in teks and "Buat LKE 2030" in teks
    resp = client.get(reverse("laporan:evaluasi_rekap", args=[2030, "xlsx"]))
    ws = load_workbook(io.BytesIO(resp.content)).active
    status = [r[3].value for r in ws.iter_rows() if r[1].value in ("7.01.01", "4.01.01.06")]
    assert status == ["Belum dimulai", "Belum dimulai"]
    resp = client.get(reverse("laporan:evaluasi_rekap", args=[2030, "pdf"]))
    assert resp.status_code == 200 and resp.content.startswith(b"%PDF")


# --- who is told (item 3, item 5) ---------------------------------------------------------------


def test_each_step_tells_the_ones_who_act_next(client):
    from apps.core.models import Notifikasi
    from apps.laporan.evaluasi import (
        evaluasi_ajukan,
        evaluasi_kembalikan,
        evaluasi_setujui,
        temuan_simpan,
        tindak_lanjut_simpan,
    )
    from apps.laporan.models import RekomendasiLKE

    def judul(username):
        return list(
            Notifikasi.objects.filter(penerima__username=username)
            .order_by("pk")
            .values_list("judul", flat=True)
        )

    alamat = url()
    ev = evaluasi_mulai(opd=opd_kecamatan(), tahun=TAHUN, user=user("inspektorat"))
    for u in ("operator.kecamatan", "pimpinan.kecamatan"):
        assert judul(u) == ["Evaluasi AKIP 2023 dimulai: isi penilaian mandiri"]
    assert judul("operator.organisasi") == []
    assert Notifikasi.objects.get(penerima__username="operator.kecamatan").tautan == alamat
    _post(client, _isian_jawaban(), "inspektorat")
    evaluasi_ajukan(evaluasi=ev, user=user("inspektorat"))
    assert judul("ketua.inspektorat") == [f"{ev} menunggu persetujuan ketua tim"]
    assert judul("inspektorat") == []  # not the one who submitted
    evaluasi_kembalikan(evaluasi=ev, user=user("ketua.inspektorat"), catatan="Periksa 1.2.4.")
    assert judul("inspektorat") == [f"{ev} dikembalikan ketua tim"]
    assert Notifikasi.objects.get(penerima__username="inspektorat").pesan == (
        "Catatan ketua tim: Periksa 1.2.4."
    )
    k = ev.kuesioner.komponen.get(nomor=1)
    temuan_simpan(evaluasi=ev, user=user("inspektorat"), isian={k.pk: ("", "Rekomendasi uji.")})
    evaluasi_ajukan(evaluasi=ev, user=user("inspektorat"))
    evaluasi_setujui(evaluasi=ev, user=user("ketua.inspektorat"))
    assert (
        judul("operator.kecamatan")[-1] == "LHE Evaluasi AKIP 2023 terbit: nilai 65,24, predikat B"
    )
    assert "1 rekomendasi perlu ditindaklanjuti" in (
        Notifikasi.objects.filter(penerima__username="operator.kecamatan")
        .order_by("pk")
        .last()
        .pesan
    )
    tindak_lanjut_simpan(
        rekomendasi=RekomendasiLKE.objects.get(evaluasi=ev),
        user=user("operator.kecamatan"),
        tindakan="Sudah.",
        tanggal=None,
    )
    teks = "Tindak lanjut Kecamatan Magetan: rekomendasi 1.1"
    assert judul("inspektorat")[-1] == teks and judul("ketua.inspektorat")[-1] == teks
