"""Bad input: each case shows a clear Indonesian message and stores nothing.

Two layers are tested: what a user gets in the admin form, and that the database itself
refuses the row when the form is bypassed (constraints, not only form checks)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from pabrik.core import OPDFactory, PejabatFactory
from pabrik.perencanaan import IndikatorFactory

from apps.anggaran.models import DPA, Kegiatan, Program, RealisasiAnggaran, RincianDPA, SubKegiatan
from apps.anggaran.services import nomenklatur_upsert
from apps.core.models import OPD, Pejabat, RentangPredikat, SkalaPredikat, User
from apps.core.roles import Peran
from apps.core.services import skala_predikat_set_rentang
from apps.core.validators import validate_nip
from apps.pengukuran.models import JadwalPengisian, Realisasi
from apps.perencanaan.models import (
    IndikatorKinerja,
    PerjanjianKinerja,
    Renstra,
    TargetTahunan,
)
from apps.perencanaan.selectors import pk_berlaku

pytestmark = pytest.mark.django_db

KEC = "Kecamatan Magetan"


def _errors(response) -> str:
    return response.content.decode()


# --- NIP ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nip", "pesan"),
    [
        ("19670230 198601 1 001", "tidak ada di kalender"),  # 30 February
        ("196702271986131001", "bulan pengangkatan 13"),
        ("196702271986001001", "bulan pengangkatan 00"),
        ("19670227198601100", "18 angka"),
        ("1967022719860110011", "18 angka"),
        ("19670227A98601I001", "18 angka"),
        ("196702271980011001", "sebelum usia 17"),
        ("196702271986013001", "jenis kelamin"),
        ("196702271986011000", "tidak boleh 000"),
        ("20900101 201001 1 001", "tahun lahir"),
    ],
)
def test_admin_refuses_bad_nip(client, login, nip, pesan):
    login("verifikator")
    before = Pejabat.objects.count()
    response = client.post(
        reverse("admin:core_pejabat_add"),
        {
            "nama": "Pejabat Uji",
            "nip": nip,
            "jabatan": "Sekretaris Camat",
            "status_jabatan": "definitif",
            "aktif": "on",
        },
    )
    assert response.status_code == 200
    assert pesan in _errors(response)
    assert Pejabat.objects.count() == before


def test_nip_written_in_groups_is_stored_as_18_digits(client, login):
    login("verifikator")
    client.post(
        reverse("admin:core_pejabat_add"),
        {
            "nama": "Pejabat Uji",
            "nip": "19800115 200501 2 003",
            "jabatan": "Sekretaris Camat",
            "status_jabatan": "definitif",
            "aktif": "on",
        },
    )
    pejabat = Pejabat.objects.get(nama="Pejabat Uji")
    assert pejabat.nip == "198001152005012003"
    assert pejabat.nip_tampil == "19800115 200501 2 003"


def test_database_refuses_a_malformed_nip():
    with pytest.raises(IntegrityError), transaction.atomic():
        Pejabat.objects.create(nama="X", jabatan="Y", nip="12345")


def test_same_nip_twice_is_refused():
    with pytest.raises(ValidationError, match="sudah tercatat"):
        Pejabat(nama="Kembar", jabatan="Camat", nip="196706061988031011").full_clean()


def test_validate_nip_accepts_the_reference_nips():
    validate_nip("196702271986011001")
    validate_nip("196706061988031011")


# --- nomenclature codes ------------------------------------------------------------------


def test_admin_refuses_sub_kegiatan_whose_code_is_not_under_its_kegiatan(client, login):
    login("verifikator")
    kegiatan = Kegiatan.objects.get(kode="7.01.02.2.01")
    before = SubKegiatan.objects.count()
    response = client.post(
        reverse("admin:anggaran_subkegiatan_add"),
        {
            "kegiatan": kegiatan.pk,
            "kode": "7.01.03.2.01.05",
            "nama": "Salah induk",
        },
    )
    assert "harus diawali kode kegiatannya 7.01.02.2.01" in _errors(response)
    assert SubKegiatan.objects.count() == before


@pytest.mark.parametrize(
    ("kode", "pesan"),
    [
        ("7.1.02", "tidak dikenali"),
        ("7.01.02.2.01.002", "tidak dikenali"),
        ("abc", "tidak dikenali"),
        ("7.01.02.2.01", "bukan kode program"),
    ],
)
def test_admin_refuses_malformed_program_code(client, login, kode, pesan):
    login("verifikator")
    before = Program.objects.count()
    response = client.post(
        reverse("admin:anggaran_program_add"),
        {
            "kode": kode,
            "nama": "Program uji",
            "kegiatan-TOTAL_FORMS": 0,
            "kegiatan-INITIAL_FORMS": 0,
        },
    )
    assert pesan in _errors(response)
    assert Program.objects.count() == before


def test_child_before_its_parent_is_refused():
    with pytest.raises(ValidationError, match="induknya 7.01.09.2.01 belum ada"):
        nomenklatur_upsert(kode="7.01.09.2.01.01", nama="Yatim")
    assert not SubKegiatan.objects.filter(kode="7.01.09.2.01.0001").exists()


def test_two_digit_and_four_digit_codes_are_the_same_sub_kegiatan():
    a = nomenklatur_upsert(
        kode="7.01.02.2.01.02",
        nama="Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
    )
    b = nomenklatur_upsert(kode="7.01.02.2.01.0002", nama=a.nama)
    assert a.pk == b.pk and a.kode == "7.01.02.2.01.0002"


def test_old_codes_cannot_carry_a_dpa_from_2021_on():
    dpa = DPA.objects.get(opd__nama=KEC, tahun=2023)
    lama = Kegiatan.objects.get(kode="4,01,03,21,01")
    with pytest.raises(ValidationError, match="Kode lama"):
        RincianDPA(dpa=dpa, kegiatan=lama, pagu=Decimal(1)).full_clean()


# --- predikat scales -----------------------------------------------------------------------


def _skala_post(bands):
    data = {
        "nama": "Skala uji",
        "sumber": "",
        "tepi": "bawah",
        "rentang-TOTAL_FORMS": len(bands),
        "rentang-INITIAL_FORMS": 0,
    }
    for i, (label, lo, hi) in enumerate(bands):
        data.update(
            {
                f"rentang-{i}-label": label,
                f"rentang-{i}-batas_bawah": lo,
                f"rentang-{i}-batas_atas": hi,
                f"rentang-{i}-warna": "#336699",
            }
        )
    return data


@pytest.mark.parametrize(
    ("bands", "pesan"),
    [
        ([("Baik", "70", ""), ("Cukup", "", "75")], "tumpang tindih"),
        ([("Baik", "70", ""), ("Cukup", "", "60")], "celah"),
        ([("Baik", "70", "100"), ("Cukup", "", "70")], "tanpa batas atas"),
        ([("Baik", "70", ""), ("Cukup", "10", "70")], "tanpa batas bawah"),
        ([("Baik", "80", "70"), ("Cukup", "", "80")], "lebih kecil dari batas atas"),
        ([("Baik", "70,5,1", ""), ("Cukup", "", "70")], "lebih dari satu koma"),
    ],
)
def test_admin_refuses_bad_scale_and_stores_nothing(client, login, bands, pesan):
    login("verifikator")
    before = (SkalaPredikat.objects.count(), RentangPredikat.objects.count())
    response = client.post(reverse("admin:core_skalapredikat_add"), _skala_post(bands))
    assert response.status_code == 200
    assert pesan in _errors(response)
    assert (SkalaPredikat.objects.count(), RentangPredikat.objects.count()) == before


def test_valid_scale_with_89_5_in_a_band_is_stored(client, login):
    login("verifikator")
    client.post(
        reverse("admin:core_skalapredikat_add"),
        _skala_post([("Tinggi", "89,5", ""), ("Rendah", "", "89,5")]),
    )
    skala = SkalaPredikat.objects.get(nama="Skala uji")
    assert skala.rentang.get(label="Tinggi").batas_bawah == Decimal("89.5")


def test_service_refuses_overlapping_bands_and_keeps_the_old_ones():
    skala = SkalaPredikat.objects.get(nama__startswith="Skala 7")
    before = list(skala.rentang.values_list("label", "batas_bawah"))
    with pytest.raises(ValidationError, match="tumpang tindih"):
        skala_predikat_set_rentang(
            skala=skala,
            rentang=[
                {"label": "A", "batas_bawah": Decimal(50), "batas_atas": None},
                {"label": "B", "batas_bawah": None, "batas_atas": Decimal(60)},
            ],
        )
    assert list(skala.rentang.values_list("label", "batas_bawah")) == before


# --- realisasi -----------------------------------------------------------------------------


def _realisasi_post(indikator, nilai, triwulan=4, tahun=2023):
    return {
        "indikator": indikator.pk,
        "tahun": tahun,
        "triwulan": triwulan,
        "nilai": nilai,
        "nilai_teks": "",
        "analisis": "",
        "solusi": "",
        "bukti-TOTAL_FORMS": 0,
        "bukti-INITIAL_FORMS": 0,
        "catatan-TOTAL_FORMS": 0,
        "catatan-INITIAL_FORMS": 0,
    }


def _indikator_kecamatan():
    return IndikatorKinerja.objects.get(
        nama="Nilai SAKIP Kecamatan", sasaran__tujuan__renstra__tahun_awal=2018
    )


def test_admin_cannot_add_realisasi_behind_the_pages_back(client, login):
    """Values go through the realisasi pages (window, locks, optimistic locking)."""
    login("admin")
    before = Realisasi.objects.count()
    response = client.post(
        reverse("admin:pengukuran_realisasi_add"),
        _realisasi_post(_indikator_kecamatan(), "88,1", triwulan=1),
    )
    assert response.status_code == 403
    assert Realisasi.objects.count() == before


def test_database_refuses_duplicate_realisasi():
    ind = _indikator_kecamatan()
    with pytest.raises(IntegrityError), transaction.atomic():
        Realisasi.objects.create(indikator=ind, tahun=2023, triwulan=4, nilai=Decimal(1))


def test_realisasi_in_indonesian_format_is_stored_exactly(client, login, tw_terbuka):
    login("operator.kecamatan")
    opd = OPD.objects.get(nama=KEC)
    ind = pk_berlaku(opd.pk, 2026).indikator.order_by("indikator__nomor").first().indikator
    client.post(
        reverse("pengukuran:pengisian", args=[opd.pk, 2026, 3]),
        {f"i{ind.pk}-nilai": "1.234,5", f"i{ind.pk}-versi": "0", "aksi": "simpan"},
    )
    row = Realisasi.objects.get(indikator=ind, tahun=2026, triwulan=3)
    assert row.nilai == Decimal("1234.5")
    assert row.versi == 1


def test_database_refuses_triwulan_5():
    with pytest.raises(IntegrityError), transaction.atomic():
        Realisasi.objects.create(indikator=_indikator_kecamatan(), tahun=2023, triwulan=5)


def test_verified_realisasi_is_locked_in_the_admin(client, login):
    login("operator.kecamatan")
    row = Realisasi.objects.get(indikator=_indikator_kecamatan(), tahun=2023, triwulan=4)
    response = client.post(
        reverse("admin:pengukuran_realisasi_change", args=[row.pk]),
        _realisasi_post(_indikator_kecamatan(), "99"),
    )
    assert response.status_code == 403
    row.refresh_from_db()
    assert row.nilai == Decimal("87.29")


# --- planning and budget -------------------------------------------------------------------


def test_pk_with_the_same_official_on_both_sides_is_refused():
    pejabat = Pejabat.objects.get(nama="YUDO WAHYONO, S.Sos., M.Si")
    pk = PerjanjianKinerja(opd=pejabat.opd, tahun=2024, pihak_pertama=pejabat, pihak_kedua=pejabat)
    with pytest.raises(ValidationError, match="harus orang yang berbeda"):
        pk.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        pk.save()


def test_perubahan_without_reason_is_refused():
    opd = OPDFactory()
    with pytest.raises(ValidationError, match="wajib memiliki alasan"):
        PerjanjianKinerja(opd=opd, tahun=2024, versi=1).full_clean()


def test_final_pk_without_signatory_is_refused_by_the_database():
    opd = OPDFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        PerjanjianKinerja.objects.create(opd=opd, tahun=2024, status="final")


def test_target_outside_the_renstra_period_is_refused():
    ind = IndikatorFactory()
    with pytest.raises(ValidationError, match="di luar periode Renstra 2021-2026"):
        TargetTahunan(indikator=ind, tahun=2030, target=Decimal(5)).full_clean()


def test_renstra_periods_of_one_opd_must_not_overlap():
    renstra = Renstra.objects.get(opd__nama=KEC, tahun_awal=2018)
    with pytest.raises(ValidationError, match="bertumpang tindih"):
        Renstra(opd=renstra.opd, tahun_awal=2022, tahun_akhir=2026).full_clean()


def test_renstra_end_before_start_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Renstra.objects.create(opd=OPDFactory(), tahun_awal=2026, tahun_akhir=2021)


def test_negative_pagu_is_refused(client, login):
    login("operator.kecamatan")
    rincian = RincianDPA.objects.filter(dpa__opd__nama=KEC).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        RincianDPA.objects.filter(pk=rincian.pk).update(pagu=Decimal(-1))


def test_month_13_is_refused_by_the_database():
    rincian = RincianDPA.objects.filter(dpa__opd__nama=KEC).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        RealisasiAnggaran.objects.create(rincian=rincian, bulan=13, realisasi=Decimal(1))


def test_input_window_closing_before_opening_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        JadwalPengisian.objects.create(
            tahun=2031,
            triwulan=1,
            dibuka=datetime.date(2031, 4, 15),
            ditutup=datetime.date(2031, 4, 1),
        )


def test_operator_without_opd_is_refused():
    with pytest.raises(ValidationError, match="harus terhubung ke satu OPD"):
        User(username="tanpa.opd", peran=Peran.OPERATOR, password="x").full_clean()


def test_deleting_an_indicator_with_realisasi_is_protected():
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        _indikator_kecamatan().delete()
    assert Realisasi.objects.filter(indikator=_indikator_kecamatan()).count() == 3


def test_official_of_another_opd_cannot_be_pihak_pertama():
    pejabat_lain = PejabatFactory()
    opd = OPDFactory()
    with pytest.raises(ValidationError, match="pejabat OPD ini"):
        PerjanjianKinerja(opd=opd, tahun=2024, pihak_pertama=pejabat_lain).full_clean()
