"""The kabupaten's RPJMD below its visi and misi (issue 19, item 1): tujuan and sasaran daerah
with their IKU Pemda and yearly targets, and each OPD sasaran linked to the sasaran daerah it
supports, never to one of another RPJMD period. Managed by Bagian Organisasi in the admin."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from realisasi_uji import formulir, opd_kecamatan, teks_halaman

from apps.core.models import Misi, PeriodeRPJMD
from apps.laporan.models import AnalisisSasaran
from apps.perencanaan.models import (
    DukunganSasaranDaerah,
    IndikatorDaerah,
    PKBupati,
    Renstra,
    Sasaran,
    SasaranDaerah,
    TargetDaerah,
    TujuanDaerah,
)
from apps.perencanaan.selectors import konsistensi

pytestmark = pytest.mark.django_db


def _periode_lain() -> tuple[PeriodeRPJMD, SasaranDaerah]:
    periode = PeriodeRPJMD.objects.create(
        nama="RPJMD Kabupaten Magetan 2024-2029", tahun_awal=2024, tahun_akhir=2029, visi="Uji"
    )
    tujuan = TujuanDaerah.objects.create(periode=periode, nomor=1, uraian="Tujuan periode baru")
    return periode, SasaranDaerah.objects.create(tujuan=tujuan, nomor=1, uraian="Sasaran baru")


def _sasaran_kec() -> Sasaran:
    return Sasaran.objects.filter(
        tujuan__renstra__opd=opd_kecamatan(), tujuan__renstra__tahun_awal=2018
    ).first()


def test_the_demo_rpjmd_has_its_sasaran_daerah_with_iku_targets_and_every_opd_sasaran_linked():
    periode = PeriodeRPJMD.objects.get(tahun_awal=2018)
    sasaran = list(SasaranDaerah.objects.filter(tujuan__periode=periode))
    assert [s.uraian for s in sasaran] == [
        "Meningkatkan Kepuasan Masyarakat Terhadap Pelayanan Publik",
        "Meningkatnya Akuntabilitas Kinerja dan Reformasi Birokrasi",
    ]
    ikm = IndikatorDaerah.objects.get(sasaran=sasaran[0])
    assert (ikm.nama, ikm.satuan, ikm.polaritas, ikm.target_akhir) == (
        "Indeks Kepuasan Masyarakat",
        "skor",
        "positif",
        Decimal("80"),
    )
    assert list(ikm.target_tahunan.values_list("tahun", flat=True)) == list(range(2019, 2024))
    opd_sasaran = Sasaran.objects.filter(tujuan__renstra__periode_rpjmd=periode)
    assert opd_sasaran.count() == 11  # both reports and the running year's Renstra
    assert all(s.sasaran_daerah.exists() for s in opd_sasaran)
    # seed 003's matrix files the Kecamatan's public-service sasaran under sasaran daerah 1
    kec = Sasaran.objects.get(
        uraian="Meningkatnya Kualitas Pelayanan Publik",
        tujuan__renstra__opd=opd_kecamatan(),
        tujuan__renstra__tahun_awal=2018,
    )
    assert list(kec.sasaran_daerah.all()) == [sasaran[0]]


def test_a_link_to_a_sasaran_daerah_of_another_period_is_refused_with_the_periods_named():
    _, lain = _periode_lain()
    s = _sasaran_kec()
    with pytest.raises(ValidationError) as e:
        DukunganSasaranDaerah(sasaran=s, sasaran_daerah=lain).full_clean()
    assert e.value.message_dict["sasaran_daerah"] == [
        "Sasaran RPJMD ini milik RPJMD Kabupaten Magetan 2024-2029 (2024-2029), bukan periode "
        "yang diikuti Renstra 2018-2023 (RPJMD Kabupaten Magetan 2018-2023 (2018-2023))."
    ]


def test_a_renstra_without_a_period_cannot_be_linked():
    s = _sasaran_kec()
    Renstra.objects.filter(pk=s.tujuan.renstra_id).update(periode_rpjmd=None)
    s = Sasaran.objects.select_related("tujuan__renstra").get(pk=s.pk)
    sd = SasaranDaerah.objects.first()
    with pytest.raises(ValidationError) as e:
        DukunganSasaranDaerah(sasaran=s, sasaran_daerah=sd).full_clean()
    assert "belum terhubung ke periode RPJMD" in e.value.message_dict["sasaran_daerah"][0]


def test_the_admin_refuses_the_cross_period_link_and_saves_nothing(client, login):
    login("operator.kecamatan")
    _, lain = _periode_lain()
    s = _sasaran_kec()
    url = reverse("admin:perencanaan_sasaran_change", args=[s.pk])
    data = formulir(client.get(url).content.decode(), "sasaran_form")
    awalan = "dukungan_daerah-"
    n = int(data[f"{awalan}TOTAL_FORMS"])
    data[f"{awalan}TOTAL_FORMS"] = str(n + 1)
    data[f"{awalan}{n}-sasaran_daerah"] = str(lain.pk)
    data[f"{awalan}{n}-sasaran"] = str(s.pk)
    sebelum = list(DukunganSasaranDaerah.objects.values_list("sasaran", "sasaran_daerah"))
    resp = client.post(url, data)
    assert resp.status_code == 200
    assert "bukan periode yang diikuti Renstra 2018-2023" in resp.content.decode()
    assert list(DukunganSasaranDaerah.objects.values_list("sasaran", "sasaran_daerah")) == sebelum


def test_a_target_outside_the_rpjmd_period_and_a_misi_of_another_period_are_refused():
    ikm = IndikatorDaerah.objects.first()
    with pytest.raises(ValidationError) as e:
        TargetDaerah(indikator=ikm, tahun=2025, target=Decimal("80")).full_clean()
    assert e.value.message_dict["tahun"] == ["Tahun 2025 di luar periode RPJMD 2018-2023."]
    periode, _ = _periode_lain()
    misi_lama = Misi.objects.filter(periode__tahun_awal=2018).first()
    with pytest.raises(ValidationError) as e:
        TujuanDaerah(periode=periode, misi=misi_lama, nomor=2, uraian="Uji").full_clean()
    assert e.value.message_dict["misi"] == ["Misi ini berasal dari periode RPJMD lain."]


def test_only_bagian_organisasi_writes_the_rpjmd_in_the_admin(client, login):
    tujuan = TujuanDaerah.objects.first()
    url = reverse("admin:perencanaan_tujuandaerah_change", args=[tujuan.pk])
    for peran, boleh in (("operator.kecamatan", False), ("verifikator", True)):
        login(peran)
        data = formulir(client.get(url).content.decode(), "tujuandaerah_form")
        data["uraian"] = f"Diubah oleh {peran}"
        client.post(url, data)
        tujuan.refresh_from_db()
        assert (tujuan.uraian == f"Diubah oleh {peran}") is boleh, peran


# --- the Renstra page: each sasaran's sasaran daerah, and the consistency check ------------


def _url_renstra(s: Sasaran) -> str:
    return reverse("perencanaan:renstra", args=[s.tujuan.renstra_id])


def _nama(s: Sasaran) -> str:
    return f"s{s.pk}-sasaran_daerah"


def test_the_renstra_page_links_a_sasaran_to_the_sasaran_daerah_it_supports(client, login):
    login("operator.kecamatan")
    s = _sasaran_kec()
    url = _url_renstra(s)
    satu, dua = SasaranDaerah.objects.filter(tujuan__periode__tahun_awal=2018)
    halaman = client.get(url).content.decode()
    assert "Sasaran RPJMD yang didukung" in halaman
    assert "1.2 Meningkatnya Akuntabilitas Kinerja dan Reformasi Birokrasi" in halaman
    data = formulir(halaman, "form-renstra")
    awal = set(s.sasaran_daerah.values_list("pk", flat=True))
    assert {int(v) for v in _daftar(data.get(_nama(s)))} == awal
    data[_nama(s)] = [str(satu.pk), str(dua.pk)]
    resp = client.post(url, data)
    assert resp.status_code == 302
    assert set(s.sasaran_daerah.values_list("pk", flat=True)) == {satu.pk, dua.pk}
    data[_nama(s)] = []
    client.post(url, data)
    assert not s.sasaran_daerah.exists()


def _daftar(nilai) -> list:
    if nilai is None:
        return []
    return nilai if isinstance(nilai, list) else [nilai]


def test_a_sasaran_daerah_of_another_period_posted_to_the_page_is_refused(client, login):
    login("operator.kecamatan")
    _, lain = _periode_lain()
    s = _sasaran_kec()
    url = _url_renstra(s)
    data = formulir(client.get(url).content.decode(), "form-renstra")
    data[f"s{s.pk}-uraian"] = "Sasaran yang tidak boleh tersimpan"
    data[_nama(s)] = [*_daftar(data.get(_nama(s))), str(lain.pk)]
    sebelum = (s.uraian, list(DukunganSasaranDaerah.objects.values_list("pk", flat=True)))
    resp = client.post(url, data)
    assert resp.status_code == 200
    assert (
        "Sasaran RPJMD yang didukung: pilih dari sasaran RPJMD periode yang diikuti Renstra ini."
        in resp.content.decode()
    )
    s.refresh_from_db()
    assert (s.uraian, list(DukunganSasaranDaerah.objects.values_list("pk", flat=True))) == sebelum


def test_a_sasaran_supporting_no_sasaran_daerah_is_a_consistency_warning_with_its_link(
    client, login
):
    kec = opd_kecamatan()
    assert not [p for p in konsistensi(kec, 2023) if p.jenis == "sasaran_tanpa_sasaran_daerah"]
    s = _sasaran_kec()
    DukunganSasaranDaerah.objects.filter(sasaran=s).delete()
    [p] = [p for p in konsistensi(kec, 2023) if p.jenis == "sasaran_tanpa_sasaran_daerah"]
    assert p.pesan == (f"Sasaran “{s.uraian}” belum terhubung ke sasaran RPJMD yang didukungnya.")
    assert p.tautan == f"{_url_renstra(s)}#sasaran-{s.pk}"
    login("operator.kecamatan")
    halaman = client.get(_url_renstra(s) + "?tahun=2023").content.decode()
    assert "belum terhubung ke sasaran RPJMD yang didukungnya" in halaman
    assert f'id="sasaran-{s.pk}"' in halaman


def test_no_warning_while_the_period_has_no_sasaran_daerah_to_link_to():
    PKBupati.objects.all().delete()  # the demo's draft PK Bupati promises the IKU (PROTECT)
    # the demo's kabupaten LKjIP analyses its sasaran daerah (PROTECT)
    AnalisisSasaran.objects.filter(sasaran_daerah__isnull=False).delete()
    DukunganSasaranDaerah.objects.all().delete()
    IndikatorDaerah.objects.all().delete()
    SasaranDaerah.objects.all().delete()
    kec = opd_kecamatan()
    assert not [p for p in konsistensi(kec, 2023) if p.jenis == "sasaran_tanpa_sasaran_daerah"]


# --- the RPJMD page ----------------------------------------------------------------------------


def _url_rpjmd() -> str:
    return reverse("perencanaan:rpjmd", args=[PeriodeRPJMD.objects.get(tahun_awal=2018).pk])


def test_the_rpjmd_page_shows_each_sasaran_daerah_with_its_targets_and_supporting_sasaran(
    client, login
):
    login("verifikator")
    teks = teks_halaman(client.get(_url_rpjmd()))
    assert "Sasaran 1.1: Meningkatkan Kepuasan Masyarakat Terhadap Pelayanan Publik" in teks
    assert (
        "Indeks Kepuasan Masyarakat skor Positif (makin tinggi makin baik) — 80 80 80 80 80 80"
        in teks
    )
    assert "Kecamatan Magetan (Renstra 2018–2023): Meningkatnya Kualitas Pelayanan Publik" in teks
    assert "Bagian Organisasi Sekretariat Daerah Kabupaten Magetan (Renstra 2019–2023)" in teks
    assert "Belum didukung sasaran OPD mana pun." not in teks
    # a sasaran daerah nobody supports is flagged for the roles that see every OPD
    DukunganSasaranDaerah.objects.filter(sasaran_daerah__nomor=2).delete()
    teks = teks_halaman(client.get(_url_rpjmd()))
    assert teks.count("Belum didukung sasaran OPD mana pun.") == 1


def test_an_operator_sees_the_rpjmd_with_only_their_own_opds_sasaran(client, login):
    login("operator.organisasi")
    teks = teks_halaman(client.get(_url_rpjmd()))
    assert "Bagian Organisasi Sekretariat Daerah Kabupaten Magetan (Renstra 2019–2023)" in teks
    assert "Kecamatan Magetan" not in teks
    assert "Belum didukung sasaran OPD mana pun." not in teks


def test_the_rpjmd_page_is_reached_from_the_planning_start_page_and_from_a_renstra(client, login):
    login("verifikator")
    assert _url_rpjmd() in client.get(reverse("perencanaan:beranda")).content.decode()
    login("operator.kecamatan")
    s = _sasaran_kec()
    assert f'href="{_url_rpjmd()}"' in client.get(_url_renstra(s)).content.decode()


def test_the_rpjmd_page_runs_the_same_queries_however_many_sasaran_support_it(
    client, login, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    login("verifikator")
    with CaptureQueriesContext(connection) as sedikit:
        client.get(_url_rpjmd())
    satu = SasaranDaerah.objects.get(tujuan__periode__tahun_awal=2018, nomor=1)
    for s in Sasaran.objects.filter(tujuan__renstra__periode_rpjmd__tahun_awal=2018):
        DukunganSasaranDaerah.objects.get_or_create(sasaran=s, sasaran_daerah=satu)
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        resp = client.get(_url_rpjmd())
    assert teks_halaman(resp).count("Meningkatnya Ketatalaksanaan pemerintahan") == 2


def test_rules_hold_for_rows_added_with_a_parent_not_saved_yet():
    """The admin's add pages validate inline rows before their parent is saved: the period
    rules are checked through the unsaved parent all the same."""
    sd = SasaranDaerah.objects.filter(tujuan__periode__tahun_awal=2018).first()
    baru = IndikatorDaerah(sasaran=sd, nomor=9, nama="IKU baru")
    with pytest.raises(ValidationError) as e:
        TargetDaerah(indikator=baru, tahun=2030, target=Decimal("1")).full_clean(
            exclude=["indikator"]
        )
    assert e.value.message_dict["tahun"] == ["Tahun 2030 di luar periode RPJMD 2018-2023."]
    _, lain = _periode_lain()
    sasaran_baru = Sasaran(tujuan=_sasaran_kec().tujuan, nomor=9, uraian="Sasaran baru")
    with pytest.raises(ValidationError) as e:
        DukunganSasaranDaerah(sasaran=sasaran_baru, sasaran_daerah=lain).full_clean(
            exclude=["sasaran"]
        )
    assert (
        "bukan periode yang diikuti Renstra 2018-2023"
        in (e.value.message_dict["sasaran_daerah"][0])
    )


def test_the_admin_add_page_refuses_a_target_outside_the_period_and_saves_nothing(client, login):
    login("verifikator")
    sd = SasaranDaerah.objects.filter(tujuan__periode__tahun_awal=2018).first()
    sebelum = (IndikatorDaerah.objects.count(), TargetDaerah.objects.count())
    resp = client.post(
        reverse("admin:perencanaan_indikatordaerah_add"),
        {
            "sasaran": sd.pk,
            "nomor": 9,
            "nama": "IKU uji",
            "satuan": "%",
            "polaritas": "positif",
            "agregasi": "nilai_akhir",
            "target_tahunan-TOTAL_FORMS": 1,
            "target_tahunan-INITIAL_FORMS": 0,
            "target_tahunan-0-tahun": 2030,
            "target_tahunan-0-target": "5",
        },
    )
    assert resp.status_code == 200
    assert "Tahun 2030 di luar periode RPJMD 2018-2023." in resp.content.decode()
    assert (IndikatorDaerah.objects.count(), TargetDaerah.objects.count()) == sebelum
