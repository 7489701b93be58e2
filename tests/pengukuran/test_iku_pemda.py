"""The realisasi of the IKU Pemda (issue 19, item 4): Bagian Organisasi types the values of
an IKU of its own through the OPD entry's rules (the triwulan's window, draft, submit, locked
once submitted), another user verifies or returns them; an IKU declared the same measure as an
OPD indicator takes that OPD's values, shown with their source and never typed twice; every
figure through the engine, the same on the page and the pohon kinerja."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from perencanaan_uji import opd_organisasi, pesan, user
from realisasi_uji import opd_kecamatan, teks_halaman

from apps.laporan.pohon import pohon_kinerja
from apps.pengukuran import services
from apps.pengukuran.kinerja import kinerja_daerah
from apps.pengukuran.models import JadwalPengisian, Realisasi, RealisasiDaerah
from apps.perencanaan.models import IndikatorDaerah, IndikatorKinerja

pytestmark = pytest.mark.django_db

TAHUN, TW = 2023, 4


def iku(nama="Indeks Kepuasan Masyarakat") -> IndikatorDaerah:
    return IndikatorDaerah.objects.get(sasaran__tujuan__periode__tahun_awal=2018, nama=nama)


def url(tahun=TAHUN, tw=TW) -> str:
    return reverse("pengukuran:iku_pemda", args=[tahun, tw])


def jendela(dibuka: int, ditutup: int) -> None:
    hari_ini = timezone.localdate()
    JadwalPengisian.objects.update_or_create(
        tahun=TAHUN,
        triwulan=TW,
        defaults={
            "dibuka": hari_ini + datetime.timedelta(days=dibuka),
            "ditutup": hari_ini + datetime.timedelta(days=ditutup),
        },
    )


@pytest.fixture
def diisi(db):
    """The IKM typed by Bagian Organisasi (its source taken away), TW IV 2023 open."""
    i = iku()
    i.sumber = None
    i.save()
    jendela(-5, 5)
    return i


def potret() -> list:
    return [
        *RealisasiDaerah.objects.order_by("pk").values_list(
            "pk", "nilai", "analisis", "status", "diverifikasi_oleh", "catatan"
        ),
        RealisasiDaerah.history.count(),
    ]


def test_an_iku_taken_from_an_opd_shows_that_opds_values_and_its_capaian(client):
    """Demo 2019: both IKU are Bagian Organisasi's indicators (seed 000): the mean IKM 79,41
    against the RPJMD's 80 -> 99,26 %; KBK 25 of 25 -> 100,00 %. Nothing to type."""
    hasil = kinerja_daerah([iku(), iku("Persentase Kelompok Budaya Kerja (KBK) aktif")], 2019)
    ikm = hasil[iku().pk]
    assert ikm.diambil and ikm.hasil.tahunan.nilai == Decimal("79.41")
    assert ikm.hasil.capaian.nilai.quantize(Decimal("0.01")) == Decimal("99.26")
    assert "Bagian Organisasi Sekretariat Daerah Kabupaten Magetan: Rata-rata Nilai IKM" in (
        ikm.sumber
    )
    client.force_login(user("verifikator"))
    resp = client.get(url(2019))
    teks = teks_halaman(resp)
    assert "Diambil dari Bagian Organisasi" in teks and "99,26 %" in teks and "100,00 %" in teks
    assert f'name="i{iku().pk}-nilai"' not in resp.content.decode()
    assert "Simpan" not in teks  # nothing of the kabupaten's own to type
    pohon = pohon_kinerja(None, 2019, opd=opd_organisasi())
    daerah = [s for _, s in pohon.simpul() if s.tingkat == "daerah"]
    assert [str(s.capaian) for s in daerah] == ["99,26 %", "100,00 %"]
    teks = teks_halaman(client.get(reverse("laporan:pohon", args=[2019])))
    assert "Indeks Kepuasan Masyarakat: target 80 skor · realisasi 79,41 · capaian 99,26 %" in teks


def test_typed_submitted_verified_by_another_user(client, diisi):
    verifikator, admin = user("verifikator"), user("admin")
    client.force_login(verifikator)
    resp = client.post(
        url(), {"aksi": "simpan", f"i{diisi.pk}-nilai": "81,5", f"i{diisi.pk}-analisis": "Survei."}
    )
    assert resp.status_code == 302 and pesan(resp) == [
        "Realisasi IKU Pemda tersimpan (1 indikator)."
    ]
    r = RealisasiDaerah.objects.get(indikator=diisi, tahun=TAHUN, triwulan=TW)
    assert (r.nilai, r.status, r.diisi_oleh) == (Decimal("81.5"), "draft", verifikator)
    assert r.history.latest().history_change_reason == "realisasi.simpan"
    resp = client.post(url(), {"aksi": "ajukan"})
    assert pesan(resp)[-1] == "1 realisasi IKU Pemda diajukan untuk diverifikasi."
    # Locked once submitted: a new value is refused, nothing changes.
    sebelum = potret()
    resp = client.post(url(), {"aksi": "simpan", f"i{diisi.pk}-nilai": "90"})
    assert resp.status_code == 200 and potret() == sebelum
    assert "Indeks Kepuasan Masyarakat: sudah diajukan; tidak dapat diubah." in pesan(resp)
    # Who typed it does not verify it.
    resp = client.post(url(), {"aksi": f"verifikasi-{r.pk}"})
    assert resp.status_code == 200 and potret() == sebelum
    assert any("diverifikasi pengguna lain" in p for p in pesan(resp))
    client.force_login(admin)
    resp = client.post(url(), {"aksi": f"verifikasi-{r.pk}"})
    assert pesan(resp)[-1] == "Indeks Kepuasan Masyarakat: diverifikasi."
    r.refresh_from_db()
    assert (r.status, r.diverifikasi_oleh) == ("diverifikasi", admin)
    teks = teks_halaman(client.get(url()))
    assert "101,88 %" in teks  # 81,5 / 80
    assert "Diverifikasi" in teks
    pohon = pohon_kinerja(None, TAHUN, opd=opd_kecamatan())
    assert "101,88 %" in [str(u.capaian) for _, s in pohon.simpul() for u in s.ukuran]


def test_returned_with_a_note_and_corrected_after_the_window_closed(client, diisi):
    verifikator, admin = user("verifikator"), user("admin")
    services.realisasi_daerah_save(
        tahun=TAHUN, triwulan=TW, isian={diisi: (Decimal("70"), "")}, user=verifikator
    )
    services.realisasi_daerah_submit(tahun=TAHUN, triwulan=TW, indikator=[diisi], user=verifikator)
    r = RealisasiDaerah.objects.get(indikator=diisi)
    client.force_login(admin)
    sebelum = potret()
    resp = client.post(url(), {"aksi": f"kembalikan-{r.pk}", f"catatan-{r.pk}": "  "})
    assert pesan(resp) == [
        "Catatan Indeks Kepuasan Masyarakat: tulis alasan mengembalikan realisasi ini.",
        "Tidak ada yang berubah.",
    ]
    assert potret() == sebelum
    client.post(url(), {"aksi": f"kembalikan-{r.pk}", f"catatan-{r.pk}": "Lampirkan hasil survei."})
    r.refresh_from_db()
    assert (r.status, r.catatan) == ("dikembalikan", "Lampirkan hasil survei.")
    jendela(-20, -1)  # closed: a returned value may still be corrected and submitted again
    services.realisasi_daerah_save(
        tahun=TAHUN, triwulan=TW, isian={diisi: (Decimal("72"), "")}, user=verifikator
    )
    assert (
        services.realisasi_daerah_submit(
            tahun=TAHUN, triwulan=TW, indikator=[diisi], user=verifikator
        )
        == 1
    )


@pytest.mark.parametrize(
    ("jadwal", "pesan_galat"),
    [
        (None, "Jadwal pengisian Triwulan IV 2023 belum ditetapkan Bagian Organisasi."),
        ((-20, -1), "ditutup"),
        ((3, 10), "dibuka"),
    ],
    ids=["tanpa-jadwal", "ditutup", "belum-dibuka"],
)
def test_outside_the_window_nothing_is_typed(client, diisi, jadwal, pesan_galat):
    if jadwal is None:
        JadwalPengisian.objects.filter(tahun=TAHUN, triwulan=TW).delete()
    else:
        jendela(*jadwal)
    client.force_login(user("verifikator"))
    sebelum = potret()
    resp = client.post(url(), {"aksi": "simpan", f"i{diisi.pk}-nilai": "81"})
    assert resp.status_code == 200 and potret() == sebelum
    semua = " ".join(pesan(resp))
    assert "Indeks Kepuasan Masyarakat:" in semua and pesan_galat in semua, semua


@pytest.mark.parametrize(
    ("isian", "kata"),
    [
        ("abc", "angka"),
        ("-", "angka"),
        ("1,23456", "4 angka di belakang koma"),
        ("9" * 16, "sebelum koma"),
    ],
    ids=["huruf", "strip", "lima-desimal", "terlalu-panjang"],
)
def test_a_bad_value_names_the_iku_and_changes_nothing(client, diisi, isian, kata):
    client.force_login(user("verifikator"))
    sebelum = potret()
    resp = client.post(url(), {"aksi": "simpan", f"i{diisi.pk}-nilai": isian})
    assert resp.status_code == 200 and potret() == sebelum
    semua = " ".join(pesan(resp))
    assert "Realisasi Indeks Kepuasan Masyarakat (skor)" in semua and kata in semua, semua


def test_an_iku_taken_from_an_opd_is_never_typed(client):
    """A forged field for it is not read; the service and the model refuse it by name."""
    jendela(-5, 5)
    i = iku()
    assert i.sumber_id
    client.force_login(user("verifikator"))
    sebelum = potret()
    client.post(url(), {"aksi": "simpan", f"i{i.pk}-nilai": "99"})
    assert potret() == sebelum
    with pytest.raises(ValidationError, match="diambil dari indikator OPD Rata-rata Nilai IKM"):
        services.realisasi_daerah_save(
            tahun=TAHUN, triwulan=TW, isian={i: (Decimal("99"), "")}, user=user("verifikator")
        )
    assert potret() == sebelum


def test_the_source_must_be_a_number_of_a_renstra_following_the_period():
    i = iku()
    lain = IndikatorKinerja.objects.filter(
        sasaran__tujuan__renstra__opd=opd_kecamatan(), sasaran__tujuan__renstra__tahun_awal=2024
    ).first()
    renstra = lain.sasaran.tujuan.renstra
    renstra.periode_rpjmd = None  # a Renstra following no RPJMD period
    renstra.save()
    i.sumber = lain
    with pytest.raises(ValidationError, match="tidak mengacu ke RPJMD Kabupaten Magetan 2018-2023"):
        i.full_clean()
    teks = IndikatorKinerja.objects.filter(jenis_nilai="teks").first()
    if teks is not None:
        i.sumber = teks
        with pytest.raises(ValidationError, match="harus bernilai angka"):
            i.full_clean()
    i.refresh_from_db()
    assert i.sumber.nama == "Rata-rata Nilai IKM"


def test_opd_users_read_without_inputs_and_cannot_post(client, diisi):
    RealisasiDaerah.objects.create(indikator=diisi, tahun=TAHUN, triwulan=TW, nilai=Decimal("80"))
    client.force_login(user("operator.kecamatan"))
    resp = client.get(url())
    assert resp.status_code == 200
    assert f'name="i{diisi.pk}-nilai"' not in resp.content.decode()
    assert (
        "Verifikasi" not in teks_halaman(resp).split("Realisasi IKU Pemda Triwulan IV 2023", 2)[-1]
    )
    assert client.post(url(), {"aksi": "simpan", f"i{diisi.pk}-nilai": "1"}).status_code == 403
    assert RealisasiDaerah.objects.get(indikator=diisi).nilai == Decimal("80")
    assert Realisasi.objects.count() > 0  # the OPD values untouched by the IKU page


def test_the_page_costs_the_same_queries_for_2_or_12_iku(client, django_assert_max_num_queries):
    """Ten more IKU Pemda typed by Bagian Organisasi, each with a target and a value: the
    page reads them in the same queries as one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from apps.perencanaan.models import TargetDaerah

    client.force_login(user("verifikator"))
    sd = iku().sasaran

    def tambah(n):
        i = IndikatorDaerah.objects.create(sasaran=sd, nomor=n, nama=f"IKU uji {n}", satuan="%")
        TargetDaerah.objects.create(indikator=i, tahun=TAHUN, target=Decimal("50"))
        RealisasiDaerah.objects.create(indikator=i, tahun=TAHUN, triwulan=TW, nilai=Decimal(n))

    tambah(2)
    with CaptureQueriesContext(connection) as sedikit:
        assert client.get(url()).status_code == 200
    for n in range(3, 13):
        tambah(n)
    with django_assert_max_num_queries(len(sedikit)):
        resp = client.get(url())
    assert "IKU uji 12" in teks_halaman(resp)
