"""The LKjIP's words written in the browser (apps.laporan.views.lkjip): saving and reopening
with a sanitised preview and history, every bad input with its message and nothing changed,
copying a section from last year's report, the executive summary proposed from the data,
the organisation chart, and the list of every OPD's report in a fixed number of queries."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lkjip_uji import (
    TAHUN_LKJIP,
    gambar,
    jadikan_final,
    laporan_kec,
    potret,
    tag_halaman,
    url_ubah,
)
from perencanaan_uji import formulir_dari, opd_organisasi, pesan, user
from realisasi_uji import opd_kecamatan, teks_halaman

from apps.core.models import Pejabat, PeriodeRPJMD
from apps.laporan import services
from apps.laporan.demo.loader import load_synthetic
from apps.laporan.models import AnalisisSasaran, LaporanKinerja

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tanpa_analisis_demo():
    """These tests write a sasaran's analyses themselves, on a report that has none yet: the
    demo's own analyses of the Kecamatan's reports are set aside first."""
    AnalisisSasaran.objects.filter(laporan__opd=opd_kecamatan()).delete()


def camat() -> Pejabat:
    return Pejabat.objects.get(opd=opd_kecamatan(), aktif=True)


def sasaran_pertama():
    return services.sasaran_lkjip(opd_kecamatan(), TAHUN_LKJIP)[0]


def form_halaman(tahun: int = TAHUN_LKJIP) -> dict:
    return formulir_dari(url_ubah(tahun), "form-lkjip")


def laporan_2023() -> LaporanKinerja:
    return LaporanKinerja.objects.get(opd=opd_kecamatan(), tahun=TAHUN_LKJIP)


# --- save, reopen, history -------------------------------------------------------------------


def test_first_save_creates_draft_revision_0_and_the_page_shows_text_and_preview(client, login):
    operator = login("operator.kecamatan")
    assert not LaporanKinerja.objects.filter(opd=opd_kecamatan(), tahun=2024).exists()
    s = services.sasaran_lkjip(opd_kecamatan(), 2024)[0]
    assert "Belum dimulai" in teks_halaman(client.get(url_ubah(2024)))
    data = form_halaman(2024)
    assert data["kata_pengantar"] == "" and data["tanggal"] == ""
    data.update(
        {
            "kata_pengantar": "Puji syukur kami panjatkan.\n\n- **Kinerja** meningkat\n- anggaran",
            "tempat": "Magetan",
            "tanggal": "15 Februari 2024",
            "penandatangan": str(camat().pk),
            f"s{s.pk}-uraian": "Target IKM *terlampaui*.",
        }
    )
    resp = client.post(url_ubah(2024), data)
    assert resp.status_code == 302 and resp["Location"] == url_ubah(2024)
    assert "LKjIP Kecamatan Magetan 2024 tersimpan (5 perubahan)." in pesan(resp)
    lap = LaporanKinerja.objects.get(opd=opd_kecamatan(), tahun=2024)
    assert (lap.revisi, lap.status, lap.tempat, lap.tanggal, lap.penandatangan) == (
        0,
        "draft",
        "Magetan",
        datetime.date(2024, 2, 15),
        camat(),
    )
    assert AnalisisSasaran.objects.get(laporan=lap, sasaran=s).uraian == (
        "Target IKM *terlampaui*."
    )
    riwayat = list(lap.history.all())
    assert len(riwayat) == 1 and riwayat[0].history_user == operator

    halaman = client.get(url_ubah(2024))
    html = halaman.content.decode()
    assert "Puji syukur kami panjatkan.\n\n- **Kinerja** meningkat" in html  # the textarea
    assert "<li><strong>Kinerja</strong> meningkat</li>" in html  # the preview, rendered
    assert "Target IKM <em>terlampaui</em>." in html
    assert 'value="15 Februari 2024"' in html
    teks = teks_halaman(halaman)
    assert "LKjIP Kecamatan Magetan tahun 2024 Draf" in teks


def test_unchanged_save_writes_no_history_and_a_change_writes_only_its_field(client, login):
    login("operator.kecamatan")
    laporan_kec(latar_belakang="Lama", tempat="Magetan")
    lap = laporan_2023()
    jumlah = lap.history.count()
    resp = client.post(url_ubah(), form_halaman())
    assert pesan(resp) == ["Tidak ada perubahan."]
    assert lap.history.count() == jumlah

    data = form_halaman()
    data["latar_belakang"] = "Baru"
    resp = client.post(url_ubah(), data)
    assert "LKjIP Kecamatan Magetan 2023 tersimpan (1 perubahan)." in pesan(resp)
    terbaru = lap.history.first()
    assert lap.history.count() == jumlah + 1
    beda = terbaru.diff_against(terbaru.prev_record)
    assert [c.field for c in beda.changes] == ["latar_belakang"]
    assert terbaru.history_user.username == "operator.kecamatan"


def riwayat_analisis():
    return AnalisisSasaran.history.model.objects


def test_a_changed_analysis_writes_one_history_row_with_its_text_and_the_saving_user(client, login):
    pertama, *lain = services.sasaran_lkjip(opd_kecamatan(), TAHUN_LKJIP)
    lap = laporan_kec()
    for s in (pertama, *lain):
        AnalisisSasaran.objects.create(laporan=lap, sasaran=s, uraian=f"Lama {s.pk}")
    jumlah, jumlah_laporan = riwayat_analisis().count(), lap.history.count()
    operator = login("operator.kecamatan")
    data = form_halaman()
    data[f"s{pertama.pk}-solusi"] = "Solusi baru."
    resp = client.post(url_ubah(), data)
    assert "LKjIP Kecamatan Magetan 2023 tersimpan (1 perubahan)." in pesan(resp)
    assert riwayat_analisis().count() == jumlah + 1
    terbaru = riwayat_analisis().latest()
    assert (terbaru.id, terbaru.history_type, terbaru.history_user) == (
        AnalisisSasaran.objects.get(laporan=lap, sasaran=pertama).pk,
        "~",
        operator,
    )
    assert (terbaru.uraian, terbaru.solusi) == (f"Lama {pertama.pk}", "Solusi baru.")
    beda = terbaru.diff_against(terbaru.prev_record)
    assert [(c.field, c.old, c.new) for c in beda.changes] == [("solusi", "", "Solusi baru.")]
    # The other sasaran's analyses and the report itself did not change: no record.
    assert lap.history.count() == jumlah_laporan


def test_a_sasaran_s_first_words_are_recorded_as_created_by_the_saving_user(client, login):
    laporan_kec()
    s = sasaran_pertama()
    pimpinan = login("pimpinan.kecamatan")
    data = form_halaman()
    data[f"s{s.pk}-uraian"] = "Uraian pertama."
    sebelum = riwayat_analisis().order_by("-history_id").values_list("history_id", flat=True)
    batas = sebelum.first() or 0
    client.post(url_ubah(), data)
    [rekam] = riwayat_analisis().filter(sasaran=s, history_id__gt=batas)
    assert (rekam.history_type, rekam.history_user, rekam.uraian) == (
        "+",
        pimpinan,
        "Uraian pertama.",
    )


def test_saving_unchanged_analyses_writes_no_history(client, login):
    lap = laporan_kec()
    for s in services.sasaran_lkjip(opd_kecamatan(), TAHUN_LKJIP):
        AnalisisSasaran.objects.create(
            laporan=lap, sasaran=s, uraian="Tetap.", efisiensi="Tetap juga."
        )
    login("operator.kecamatan")
    sebelum = potret()
    resp = client.post(url_ubah(), form_halaman())
    assert pesan(resp) == ["Tidak ada perubahan."]
    assert potret() == sebelum


def test_a_refused_save_records_no_analysis_history(login):
    """The service refuses an analysis of a sasaran outside the report's Renstra after the
    report's own fields were set: nothing is written, not even the valid analysis."""
    lap = laporan_kec()
    operator = login("operator.kecamatan")
    sah = services.sasaran_lkjip(opd_kecamatan(), TAHUN_LKJIP)
    AnalisisSasaran.objects.create(laporan=lap, sasaran=sah[0], uraian="Lama.")
    lain = services.sasaran_lkjip(opd_organisasi(), 2019)[0]
    isian = services.IsianLKjIP(
        nilai={"saran": "Baru."},
        analisis={sah[0]: {"uraian": "Baru."}, lain: {"uraian": "Titipan."}},
    )
    sebelum = potret()
    with pytest.raises(ValidationError, match="hanya untuk sasaran Renstra OPD ini"):
        services.laporan_update(
            opd=opd_kecamatan(),
            tahun=TAHUN_LKJIP,
            user=operator,
            isian=isian,
            sasaran_sah={s.pk for s in sah},
        )
    assert potret() == sebelum


def test_the_admin_shows_an_analysis_history_with_who_and_is_read_only_there(client, login):
    laporan_kec()
    s = sasaran_pertama()
    login("operator.kecamatan")
    data = form_halaman()
    data[f"s{s.pk}-uraian"] = "Uraian pertama."
    client.post(url_ubah(), data)
    data[f"s{s.pk}-uraian"] = "Uraian kedua."
    client.post(url_ubah(), data)
    analisis = AnalisisSasaran.objects.get(sasaran=s)
    login("verifikator")
    teks = teks_halaman(
        client.get(reverse("admin:laporan_analisissasaran_history", args=[analisis.pk]))
    )
    assert "Diubah Operator Kecamatan Magetan" in teks, teks
    assert "Dibuat Operator Kecamatan Magetan" in teks
    assert "Uraian pertama." in teks and "Uraian kedua." in teks
    url = reverse("admin:laporan_analisissasaran_change", args=[analisis.pk])
    assert 'name="_save"' not in client.get(url).content.decode()
    assert client.post(url, {"uraian": "Lewat admin"}).status_code == 403
    analisis.refresh_from_db()
    assert analisis.uraian == "Uraian kedua."


def _kueri_simpan(client, isi: dict) -> int:
    data = form_halaman()
    data.update(isi)
    with CaptureQueriesContext(connection) as ctx:
        resp = client.post(url_ubah(), data)
    assert resp.status_code == 302 and "tersimpan" in pesan(resp)[0]
    return len(ctx.captured_queries)


def test_saving_analyses_runs_the_same_queries_for_one_sasaran_or_all(client, login):
    laporan_kec()
    semua = services.sasaran_lkjip(opd_kecamatan(), TAHUN_LKJIP)
    assert len(semua) == 3
    login("operator.kecamatan")
    jumlah = riwayat_analisis().count()
    buat_satu = _kueri_simpan(client, {f"s{semua[0].pk}-uraian": "Satu."})
    buat_sisa = _kueri_simpan(client, {f"s{s.pk}-uraian": "Satu." for s in semua[1:]})
    ubah_satu = _kueri_simpan(client, {f"s{semua[0].pk}-solusi": "Dua."})
    ubah_semua = _kueri_simpan(
        client, {f"s{s.pk}-{n}": "Tiga." for s in semua for n in ("solusi", "efisiensi")}
    )
    assert buat_satu == buat_sisa and ubah_satu == ubah_semua
    assert riwayat_analisis().count() == jumlah + 1 + 2 + 1 + 3


def test_pimpinan_and_verifikator_edit_too_inspektorat_reads_only(client, login):
    laporan_kec(kesimpulan="**Tercapai**")
    for peran in ("pimpinan.kecamatan", "verifikator"):
        login(peran)
        data = form_halaman()
        data["saran"] = f"Saran dari {peran}"
        assert client.post(url_ubah(), data).status_code == 302
        assert laporan_2023().saran == f"Saran dari {peran}"
    login("inspektorat")
    html = client.get(url_ubah()).content.decode()
    assert 'id="form-lkjip"' not in html and "<textarea" not in html
    assert "<strong>Tercapai</strong>" in html


# --- what the user typed is saved as typed; the page never runs it --------------------------

BERBAHAYA = (
    '<script>alert("x")</script>\n\n**tebal** <img src=x onerror=alert(1)> '
    '<a href="javascript:alert(2)">tautan</a> <style>body{display:none}</style>'
)


def _tidak_ada_yang_jalan(html: str) -> None:
    for tag, attr in tag_halaman(html):
        assert not any(a.startswith("on") for a in attr), (tag, attr)
        assert not (attr.get("href") or "").startswith("javascript:"), attr
        if tag == "script":
            assert (attr.get("src") or "").startswith("/static/"), attr
        assert tag not in ("style", "iframe"), tag
        if tag == "img":
            assert "/struktur/" in attr["src"], attr


def test_markdown_with_script_is_saved_as_typed_and_rendered_sanitised(client, login):
    login("operator.kecamatan")
    s = sasaran_pertama()
    data = form_halaman()
    data["ikhtisar_eksekutif"] = BERBAHAYA
    data[f"s{s.pk}-solusi"] = BERBAHAYA
    assert client.post(url_ubah(), data).status_code == 302
    lap = laporan_2023()
    assert lap.ikhtisar_eksekutif == BERBAHAYA
    assert AnalisisSasaran.objects.get(laporan=lap).solusi == BERBAHAYA
    for peran in ("operator.kecamatan", "inspektorat"):  # the editing and the reading page
        login(peran)
        html = client.get(url_ubah()).content.decode()
        _tidak_ada_yang_jalan(html)
        assert "<strong>tebal</strong>" in html
    resp = client.post(reverse("laporan:lkjip_pratinjau"), {"teks": BERBAHAYA})
    pratinjau = resp.json()["html"]
    assert "<strong>tebal</strong>" in pratinjau
    _tidak_ada_yang_jalan(pratinjau)
    assert "<script" not in pratinjau and "alert(" not in pratinjau.replace("&quot;", "")


def test_broken_markdown_is_saved_and_shown_as_text_without_error(client, login):
    login("operator.kecamatan")
    rusak = "**tidak ditutup\n\n| a | b\n|--\n\n* * *x\n[tautan(http://x"
    data = form_halaman()
    data["kesimpulan"] = rusak
    assert client.post(url_ubah(), data).status_code == 302
    assert laporan_2023().kesimpulan == rusak
    halaman = client.get(url_ubah())
    assert halaman.status_code == 200
    assert "**tidak ditutup" in teks_halaman(halaman)
    assert client.post(reverse("laporan:lkjip_pratinjau"), {"teks": rusak}).status_code == 200


def test_preview_refuses_a_text_over_the_limit(client, login):
    login("operator.kecamatan")
    resp = client.post(reverse("laporan:lkjip_pratinjau"), {"teks": "x" * 20_001})
    assert resp.status_code == 400 and "paling banyak 20000 karakter" in resp.json()["galat"]


# --- bad input: the message names the field, nothing is changed ------------------------------


def _ganti(**isi):
    return lambda data, files: data.update(isi)


def _unggah(berkas):
    return lambda data, files: files.update(struktur_organisasi=berkas)


def _teks_file(data, files):
    from django.core.files.uploadedfile import SimpleUploadedFile

    files["struktur_organisasi"] = SimpleUploadedFile(
        "bagan.png", b"Ini bukan gambar, hanya teks.\n" * 20, content_type="image/png"
    )


def _pejabat_lain(data, files):
    data["penandatangan"] = str(Pejabat.objects.get(opd=opd_organisasi()).pk)


def _pejabat_nonaktif(data, files):
    data["penandatangan"] = str(Pejabat.objects.get(opd=opd_kecamatan(), aktif=False).pk)


def _analisis_panjang(data, files):
    data[f"s{sasaran_pertama().pk}-efisiensi"] = "x" * 20_001


def _besar(data, files):
    files["struktur_organisasi"] = gambar(200, 200, acak=True, nama="besar.png")


SALAH = [
    pytest.param(
        _besar,
        "Bagan struktur organisasi: berkas “besar.png” terlalu besar",
        id="gambar-terlalu-besar",
    ),
    pytest.param(
        _unggah(gambar(7000, 10)),
        "Bagan struktur organisasi: gambar “struktur.png” berukuran 7000 × 10 "
        "piksel; paling besar 6000 × 6000 piksel.",
        id="dimensi-terlalu-besar",
    ),
    pytest.param(
        _teks_file,
        "Bagan struktur organisasi: berkas “bagan.png” bukan gambar JPEG/PNG yang utuh",
        id="png-palsu",
    ),
    pytest.param(
        _unggah(gambar(40, 30, "GIF")),
        "Bagan struktur organisasi: berkas “struktur.gif” bukan gambar JPEG/PNG yang utuh",
        id="gif",
    ),
    pytest.param(
        _ganti(latar_belakang="x" * 20_001),
        "Latar belakang: paling banyak 20.000 karakter (sekarang 20001).",
        id="teks-terlalu-panjang",
    ),
    pytest.param(
        _analisis_panjang,
        "Sasaran 1.1 · Efisiensi penggunaan sumber daya: paling banyak 20.000 karakter",
        id="analisis-terlalu-panjang",
    ),
    pytest.param(
        _ganti(tempat="M" * 101), "Tempat: paling banyak 100 karakter.", id="tempat-terlalu-panjang"
    ),
    pytest.param(
        _ganti(tanggal="kemarin sore"),
        "Tanggal: “kemarin sore” bukan tanggal; tulis seperti 22 November 2026 atau 22/11/2026.",
        id="tanggal-bukan-tanggal",
    ),
    pytest.param(
        _ganti(tanggal="30 Februari 2024"),
        "Tanggal: tanggal “30 Februari 2024” tidak ada di kalender.",
        id="tanggal-tidak-ada",
    ),
    pytest.param(
        _pejabat_lain, "Penandatangan: pilih pejabat aktif OPD ini.", id="penandatangan-opd-lain"
    ),
    pytest.param(
        _pejabat_nonaktif,
        "Penandatangan: pilih pejabat aktif OPD ini.",
        id="penandatangan-nonaktif",
    ),
    pytest.param(
        _ganti(penandatangan="999999"),
        "Penandatangan: pilih pejabat aktif OPD ini.",
        id="penandatangan-tidak-ada",
    ),
]


@pytest.mark.parametrize(("rusak", "galat"), SALAH)
def test_bad_input_names_the_field_and_changes_nothing(client, login, settings, rusak, galat):
    settings.SAKIP_BUKTI_MAKS_BYTES = 50 * 1024
    laporan_kec(kata_pengantar="Tersimpan", tempat="Magetan")
    login("operator.kecamatan")
    data, files = form_halaman(), {}
    data["kesimpulan"] = "Perubahan sah yang tidak boleh ikut tersimpan"
    data[f"s{sasaran_pertama().pk}-solusi"] = "Solusi sah yang tidak boleh ikut tersimpan"
    rusak(data, files)
    sebelum = potret()
    resp = client.post(url_ubah(), {**data, **files})
    assert resp.status_code == 200
    teks = teks_halaman(resp)
    assert galat in teks, teks[:2000]
    assert "Tidak ada yang disimpan: periksa isian yang ditandai." in teks
    assert potret() == sebelum
    # the page keeps what was typed, so nothing is lost
    assert "Perubahan sah yang tidak boleh ikut tersimpan" in resp.content.decode()


def test_a_final_report_is_read_only_for_everyone(client, login):
    lap = jadikan_final(laporan_kec(kesimpulan="Final"))
    for peran in ("operator.kecamatan", "pimpinan.kecamatan", "verifikator", "admin"):
        login(peran)
        halaman = client.get(url_ubah())
        assert 'id="form-lkjip"' not in halaman.content.decode()
        assert "berstatus final: tidak dapat diubah oleh siapa pun" in teks_halaman(halaman)
        sebelum = potret()
        for aksi in ("simpan", "salin:latar_belakang", "usulan"):
            resp = client.post(
                url_ubah(), {"aksi": aksi, "kesimpulan": "Diubah", "struktur_organisasi": gambar()}
            )
            assert resp.status_code == 302, (peran, aksi)
            assert (
                f"{lap} berstatus final: tidak dapat diubah oleh siapa pun. Tidak ada yang "
                "disimpan."
            ) in pesan(resp)
            assert potret() == sebelum, (peran, aksi)


# --- copy from last year, proposed summary ----------------------------------------------------


def test_copy_a_section_from_last_years_latest_revision_without_saving(client, login):
    laporan_kec(2022, latar_belakang="Latar belakang 2022 revisi 0")
    laporan_kec(
        2022, revisi=1, alasan_revisi="Koreksi", latar_belakang="Latar belakang 2022 **revisi 1**"
    )
    login("operator.kecamatan")
    data = form_halaman()
    data["kata_pengantar"] = "Yang sedang saya ketik"
    data["aksi"] = "salin:latar_belakang"
    sebelum = potret()
    resp = client.post(url_ubah(), data)
    assert resp.status_code == 200
    assert potret() == sebelum  # not saved
    isi = formulir_dari_resp(resp)
    assert isi["latar_belakang"] == "Latar belakang 2022 **revisi 1**"
    assert isi["kata_pengantar"] == "Yang sedang saya ketik"
    assert "Latar belakang 2022 <strong>revisi 1</strong>" in resp.content.decode()
    assert (
        "Latar belakang: teks disalin dari LKjIP tahun 2022 revisi 1; belum disimpan "
        "sampai Anda klik Simpan."
    ) in teks_halaman(resp)
    # saving the page as it is now keeps the copied text
    resp = client.post(url_ubah(), isi)
    assert laporan_2023().latar_belakang == "Latar belakang 2022 **revisi 1**"


def test_copy_says_when_there_is_no_report_last_year_or_the_section_is_empty(client, login):
    login("operator.kecamatan")
    data = form_halaman()
    data.update(aksi="salin:saran", saran="Saran saya")
    sebelum = potret()
    resp = client.post(url_ubah(), data)
    assert "Saran: tidak ada LKjIP Kecamatan Magetan tahun 2022 untuk disalin." in teks_halaman(
        resp
    )
    assert formulir_dari_resp(resp)["saran"] == "Saran saya"
    assert potret() == sebelum
    laporan_kec(2022, latar_belakang="Ada")
    sebelum = potret()
    resp = client.post(url_ubah(), data)
    assert "Saran: bagian ini kosong pada LKjIP tahun 2022." in teks_halaman(resp)
    assert formulir_dari_resp(resp)["saran"] == "Saran saya"
    assert potret() == sebelum


def test_proposed_summary_states_the_engines_numbers_for_the_kecamatan_2023():
    teks = services.ikhtisar_usulan(opd_kecamatan(), 2023)
    for bagian in (
        "**3 sasaran strategis**",
        "**4 indikator kinerja**",
        "**113,16 %**",
        "predikat **Sangat Memuaskan**",
        "Capaian tertinggi: Predikat Kinerja Kecamatan (128,76 %)",
        "Capaian terendah: Indeks Kepuasan Masyarakat (105,91 %)",
        "Realisasi anggaran sebesar Rp 15.228.228.125 dari pagu Rp 15.498.982.788, "
        "atau serapan **98,25 %**",
    ):
        assert bagian in teks, teks


def test_proposed_summary_without_pk_or_dpa_says_so():
    teks = services.ikhtisar_usulan(opd_kecamatan(), 2019)
    assert "Belum ada Perjanjian Kinerja final Kecamatan Magetan tahun 2019" in teks
    assert "Belum ada DPA 2019 yang berlaku" in teks


def test_the_usulan_button_fills_the_summary_without_saving(client, login):
    login("operator.kecamatan")
    data = form_halaman()
    data.update(aksi="usulan", saran="Tetap")
    sebelum = potret()
    resp = client.post(url_ubah(), data)
    assert resp.status_code == 200 and potret() == sebelum
    isi = formulir_dari_resp(resp)
    assert isi["ikhtisar_eksekutif"] == services.ikhtisar_usulan(opd_kecamatan(), 2023)
    assert isi["saran"] == "Tetap"
    assert "<strong>113,16&nbsp;%</strong>" in resp.content.decode()


def formulir_dari_resp(resp) -> dict:
    from realisasi_uji import formulir

    return formulir(resp.content.decode(), "form-lkjip")


# --- organisation chart ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_chart_is_stored_and_served_only_through_the_permission_check(client, login, fmt):
    login("operator.kecamatan")
    data = form_halaman()
    resp = client.post(
        url_ubah(), {**data, "struktur_organisasi": gambar(120, 80, fmt, nama="bagan.bin")}
    )
    assert resp.status_code == 302
    lap = laporan_2023()
    ext = {"PNG": ".png", "JPEG": ".jpg"}[fmt]
    assert re.fullmatch(rf"struktur/[0-9a-f]{{32}}\{ext}", lap.struktur_organisasi.name)
    src = reverse("laporan:lkjip_struktur", args=[lap.pk])
    assert f'src="{src}"' in client.get(url_ubah()).content.decode()
    gbr = client.get(src)
    assert gbr.status_code == 200
    assert gbr["Content-Type"] == {"PNG": "image/png", "JPEG": "image/jpeg"}[fmt]
    assert gbr["X-Content-Type-Options"] == "nosniff"
    login("operator.organisasi")
    assert client.get(src).status_code == 404
    # saving again without a new file keeps the stored chart
    login("operator.kecamatan")
    client.post(url_ubah(), form_halaman())
    assert laporan_2023().struktur_organisasi.name == lap.struktur_organisasi.name


# --- the list of every OPD -------------------------------------------------------------------


def test_list_shows_every_opd_with_its_status_and_an_opd_user_only_their_own(client, login):
    jadikan_final(laporan_kec(2023))
    laporan_kec(2023, revisi=1, alasan_revisi="Data realisasi dikoreksi")
    login("verifikator")
    teks = teks_halaman(client.get(reverse("laporan:lkjip_daftar") + "?tahun=2023"))
    assert re.search(r"Kecamatan Magetan Draf draf PDF 1 0 dari 10 belum Ubah", teks), teks
    assert "Kecamatan Magetan Final" not in teks  # the latest revision only
    assert re.search(
        r"Bagian Organisasi Sekretariat Daerah Kabupaten Magetan Belum dimulai draf PDF "
        r"– – – Mulai menulis",
        teks,
    ), teks
    login("operator.organisasi")
    teks = teks_halaman(client.get(reverse("laporan:lkjip_daftar") + "?tahun=2023"))
    assert "Bagian Organisasi" in teks and "Kecamatan Magetan" not in teks
    login("inspektorat")
    teks = teks_halaman(client.get(reverse("laporan:lkjip_daftar") + "?tahun=2023"))
    assert "Mulai menulis" not in teks and "Lihat" in teks


def test_list_bad_year_says_so_and_shows_the_default(client, login):
    login("verifikator")
    resp = client.get(reverse("laporan:lkjip_daftar") + "?tahun=duaribu")
    assert resp.status_code == 200
    assert "Tahun: tulis angka tahun, misalnya 2026." in teks_halaman(resp)


def test_list_query_count_does_not_grow_with_the_number_of_opds(client, login):
    login("verifikator")
    laporan_kec(2025, kesimpulan="Ada")
    url = reverse("laporan:lkjip_daftar") + "?tahun=2025"
    with CaptureQueriesContext(connection) as demo:
        assert client.get(url).status_code == 200
    load_synthetic(10, PeriodeRPJMD.objects.first(), user("verifikator"))
    with CaptureQueriesContext(connection) as sintetis:
        resp = client.get(url)
    assert "Dinas Sintetis 010" in teks_halaman(resp)
    assert len(demo) == len(sintetis), [q["sql"] for q in sintetis.captured_queries]


def test_the_year_picker_of_the_list_offers_an_opd_user_their_own_opds_years(client, login):
    """The list's year picker offered an OPD's users the years any OPD has data in (2018,
    2024 and 2025 are the Kecamatan's only); those who see every OPD keep them all."""
    url = reverse("laporan:lkjip_daftar") + "?tahun=2020"
    login("operator.organisasi")
    html = client.get(url).content.decode()
    assert all(f'href="?tahun={t}"' in html for t in (2019, 2020, 2021, 2022, 2023)), html
    assert not any(f'href="?tahun={t}"' in html for t in (2018, 2024, 2025)), html
    login("verifikator")
    html = client.get(url).content.decode()
    assert all(f'href="?tahun={t}"' in html for t in range(2018, 2026)), html
