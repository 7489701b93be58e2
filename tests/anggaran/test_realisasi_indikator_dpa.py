"""The year-end realisasi of the DPA's program and kegiatan indicators (issue 19: every node
of the pohon kinerja measured): the operator types it the Indonesian way on one page of the
DPA in force, all rows saved or none, with history; a bad value names its program or kegiatan
and changes nothing; a program whose DPA states no indicator has nothing to type."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from perencanaan_uji import formulir_dari, opd_organisasi, pesan, user
from realisasi_uji import opd_kecamatan, teks_halaman

from apps.anggaran import services
from apps.anggaran.models import DPA, DPAKegiatan, DPAProgram, Program

pytestmark = pytest.mark.django_db

FORM = "form-realisasi-indikator"


def dpa_kec() -> DPA:
    return DPA.objects.get(opd=opd_kecamatan(), tahun=2023, jenis=DPA.Jenis.MURNI)


def url(opd=None, tahun=2023) -> str:
    return reverse("anggaran:indikator", args=[(opd or opd_kecamatan()).pk, tahun])


def program(kode="7.01.02") -> DPAProgram:
    return DPAProgram.objects.get(dpa=dpa_kec(), program__kode=kode)


def kegiatan(kode="7.01.01.2.01") -> DPAKegiatan:
    return DPAKegiatan.objects.get(dpa=dpa_kec(), kegiatan__kode=kode)


def potret() -> dict:
    return {
        "program": sorted(DPAProgram.objects.values_list("pk", "realisasi")),
        "kegiatan": sorted(DPAKegiatan.objects.values_list("pk", "realisasi")),
        "riwayat": (DPAProgram.history.count(), DPAKegiatan.history.count()),
    }


def test_the_operator_types_realisasi_and_they_are_kept_with_their_history(client):
    """The demo states 7.01.02's realisasi as 400 (the Renstra matrix of the reference);
    the operator corrects it to 82,5 and the kegiatan 7.01.01.2.01 from 38 to 40."""
    p, k = program(), kegiatan()
    assert (p.realisasi, k.realisasi) == (Decimal("400"), Decimal("38"))
    data = formulir_dari(url(), FORM)
    assert data[f"p{p.pk}-realisasi"] == "400"
    data[f"p{p.pk}-realisasi"] = "82,5"
    data[f"k{k.pk}-realisasi"] = "40"
    operator = user("operator.kecamatan")
    client.force_login(operator)
    resp = client.post(url(), data)
    assert resp.status_code == 302 and resp["Location"] == url()
    assert pesan(resp) == ["Realisasi indikator program dan kegiatan 2023 tersimpan (2 indikator)."]
    p.refresh_from_db()
    k.refresh_from_db()
    assert (p.realisasi, k.realisasi) == (Decimal("82.5"), Decimal("40"))
    h = p.history.latest()
    assert h.history_user == operator and h.history_change_reason == "anggaran.indikator"
    teks = teks_halaman(client.get(url()))
    assert "Persentase Desa/Kelurahan Dengan Nilai Monev Terpadu Minimal 80" in teks
    # The same form again: nothing changed, nothing written.
    resp = client.post(url(), formulir_dari(url(), FORM))
    assert pesan(resp) == ["Tidak ada perubahan."]


def test_an_emptied_value_clears_the_realisasi_and_its_history_keeps_it(client):
    p = program()
    data = formulir_dari(url(), FORM)
    data[f"p{p.pk}-realisasi"] = ""
    client.force_login(user("operator.kecamatan"))
    client.post(url(), data)
    p.refresh_from_db()
    assert p.realisasi is None
    assert [h.realisasi for h in p.history.order_by("history_date")][-1] is None


@pytest.mark.parametrize(
    ("isian", "kata"),
    [
        ("-5", "negatif"),
        ("abc", "angka"),
        ("1.2.3", "angka"),
        ("1,234", "2 angka di belakang koma"),
        ("1.234.567.890.123", "paling banyak 12 angka sebelum koma"),
    ],
    ids=["negatif", "huruf", "titik-salah", "tiga-desimal", "terlalu-panjang"],
)
def test_a_bad_value_names_its_program_and_changes_nothing(client, isian, kata):
    p, k = program(), kegiatan()
    data = formulir_dari(url(), FORM)
    data[f"k{k.pk}-realisasi"] = "40"  # a good row beside the bad one is not saved either
    data[f"p{p.pk}-realisasi"] = isian
    client.force_login(user("operator.kecamatan"))
    sebelum = potret()
    resp = client.post(url(), data)
    assert resp.status_code == 200
    semua = " ".join(pesan(resp))
    assert "Realisasi 7.01.02 (Nilai)" in semua, semua
    assert kata in semua, semua
    assert "Tidak ada yang disimpan" in semua
    assert potret() == sebelum


def test_a_program_without_an_indicator_has_nothing_to_type(client):
    dpa = dpa_kec()
    p = program("7.01.04")
    p.indikator = ""
    p.save()
    client.force_login(user("operator.kecamatan"))
    resp = client.get(url())
    assert f'name="p{p.pk}-realisasi"' not in resp.content.decode()
    assert "DPA tidak mencantumkan indikator program ini" in teks_halaman(resp)
    assert DPAProgram.objects.filter(dpa=dpa).count() == 5


def test_a_forged_field_of_another_dpa_is_ignored(client):
    """A field named after another OPD's indicator is not one of this page's: not written."""
    lain_dpa = DPA.objects.create(opd=opd_organisasi(), tahun=2023)
    lain = DPAProgram.objects.create(
        dpa=lain_dpa, program=Program.objects.get(kode="7.01.02"), indikator="X", target=1
    )
    data = formulir_dari(url(), FORM)
    data[f"p{lain.pk}-realisasi"] = "99"
    client.force_login(user("operator.kecamatan"))
    client.post(url(), data)
    lain.refresh_from_db()
    assert lain.realisasi is None


def test_the_service_refuses_an_indicator_of_another_dpa():
    lain_dpa = DPA.objects.create(opd=opd_organisasi(), tahun=2023)
    lain = DPAProgram.objects.create(
        dpa=lain_dpa, program=Program.objects.get(kode="7.01.02"), indikator="X", target=1
    )
    sebelum = potret()
    with pytest.raises(ValidationError, match="bukan indikator DPA ini"):
        services.realisasi_indikator_dpa_save(
            dpa=dpa_kec(), isian={program(): Decimal(1), lain: Decimal(2)}
        )
    assert potret() == sebelum  # the first, valid row rolled back with the refusal


def test_readers_see_the_values_without_inputs_and_a_year_without_dpa_is_404(client):
    client.force_login(user("inspektorat"))
    resp = client.get(url())
    isi = resp.content.decode()
    assert resp.status_code == 200
    assert f'name="p{program().pk}-realisasi"' not in isi and "Simpan realisasi" not in isi
    assert "400" in teks_halaman(resp)
    assert client.get(url(tahun=2022)).status_code == 404


def test_the_dpa_page_links_the_indicator_page(client):
    client.force_login(user("operator.kecamatan"))
    resp = client.get(reverse("anggaran:dpa", args=[opd_kecamatan().pk, 2023]))
    assert url() in resp.content.decode()


def test_the_page_and_its_save_cost_the_same_queries_for_more_indicators(
    client, django_assert_max_num_queries
):
    """Read and saved with a fixed number of queries: three more kegiatan with an indicator
    and a line each cost the page and its save nothing more."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from apps.anggaran.models import Kegiatan, RincianDPA, SubKegiatan

    client.force_login(user("operator.kecamatan"))

    def isi_semua(nilai):
        data = formulir_dari(url(), FORM)
        for k in data:
            if k.endswith("-realisasi"):
                data[k] = nilai
        return data

    data = isi_semua("11")
    # counted at once: each request clears the connection's query log the counts read from
    with CaptureQueriesContext(connection) as q:
        assert client.get(url()).status_code == 200
    baca = len(q)
    with CaptureQueriesContext(connection) as q:
        client.post(url(), data)
    simpan = len(q)
    dpa = dpa_kec()
    program = Program.objects.get(kode="7.01.04")
    for n in range(2, 5):
        k = Kegiatan.objects.create(program=program, kode=f"7.01.04.2.0{n}", nama=f"Kegiatan {n}")
        s = SubKegiatan.objects.create(kegiatan=k, kode=f"{k.kode}.0001", nama=f"Sub {n}")
        RincianDPA.objects.create(dpa=dpa, kegiatan=k, sub_kegiatan=s, pagu=Decimal("1000"))
        DPAKegiatan.objects.create(dpa=dpa, kegiatan=k, indikator=f"Keluaran {n}", target=5)
    data = isi_semua("12")
    assert sum(k.endswith("-realisasi") for k in data) == 15 + 3
    with django_assert_max_num_queries(baca):
        client.get(url())
    with django_assert_max_num_queries(simpan):
        resp = client.post(url(), data)
    assert pesan(resp) == [
        "Realisasi indikator program dan kegiatan 2023 tersimpan (18 indikator)."
    ]
    assert DPAKegiatan.objects.get(dpa=dpa, kegiatan__kode="7.01.04.2.04").realisasi == 12
