"""The attack table: what an operator of another OPD, a forged form, a cross-site post, a script
in a text field, a crafted file name or an oversized request can do. Every case asserts the
answer (404, 403, 400, a refusal on the form or a redirect to login) AND that nothing changed
in the database (a snapshot of every table a post could touch, before and after); where the
response could leak data, that it does not.

The attacker is operator.organisasi (Bagian Organisasi); the victim is Kecamatan Magetan.
"""

from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import TAHUN, TW
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from lkjip_uji import gambar, laporan_kec, url_ubah
from lkjip_uji import potret as potret_lkjip
from pdf_uji import pdf_polos
from perencanaan_uji import draf_2026, formulir_dari, opd_organisasi, pk_kec, renstra_kec, user
from perencanaan_uji import potret as potret_perencanaan
from realisasi_uji import PDF, formulir, indikator_pk, opd_kecamatan, teks_halaman
from realisasi_uji import potret as potret_realisasi

from apps.anggaran import resources
from apps.anggaran import services as anggaran_services
from apps.anggaran.models import DPA, Impor, RealisasiAnggaran, RincianDPA
from apps.core.models import OPD, Pejabat
from apps.laporan.lkjip import dokumen_lkjip
from apps.pengukuran import services
from apps.pengukuran.berkas import check_bukti
from apps.pengukuran.models import BuktiDukung, Realisasi
from apps.perencanaan import services as perencanaan_services
from apps.perencanaan.models import PerjanjianKinerja, PKIndikator
from apps.perencanaan.selectors import pk_dokumen

pytestmark = pytest.mark.django_db

PENYERANG = "operator.organisasi"
TAHUN_ANGGARAN = 2023
TAHUN_LKJIP = 2023


def potret() -> dict:
    """Every table a post of these pages could change."""
    return {
        **potret_realisasi(),
        **potret_lkjip(),
        **potret_perencanaan(),
        "anggaran": sorted(
            RealisasiAnggaran.objects.values_list(
                "pk", "rincian_id", "bulan", "realisasi", "fisik", "keterangan"
            )
        ),
        "anggaran_riwayat": RealisasiAnggaran.history.count(),
        "rincian": sorted(RincianDPA.objects.values_list("pk", "dpa_id", "pagu")),
        "impor": sorted(Impor.objects.values_list("pk", "status", "berkas", "opd_id")),
        "opd": sorted(OPD.objects.values_list("pk", "nama", "singkatan")),
    }


@pytest.fixture
def objek(db, settings, tmp_path, tw_terbuka):
    """The Kecamatan's objects: TW III 2026 with a draft row carrying an evidence file, its
    draft LKjIP 2023 with an organisation chart, a checked import of its 2023 budget."""
    settings.MEDIA_ROOT = tmp_path
    opd = opd_kecamatan()
    daftar = indikator_pk()
    operator = user("operator.kecamatan")
    services.realisasi_triwulan_save(
        opd=opd,
        tahun=TAHUN,
        triwulan=TW,
        user=operator,
        isian=[
            services.Isian(
                indikator_id=daftar[0].pk,
                nilai=Decimal("50"),
                analisis="Survei belum selesai.",
                solusi="Survei susulan.",
            )
        ],
    )
    draf = Realisasi.objects.get(indikator=daftar[0], tahun=TAHUN, triwulan=TW)
    bukti = services.bukti_add(
        realisasi=draf, user=operator, berkas=check_bukti(SimpleUploadedFile("survei.pdf", PDF))
    )
    c = Client()
    c.force_login(operator)
    data = formulir_dari(url_ubah(), "form-lkjip")
    assert c.post(url_ubah(), {**data, "struktur_organisasi": gambar()}).status_code == 302
    lap = laporan_kec()
    dpa = DPA.objects.get(opd=opd, tahun=TAHUN_ANGGARAN, jenis=DPA.Jenis.MURNI)
    isi = resources.ekspor("realisasi", dpa, csv=False).export("xlsx")
    impor = anggaran_services.impor_create(
        berkas=SimpleUploadedFile("realisasi.xlsx", isi),
        nama="realisasi.xlsx",
        jenis="realisasi",
        opd=opd,
        tahun=TAHUN_ANGGARAN,
    )
    return SimpleNamespace(
        opd=opd,
        daftar=daftar,
        draf=draf,
        bukti=bukti,
        lap=lap,
        impor=impor,
        renstra=renstra_kec(2024),
        pk=pk_kec(2026),
        media=Path(tmp_path),
    )


# 1. ANOTHER OPD'S URLS ----------------------------------------------------------------------

# (url name, method, args from the objects): every one answers 404 to the other OPD's operator.
URL_OPD_LAIN = [
    ("perencanaan:opd", "GET", lambda o: [o.opd.pk]),
    ("perencanaan:renstra", "GET", lambda o: [o.renstra.pk]),
    ("perencanaan:renstra_ekspor_target", "GET", lambda o: [o.renstra.pk, "xlsx"]),
    ("perencanaan:renstra_ekspor_matriks", "GET", lambda o: [o.renstra.pk, "csv"]),
    ("perencanaan:pk", "GET", lambda o: [o.pk.pk]),
    ("perencanaan:pk_pdf", "GET", lambda o: [o.pk.pk]),
    ("perencanaan:pk_ekspor_target", "GET", lambda o: [o.pk.pk, "xlsx"]),
    ("perencanaan:pk_perubahan", "POST", lambda o: [o.pk.pk]),
    ("perencanaan:renstra_tambah", "POST", lambda o: [o.renstra.pk]),
    ("pengukuran:pengisian", "GET", lambda o: [o.opd.pk, TAHUN, TW]),
    ("pengukuran:pengisian", "POST", lambda o: [o.opd.pk, TAHUN, TW]),
    ("pengukuran:pratinjau", "GET", lambda o: [o.opd.pk, TAHUN, TW]),
    ("pengukuran:riwayat", "GET", lambda o: [o.draf.pk]),
    ("pengukuran:bukti_unduh", "GET", lambda o: [o.bukti.pk]),
    ("pengukuran:bukti_hapus", "POST", lambda o: [o.bukti.pk]),
    ("anggaran:dpa", "GET", lambda o: [o.opd.pk, TAHUN_ANGGARAN]),
    ("anggaran:realisasi", "GET", lambda o: [o.opd.pk, TAHUN_ANGGARAN, 11]),
    ("anggaran:realisasi", "POST", lambda o: [o.opd.pk, TAHUN_ANGGARAN, 11]),
    ("anggaran:ekspor", "GET", lambda o: [o.opd.pk, TAHUN_ANGGARAN, "dpa", "xlsx"]),
    ("anggaran:impor", "GET", lambda o: [o.impor.pk]),
    ("anggaran:impor", "POST", lambda o: [o.impor.pk]),
    ("laporan:opd", "GET", lambda o: [o.opd.pk, TAHUN]),
    ("laporan:lkjip_ubah", "GET", lambda o: [o.opd.pk, TAHUN_LKJIP]),
    ("laporan:lkjip_ubah", "POST", lambda o: [o.opd.pk, TAHUN_LKJIP]),
    ("laporan:lkjip_pdf", "GET", lambda o: [o.opd.pk, TAHUN_LKJIP]),
    ("laporan:lkjip_struktur", "GET", lambda o: [o.lap.pk]),
    ("laporan:lkjip_finalkan", "POST", lambda o: [o.lap.pk]),
    ("laporan:lkjip_revisi", "POST", lambda o: [o.lap.pk]),
    ("laporan:lkjip_final_pdf", "GET", lambda o: [o.lap.pk]),
]


@pytest.mark.parametrize(
    ("nama", "metode", "args"),
    URL_OPD_LAIN,
    ids=[f"{n.split(':')[1]}-{m}" for n, m, _ in URL_OPD_LAIN],
)
def test_another_opds_url_is_404_and_changes_nothing(client, objek, nama, metode, args):
    client.force_login(user(PENYERANG))
    url = reverse(nama, args=args(objek))
    sebelum = potret()
    if metode == "GET":
        resp = client.get(url)
    else:
        resp = client.post(url, {"aksi": "simpan", "kata_pengantar": "dipalsukan"})
    assert resp.status_code == 404
    assert potret() == sebelum
    body = resp.content.decode(errors="replace")
    assert "Survei belum selesai" not in body and opd_kecamatan().nama not in body


# 2. FORGED IDS IN ONE'S OWN FORMS -----------------------------------------------------------


def test_forged_realisasi_ids_in_ones_own_entry_form_change_nothing(client, objek):
    penyerang = user(PENYERANG)
    client.force_login(penyerang)
    sendiri = reverse("pengukuran:pengisian", args=[penyerang.opd_id, TAHUN, TW])
    data = formulir(client.get(sendiri).content.decode())
    for ind in objek.daftar:
        data.update(
            {
                f"i{ind.pk}-nilai": "1",
                f"i{ind.pk}-analisis": "palsu",
                f"i{ind.pk}-versi": "1",
                f"i{ind.pk}-hash_isi": "",
            }
        )
    data[f"i{objek.daftar[0].pk}-bukti"] = SimpleUploadedFile("palsu.pdf", PDF)
    data["aksi"] = "simpan"
    sebelum = potret()
    resp = client.post(sendiri, data)
    assert resp.status_code in (200, 302)
    assert potret() == sebelum


def test_forged_pk_target_row_of_another_opd_changes_nothing(client, objek):
    """The Kecamatan's draft PK rows posted to Bagian Organisasi's own draft PK page."""
    kec = draf_2026()
    milik = PerjanjianKinerja.objects.get(opd=opd_organisasi(), versi=0)
    draf_org = perencanaan_services.pk_perubahan_create(
        pk=milik, alasan="strategi", keterangan="Uji."
    )
    url = reverse("perencanaan:pk", args=[draf_org.pk])
    data = formulir_dari(url, "form-pk", PENYERANG)
    for r in kec.indikator.all():
        data[f"t{r.pk}-target"] = "1"
    data["aksi"] = "simpan"
    client.force_login(user(PENYERANG))
    kec_sebelum = sorted(
        PKIndikator.objects.filter(pk_dokumen_id=kec.pk).values_list("pk", "indikator_id", "target")
    )
    client.post(url, data)
    assert (
        sorted(
            PKIndikator.objects.filter(pk_dokumen_id=kec.pk).values_list(
                "pk", "indikator_id", "target"
            )
        )
        == kec_sebelum
    )
    assert not PKIndikator.objects.filter(target=1).exists()


def test_forged_penandatangan_of_another_opd_is_refused(client, objek):
    """Bagian Organisasi's own LKjIP signed by the Kecamatan's camat."""
    url = url_ubah(opd=opd_organisasi())
    client.force_login(user(PENYERANG))
    data = formulir_dari(url, "form-lkjip", PENYERANG)
    data["penandatangan"] = Pejabat.objects.filter(opd=objek.opd).first().pk
    data["saran"] = "Perubahan yang tidak boleh tersimpan."
    sebelum = potret()
    resp = client.post(url, data)
    assert resp.status_code == 200
    assert "Penandatangan: pilih pejabat aktif OPD ini." in teks_halaman(resp)
    assert potret() == sebelum


def test_forged_evidence_delete_of_another_opd_keeps_the_file(client, objek):
    client.force_login(user(PENYERANG))
    sebelum = potret()
    resp = client.post(reverse("pengukuran:bukti_hapus", args=[objek.bukti.pk]))
    assert resp.status_code == 404
    assert potret() == sebelum
    assert objek.bukti.berkas.storage.exists(objek.bukti.berkas.name)


# 3. POSTS WITHOUT A CSRF TOKEN --------------------------------------------------------------

URL_POST = [
    ("pengukuran:pengisian", lambda o: [o.opd.pk, TAHUN, TW]),
    ("pengukuran:bukti_hapus", lambda o: [o.bukti.pk]),
    ("perencanaan:pk_perubahan", lambda o: [o.pk.pk]),
    ("anggaran:realisasi", lambda o: [o.opd.pk, TAHUN_ANGGARAN, 11]),
    ("anggaran:impor", lambda o: [o.impor.pk]),
    ("anggaran:impor_baru", lambda o: []),
    ("laporan:lkjip_ubah", lambda o: [o.opd.pk, TAHUN_LKJIP]),
    ("laporan:lkjip_finalkan", lambda o: [o.lap.pk]),
    ("laporan:lkjip_pratinjau", lambda o: []),
    ("logout", lambda o: []),
]


@pytest.mark.parametrize(("nama", "args"), URL_POST, ids=[n for n, _ in URL_POST])
def test_post_without_csrf_token_is_403_and_changes_nothing(objek, nama, args):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user("operator.kecamatan"))
    sebelum = potret()
    resp = client.post(
        reverse(nama, args=args(objek)), {"aksi": "simpan", "kata_pengantar": "dari situs lain"}
    )
    assert resp.status_code == 403
    assert potret() == sebelum
    assert "_auth_user_id" in client.session  # not even logged out


# 4. SCRIPT IN TEXT FIELDS -------------------------------------------------------------------

SKRIP = "<script>alert(1)</script>"
GAMBAR = '"><img src=x onerror=alert(1)>'
MUATAN = f"{SKRIP} {GAMBAR}"


def _aman(html: str) -> None:
    assert "<script>alert" not in html
    assert "<img src=x" not in html and "onerror=alert" not in html.replace(
        "&lt;img src=x onerror=alert(1)&gt;", ""
    )


def test_script_in_realisasi_and_verification_texts_is_escaped_everywhere(client, objek):
    operator = user("operator.kecamatan")
    client.force_login(operator)
    url = reverse("pengukuran:pengisian", args=[objek.opd.pk, TAHUN, TW])
    data = formulir(client.get(url).content.decode())
    p = f"i{objek.daftar[0].pk}"
    data.update({f"{p}-analisis": MUATAN, f"{p}-solusi": MUATAN, "aksi": "simpan"})
    client.post(url, data)
    r = Realisasi.objects.get(pk=objek.draf.pk)
    assert r.analisis == MUATAN
    # Submitted (the submission rules are tested elsewhere) so the verifikator can return it.
    Realisasi.objects.filter(pk=r.pk).update(status=Realisasi.Status.DIAJUKAN)
    r.refresh_from_db()

    verifikator = Client()
    verifikator.force_login(user("verifikator"))
    tinjau = reverse("pengukuran:tinjau", args=[objek.opd.pk, TAHUN, TW])
    _aman(verifikator.get(tinjau).content.decode())
    assert r.status == Realisasi.Status.DIAJUKAN
    data = formulir(verifikator.get(tinjau).content.decode(), "form-verifikasi")
    data.update({f"r{r.pk}-aksi": "kembalikan", f"r{r.pk}-komentar": MUATAN, "aksi": "simpan"})
    verifikator.post(tinjau, data)
    assert r.catatan.filter(isi=MUATAN).exists()

    for halaman in (
        url,
        reverse("pengukuran:pratinjau", args=[objek.opd.pk, TAHUN, TW]),
        reverse("pengukuran:riwayat", args=[r.pk]),
        reverse("laporan:opd", args=[objek.opd.pk, TAHUN]),
        reverse("laporan:dasbor") + f"?tahun={TAHUN}&triwulan={TW}",
        tinjau,
    ):
        for c in (client, verifikator):
            resp = c.get(halaman)
            if resp.status_code == 200:
                _aman(resp.content.decode())
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;"
        in client.get(reverse("pengukuran:riwayat", args=[r.pk])).content.decode()
    )


def test_script_in_lkjip_texts_is_escaped_in_the_page_and_in_the_pdf_html(client, objek):
    client.force_login(user("operator.kecamatan"))
    data = formulir_dari(url_ubah(), "form-lkjip")
    teks = [
        k
        for k, v in data.items()
        if isinstance(v, str)
        and k not in ("penandatangan", "tanggal", "tempat")
        and not k.endswith(("-id", "-TOTAL_FORMS", "-INITIAL_FORMS"))
        and "-dukungan_" not in k  # a choice, refused with its message (test_lkjip_dukungan)
    ]
    assert "kata_pengantar" in teks and any(k.endswith("uraian") for k in teks)
    for k in teks:
        data[k] = MUATAN
    data["tempat"] = MUATAN
    assert client.post(url_ubah(), data).status_code == 302
    lap = laporan_kec()
    assert lap.kata_pengantar == MUATAN
    _aman(client.get(url_ubah()).content.decode())
    _aman(client.post(reverse("laporan:lkjip_pratinjau"), {"teks": MUATAN}).content.decode())
    html = render_to_string(
        "laporan/lkjip_pdf.html",
        {"dok": dokumen_lkjip(opd=objek.opd, tahun=TAHUN_LKJIP, laporan=lap), "draf": True},
    )
    _aman(html)


def test_script_in_the_pk_statement_is_escaped_in_the_page_and_in_the_pdf_html(client, objek):
    draf = draf_2026()
    url = reverse("perencanaan:pk", args=[draf.pk])
    data = formulir_dari(url, "form-pk")
    data.update({"pk-pernyataan": MUATAN, "pk-tempat": "Magetan", "aksi": "simpan"})
    client.force_login(user("operator.kecamatan"))
    client.post(url, data)
    draf.refresh_from_db()
    assert draf.pernyataan == MUATAN
    _aman(client.get(url).content.decode())
    _aman(render_to_string("perencanaan/pk_pdf.html", {"dok": pk_dokumen(draf)}))


def test_script_in_an_opd_name_is_escaped_on_every_page(client, objek):
    admin = Client()
    admin.force_login(user("admin"))
    url = reverse("admin:core_opd_change", args=[objek.opd.pk])
    data = formulir_dari(url, "opd_form", "admin")
    data["nama"] = f"Kecamatan {MUATAN}"
    resp = admin.post(url, data)
    assert resp.status_code == 302, resp.content.decode()[:2000]
    assert OPD.objects.get(pk=objek.opd.pk).nama == f"Kecamatan {MUATAN}"
    client.force_login(user("operator.kecamatan"))
    for halaman in (
        reverse("core:beranda"),
        reverse("laporan:dasbor"),
        reverse("laporan:opd", args=[objek.opd.pk, TAHUN]),
        reverse("pengukuran:pengisian", args=[objek.opd.pk, TAHUN, TW]),
        reverse("perencanaan:opd", args=[objek.opd.pk]),
        url_ubah(opd=objek.opd),
        reverse("laporan:lkjip_daftar"),
    ):
        resp = client.get(halaman)
        assert resp.status_code == 200, halaman
        _aman(resp.content.decode())
    _aman(admin.get(reverse("admin:core_opd_changelist")).content.decode())
    _aman(render_to_string("perencanaan/pk_pdf.html", {"dok": pk_dokumen(objek.pk)}))


# 5. PATH TRAVERSAL IN FILE NAMES ------------------------------------------------------------

NAMA_JAHAT = ["../../etc/passwd", "..\\..\\x", "/etc/x"]


def _di_bawah_media(nama: str, media: Path) -> None:
    assert ".." not in nama and not nama.startswith(("/", "\\"))
    assert (media / nama).resolve().is_relative_to(media.resolve())
    assert (media / nama).is_file()


@pytest.mark.parametrize("nama", NAMA_JAHAT)
def test_evidence_with_a_crafted_name_lands_under_media(client, objek, nama):
    client.force_login(user("operator.kecamatan"))
    url = reverse("pengukuran:pengisian", args=[objek.opd.pk, TAHUN, TW])
    data = formulir(client.get(url).content.decode())
    data[f"i{objek.daftar[0].pk}-bukti"] = SimpleUploadedFile(f"{nama}.pdf", pdf_polos(nama))
    data["aksi"] = "simpan"
    client.post(url, data)
    baru = BuktiDukung.objects.exclude(pk=objek.bukti.pk).get()
    _di_bawah_media(baru.berkas.name, objek.media)
    assert "/" not in baru.nama_asli and "\\" not in baru.nama_asli


@pytest.mark.parametrize("nama", NAMA_JAHAT)
def test_struktur_with_a_crafted_name_lands_under_media(client, objek, nama):
    client.force_login(user("operator.kecamatan"))
    data = formulir_dari(url_ubah(), "form-lkjip")
    client.post(url_ubah(), {**data, "struktur_organisasi": gambar(nama=f"{nama}.png")})
    _di_bawah_media(laporan_kec().struktur_organisasi.name, objek.media)


@pytest.mark.parametrize("nama", NAMA_JAHAT)
def test_import_with_a_crafted_name_lands_under_media(client, objek, nama):
    client.force_login(user("operator.kecamatan"))
    dpa = DPA.objects.get(opd=objek.opd, tahun=TAHUN_ANGGARAN, jenis=DPA.Jenis.MURNI)
    isi = resources.ekspor("realisasi", dpa, csv=False).export("xlsx")
    resp = client.post(
        reverse("anggaran:impor_baru"),
        {
            "jenis": "realisasi",
            "opd": objek.opd.pk,
            "tahun": TAHUN_ANGGARAN,
            "berkas": SimpleUploadedFile(f"{nama}.xlsx", isi),
        },
    )
    assert resp.status_code == 302
    baru = Impor.objects.exclude(pk=objek.impor.pk).get()
    _di_bawah_media(baru.berkas.name, objek.media)


# 6. OVERSIZED REQUESTS ----------------------------------------------------------------------


def test_a_body_over_the_limit_is_400_with_the_indonesian_page(client, objek, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    client.force_login(user("operator.kecamatan"))
    data = formulir_dari(url_ubah(), "form-lkjip")
    data["kata_pengantar"] = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    sebelum = potret()
    resp = client.post(url_ubah(), data)
    assert resp.status_code == 400
    assert "Permintaan tidak dapat diproses" in resp.content.decode()
    assert potret() == sebelum


def test_evidence_over_the_limit_is_refused_with_the_fields_message(client, objek, settings):
    settings.SAKIP_BUKTI_MAKS_BYTES = 100 * 1024
    client.force_login(user("operator.kecamatan"))
    url = reverse("pengukuran:pengisian", args=[objek.opd.pk, TAHUN, TW])
    data = formulir(client.get(url).content.decode())
    data[f"i{objek.daftar[0].pk}-bukti"] = SimpleUploadedFile(
        "besar.pdf", PDF + b"%" * (200 * 1024)
    )
    data["aksi"] = "simpan"
    sebelum = potret()
    resp = client.post(url, data, follow=True)
    assert "terlalu besar" in resp.content.decode()
    assert potret() == sebelum
    assert sorted(p.name for p in (objek.media / "bukti").rglob("*") if p.is_file()) == [
        Path(objek.bukti.berkas.name).name
    ]


# 7. NUL AND CONTROL CHARACTERS ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "bagian"),
    [
        ("/verifikasi/%00/", "alamat halaman"),
        ("/verifikasi/ABC%00DEF/", "alamat halaman"),
        ("/admin/core/opd/?kode=%00", "parameter “kode”"),
        ("/admin/core/opd/?q=a%00b", "parameter “q”"),
        ("/realisasi/verifikasi/?opd=%00&status=diajukan", "parameter “opd”"),
        ("/dasbor/?tahun=2026%00", "parameter “tahun”"),
    ],
)
def test_a_nul_character_in_the_address_is_400_with_the_indonesian_page(client, objek, url, bagian):
    """PostgreSQL cannot store or compare a string holding NUL: these answered 500
    (DataError) before anything looked at them."""
    client.force_login(user("verifikator"))
    sebelum = potret()
    resp = client.get(url)
    assert resp.status_code == 400
    teks = teks_halaman(resp)
    assert f"Permintaan ditolak: {bagian} berisi karakter NUL (kode 0)" in teks
    assert potret() == sebelum


@pytest.mark.parametrize("kode", ["ABCDEFGHJK" + "\x01", "abc", "1" * 10, "%", "x" * 300])
def test_a_verification_code_that_cannot_be_one_is_the_plain_404_page(client, kode):
    resp = client.get(reverse("verifikasi", args=[kode]))
    assert resp.status_code == 404
    assert "Kode verifikasi tidak ditemukan" in teks_halaman(resp)


@pytest.mark.parametrize("nilai", ["²", "٢٠٢٦", "２０２６", "9" * 60, "-1", "1e3", "<b>"])
@pytest.mark.parametrize(
    "url",
    [
        "/realisasi/verifikasi/?tahun={}&opd={}",
        "/dasbor/?tahun={}",
        "/dasbor/lkjip/?tahun={}",
        "/realisasi/verifikasi/?opd={}&triwulan={}",
    ],
)
def test_odd_digits_in_a_filter_are_a_message_or_ignored_never_a_server_error(client, url, nilai):
    """ "²".isdigit() is True but int("²") fails: the queue's filter answered 500."""
    client.force_login(user("verifikator"))
    resp = client.get(url.format(nilai, nilai))
    assert resp.status_code == 200
