"""The final LKjIP as its readers meet it: the pimpinan finalises Kecamatan Magetan 2023 on the
editing page, the data changes afterwards, and the stored PDF still downloads byte for byte;
it is PDF/A-3b with its tables as JSON and xlsx attachments equal to the engines' numbers and
a QR code with the verification code on its last page; the public verification page shows
the facts only and checks an uploaded copy; missing requirements are all listed; a revision
keeps the earlier file verifiable."""

import datetime
import hashlib
import io
import json
import re
import shutil
import subprocess
from decimal import Decimal

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from lkjip_uji import laporan_kec, potret, siap_final, url_ubah
from openpyxl import load_workbook
from perencanaan_uji import pesan, user
from realisasi_uji import teks_halaman

from apps.core.angka import bulatkan, format_angka, format_persen
from apps.laporan import services
from apps.laporan.forms import NARASI
from apps.laporan.lkjip import dokumen_lkjip
from apps.laporan.models import AnalisisSasaran, LaporanKinerja
from apps.pengukuran.models import Realisasi

pytestmark = pytest.mark.django_db


def url_final(lap) -> str:
    return reverse("laporan:lkjip_final_pdf", args=[lap.pk])


def url_verifikasi(lap_atau_kode) -> str:
    kode = getattr(lap_atau_kode, "kode_verifikasi", lap_atau_kode)
    return reverse("verifikasi", args=[kode])


def finalkan(client, lap, peran="pimpinan.kecamatan"):
    client.force_login(user(peran))
    return client.post(reverse("laporan:lkjip_finalkan", args=[lap.pk]))


@pytest.fixture
def final(client):
    """Kecamatan 2023 finalised by its pimpinan through the editing page: the report and the
    bytes stored at that moment."""
    lap = siap_final()
    AnalisisSasaran.objects.filter(
        laporan=lap, sasaran=services.sasaran_lkjip(lap.opd, 2023)[0]
    ).update(uraian="Analisis sasaran pertama.")
    resp = finalkan(client, lap)
    assert resp.status_code == 302 and resp["Location"] == url_ubah()
    lap.refresh_from_db()
    with lap.berkas_final.open("rb") as f:
        isi = f.read()
    assert any("difinalkan" in p and lap.kode_verifikasi in p for p in pesan(resp))
    client.logout()
    return lap, isi


def program(nama: str) -> str:
    jalur = shutil.which(nama)
    assert jalur, f"{nama} tidak ditemukan: pasang poppler-utils (scripts/apt-deps.sh)"
    return jalur


def jalankan(*args, masukan: bytes | None = None) -> str:
    return subprocess.run(
        args, input=masukan, capture_output=True, check=True, timeout=60
    ).stdout.decode()


def unduh(client, lap) -> bytes:
    resp = client.get(url_final(lap))
    assert resp.status_code == 200
    assert resp["Content-Type"] == "application/pdf"
    return b"".join(resp.streaming_content)


def test_final_file_is_stored_once_and_never_follows_the_data(client, final):
    lap, isi = final
    assert lap.status == LaporanKinerja.Status.FINAL
    assert lap.sha256 == hashlib.sha256(isi).hexdigest()
    assert re.fullmatch(r"[A-HJKMNP-TW-Z2-9]{10}", lap.kode_verifikasi)
    assert lap.difinalkan_oleh.username == "pimpinan.kecamatan"
    assert lap.difinalkan_pada is not None
    # A random file name: knowing the OPD, year and revision is not enough to guess it.
    assert re.fullmatch(r"lkjip/7\.01\.01-2023-r0-[\w-]{32}\.pdf", lap.berkas_final.name)

    # The data changes after finalisation: a realisasi value of 2023 and the narrative.
    r = (
        Realisasi.objects.filter(
            indikator__sasaran__tujuan__renstra__opd=lap.opd, tahun=2023, nilai__isnull=False
        )
        .order_by("-triwulan")
        .first()
    )
    r.nilai += Decimal("7.5")
    r.save()
    LaporanKinerja.objects.filter(pk=lap.pk).update(kesimpulan="Kesimpulan diubah sesudahnya.")

    client.force_login(user("verifikator"))
    unduhan = unduh(client, lap)
    assert unduhan == isi
    assert hashlib.sha256(unduhan).hexdigest() == lap.sha256
    # The draft PDF address of the year leads to the stored file, never a new rendering.
    resp = client.get(reverse("laporan:lkjip_pdf", args=[lap.opd_id, 2023]))
    assert resp.status_code == 302 and resp["Location"] == url_final(lap)
    # Nobody edits a final report, its own pimpinan included.
    client.force_login(user("pimpinan.kecamatan"))
    resp = client.post(url_ubah(), {"aksi": "simpan", "saran": "Diubah sesudah final"})
    assert "berstatus final: tidak dapat diubah oleh siapa pun" in " ".join(pesan(resp))
    assert "Diubah sesudah final" not in LaporanKinerja.objects.get(pk=lap.pk).saran


def test_final_pdf_is_pdfa3b_without_draf_with_code_and_url_on_its_last_page(final, tmp_path):
    lap, isi = final
    meta = jalankan(program("pdfinfo"), "-meta", "-", masukan=isi)
    assert 'pdfaid:part="3"' in meta and 'pdfaid:conformance="B"' in meta
    halaman = int(
        re.search(r"^Pages:\s+(\d+)", jalankan(program("pdfinfo"), "-", masukan=isi), re.M).group(1)
    )
    teks = jalankan(program("pdftotext"), "-layout", "-", "-", masukan=isi)
    assert "DRAF" not in teks
    assert "(belum diisi)" not in teks
    akhir = jalankan(
        program("pdftotext"), "-f", str(halaman), "-l", str(halaman), "-", "-", masukan=isi
    )
    assert lap.kode_verifikasi in akhir
    assert f"http://127.0.0.1:8000/verifikasi/{lap.kode_verifikasi}/" in akhir
    assert lap.kode_verifikasi not in jalankan(
        program("pdftotext"), "-l", str(halaman - 1), "-", "-", masukan=isi
    )


def test_final_pdf_meets_what_pdfa3b_asks_checked_with_pikepdf(final):
    """No PDF/A validator can be installed here: what PDF/A-3b asks is read from the file
    (issue 18, item 13): XMP identification, an output intent with its ICC profile, every
    font embedded, no encryption, no transparency, each attachment listed once in /AF with
    its relationship, MIME type and dates; and the document is tagged (PDF/UA structure)."""
    _, isi = final
    with pikepdf.open(io.BytesIO(isi)) as pdf:
        assert not pdf.is_encrypted
        meta = pdf.open_metadata()
        assert (meta.get("pdfaid:part"), meta.get("pdfaid:conformance")) == ("3", "B")
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == pikepdf.Name("/GTS_PDFA1") and "/DestOutputProfile" in intent
        font = [
            o
            for o in pdf.objects
            if isinstance(o, pikepdf.Dictionary)
            and o.get("/Type") == pikepdf.Name("/Font")
            and o.get("/Subtype") != pikepdf.Name("/Type0")
        ]
        assert font
        for f in font:
            fd = f.FontDescriptor
            assert any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")), f.BaseFont
        for halaman in pdf.pages:
            grup = halaman.obj.get("/Group")
            assert grup is None or grup.get("/S") != pikepdf.Name("/Transparency")
        assert not any(
            isinstance(o, pikepdf.Dictionary)
            and o.get("/SMask") not in (None, pikepdf.Name("/None"))
            for o in pdf.objects
        )
        af = list(pdf.Root.AF)
        assert [str(f.F) for f in af] == ["lkjip-7.01.01-2023.json", "lkjip-7.01.01-2023.xlsx"]
        assert len({f.objgen for f in af}) == len(af)
        for f in af:
            assert f.AFRelationship == pikepdf.Name("/Data")
            assert str(f.EF.F.Subtype).startswith("/application/")
            assert "/ModDate" in f.EF.F.Params
        assert "/StructTreeRoot" in pdf.Root and pdf.Root.MarkInfo.Marked


def _lampiran(isi: bytes, folder) -> dict[str, bytes]:
    pdf = folder / "final.pdf"
    pdf.write_bytes(isi)
    daftar = jalankan(program("pdfdetach"), "-list", str(pdf))
    nama = re.findall(r"^\d+: (.+)$", daftar, re.M)
    assert nama == ["lkjip-7.01.01-2023.json", "lkjip-7.01.01-2023.xlsx"], daftar
    jalankan(program("pdfdetach"), "-saveall", "-o", str(folder), str(pdf))
    return {n.rsplit(".", 1)[1]: (folder / n).read_bytes() for n in nama}


def _kolom(tabel: dict, label: str) -> int:
    return tabel["kolom"].index(label)


def test_attachments_hold_the_numbers_the_engines_compute(final, tmp_path):
    """JSON and xlsx carry every table's numbers, equal to dokumen_lkjip's (the object the
    PDF is printed from): capaian 105,91 / 109,11 / 128,76 / 120,17, serapan 98,25."""
    lap, isi = final
    berkas = _lampiran(isi, tmp_path)
    data = json.loads(berkas["json"])
    assert data["opd"]["nama"] == "Kecamatan Magetan" and data["tahun"] == 2023
    assert data["kode_verifikasi"] == lap.kode_verifikasi
    dok = dokumen_lkjip(opd=lap.opd, tahun=2023, laporan=lap)

    ukur = data["tabel"]["pengukuran"]
    assert ukur["judul"] == dok.tabel["pengukuran"].label
    c = _kolom(ukur, "Capaian (%)")
    harap = [i.hasil.capaian.nilai for s in dok.sasaran for i in s.indikator]
    assert [Decimal(str(b[c])) for b in ukur["baris"]] == [bulatkan(h) for h in harap]
    assert [format_persen(Decimal(str(b[c]))) for b in ukur["baris"]] == [
        "105,91 %",
        "109,11 %",
        "128,76 %",
        "120,17 %",
    ]
    assert [b[_kolom(ukur, "Indikator Kinerja")] for b in ukur["baris"]] == [
        i.indikator.nama for s in dok.sasaran for i in s.indikator
    ]
    organisasi = data["tabel"]["capaian_sasaran"]["baris"][-1]
    assert Decimal(str(organisasi[3])) == bulatkan(dok.kinerja.capaian.nilai)

    program_ = data["tabel"]["anggaran_program"]
    jumlah = program_["baris"][-1]
    total = dok.anggaran.total
    assert jumlah[1] == "JUMLAH"
    assert jumlah[_kolom(program_, "Pagu (Rp)")] == int(total.pagu) == 15_498_982_788
    assert jumlah[_kolom(program_, "Realisasi (Rp)")] == int(total.realisasi) == 15_228_228_125
    assert (
        Decimal(str(jumlah[_kolom(program_, "Serapan (%)")]))
        == bulatkan(total.serapan.nilai)
        == Decimal("98.25")
    )
    assert len(program_["baris"]) == len(dok.program) + 1

    banding = data["tabel"]["perbandingan"]
    assert len(banding["baris"]) == 3 * len(harap)
    ikm = [b for b in banding["baris"] if b[1] == "Indeks Kepuasan Masyarakat"]
    assert [b[2] for b in ikm] == [2021, 2022, 2023]
    assert [b[5] for b in ikm] == [None, 111.11, 105.91]
    kemajuan = data["tabel"]["kemajuan_renstra"]
    ikm = next(b for b in kemajuan["baris"] if b[1] == "Indeks Kepuasan Masyarakat")
    assert ikm[2:5] == [90.02, 90.1, 99.91]
    per_sasaran = data["tabel"]["anggaran_sasaran"]
    assert per_sasaran["baris"][-1][4:6] == [15_498_982_788, 15_228_228_125]
    assert {b[2] for b in data["tabel"]["anggaran_rinci"]["baris"]} >= {"JUMLAH"}

    # every PK version printed in the lampiran, and the Renstra matrix (issue 18, item 12)
    pk_target = data["tabel"]["pk_target"]
    harap_pk = [[d.pk.judul, t.indikator, t.target] for d in dok.pk for t in d.target]
    assert harap_pk and [[b[0], b[5], b[7]] for b in pk_target["baris"]] == harap_pk
    pk_anggaran = data["tabel"]["pk_anggaran"]
    for d in dok.pk:
        (jumlah_pk,) = [b for b in pk_anggaran["baris"] if b[0] == d.pk.judul and b[3] == "JUMLAH"]
        assert jumlah_pk[4] == int(d.total_anggaran)
    matriks = data["tabel"]["matriks_renstra"]
    assert len(matriks["baris"]) == sum(len(b.baris) + 1 for b in dok.matriks) > 0
    for blok in dok.matriks:
        (jumlah_blok,) = [b for b in matriks["baris"] if b[0] == blok.periode and b[3] == "JUMLAH"]
        assert jumlah_blok[7] == int(blok.target_rp) and jumlah_blok[9] == int(blok.realisasi_rp)

    wb = load_workbook(io.BytesIO(berkas["xlsx"]), read_only=True)
    assert wb.sheetnames == ["Keterangan", *data["tabel"]]
    for kunci, tabel in data["tabel"].items():
        baris = [list(r) for r in wb[kunci].iter_rows(values_only=True)]
        assert baris[0] == tabel["kolom"], kunci
        assert baris[1:] == [[None if v == "" else v for v in b] for b in tabel["baris"]], kunci


def test_verification_page_shows_the_facts_and_nothing_of_the_data(client, final):
    lap, isi = final
    resp = client.get(url_verifikasi(lap))
    assert resp.status_code == 200
    html = resp.content.decode()
    teks = teks_halaman(resp)
    for fakta in (
        "Kecamatan Magetan",
        "2023",
        lap.sha256,
        lap.kode_verifikasi,
        str(lap.difinalkan_oleh),
        "Pimpinan OPD",
    ):
        assert fakta in teks, fakta
    dok = dokumen_lkjip(opd=lap.opd, tahun=2023, laporan=lap)
    for s in dok.sasaran:
        assert s.sasaran.uraian not in teks
        for i in s.indikator:
            assert i.indikator.nama not in teks
            assert format_persen(i.hasil.capaian.nilai).split()[0] not in teks
    for angka in (format_angka(dok.anggaran.total.pagu, 0), "98,25", "113,16"):
        assert angka not in teks
    assert "Analisis sasaran pertama" not in teks and "Uraian" not in teks
    # No link into the app, no navigation for an anonymous visitor.
    assert "<nav" not in html and "<a " not in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_verification_page_shows_what_was_recorded_when_the_report_was_finalised(client, final):
    """After the OPD was renamed and the finaliser's name and role changed, the page showed
    the new ones: it must show the record of the moment the report was finalised."""
    from apps.core.models import OPD
    from apps.core.roles import Peran

    lap, _ = final
    oleh = lap.difinalkan_oleh
    nama_lama = str(oleh)
    OPD.objects.filter(pk=lap.opd_id).update(nama="Kecamatan Magetan Kota")
    type(oleh).objects.filter(pk=oleh.pk).update(
        first_name="Pengganti", last_name="Baru", peran=Peran.OPERATOR
    )
    teks = teks_halaman(client.get(url_verifikasi(lap)))
    assert "Kecamatan Magetan Kota" not in teks and "Pengganti" not in teks
    assert "Perangkat Daerah Kecamatan Magetan Tahun laporan" in teks
    assert nama_lama in teks and "Pimpinan OPD, Kecamatan Magetan" in teks


def test_verification_accepts_the_exact_bytes_and_refuses_one_byte_changed(final):
    lap, isi = final
    client = Client(enforce_csrf_checks=True)
    url = url_verifikasi(lap.kode_verifikasi.lower())  # typed in lower case from the paper
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', client.get(url).content.decode()
    ).group(1)

    def cocokkan(isi_berkas):
        return client.post(
            url,
            {
                "csrfmiddlewaretoken": token,
                "berkas": SimpleUploadedFile(
                    "salinan.pdf", isi_berkas, content_type="application/pdf"
                ),
            },
        )

    resp = cocokkan(isi)
    assert resp.status_code == 200
    assert "Identik byte demi byte" in teks_halaman(resp)
    assert "TIDAK identik" not in teks_halaman(resp)
    ubah = bytearray(isi)
    ubah[len(ubah) // 2] ^= 0x01
    resp = cocokkan(bytes(ubah))
    assert "TIDAK identik" in teks_halaman(resp)
    assert hashlib.sha256(bytes(ubah)).hexdigest() in teks_halaman(resp)
    # Without the CSRF token the upload is refused.
    resp = Client(enforce_csrf_checks=True).post(
        url, {"berkas": SimpleUploadedFile("salinan.pdf", isi)}
    )
    assert resp.status_code == 403
    resp = client.post(url, {"csrfmiddlewaretoken": token})
    assert resp.status_code == 400
    assert "Pilih berkas PDF" in teks_halaman(resp)


def test_verification_refuses_a_file_above_the_limit_without_reading_it(client, final, settings):
    lap, isi = final
    settings.SAKIP_VERIFIKASI_MAKS_BYTES = 2**20
    resp = client.post(
        url_verifikasi(lap), {"berkas": SimpleUploadedFile("besar.pdf", isi + b"\0" * 2**20)}
    )
    assert resp.status_code == 413
    assert "Berkas terlalu besar: paling besar 1 MB." in teks_halaman(resp)


@pytest.mark.parametrize("kode", ["ABCDEFGHJK", "x" * 300, "UJI00000001"])
def test_an_unknown_code_is_404_with_a_plain_page(client, kode):
    lap = laporan_kec()
    LaporanKinerja.objects.filter(pk=lap.pk).update(kode_verifikasi="UJI00000001")  # a draft
    resp = client.get(url_verifikasi(kode))
    assert resp.status_code == 404
    assert "Kode verifikasi tidak ditemukan" in teks_halaman(resp)
    assert "<nav" not in resp.content.decode() and "<a " not in resp.content.decode()


def kurang(resp) -> dict[str, str]:
    """The refusal's messages: each gap's text and where its "Lengkapi" link leads ("" for
    a message without a link)."""
    hasil = {}
    for p in pesan(resp):
        m = re.fullmatch(r'(.*) <a href="([^"]*)">Lengkapi</a>', p, re.S)
        hasil[m.group(1) if m else p] = m.group(2) if m else ""
    return hasil


def test_every_missing_requirement_is_listed_at_once_and_nothing_changes(client):
    """The demo's draft without its date, six of its sections, its organisation chart and its
    analyses, and without a signatory and place too: every item is named in one answer, each
    with a link to where it is filled."""
    kosong = (
        "ikhtisar_eksekutif",
        "latar_belakang",
        "kedudukan_tugas_fungsi",
        "sistematika",
        "upaya_ke_depan",
        "saran",
    )
    lap = laporan_kec(
        tempat="", penandatangan=None, struktur_organisasi="", **dict.fromkeys(kosong, "")
    )
    AnalisisSasaran.objects.filter(laporan=lap).delete()
    sebelum = potret()
    resp = finalkan(client, lap)
    assert resp.status_code == 302
    semua = kurang(resp)
    ubah = url_ubah()
    assert semua["Tempat penandatanganan belum diisi."] == ubah + "#judul-ttd"
    assert semua["Bagan struktur organisasi belum diunggah."] == ubah + "#judul-ttd"
    sasaran = services.sasaran_lkjip(lap.opd, 2023)
    for n, s in enumerate(sasaran, start=1):
        teks = (
            f"Sasaran {n} ({s.uraian}): analisis belum ditulis: uraian capaian, penjelasan "
            "perbandingan dengan tahun sebelumnya, penjelasan realisasi terhadap target akhir "
            "Renstra, penyebab keberhasilan/kegagalan, solusi yang dilakukan, efisiensi "
            "penggunaan sumber daya, program/kegiatan pendukung."
        )
        assert semua[teks] == f"{ubah}#bagian-s{s.pk}-uraian", semua
    assert (
        semua[
            "Bagian laporan belum diisi: Ikhtisar eksekutif, Latar belakang, "
            "Kedudukan, tugas pokok dan fungsi, Sistematika penyajian, Upaya ke depan, "
            "Saran."
        ]
        == ubah + "#bagian-ikhtisar_eksekutif"
    )
    # every anchor exists on the editing page
    halaman = client.get(ubah).content.decode()
    for tautan in semua.values():
        if tautan.startswith(ubah + "#"):
            assert f'id="{tautan.split("#")[1]}"' in halaman, tautan
    for harap in (
        "Tempat penandatanganan belum diisi.",
        "Tanggal penandatanganan belum diisi.",
        "Penandatangan belum dipilih.",
        "Bagian laporan belum diisi: Ikhtisar eksekutif, Latar belakang, "
        "Kedudukan, tugas pokok dan fungsi, Sistematika penyajian, Upaya ke depan, "
        "Saran.",
        "LKjIP belum difinalkan; tidak ada yang berubah.",
    ):
        assert harap in semua, semua
    assert potret() == sebelum


def test_a_year_without_final_pk_dpa_or_renstra_is_refused_with_each_reason(client):
    lap = laporan_kec(
        tahun=2027, tanggal=datetime.date(2027, 12, 1), **{n: "Teks." for n in NARASI}
    )
    sebelum = potret()
    semua = kurang(finalkan(client, lap, "verifikator"))
    for harap in (
        "Tanggal penandatanganan harus sesudah tahun 2027 berakhir (LKjIP "
        "melaporkan satu tahun penuh).",
        "Belum ada Renstra yang mencakup tahun 2027.",
        "Belum ada Perjanjian Kinerja final tahun 2027.",
        "Belum ada DPA tahun 2027 untuk bab Realisasi Anggaran.",
    ):
        assert harap in semua, semua
    assert potret() == sebelum


def test_an_official_without_nip_or_pangkat_cannot_sign(client):
    lap = siap_final()
    p = lap.penandatangan
    type(p).objects.filter(pk=p.pk).update(nip="", pangkat="")
    semua = kurang(finalkan(client, lap))
    # both lead to the official's own page, where they are filled
    alamat = reverse("core:pejabat_ubah", args=[p.pk])
    assert semua[f"NIP penandatangan {p.nama} belum diisi (18 angka)."] == alamat
    assert semua[f"Pangkat/golongan penandatangan {p.nama} belum diisi."] == alamat
    lap.refresh_from_db()
    assert lap.status == "draft" and not lap.berkas_final


def test_an_official_of_another_opd_is_pointed_to_the_signature_block_not_their_page(client):
    """The operator may not open another OPD's official (404): the gaps of such a signatory
    lead to the report's signature block, where another signatory is chosen."""
    lap = siap_final()
    p = lap.penandatangan
    lain = type(p).objects.exclude(opd=lap.opd).exclude(opd=None).first()
    type(p).objects.filter(pk=lain.pk).update(nip="", pangkat="")
    type(lap).objects.filter(pk=lap.pk).update(penandatangan=lain)
    lain.refresh_from_db()
    semua = kurang(finalkan(client, lap))
    ttd = f"{url_ubah()}#judul-ttd"
    assert semua[f"Penandatangan {lain.nama} bukan pejabat aktif OPD ini."] == ttd
    assert semua[f"NIP penandatangan {lain.nama} belum diisi (18 angka)."] == ttd
    assert semua[f"Pangkat/golongan penandatangan {lain.nama} belum diisi."] == ttd


def test_a_pk_without_its_second_party_or_a_missing_analysis_is_refused(client):
    """The 2019 PK printed "( ….. )" for an unnamed pihak kedua, and a final printed empty
    headings for analyses 4 and 5: both refuse the finalisation now. The comparison with a
    national standard may stay empty: the report then says none was reported."""
    lap = siap_final()
    pk = dokumen_lkjip(opd=lap.opd, tahun=2023, laporan=lap).kinerja.pk
    type(pk).objects.filter(pk=pk.pk).update(pihak_kedua_nama="")
    s = services.sasaran_lkjip(lap.opd, 2023)[0]
    AnalisisSasaran.objects.filter(laporan=lap, sasaran=s).update(efisiensi="", standar_nasional="")
    sebelum = potret()
    semua = kurang(finalkan(client, lap))
    assert potret() == sebelum
    pk.refresh_from_db()
    assert semua[
        f"{pk.judul}: nama pihak kedua kosong (dicetak sebagai lampiran); lengkapi lewat "
        "perubahan PK."
    ] == reverse("perencanaan:pk", args=[pk.pk])
    assert (
        semua[f"Sasaran 1 ({s.uraian}): analisis belum ditulis: efisiensi penggunaan sumber daya."]
        == f"{url_ubah()}#bagian-s{s.pk}-efisiensi"
    )
    assert not any("standar nasional" in t for t in semua)


def test_a_failed_rendering_leaves_the_draft_untouched(monkeypatch):
    lap = siap_final()

    def gagal(*args, **kwargs):
        raise RuntimeError("WeasyPrint gagal")

    monkeypatch.setattr(services, "render_lkjip_final", gagal)
    sebelum = potret()
    with pytest.raises(RuntimeError):
        services.laporan_finalize(laporan=lap, user=user("pimpinan.kecamatan"))
    assert potret() == sebelum


def test_a_revision_needs_a_reason_copies_everything_and_keeps_the_old_file(
    client, final, tmp_path
):
    lap, isi = final
    LaporanKinerja.objects.filter(pk=lap.pk).update(struktur_organisasi="struktur/uji.png")
    lap.refresh_from_db()
    client.force_login(user("pimpinan.kecamatan"))
    url = reverse("laporan:lkjip_revisi", args=[lap.pk])
    sebelum = potret()
    resp = client.post(url, {"alasan_revisi": "   "})
    assert resp.status_code == 302
    assert "Alasan revisi wajib diisi. Tidak ada revisi yang dibuat." in pesan(resp)
    assert potret() == sebelum

    resp = client.post(url, {"alasan_revisi": "Koreksi realisasi TW IV oleh Inspektorat."})
    assert resp.status_code == 302
    baru = LaporanKinerja.objects.get(opd=lap.opd, tahun=2023, revisi=1)
    assert "LKjIP Kecamatan Magetan 2023 revisi 1 dibuat sebagai draf." in " ".join(pesan(resp))
    assert baru.status == "draft" and baru.alasan_revisi.startswith("Koreksi")
    for n in (*NARASI, "tempat", "tanggal", "penandatangan_id", "struktur_organisasi"):
        assert getattr(baru, n) == getattr(lap, n), n
    assert not baru.berkas_final and not baru.kode_verifikasi
    # every sasaran's analyses copied, each with one history row by the one who revised
    harap = sorted(lap.analisis.values_list("sasaran_id", "uraian", "efisiensi"))
    assert sorted(baru.analisis.values_list("sasaran_id", "uraian", "efisiensi")) == harap
    assert "Analisis sasaran pertama." in [u for _, u, _ in harap]
    assert sorted(
        (r.history_type, r.history_user.username, r.sasaran_id, r.uraian)
        for r in AnalisisSasaran.history.filter(laporan=baru)
    ) == sorted(("+", "pimpinan.kecamatan", s, u) for s, u, _ in harap)
    assert baru.history.first().history_user.username == "pimpinan.kecamatan"

    # The earlier revision: still final, same bytes, still verifiable; the editing page
    # edits revision 1 and lists revision 0's file; the draft PDF is rendered again.
    lap.refresh_from_db()
    assert lap.status == "final"
    assert unduh(client, lap) == isi
    resp = Client().post(url_verifikasi(lap), {"berkas": SimpleUploadedFile("a.pdf", isi)})
    assert "Identik byte demi byte" in teks_halaman(resp)
    halaman = client.get(url_ubah()).content.decode()
    assert 'id="form-lkjip"' in halaman
    assert url_final(lap) in halaman and "Revisi final sebelumnya" in halaman
    resp = client.get(reverse("laporan:lkjip_pdf", args=[lap.opd_id, 2023]))
    assert resp.status_code == 200 and resp.content != isi
    # A revision is made from the latest revision only.
    resp = client.post(url, {"alasan_revisi": "Lagi"})
    assert "bukan revisi terakhir (revisi 1 sudah ada)" in " ".join(pesan(resp))
    assert not LaporanKinerja.objects.filter(revisi=2).exists()


def test_a_draft_cannot_be_revised_or_verified(client):
    lap = siap_final()
    client.force_login(user("verifikator"))
    sebelum = potret()
    resp = client.post(reverse("laporan:lkjip_revisi", args=[lap.pk]), {"alasan_revisi": "x"})
    assert "masih draf: ubah langsung, tidak perlu revisi." in " ".join(pesan(resp))
    resp = client.post(reverse("laporan:lkjip_diverifikasi", args=[lap.pk]))
    assert "hanya LKjIP final yang dapat ditandai diverifikasi" in " ".join(pesan(resp))
    assert client.get(url_final(lap)).status_code == 404
    assert potret() == sebelum


def test_verifikator_marks_a_final_report_verified_and_the_file_stays(client, final):
    lap, isi = final
    client.force_login(user("verifikator"))
    resp = client.post(reverse("laporan:lkjip_diverifikasi", args=[lap.pk]))
    assert "LKjIP Kecamatan Magetan 2023 ditandai diverifikasi." in pesan(resp)
    baru = LaporanKinerja.objects.get(pk=lap.pk)
    assert baru.status == "diverifikasi"
    assert (baru.berkas_final.name, baru.sha256, baru.kode_verifikasi) == (
        lap.berkas_final.name,
        lap.sha256,
        lap.kode_verifikasi,
    )
    assert unduh(client, baru) == isi
    assert baru.history.first().history_user.username == "verifikator"


def test_editing_page_and_list_show_the_status_and_the_download(client, final):
    lap, isi = final
    client.force_login(user("pimpinan.kecamatan"))
    halaman = client.get(url_ubah()).content.decode()
    assert url_final(lap) in halaman and lap.kode_verifikasi in halaman
    assert reverse("laporan:lkjip_revisi", args=[lap.pk]) in halaman
    assert reverse("laporan:lkjip_diverifikasi", args=[lap.pk]) not in halaman
    assert reverse("laporan:lkjip_finalkan", args=[lap.pk]) not in halaman
    daftar = client.get(reverse("laporan:lkjip_daftar") + "?tahun=2023").content.decode()
    assert url_final(lap) in daftar
    client.force_login(user("verifikator"))
    assert (
        reverse("laporan:lkjip_diverifikasi", args=[lap.pk])
        in client.get(url_ubah()).content.decode()
    )


def test_the_finalise_button_shows_on_a_draft_for_approvers_only(client):
    lap = laporan_kec()
    tombol = reverse("laporan:lkjip_finalkan", args=[lap.pk])
    for peran, ada in (
        ("pimpinan.kecamatan", True),
        ("verifikator", True),
        ("operator.kecamatan", False),
        ("inspektorat", False),
    ):
        client.force_login(user(peran))
        assert (tombol in client.get(url_ubah()).content.decode()) is ada, peran
