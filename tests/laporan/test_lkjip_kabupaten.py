"""The LKjIP of the Pemerintah Kabupaten (issue 19, items 5 and 6): the demo's 2023 draft
renders every chapter with the figures the pages show (IKU Pemda, each OPD's capaian and
predikat, the budget by OPD and by program, the PK Bupati and the pohon kinerja annexed); its
words are saved all or nothing by Bagian Organisasi; it is finalised (PDF/A-3b, checksum,
QR verification, embedded data), verified and revised through the OPD report's own code;
the shell writes it; its queries do not grow with the number of OPDs; its PDF passes the
LKjIP's layout checks; who may open or change it."""

import datetime
import io
import json
import re
import subprocess
from decimal import Decimal

import pikepdf
import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from izin import SALAH_METODE, kasus
from perencanaan_uji import pesan, user
from realisasi_uji import teks_halaman
from tata_letak_uji import masalah_tata_letak, sel_meluap

from apps.anggaran.perhitungan import jumlahkan
from apps.core.angka import format_persen, format_rupiah
from apps.core.models import OPD, Pejabat
from apps.core.pdf import tata_letak
from apps.laporan import services
from apps.laporan.demo.loader import load_synthetic
from apps.laporan.lkjip_kabupaten import (
    TEMPLAT_KABUPATEN,
    dokumen_lkjip_kabupaten,
    lkjip_kabupaten_terbaru,
    render_lkjip_kabupaten_pdf,
)
from apps.laporan.models import ANALISIS, NARASI, NARASI_WAJIB, AnalisisSasaran, LaporanKinerja
from apps.laporan.selectors import dasbor
from apps.pengukuran.models import RealisasiDaerah
from apps.perencanaan.models import IndikatorDaerah, PKBupati, SasaranDaerah
from apps.perencanaan.services import pk_bupati_finalize, pk_bupati_save

pytestmark = pytest.mark.django_db

TAHUN = 2023
TANGGAL = datetime.date(2024, 3, 15)
HANYA_SEMUA_OPD = (200, 200, 200, 403, 403, 403, 302)

# url name                           method  admin verif inspek opKec pimKec opOrg anonim
TABEL = [
    ("laporan:lkjip_kabupaten", "GET", HANYA_SEMUA_OPD),
    # a POST of an empty form: saved (nothing changed) by those who keep master data
    ("laporan:lkjip_kabupaten", "POST", (302, 302, 403, 403, 403, 403, 302)),
    ("laporan:lkjip_kabupaten_pdf", "GET", HANYA_SEMUA_OPD),
    ("laporan:lkjip_kabupaten_pdf", "POST", SALAH_METODE),
]


def url(nama: str = "laporan:lkjip_kabupaten", tahun: int = TAHUN) -> str:
    return reverse(nama, args=[tahun])


def laporan() -> LaporanKinerja:
    return lkjip_kabupaten_terbaru(TAHUN)


def teks_pdf(isi: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=isi, capture_output=True, check=True
    ).stdout.decode()


def test_every_url_of_the_page_is_in_the_table():
    from apps.laporan import urls

    assert {
        f"laporan:{p.name}"
        for p in urls.urlpatterns
        if p.callback.__module__ == "apps.laporan.views.kabupaten"
    } == {n for n, _, _ in TABEL}


@pytest.mark.parametrize(("nama", "metode", "peran", "status"), kasus(TABEL))
def test_permission_table(client, nama, metode, peran, status):
    if peran != "anonim":
        client.force_login(user(peran))
    sebelum = list(LaporanKinerja.objects.filter(opd=None).values())
    resp = client.post(url(nama), {}) if metode == "POST" else client.get(url(nama))
    assert resp.status_code == status, (nama, metode, peran)
    if peran == "anonim":
        assert resp["Location"].startswith("/masuk/?next=")
    elif nama == "laporan:lkjip_kabupaten_pdf" and status == 200:
        assert resp["Content-Type"] == "application/pdf"
    elif nama == "laporan:lkjip_kabupaten" and status == 200:
        assert "LKjIP Pemerintah Kabupaten tahun 2023" in teks_halaman(resp)
    if status != 302 or peran == "anonim":
        assert list(LaporanKinerja.objects.filter(opd=None).values()) == sebelum


def test_an_operator_cannot_reach_the_kabupaten_report_by_its_id(client):
    """The report's final file, revision, finalising and verification pages take its id: an
    OPD's user gets 404 as for another OPD's report."""
    lap = laporan()
    client.force_login(user("pimpinan.kecamatan"))
    for nama in ("lkjip_finalkan", "lkjip_revisi", "lkjip_diverifikasi"):
        assert client.post(reverse(f"laporan:{nama}", args=[lap.pk])).status_code == 404
    assert client.get(reverse("laporan:lkjip_final_pdf", args=[lap.pk])).status_code == 404
    lap.refresh_from_db()
    assert lap.status == "draft"


# --- the demo's draft -------------------------------------------------------------------


def test_the_demo_draft_of_2023_is_complete_with_the_figures_of_the_pages(client):
    lap = laporan()
    assert lap is not None and lap.status == "draft" and lap.penandatangan.opd_id is None
    assert not [n for n in NARASI_WAJIB if not getattr(lap, n).strip()]
    dok = dokumen_lkjip_kabupaten(tahun=TAHUN)
    assert [s.sasaran.uraian for s in dok.sasaran] == [
        "Meningkatkan Kepuasan Masyarakat Terhadap Pelayanan Publik",
        "Meningkatnya Akuntabilitas Kinerja dan Reformasi Birokrasi",
    ]
    for s in dok.sasaran:
        assert s.analisis_model is not None
        assert not [n for n in services.ANALISIS_WAJIB if not getattr(s.analisis_model, n)]
    client.force_login(user("verifikator"))
    resp = client.get(url("laporan:lkjip_kabupaten_pdf"))
    assert resp.status_code == 200
    teks = teks_pdf(resp.content)
    assert "(belum diisi)" not in teks
    for judul in (
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "BAB I",
        "Gambaran Umum Daerah dan Pemerintahan",
        "RPJMD Kabupaten Magetan 2018-2023",
        "Perjanjian Kinerja Bupati Tahun 2023",
        "Capaian Kinerja Pemerintah Daerah",
        "Capaian Kinerja Perangkat Daerah",
        "Realisasi Anggaran per Perangkat Daerah",
        "Realisasi Anggaran per Program",
        "BAB IV",
        "POHON KINERJA TAHUN 2023",
        "PEMERINTAH KABUPATEN MAGETAN",
    ):
        assert judul in teks, judul
    for n in range(1, 8):  # the seven analyses of each sasaran daerah
        assert teks.count(f"{n}. ") >= 2
    # every active OPD's capaian and predikat as the dashboard computes them
    baris = dasbor(OPD.objects.filter(aktif=True).order_by("kode"), TAHUN)
    dinilai = [b for b in baris if b.capaian.nilai is not None]
    assert dinilai
    for b in dinilai:
        assert format_persen(b.capaian.nilai) in teks
    # the kabupaten's budget: the sum of every OPD's DPA in force
    total = jumlahkan(b.anggaran for b in baris if b.anggaran)
    assert total.pagu > 0
    assert format_rupiah(total.pagu, sen=None) in teks
    assert dok.total_anggaran == total
    assert sum((p.rekap.pagu for p in dok.program), Decimal(0)) == total.pagu
    # the PK Bupati of the year (a draft in the demo) and its targets
    assert "masih draf" in teks and "Indeks Kepuasan Masyarakat" in teks
    assert "DRAF" in teks


def test_the_iku_pemda_figures_are_those_of_the_iku_pemda_page(client):
    """2019 (the year Bagian Organisasi's indicators have values): the report's IKU rows and
    the IKU Pemda page show the same annual values and capaian."""
    dok = dokumen_lkjip_kabupaten(tahun=2019)
    iku = {i.indikator.nama: i for s in dok.sasaran for i in s.indikator}
    ikm = iku["Indeks Kepuasan Masyarakat"]
    assert ikm.hasil.tahunan.nilai == Decimal("79.41")
    assert format_persen(ikm.hasil.capaian.nilai) == "99,26 %"
    assert format_persen(
        iku["Persentase Kelompok Budaya Kerja (KBK) aktif"].hasil.capaian.nilai
    ) == ("100,00 %")
    client.force_login(user("inspektorat"))
    halaman = teks_halaman(client.get(reverse("pengukuran:iku_pemda", args=[2019, 4])))
    assert "99,26 %" in halaman
    isi = render_lkjip_kabupaten_pdf(tahun=2019)
    assert "99,26 %" in teks_pdf(isi)


# --- writing ---------------------------------------------------------------------------


def _isian(lap, **ubah) -> dict:
    """The editing page's form as posted: the stored words, then `ubah`."""
    data = {n: getattr(lap, n) for n in NARASI}
    data |= {"tempat": lap.tempat, "tanggal": "", "penandatangan": lap.penandatangan_id or ""}
    for a in lap.analisis.select_related("sasaran_daerah"):
        for n in ANALISIS:
            data[f"d{a.sasaran_daerah_id}-{n}"] = getattr(a, n)
    return data | ubah


def test_bagian_organisasi_saves_the_words_and_the_date_with_history(client):
    lap = laporan()
    client.force_login(user("verifikator"))
    sd = SasaranDaerah.objects.get(uraian__startswith="Meningkatkan Kepuasan")
    resp = client.post(
        url(),
        _isian(
            lap,
            tanggal="15 Maret 2024",
            saran="Saran baru **tebal**.",
            **{f"d{sd.pk}-standar_nasional": "IKM nasional 80."},
        ),
    )
    assert resp.status_code == 302
    lap.refresh_from_db()
    assert lap.tanggal == TANGGAL and lap.saran == "Saran baru **tebal**."
    assert AnalisisSasaran.objects.get(laporan=lap, sasaran_daerah=sd).standar_nasional == (
        "IKM nasional 80."
    )
    assert lap.history.first().history_user == user("verifikator")
    teks = teks_halaman(client.get(url()))
    assert "Saran baru" in teks


@pytest.mark.parametrize(
    ("ubah", "galat"),
    [
        ({"tanggal": "31 Februari 2024"}, "Tanggal"),
        ({"saran": "x" * 20_001}, "paling banyak"),
        ({"penandatangan": "pejabat-opd"}, "kepala daerah"),
        ({"penandatangan": "999999"}, "kepala daerah"),
    ],
    ids=["tanggal", "terlalu-panjang", "pejabat-opd", "tidak-ada"],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_changes(client, ubah, galat):
    lap = laporan()
    if ubah.get("penandatangan") == "pejabat-opd":
        ubah = {"penandatangan": str(Pejabat.objects.filter(opd__isnull=False).first().pk)}
    sebelum = (list(LaporanKinerja.objects.filter(opd=None).values()), lap.history.count())
    client.force_login(user("verifikator"))
    resp = client.post(url(), _isian(lap, kesimpulan="Diubah.", **ubah), follow=True)
    assert any(galat in p for p in pesan(resp)), pesan(resp)
    assert any("tidak ada yang disimpan" in p.lower() for p in pesan(resp))
    assert (list(LaporanKinerja.objects.filter(opd=None).values()), lap.history.count()) == sebelum


def test_the_service_refuses_an_opd_official_and_a_sasaran_of_another_period():
    lap = laporan()
    pejabat = Pejabat.objects.filter(opd__isnull=False, aktif=True).first()
    with pytest.raises(ValidationError, match="kepala daerah"):
        services.laporan_update(
            opd=None,
            tahun=TAHUN,
            user=user("verifikator"),
            isian=services.IsianLKjIP(nilai={"penandatangan": pejabat}),
            sasaran_sah=set(),
        )
    sd = SasaranDaerah.objects.first()
    with pytest.raises(ValidationError, match="sasaran RPJMD"):
        services.laporan_update(
            opd=None,
            tahun=TAHUN,
            user=user("verifikator"),
            isian=services.IsianLKjIP(analisis={sd: {"uraian": "x"}}),
            sasaran_sah=set(),
        )
    lap2 = laporan()
    assert (lap2.penandatangan_id, lap2.history.count()) == (
        lap.penandatangan_id,
        lap.history.count(),
    )


# --- final, verification, revision --------------------------------------------------------


def _siap_final() -> LaporanKinerja:
    """What the demo's draft lacks to be signed: a date, a final PK Bupati, and the IKU
    values of 2023 (typed by Bagian Organisasi: the Bagian's own PK 2023 is not in the demo)."""
    lap = laporan()
    lap.tanggal = TANGGAL
    lap.save()
    pk = PKBupati.objects.get(tahun=TAHUN)
    pk_bupati_save(pk=pk, tempat="Magetan", tanggal=datetime.date(2023, 1, 31), target={})
    pk_bupati_finalize(pk=pk, user=user("verifikator"))
    for iku, nilai in (("Indeks Kepuasan Masyarakat", "82.5"), ("Persentase Kelompok", "20")):
        i = IndikatorDaerah.objects.get(
            nama__startswith=iku, sasaran__tujuan__periode__tahun_awal=2018
        )
        i.sumber = None
        i.save()
        RealisasiDaerah.objects.create(
            indikator=i, tahun=TAHUN, triwulan=4, nilai=Decimal(nilai), status="draft"
        )
    return lap


def test_finalising_lists_every_gap_and_changes_nothing(client):
    lap = laporan()
    lap.tempat = ""
    lap.save()
    client.force_login(user("verifikator"))
    resp = client.post(reverse("laporan:lkjip_finalkan", args=[lap.pk]), follow=True)
    teks = " ".join(pesan(resp))
    assert "Tempat penandatanganan belum diisi" in teks
    assert "Tanggal penandatanganan belum diisi" in teks
    assert "Belum ada Perjanjian Kinerja Bupati final tahun 2023" in teks
    assert "IKU Pemda tanpa realisasi tahunan: Indeks Kepuasan Masyarakat" in teks
    assert "LKjIP belum difinalkan" in teks
    assert resp.redirect_chain[-1][0] == url()
    lap.refresh_from_db()
    assert lap.status == "draft" and not lap.berkas_final


def test_final_pdf_is_pdfa3b_with_its_data_its_code_and_a_revision_keeps_it(client, tmp_path):
    lap = _siap_final()
    client.force_login(user("verifikator"))
    resp = client.post(reverse("laporan:lkjip_finalkan", args=[lap.pk]), follow=True)
    assert any("difinalkan" in p for p in pesan(resp)), pesan(resp)
    lap.refresh_from_db()
    assert lap.status == "final" and lap.opd_nama_final == "Pemerintah Kabupaten Magetan"
    unduh = client.get(reverse("laporan:lkjip_final_pdf", args=[lap.pk]))
    isi = b"".join(unduh.streaming_content)
    assert 'filename="lkjip-kabupaten-2023.pdf"' in unduh["Content-Disposition"]
    teks = teks_pdf(isi)
    assert "DRAF" not in teks and lap.kode_verifikasi in teks
    assert "82,5" in teks and format_persen(Decimal("82.5") / 80 * 100) in teks
    with pikepdf.open(io.BytesIO(isi)) as pdf:
        assert pdf.open_metadata().get("pdfaid:part") == "3"
        lampiran = {str(f.F): f.EF.F.read_bytes() for f in pdf.Root.AF}
    assert set(lampiran) == {"lkjip-kabupaten-2023.json", "lkjip-kabupaten-2023.xlsx"}
    data = json.loads(lampiran["lkjip-kabupaten-2023.json"])
    assert data["pemda"]["nama"] == "Pemerintah Kabupaten Magetan"
    baris = data["tabel"]["pengukuran"]["baris"]
    assert [b[2] for b in baris] == [
        "Indeks Kepuasan Masyarakat",
        "Persentase Kelompok Budaya Kerja (KBK) aktif",
    ]
    assert [b[7] for b in baris] == [103.13, 80]
    opd = {b[0]: b for b in data["tabel"]["capaian_opd"]["baris"]}
    assert set(opd) >= {o.kode for o in OPD.objects.filter(aktif=True)}
    # the public verification page
    halaman = teks_halaman(client.get(reverse("verifikasi", args=[lap.kode_verifikasi])))
    assert "Pemerintah Daerah" in halaman and "Pemerintah Kabupaten Magetan" in halaman
    # the editing page is read-only; a revision copies the words and keeps the file
    assert "tidak dapat diubah oleh siapa pun" in teks_halaman(client.get(url()))
    resp = client.post(
        reverse("laporan:lkjip_revisi", args=[lap.pk]), {"alasan_revisi": "Data IKM dikoreksi."}
    )
    assert resp.status_code == 302 and resp["Location"] == url()
    baru = laporan()
    assert baru.revisi == 1 and baru.status == "draft" and baru.kesimpulan == lap.kesimpulan
    assert baru.analisis.filter(sasaran_daerah__isnull=False).count() == 2
    assert client.get(reverse("laporan:lkjip_final_pdf", args=[lap.pk])).status_code == 200


# --- the shell ------------------------------------------------------------------------------


def test_the_shell_writes_the_kabupaten_report_into_a_folder(tmp_path, capsys):
    call_command("lkjip_pdf", "--kabupaten", "--tahun", "2023", "--output", str(tmp_path / "out"))
    berkas = tmp_path / "out" / "lkjip-kabupaten-2023.pdf"
    teks = teks_pdf(berkas.read_bytes())
    assert "PEMERINTAH KABUPATEN MAGETAN" in teks and "DRAF" in teks
    assert "lkjip-kabupaten-2023.pdf" in capsys.readouterr().err
    call_command("lkjip_pdf", "--kabupaten", "--tahun", "2023", "--output", str(tmp_path / "k.pdf"))
    assert (tmp_path / "k.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(CommandError, match="tidak dikenal"):
        call_command("lkjip_pdf", "--kabupaten", "--tahun", "1800", "--output", str(tmp_path))
    with pytest.raises(CommandError, match="--output wajib"):
        call_command("lkjip_pdf", "--kabupaten", "--tahun", "2023")


# --- scale and layout -------------------------------------------------------------------------


def _query(tahun: int) -> int:
    with CaptureQueriesContext(connection) as q:
        dokumen_lkjip_kabupaten(tahun=tahun)
    return len(q)


def test_the_report_costs_the_same_queries_for_5_or_100_opds(client):
    verifikator = user("verifikator")
    load_synthetic(5, None, verifikator)
    sedikit = _query(2025)
    client.force_login(verifikator)
    assert client.get(url(tahun=2025)).status_code == 200
    load_synthetic(100, None, verifikator)
    banyak = _query(2025)
    assert banyak == sedikit
    assert banyak <= 60
    dok = dokumen_lkjip_kabupaten(tahun=2025)
    assert len(dok.opd) == OPD.objects.filter(aktif=True).count() >= 100
    assert [s.sasaran.uraian for s in dok.sasaran][-1] == "Sasaran daerah sintetis 3"
    with CaptureQueriesContext(connection) as q:
        assert client.get(url(tahun=2025)).status_code == 200
    halaman = len(q)
    load_synthetic(5, None, verifikator)  # no change: loading again writes nothing
    with CaptureQueriesContext(connection) as q:
        client.get(url(tahun=2025))
    assert len(q) == halaman


def test_the_printed_report_keeps_its_layout():
    dok = dokumen_lkjip_kabupaten(tahun=TAHUN)
    assert sel_meluap(tata_letak(TEMPLAT_KABUPATEN, {"dok": dok, "draf": True})) == []
    assert masalah_tata_letak(render_lkjip_kabupaten_pdf(tahun=TAHUN)) == []


def test_the_printed_report_of_100_synthetic_opds_keeps_its_layout():
    load_synthetic(100, None, user("verifikator"))
    isi = render_lkjip_kabupaten_pdf(tahun=2025)
    teks = teks_pdf(isi)
    assert "Dinas Sintetis 100" in teks and "Sasaran daerah sintetis 3" in teks
    assert masalah_tata_letak(isi) == []
    assert re.search(r"Capaian Kinerja Perangkat Daerah Tahun 2025", teks)


def test_the_proposed_ikhtisar_is_written_from_the_reports_own_figures_and_saves_nothing(
    client,
):
    """2019: the demo's IKU Pemda have their values (IKM 99,26 %); every figure of the
    proposal is the report's own (dokumen_lkjip_kabupaten), nothing is saved until Simpan."""
    from django.utils.html import escape

    dok = dokumen_lkjip_kabupaten(tahun=2019)
    alamat = reverse("laporan:lkjip_kabupaten", args=[2019])
    sebelum = list(
        LaporanKinerja.objects.filter(opd__isnull=True).values("pk", "ikhtisar_eksekutif")
    )
    client.force_login(user("inspektorat"))
    assert client.post(alamat, {"aksi": "usulan"}).status_code == 403
    client.force_login(user("verifikator"))
    resp = client.post(alamat, {"aksi": "usulan"})
    assert resp.status_code == 200
    assert any("Usulan ikhtisar eksekutif disusun" in p for p in pesan(resp))
    html = resp.content.decode()
    usulan = services.ikhtisar_kabupaten_usulan(2019)
    assert escape(usulan.strip()) in html  # in the text area, to be edited
    assert f"mengukur **{len(dok.sasaran)} sasaran daerah**" in usulan
    assert f"**{dok.jumlah_indikator} Indikator Kinerja Utama**" in usulan
    assert f"{len(dok.indikator_tercapai)} IKU mencapai atau melampaui targetnya" in usulan
    tanpa = sum(1 for i in dok.indikator_belum if not i.hasil.capaian.ada)
    assert f"{len(dok.indikator_belum) - tanpa} IKU belum mencapai targetnya" in usulan
    if dok.capaian.ada:
        assert format_persen(dok.capaian.nilai) in usulan
    total = dok.total_anggaran
    if total is not None:
        assert format_rupiah(total.pagu, sen=None) in usulan
    assert (
        list(LaporanKinerja.objects.filter(opd__isnull=True).values("pk", "ikhtisar_eksekutif"))
        == sebelum
    )
    resp = client.post(alamat, {"aksi": "hapus-semua"}, follow=True)
    assert any("Tindakan tidak dikenal" in p for p in pesan(resp))
