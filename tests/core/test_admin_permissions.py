"""Permission table of the admin: every registered model's changelist, add, change and history
page for every role, with an object of Kecamatan Magetan. An operator of another OPD gets 404
on that OPD's objects; nobody but the admin role manages users; inspektorat only reads."""

import datetime
import re

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from apps.anggaran.models import DPA, Kegiatan, Program, RincianDPA, SubKegiatan
from apps.core.models import OPD, Pejabat, Pemda, PeriodeRPJMD, SkalaPredikat, User
from apps.laporan.models import (
    AnalisisSasaran,
    KomponenLKE,
    KuesionerLKE,
    LaporanKinerja,
    SubKomponenLKE,
)
from apps.pengukuran.models import JadwalPengisian, Realisasi
from apps.perencanaan.models import (
    IndikatorDaerah,
    IndikatorKinerja,
    PerjanjianKinerja,
    RencanaProgram,
    Renstra,
    Sasaran,
    SasaranDaerah,
    Tujuan,
    TujuanDaerah,
)

pytestmark = pytest.mark.django_db

KEC = "Kecamatan Magetan"
ROLES = [
    "operator.kecamatan",
    "pimpinan.kecamatan",
    "operator.organisasi",
    "verifikator",
    "inspektorat",
    "admin",
]


def _jadwal():
    return JadwalPengisian.objects.get_or_create(
        tahun=2026,
        triwulan=1,
        defaults={"dibuka": datetime.date(2026, 4, 1), "ditutup": datetime.date(2026, 4, 15)},
    )[0]


# One object per registered model; OPD-owned objects belong to Kecamatan Magetan.
OBJECTS = {
    Pemda: lambda: Pemda.objects.get(),
    PeriodeRPJMD: lambda: PeriodeRPJMD.objects.first(),
    OPD: lambda: OPD.objects.get(nama=KEC),
    Pejabat: lambda: Pejabat.objects.get(nama="YUDO WAHYONO, S.Sos., M.Si"),
    SkalaPredikat: lambda: SkalaPredikat.objects.first(),
    User: lambda: User.objects.get(username="operator.kecamatan"),
    Renstra: lambda: Renstra.objects.get(opd__nama=KEC, tahun_awal=2018),
    Tujuan: lambda: Tujuan.objects.get(renstra__opd__nama=KEC, renstra__tahun_awal=2018),
    Sasaran: lambda: Sasaran.objects.filter(tujuan__renstra__opd__nama=KEC).first(),
    IndikatorKinerja: lambda: IndikatorKinerja.objects.filter(
        sasaran__tujuan__renstra__opd__nama=KEC
    ).first(),
    PerjanjianKinerja: lambda: PerjanjianKinerja.objects.get(opd__nama=KEC, tahun=2023, versi=1),
    RencanaProgram: lambda: RencanaProgram.objects.filter(renstra__opd__nama=KEC).first(),
    TujuanDaerah: lambda: TujuanDaerah.objects.first(),
    SasaranDaerah: lambda: SasaranDaerah.objects.first(),
    IndikatorDaerah: lambda: IndikatorDaerah.objects.first(),
    Program: lambda: Program.objects.get(kode="7.01.02"),
    Kegiatan: lambda: Kegiatan.objects.get(kode="7.01.02.2.01"),
    SubKegiatan: lambda: SubKegiatan.objects.get(kode="7.01.02.2.01.0002"),
    DPA: lambda: DPA.objects.get(opd__nama=KEC),
    RincianDPA: lambda: RincianDPA.objects.filter(dpa__opd__nama=KEC).first(),
    Realisasi: lambda: Realisasi.objects.filter(
        indikator__sasaran__tujuan__renstra__opd__nama=KEC
    ).first(),
    JadwalPengisian: _jadwal,
    LaporanKinerja: lambda: LaporanKinerja.objects.get(opd__nama=KEC),
    AnalisisSasaran: lambda: AnalisisSasaran.objects.get_or_create(
        laporan=LaporanKinerja.objects.get(opd__nama=KEC),
        sasaran=Sasaran.objects.filter(tujuan__renstra__opd__nama=KEC).first(),
    )[0],
    KuesionerLKE: lambda: KuesionerLKE.objects.get(tahun=2023),
    KomponenLKE: lambda: KomponenLKE.objects.get(kuesioner__tahun=2023, nomor=1),
    SubKomponenLKE: lambda: SubKomponenLKE.objects.get(
        komponen__kuesioner__tahun=2023, komponen__nomor=1, nomor=1
    ),
    # django-axes' records of login attempts: the admin role's only.
    AccessAttempt: lambda: AccessAttempt.objects.create(
        username="operator.kecamatan",
        ip_address="10.0.0.1",
        user_agent="uji",
        http_accept="*/*",
        path_info="/masuk/",
        get_data="",
        post_data="",
        failures_since_start=5,
    ),
    AccessLog: lambda: AccessLog.objects.create(
        username="operator.kecamatan",
        ip_address="10.0.0.1",
        user_agent="uji",
        http_accept="*/*",
        path_info="/masuk/",
    ),
}
AXES = {AccessAttempt, AccessLog}
MASTER = {
    Pemda,
    PeriodeRPJMD,
    OPD,
    SkalaPredikat,
    Program,
    Kegiatan,
    SubKegiatan,
    JadwalPengisian,
    TujuanDaerah,
    SasaranDaerah,
    IndikatorDaerah,
    KuesionerLKE,
    KomponenLKE,
    SubKomponenLKE,
}
OWN = {"operator.kecamatan", "pimpinan.kecamatan"}
ALL_OPD = {"verifikator", "inspektorat", "admin"}
WRITERS_MASTER = {"verifikator", "admin"}
WRITERS_OPD = {
    "operator.kecamatan",
    "pimpinan.kecamatan",
    "operator.organisasi",
    "verifikator",
    "admin",
}


def test_every_registered_model_is_in_the_table():
    registered = {m for m in admin.site._registry if m._meta.app_label != "auth"}
    assert registered == set(OBJECTS)
    # Axes writes its failure log only with AXES_ENABLE_ACCESS_FAILURE_LOG (off): no list
    # that is always empty; and the project's roles are not Django's groups.
    assert AccessFailureLog not in admin.site._registry
    assert not any(m._meta.app_label == "auth" for m in admin.site._registry)


def test_cleaning_up_expired_login_attempts_works_from_the_admin(client, login):
    """Axes' own action read a time axes sets only while authenticating: it failed (500)."""
    login("admin")
    lama = AccessAttempt.objects.create(
        username="operator.kecamatan",
        ip_address="10.0.0.1",
        user_agent="uji",
        http_accept="*/*",
        path_info="/masuk/",
        get_data="",
        post_data="",
        failures_since_start=5,
    )
    AccessAttempt.objects.filter(pk=lama.pk).update(
        attempt_time=timezone.now() - datetime.timedelta(days=2)
    )
    resp = client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "cleanup_expired_attempts", "_selected_action": [lama.pk]},
    )
    assert resp.status_code == 302
    assert not AccessAttempt.objects.filter(pk=lama.pk).exists()


def _expected(model, role, page):
    if model is User:
        return 200 if role == "admin" else 403
    if model in AXES:  # written by axes only: the admin reads and deletes them
        return 200 if role == "admin" and page != "add" else 403
    if page == "changelist":
        return 200
    if page == "add":
        if model is Pemda:  # a singleton that already exists
            return 403
        # written on their own pages only; an LKE's components and sub-components on their
        # LKE's and component's pages, where their weights are checked together
        if model in (Realisasi, PerjanjianKinerja, AnalisisSasaran, KomponenLKE, SubKomponenLKE):
            return 403
        writers = WRITERS_MASTER if model in MASTER else WRITERS_OPD
        return 200 if role in writers else 403
    # change and history of a Kecamatan object: another OPD's operator must get 404.
    if model in MASTER and model is not OPD:
        return 200
    return 200 if role in OWN | ALL_OPD else 404


CASES = [
    (model, role, page)
    for model in OBJECTS
    for role in ROLES
    for page in ("changelist", "add", "change", "history")
]


@pytest.mark.parametrize(
    ("model", "role", "page"), CASES, ids=[f"{m.__name__}-{r}-{p}" for m, r, p in CASES]
)
def test_admin_page_status(client, login, model, role, page):
    login(role)
    info = (model._meta.app_label, model._meta.model_name)
    if page in ("changelist", "add"):
        url = reverse(f"admin:{info[0]}_{info[1]}_{page}")
    else:
        url = reverse(f"admin:{info[0]}_{info[1]}_{page}", args=[OBJECTS[model]().pk])
    assert client.get(url).status_code == _expected(model, role, page)


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("admin:perencanaan_renstra_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_operator_changelist_shows_only_own_opd(client, login):
    login("operator.organisasi")
    response = client.get(reverse("admin:perencanaan_perjanjiankinerja_changelist"))
    body = response.content.decode()
    assert "Bagian Organisasi" in body
    assert KEC not in body


def test_operator_post_to_another_opds_object_is_404_and_changes_nothing(client, login):
    login("operator.organisasi")
    renstra = Renstra.objects.get(opd__nama=KEC, tahun_awal=2018)
    url = reverse("admin:perencanaan_renstra_change", args=[renstra.pk])
    response = client.post(
        url,
        {"opd": renstra.opd_id, "tahun_awal": 2018, "tahun_akhir": 2020, "keterangan": "diubah"},
    )
    assert response.status_code == 404
    renstra.refresh_from_db()
    assert renstra.tahun_akhir == 2023 and renstra.keterangan == ""


def test_operator_cannot_pick_another_opds_object_in_a_foreign_key(client, login):
    login("operator.organisasi")
    renstra_lain = Renstra.objects.get(opd__nama=KEC, tahun_awal=2018)
    before = Tujuan.objects.count()
    response = client.post(
        reverse("admin:perencanaan_tujuan_add"),
        {
            "renstra": renstra_lain.pk,
            "nomor": 9,
            "uraian": "Tujuan titipan",
            "sasaran-TOTAL_FORMS": 0,
            "sasaran-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert "Masukkan pilihan yang valid" in response.content.decode()
    assert Tujuan.objects.count() == before


def test_operator_cannot_create_a_dpa_for_another_opd(client, login):
    login("operator.kecamatan")
    lain = OPD.objects.get(singkatan="Bagian Organisasi")
    before = DPA.objects.count()
    response = client.post(
        reverse("admin:anggaran_dpa_add"),
        {
            "opd": lain.pk,
            "tahun": 2024,
            "jenis": "murni",
            **{
                f"{p}-{k}": 0
                for p in ("program", "kegiatan", "rincian")
                for k in ("TOTAL_FORMS", "INITIAL_FORMS")
            },
        },
    )
    assert "Masukkan pilihan yang valid" in response.content.decode()
    assert DPA.objects.count() == before


def test_inspektorat_reads_but_cannot_change(client, login):
    login("inspektorat")
    renstra = Renstra.objects.get(opd__nama=KEC, tahun_awal=2018)
    url = reverse("admin:perencanaan_renstra_change", args=[renstra.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"opd": renstra.opd_id, "tahun_awal": 2018, "tahun_akhir": 2020})
    assert response.status_code == 403
    renstra.refresh_from_db()
    assert renstra.tahun_akhir == 2023


def test_pk_is_read_only_in_the_admin_even_for_the_admin(client, login):
    """A PK is written on the planning pages only (they keep a final PK read-only)."""
    login("admin")
    pk = PerjanjianKinerja.objects.get(opd__nama=KEC, tahun=2023, versi=0)
    url = reverse("admin:perencanaan_perjanjiankinerja_change", args=[pk.pk])
    page = client.get(url).content.decode()
    assert 'name="_save"' not in page
    response = client.post(url, {"opd": pk.opd_id, "tahun": 2023, "versi": 0, "tempat": "Diubah"})
    assert response.status_code == 403
    pk.refresh_from_db()
    assert pk.tempat == "Magetan"


def test_computed_totals_are_shown_read_only(client, login):
    login("operator.kecamatan")
    dpa = DPA.objects.get(opd__nama=KEC)
    body = client.get(reverse("admin:anggaran_dpa_change", args=[dpa.pk])).content.decode()
    assert "Rp 15.498.982.788" in body
    assert "98,25 %" in body
    assert 'name="total_pagu"' not in body


def test_realisasi_changelist_shows_capaian_from_the_engine(client, login):
    login("verifikator")
    url = reverse("admin:pengukuran_realisasi_changelist") + "?tahun=2019"
    body = client.get(url).content.decode()
    assert "101,55 %" in body  # the report typed 100,01 %


def test_the_dpa_list_tells_its_own_jenis_from_the_opds(client, login):
    """The DPA list had two filters both titled "Berdasarkan jenis" (DPA murni/perubahan and
    the OPD's kind)."""
    login("verifikator")
    html = client.get(reverse("admin:anggaran_dpa_changelist")).content.decode()
    judul = re.findall(r"Berdasarkan ([^<]+?)\s*<", html)
    assert judul == ["tahun", "jenis", "jenis OPD"], judul
    resp = client.get(reverse("admin:anggaran_dpa_changelist") + "?opd__jenis=kecamatan")
    assert "Kecamatan Magetan" in resp.content.decode()
    assert "Bagian Organisasi" not in resp.content.decode().split("result_list", 1)[-1]


def test_a_read_only_relation_links_only_to_what_the_user_may_open(client):
    """operator.organisasi reading its own OPD saw its parent (Setda) as a link to a page that
    answered 404; the inspektorat, who reads every OPD, keeps the link."""
    from django.urls import reverse

    from apps.core.models import OPD, User

    org = OPD.objects.get(kode="4.01.01.06")
    setda = reverse("admin:core_opd_change", args=[org.induk_id])
    url = reverse("admin:core_opd_change", args=[org.pk])
    client.force_login(User.objects.get(username="operator.organisasi"))
    html = client.get(url).content.decode()
    assert "Sekretariat Daerah Kabupaten Magetan" in html and setda not in html
    assert client.get(setda).status_code == 404
    client.force_login(User.objects.get(username="inspektorat"))
    assert setda in client.get(url).content.decode()


def test_a_search_too_long_for_the_admin_list_is_refused_with_a_message(client):
    """1.400 words pasted into the search box built a query of thousands of LIKE clauses."""
    from django.urls import reverse

    from apps.core.models import User

    client.force_login(User.objects.get(username="verifikator"))
    resp = client.get(reverse("admin:core_opd_changelist"), {"q": "kata " * 1400})
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "Pencarian: paling panjang 100 karakter dan 10 kata" in html
    assert "Kecamatan Magetan" not in html.split("result_list", 1)[-1]


def test_a_post_claiming_a_million_inline_rows_builds_no_more_than_fifty(client):
    """TOTAL_FORMS of 10^60 made Django build and render 2.000 inline forms (36 s of CPU for
    one request); the inline now takes at most 50 new rows and says so."""
    import re

    from django.urls import reverse

    from apps.core.models import User

    client.force_login(User.objects.get(username="verifikator"))
    data = {
        "indikator-TOTAL_FORMS": "9" * 60,
        "indikator-INITIAL_FORMS": "0",
        "indikator-MIN_NUM_FORMS": "0",
        "indikator-MAX_NUM_FORMS": "1000",
    }
    resp = client.post(reverse("admin:perencanaan_sasaran_add"), {"uraian": "Sasaran uji", **data})
    assert resp.status_code == 200
    html = resp.content.decode()
    assert len(set(re.findall(r'name="indikator-(\d+)-nama"', html))) == 50
    assert "paling banyak 50 formulir" in html
