"""The budget pages on the demo DPA 2023 of Kecamatan Magetan (seed 003): every total is
computed from the 23 sub kegiatan lines, not taken from the document, whose own subtotals
disagree with its lines (DOMAIN.md); realisation above the pagu is flagged, not hidden."""

import re
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from realisasi_uji import formulir, opd_kecamatan, teks_halaman

from apps.anggaran.models import DPA, RealisasiAnggaran, RincianDPA
from apps.anggaran.selectors import rekap_dpa

pytestmark = pytest.mark.django_db

PENUNJANG = "7.01.01.2.09.0001"  # the line written 01.2.09.01 in the document: 191,82 %


def dpa_2023() -> DPA:
    return DPA.objects.get(opd=opd_kecamatan(), tahun=2023)


def halaman(client, **params):
    return client.get(reverse("anggaran:dpa", args=[opd_kecamatan().pk, 2023]), params)


def test_dpa_2023_dihitung_dari_rincian(client, login):
    login("operator.kecamatan")
    teks = teks_halaman(halaman(client))
    # OPD totals (the document states 15.490.556.938 and 15.166.946.575)
    assert (
        "Pagu Rp 15.498.982.788 Realisasi Rp 15.228.228.125 Serapan 98,25 % "
        "Sisa Rp 270.754.663 Efisiensi 1,75 %"
    ) in teks
    assert ("7.01.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA") in teks
    assert "8.244.451.385,00 8.095.611.398,00 98,19 % 148.839.987,00" in teks
    # kegiatan 7.01.01.2.06: the document states 736.552.863; its lines add up to 744.978.713
    assert "744.978.713,00" in teks and "736.552.863" not in teks
    assert "Jumlah Kecamatan Magetan 15.498.982.788,00 15.228.228.125,00 98,25 %" in teks


def test_realisasi_melebihi_pagu_ditandai(client, login):
    login("verifikator")
    resp = halaman(client)
    teks = teks_halaman(resp)
    assert "Realisasi melebihi pagu (1)" in teks
    assert f"{PENUNJANG} " in teks
    assert "realisasi Rp 110.393.396 dari pagu Rp 57.550.900 (191,82 %)" in teks
    baris = resp.content.decode().split('id="rincian-')
    lebih = [
        b for b in baris if b.split('"', 1)[0].isdigit() and "191,82 %" in b.split("</tr>", 1)[0]
    ]
    assert len(lebih) == 1 and "melebihi pagu" in lebih[0].split("</tr>", 1)[0]


def test_anggaran_per_sasaran(client, login):
    login("operator.kecamatan")
    teks = teks_halaman(halaman(client))
    per_sasaran = teks.split("Anggaran per sasaran", 1)[1]
    # the supporting program serves the IKM sasaran; every program serves "Kinerja Kecamatan"
    assert (
        "Meningkatnya Kualitas Pelayanan Publik 8.244.451.385,00 8.095.611.398,00 98,19 %"
    ) in per_sasaran
    assert (
        "Meningkatnya Kinerja Kecamatan 15.498.982.788,00 15.228.228.125,00 98,25 %" in per_sasaran
    )
    assert (
        "Meningkatnya Akuntabilitas Kinerja Kecamatan 0,00 0,00" in per_sasaran
        and "Belum ada program DPA yang mendukung sasaran ini." in per_sasaran
    )


def test_kumulatif_dan_satu_bulan(client, login):
    """Realisation by month: the page sums up to a month, or shows one month alone."""
    dpa = dpa_2023()
    rincian = RincianDPA.objects.get(dpa=dpa, sub_kegiatan__kode="7.01.02.2.01.0002")
    RealisasiAnggaran.objects.filter(rincian=rincian).delete()
    for bulan, rp in ((3, "4000000"), (6, "5000000"), (9, "2500000")):
        RealisasiAnggaran.objects.create(rincian=rincian, bulan=bulan, realisasi=Decimal(rp))
    assert rekap_dpa(dpa, sampai_bulan=6).program[rincian.kegiatan.program].realisasi == Decimal(
        "9000000"
    )
    login("operator.kecamatan")
    kumulatif = teks_halaman(halaman(client, bulan=6))
    assert "Realisasi s.d. Juni 2023" in kumulatif
    assert (
        "7.01.02.2.01.0002 Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat "
        "Kecamatan" in kumulatif
    )
    assert "16.398.050,00 9.000.000,00 54,88 %" in kumulatif
    satu = teks_halaman(halaman(client, bulan=6, cakupan="bulan"))
    assert "Realisasi bulan Juni saja" in satu
    assert "16.398.050,00 5.000.000,00 30,49 %" in satu
    assert "Efisiensi" not in satu.split("Realisasi melebihi")[0]


def test_isi_realisasi_bulan_dan_hasilnya(client, login):
    dpa = dpa_2023()
    rincian = RincianDPA.objects.get(dpa=dpa, sub_kegiatan__kode="7.01.02.2.01.0002")
    login("operator.kecamatan")
    url = reverse("anggaran:realisasi", args=[opd_kecamatan().pk, 2023, 11])
    data = formulir(client.get(url).content.decode(), "form-realisasi-anggaran")
    data[f"r{rincian.pk}-realisasi"] = "1.250.000,50"
    data[f"r{rincian.pk}-fisik"] = "2"
    data[f"r{rincian.pk}-keterangan"] = "Rapat koordinasi November"
    resp = client.post(url, data)
    assert resp.status_code == 302
    assert [str(m) for m in get_messages(resp.wsgi_request)] == [
        "Realisasi November 2023 tersimpan (1 baris)."
    ]
    obj = RealisasiAnggaran.objects.get(rincian=rincian, bulan=11)
    assert (obj.realisasi, obj.fisik, obj.keterangan) == (
        Decimal("1250000.50"),
        Decimal("2"),
        "Rapat koordinasi November",
    )
    assert (
        formulir(client.get(url).content.decode(), "form-realisasi-anggaran")[
            f"r{rincian.pk}-realisasi"
        ]
        == "1.250.000,50"
    )  # rupiah with its sen written out
    # November is cumulative up to November: the December total is not in it
    teks = teks_halaman(halaman(client, bulan=11))
    assert "16.398.050,00 1.250.000,50 7,62 %" in teks


def test_january_grid_opens_and_saves_a_first_month(client, login):
    """January has no month before it: "s.d. bulan lalu" is 0,00, not a server error."""
    login("operator.kecamatan")
    url = reverse("anggaran:realisasi", args=[opd_kecamatan().pk, 2023, 1])
    resp = client.get(url)
    assert resp.status_code == 200
    rincian = RincianDPA.objects.filter(dpa=dpa_2023()).order_by("pk").first()
    isian = formulir(resp.content.decode(), "form-realisasi-anggaran")
    baris = resp.content.decode().split(f'id="rincian-{rincian.pk}"', 1)[1].split("</tr>")[0]
    assert '<td class="angka">0,00</td>' in baris
    isian[f"r{rincian.pk}-realisasi"] = "12.500"
    assert client.post(url, isian).status_code == 302
    assert RealisasiAnggaran.objects.get(rincian=rincian, bulan=1).realisasi == Decimal(12500)


def test_a_dpa_whose_programs_have_no_indicator_row_opens(client, login):
    """Bagian Organisasi's 2019 DPA (budget by kegiatan, as its LKjIP gives it) has no
    program or kegiatan indicator row: the page the dashboard's "Rincian DPA" leads to."""
    login("verifikator")
    org = DPA.objects.get(tahun=2019).opd
    resp = client.get(reverse("anggaran:dpa", args=[org.pk, 2019]))
    assert resp.status_code == 200
    teks = teks_halaman(resp)
    assert "Jumlah Bagian Organisasi" in teks
    # A kegiatan budgeted as a whole is one row, not a header and a line saying the same.
    assert teks.count("4,01,03,21,01 Survei Indeks Kepuasan Masyarakat") == 1, teks
    assert re.search(
        r"4,01,03,21,01 Survei Indeks Kepuasan Masyarakat 140\.000\.000,00 "
        r"132\.498\.392,00 94,64 %",
        teks,
    ), teks


def test_a_dpa_imported_from_the_template_filled_like_its_sample_opens(
    client, login, settings, tmp_path
):
    """The downloaded dpa template filled exactly like its own sample row: sub kegiatan rows
    only, so no program or kegiatan carries an indicator row."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from apps.anggaran import resources, services
    from apps.anggaran.models import Impor
    from apps.core.ekspor import csv_dari

    settings.MEDIA_ROOT = tmp_path
    login("operator.kecamatan")
    templat = resources.templat("dpa")
    isi = csv_dari(templat).encode()
    obj = services.impor_create(
        berkas=SimpleUploadedFile("dpa.csv", isi),
        nama="dpa.csv",
        jenis=Impor.Jenis.DPA,
        opd=opd_kecamatan(),
        tahun=2027,
        jenis_dpa=DPA.Jenis.MURNI,
    )
    obj.refresh_from_db()
    assert obj.status == Impor.Status.DIPERIKSA, obj.pesan
    services.impor_confirm(obj=obj)
    assert DPA.objects.filter(opd=opd_kecamatan(), tahun=2027).exists()
    resp = client.get(reverse("anggaran:dpa", args=[opd_kecamatan().pk, 2027]))
    assert resp.status_code == 200
    assert "Jumlah Kecamatan Magetan" in teks_halaman(resp)


def test_the_year_picker_leads_to_every_year_with_data(client, login):
    """The 2023 DPA was reachable only by typing its address: the picker of 2026 offered
    2024-2027."""
    login("operator.kecamatan")
    resp = client.get(reverse("anggaran:dpa", args=[opd_kecamatan().pk, 2026]))
    for tahun in (2021, 2022, 2023, 2025, 2026, 2027):
        assert (
            f'href="{reverse("anggaran:dpa", args=[opd_kecamatan().pk, tahun])}"'
            in resp.content.decode()
        ), tahun


# --- the overview of every OPD's budget (all-OPD roles) -------------------------------------


def test_overview_shows_each_opds_dpa_with_the_totals_of_its_own_page(client, login):
    """The 2023 DPA of the demo was reachable only by typing its address; the overview links
    it, and its pagu, realisation and serapan are the DPA page's (one function: rekap_dpa)."""
    from apps.anggaran.selectors import bulan_terakhir, dpa_berlaku, rekap_dpa
    from apps.core.angka import format_rupiah

    login("verifikator")
    resp = client.get(reverse("anggaran:beranda"), {"tahun": 2023})
    teks = teks_halaman(resp)
    kec = opd_kecamatan()
    dpa = dpa_berlaku(kec.pk, 2023)
    total = rekap_dpa(dpa, sampai_bulan=bulan_terakhir(dpa)).total
    assert f"Kecamatan Magetan DPA murni – {format_rupiah(total.pagu)}" in teks
    assert f"{format_rupiah(total.realisasi)} Desember {total.serapan}" in teks
    assert f'href="{reverse("anggaran:dpa", args=[kec.pk, 2023])}?jenis=murni"' in (
        resp.content.decode()
    )
    assert ">2019</a>" in resp.content.decode()  # years come from the data


@pytest.mark.parametrize("tahun", ["abc", "1999", "99999999999999999999", ""])
def test_overview_with_a_wrong_year_says_so_and_shows_this_year(client, login, tahun):
    login("verifikator")
    resp = client.get(reverse("anggaran:beranda"), {"tahun": tahun})
    assert resp.status_code == 200
    teks = teks_halaman(resp)
    assert "Tahun harus angka 2000 sampai 2100; ditampilkan tahun ini." in teks
    assert f"Anggaran Perangkat Daerah {timezone.localdate().year}" in teks


def test_overview_queries_do_not_grow_with_the_opds(client, login):
    from apps.core.models import OPD, PeriodeRPJMD, User
    from apps.laporan.demo.loader import load_synthetic

    login("verifikator")
    url = reverse("anggaran:beranda") + "?tahun=2025"
    periode = PeriodeRPJMD.objects.order_by("tahun_awal").first()
    load_synthetic(3, periode, User.objects.get(username="verifikator"))
    client.get(url)
    with CaptureQueriesContext(connection) as sedikit:
        client.get(url)
    load_synthetic(20, periode, User.objects.get(username="verifikator"))
    with CaptureQueriesContext(connection) as banyak:
        isi = client.get(url).content.decode()
    sintetis = OPD.objects.filter(kode__startswith="SIN-")
    assert sintetis.count() == 20 and all(o.nama in isi for o in sintetis)
    assert isi.count("Rp ") >= 40  # their pagu and realisation are shown
    assert len(banyak) == len(sedikit)
