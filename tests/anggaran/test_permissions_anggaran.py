"""Who may open and post every budget page, as a table: URL, method, status per role.

The objects are Kecamatan Magetan's: its DPA murni 2023 (23 lines, each with its year's total
reported in December) and, for the comparison page, a DPPA 2023 built by the test (the lines
copied, one pagu changed). Rules: an OPD user of another OPD gets 404 on every page and post
of the Kecamatan; the Inspektorat reads everything and its posts are refused (403); a
read-only page answers a POST with 405; anonymous users are sent to the login page. A refused
post changes nothing: every realisation row, its values and the history are the same after.
"""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from izin import PERAN, SALAH_METODE, kasus
from perencanaan_uji import formulir_dari, opd_organisasi, pesan, user
from realisasi_uji import opd_kecamatan, teks_halaman

from apps.anggaran import resources, services
from apps.anggaran import urls as anggaran_urls
from apps.anggaran.models import DPA, DPAKegiatan, DPAProgram, Impor, RealisasiAnggaran, RincianDPA

pytestmark = pytest.mark.django_db

TAHUN = 2023
BULAN = 11  # empty so far: the demo reports each line's year in December
FORM = "form-realisasi-anggaran"


BACA = (200, 200, 200, 200, 200, 404, 302)
UBAH = (302, 302, 403, 302, 302, 404, 302)

# url name                  method  admin verif inspek opKec pimKec opOrg anonim
TABEL = [
    # All-OPD roles see every OPD's DPA of the year, an OPD user goes to its own DPA.
    ("anggaran:beranda", "GET", (200, 200, 200, 302, 302, 302, 302)),
    ("anggaran:beranda", "POST", SALAH_METODE),
    ("anggaran:dpa", "GET", BACA),
    ("anggaran:dpa", "POST", SALAH_METODE),
    ("anggaran:banding", "GET", BACA),
    ("anggaran:banding", "POST", SALAH_METODE),
    ("anggaran:realisasi", "GET", BACA),
    ("anggaran:realisasi", "POST", UBAH),
    # The year-end realisasi of the DPA's program and kegiatan indicators.
    ("anggaran:indikator", "GET", BACA),
    ("anggaran:indikator", "POST", UBAH),
    # Downloads (added while this table was written): the DPA's lines as CSV, an empty
    # import template (no OPD in the URL: every logged-in role).
    ("anggaran:ekspor", "GET", BACA),
    ("anggaran:ekspor", "POST", SALAH_METODE),
    ("anggaran:templat", "GET", (200, 200, 200, 200, 200, 200, 302)),
    ("anggaran:templat", "POST", SALAH_METODE),
    # Import: the upload form needs can_edit_opd_data (an empty post re-shows the form);
    # the dry run of a Kecamatan file is the Kecamatan's, its POST imports (all rows equal).
    ("anggaran:impor_baru", "GET", (200, 200, 403, 200, 200, 200, 302)),
    ("anggaran:impor_baru", "POST", (200, 200, 403, 200, 200, 200, 302)),
    ("anggaran:impor", "GET", BACA),
    ("anggaran:impor", "POST", (302, 302, 403, 302, 302, 404, 302)),
]

KASUS = kasus(TABEL)

TAMPAK = {
    "anggaran:dpa": "Anggaran 2023",
    "anggaran:banding": "DPA murni dan perubahan 2023",
    "anggaran:realisasi": "Realisasi anggaran November 2023",
    "anggaran:indikator": "Realisasi indikator program dan kegiatan 2023",
}


# --- helpers ---------------------------------------------------------------------------------


def dpa_kec() -> DPA:
    return DPA.objects.get(opd=opd_kecamatan(), tahun=TAHUN, jenis=DPA.Jenis.MURNI)


def rincian(dpa: DPA) -> list[RincianDPA]:
    return list(
        RincianDPA.objects.filter(dpa=dpa)
        .select_related("kegiatan", "sub_kegiatan")
        .order_by("kegiatan__kode", "sub_kegiatan__kode")
    )


def buat_dppa(murni: DPA) -> DPA:
    """A DPPA of the same year: every line of the murni copied, the first pagu raised."""
    dppa = DPA.objects.create(
        opd=murni.opd, tahun=murni.tahun, jenis=DPA.Jenis.PERUBAHAN, nomor="DPPA uji"
    )
    for i, r in enumerate(rincian(murni)):
        RincianDPA.objects.create(
            dpa=dppa,
            kegiatan=r.kegiatan,
            sub_kegiatan=r.sub_kegiatan,
            indikator=r.indikator,
            target=r.target,
            satuan=r.satuan,
            pagu=r.pagu + (Decimal("1000000") if i == 0 else 0),
        )
    return dppa


def potret() -> dict:
    """Every realisation row with its values, the history, and the DPA lines."""
    return {
        "realisasi": sorted(
            RealisasiAnggaran.objects.values_list(
                "pk", "rincian_id", "bulan", "realisasi", "fisik", "keterangan"
            )
        ),
        "riwayat": RealisasiAnggaran.history.count(),
        "indikator": sorted(DPAProgram.objects.values_list("pk", "realisasi"))
        + sorted(DPAKegiatan.objects.values_list("pk", "realisasi")),
        "riwayat_indikator": DPAProgram.history.count() + DPAKegiatan.history.count(),
        "rincian": sorted(RincianDPA.objects.values_list("pk", "dpa_id", "pagu")),
        "dpa": sorted(DPA.objects.values_list("pk", "opd_id", "tahun", "jenis")),
    }


def impor_kecamatan():
    """A checked (not yet imported) file of the Kecamatan's realisation 2023, as exported."""
    dpa = dpa_kec()
    isi = resources.ekspor("realisasi", dpa, csv=False).export("xlsx")
    obj = services.impor_create(
        berkas=SimpleUploadedFile("realisasi.xlsx", isi),
        nama="realisasi.xlsx",
        jenis="realisasi",
        opd=dpa.opd,
        tahun=TAHUN,
    )
    obj.refresh_from_db()
    assert obj.status == Impor.Status.DIPERIKSA
    return obj


def _args(nama, opd_id, tahun=TAHUN, bulan=BULAN):
    if nama == "anggaran:impor":
        return [impor_kecamatan().pk]
    return {
        "anggaran:impor_baru": [],
        "anggaran:beranda": [],
        "anggaran:dpa": [opd_id, tahun],
        "anggaran:banding": [opd_id, tahun],
        "anggaran:realisasi": [opd_id, tahun, bulan],
        "anggaran:indikator": [opd_id, tahun],
        "anggaran:ekspor": [opd_id, tahun, "dpa", "csv"],
        "anggaran:templat": ["realisasi", "csv"],
    }[nama]


def _grid_url(opd_id=None, tahun=TAHUN, bulan=BULAN):
    return reverse("anggaran:realisasi", args=[opd_id or opd_kecamatan().pk, tahun, bulan])


def url_indikator(opd_id=None):
    return reverse("anggaran:indikator", args=[opd_id or opd_kecamatan().pk, TAHUN])


def _post_grid(baris):
    """The Kecamatan's grid as its operator's browser sends it, with the first line's
    realisation of November typed."""
    data = formulir_dari(_grid_url(), FORM)
    data[f"r{baris.pk}-realisasi"] = "1.500.000"
    return data


# --- the table -------------------------------------------------------------------------------


@pytest.mark.parametrize(("nama", "metode", "peran", "status"), KASUS)
def test_permission_table(client, nama, metode, peran, status):
    opd = opd_kecamatan()
    murni = dpa_kec()
    if nama == "anggaran:banding":
        buat_dppa(murni)
    pertama = rincian(murni)[0]
    url = reverse(nama, args=_args(nama, opd.pk))
    data = _post_grid(pertama) if (metode, nama) == ("POST", "anggaran:realisasi") else {}
    program = DPAProgram.objects.filter(dpa=murni).order_by("program__kode").first()
    if (metode, nama) == ("POST", "anggaran:indikator"):
        data = formulir_dari(url_indikator(), "form-realisasi-indikator")
        data[f"p{program.pk}-realisasi"] = "81,5"
    if peran != "anonim":
        client.force_login(user(peran))
    sebelum = potret()
    resp = client.post(url, data) if metode == "POST" else client.get(url)
    assert resp.status_code == status, (nama, metode, peran)

    berhasil = metode == "POST" and status == 302 and peran != "anonim"
    if berhasil and nama == "anggaran:impor":
        assert Impor.objects.get(pk=_args_id(url)).status == Impor.Status.DIIMPOR
        assert potret() == sebelum  # every row of the file equals what is stored
    elif berhasil and nama == "anggaran:indikator":
        assert resp["Location"] == url
        program.refresh_from_db()
        assert program.realisasi == Decimal("81.5")
        assert program.history.latest().history_user == user(peran)
        assert "tersimpan (1 indikator)" in " ".join(pesan(resp))
    elif berhasil:
        assert resp["Location"] == url
        baris = RealisasiAnggaran.objects.get(rincian=pertama, bulan=BULAN)
        assert baris.realisasi == Decimal("1500000")
        assert "Realisasi November 2023 tersimpan (1 baris)." in pesan(resp)
    else:
        assert potret() == sebelum, "a refused or read-only request changed the database"

    if peran == "anonim":
        assert resp["Location"].startswith("/masuk/?next=")
    elif status == 200 and nama == "anggaran:beranda":
        teks = teks_halaman(resp)
        assert "Anggaran Perangkat Daerah" in teks and "Kecamatan Magetan" in teks
    elif status == 200 and nama == "anggaran:impor_baru":
        assert "Impor data anggaran" in teks_halaman(resp)
    elif status == 200 and nama == "anggaran:impor":
        assert "23 " in teks_halaman(resp) and "Kecamatan Magetan" in teks_halaman(resp)
    elif status == 200 and nama in ("anggaran:ekspor", "anggaran:templat"):
        assert resp["Content-Type"].startswith("text/csv")
        assert "attachment" in resp["Content-Disposition"]
    elif status == 200:
        assert TAMPAK[nama] in teks_halaman(resp)
        assert "Kecamatan Magetan" in teks_halaman(resp)
    elif status == 302 and nama == "anggaran:beranda":
        u = user(peran)
        assert not u.kemampuan.sees_all_opd
        assert resp["Location"] == reverse(
            "anggaran:dpa", args=[u.opd_id, timezone.localdate().year]
        )


def _args_id(url: str) -> int:
    return int(url.rstrip("/").rsplit("/", 1)[1])


def test_every_url_of_the_app_has_rows_for_every_role():
    """A new URL without rows in the table fails here."""
    nama_tabel = {(nama, metode) for nama, metode, _ in TABEL}
    assert len(nama_tabel) == len(TABEL), "a row appears twice"
    for pola in anggaran_urls.urlpatterns:
        nama = f"{anggaran_urls.app_name}:{pola.name}"
        for metode in ("GET", "POST"):
            assert (nama, metode) in nama_tabel, f"{nama} {metode} is not in the table"
    assert len(TABEL) == 2 * len(anggaran_urls.urlpatterns)
    assert all(len(statuses) == len(PERAN) for _, _, statuses in TABEL)


def test_inspektorat_reads_the_grid_without_inputs(client):
    client.force_login(user("inspektorat"))
    resp = client.get(_grid_url())
    assert resp.status_code == 200
    isi = resp.content.decode()
    assert f'name="r{rincian(dpa_kec())[0].pk}-realisasi"' not in isi
    assert "Simpan realisasi" not in isi


def test_banding_is_404_without_a_dppa(client):
    """The demo's 2023 has only the murni: no comparison to show, for any role."""
    for peran in ("admin", "operator.kecamatan"):
        client.force_login(user(peran))
        assert (
            client.get(reverse("anggaran:banding", args=[opd_kecamatan().pk, TAHUN])).status_code
            == 404
        ), peran


def test_banding_shows_the_changed_pagu(client):
    buat_dppa(dpa_kec())
    client.force_login(user("operator.kecamatan"))
    resp = client.get(reverse("anggaran:banding", args=[opd_kecamatan().pk, TAHUN]))
    assert resp.status_code == 200
    teks = teks_halaman(resp)
    assert teks.count("berubah") == 1
    assert "1.000.000" in teks


# --- forged ids ------------------------------------------------------------------------------


def test_another_opds_operator_posting_the_kecamatans_grid_gets_404(client):
    data = _post_grid(rincian(dpa_kec())[0])
    client.force_login(user("operator.organisasi"))
    sebelum = potret()
    resp = client.post(_grid_url(), data)
    assert resp.status_code == 404
    assert potret() == sebelum


def test_another_opds_line_in_ones_own_grid_is_ignored(client):
    """operator.kecamatan adds to its own grid a field naming a line of Bagian Organisasi's
    DPA: the line is not touched (the post either ignores or refuses it)."""
    lain = RincianDPA.objects.filter(dpa__opd=opd_organisasi()).order_by("pk").first()
    assert lain is not None
    lain_sebelum = sorted(
        RealisasiAnggaran.objects.filter(rincian=lain).values_list(
            "pk", "bulan", "realisasi", "fisik", "keterangan"
        )
    )
    client.force_login(user("operator.kecamatan"))
    for b in (BULAN, 12):
        data = formulir_dari(_grid_url(bulan=b), FORM)
        data[f"r{lain.pk}-realisasi"] = "999.999.999"
        data[f"r{lain.pk}-keterangan"] = "dipalsukan"
        riwayat = RealisasiAnggaran.history.filter(rincian_id=lain.pk).count()
        resp = client.post(_grid_url(bulan=b), data)
        assert resp.status_code in (200, 302, 400, 403, 404), b
        assert (
            sorted(
                RealisasiAnggaran.objects.filter(rincian=lain).values_list(
                    "pk", "bulan", "realisasi", "fisik", "keterangan"
                )
            )
            == lain_sebelum
        )
        assert RealisasiAnggaran.history.filter(rincian_id=lain.pk).count() == riwayat
    assert not RealisasiAnggaran.objects.filter(keterangan="dipalsukan").exists()


def test_another_opds_dpa_year_is_404_for_the_kecamatan(client):
    """Bagian Organisasi's DPA 2019 through its own URLs, opened by the Kecamatan's users."""
    org = opd_organisasi()
    tahun = DPA.objects.filter(opd=org).values_list("tahun", flat=True).first()
    assert tahun is not None
    for peran in ("operator.kecamatan", "pimpinan.kecamatan"):
        client.force_login(user(peran))
        for nama in ("anggaran:dpa", "anggaran:realisasi"):
            url = reverse(nama, args=_args(nama, org.pk, tahun, 12))
            assert client.get(url).status_code == 404, (peran, nama)
        sebelum = potret()
        resp = client.post(reverse("anggaran:realisasi", args=[org.pk, tahun, 12]), {})
        assert resp.status_code == 404
        assert potret() == sebelum


# --- out of range ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nama", "tahun", "bulan"),
    [
        pytest.param("anggaran:realisasi", TAHUN, 13, id="bulan-13"),
        pytest.param("anggaran:realisasi", TAHUN, 0, id="bulan-0"),
        pytest.param("anggaran:realisasi", 1999, BULAN, id="realisasi-tahun-1999"),
        pytest.param("anggaran:realisasi", 2101, BULAN, id="realisasi-tahun-2101"),
        pytest.param("anggaran:dpa", 1999, None, id="dpa-tahun-1999"),
        pytest.param("anggaran:banding", 1999, None, id="banding-tahun-1999"),
    ],
)
@pytest.mark.parametrize("peran", ["admin", "operator.kecamatan"])
def test_out_of_range_month_and_year_are_404(client, nama, tahun, bulan, peran):
    opd = opd_kecamatan()
    args = [opd.pk, tahun] + ([bulan] if bulan is not None else [])
    url = reverse(nama, args=args)
    client.force_login(user(peran))
    assert client.get(url).status_code == 404
    if nama == "anggaran:realisasi":
        data = {f"r{r.pk}-realisasi": "1.000,00" for r in rincian(dpa_kec())}
        sebelum = potret()
        assert client.post(url, data).status_code == 404
        assert potret() == sebelum
