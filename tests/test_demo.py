"""load_demo: both reference OPDs read back as the product stores them, totals computed."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from apps.anggaran.models import DPA, RincianDPA
from apps.anggaran.selectors import rekap_dpa
from apps.core.angka import bulatkan, format_rupiah
from apps.core.models import OPD, User
from apps.pengukuran.selectors import capaian_realisasi, realisasi_dengan_target
from apps.perencanaan.models import PerjanjianKinerja, PKIndikator
from apps.perencanaan.selectors import pk_berlaku

pytestmark = pytest.mark.django_db

BERPREDIKAT = "Kecamatan berpredikat kinerja baik"


def _kecamatan():
    return OPD.objects.get(nama="Kecamatan Magetan")


def test_pk_induk_and_perubahan_targets_and_signatories():
    opd = _kecamatan()
    induk = PerjanjianKinerja.objects.get(opd=opd, tahun=2023, versi=0)
    perubahan = PerjanjianKinerja.objects.get(opd=opd, tahun=2023, versi=1)
    assert PKIndikator.objects.get(pk_dokumen=induk, indikator__nama=BERPREDIKAT).target == 80
    assert PKIndikator.objects.get(pk_dokumen=perubahan, indikator__nama=BERPREDIKAT).target == 75
    assert induk.pihak_pertama_nama == "TRI ATMADI, S.Sos"
    assert induk.pihak_pertama_nip == "196702271986011001"
    assert induk.pihak_kedua_jabatan == "Bupati Magetan"
    assert perubahan.pihak_pertama_nama == "YUDO WAHYONO, S.Sos., M.Si"
    assert perubahan.pihak_kedua_nama == "Ir. HERGUNADI, M.T."
    assert perubahan.pihak_kedua_jabatan == "Pj. Bupati Magetan"
    assert perubahan.judul == "Perubahan Perjanjian Kinerja Tahun 2023"
    assert perubahan.alasan_perubahan == PerjanjianKinerja.Alasan.PEJABAT
    # The year is measured against the latest final version.
    assert pk_berlaku(opd.pk, 2023) == perubahan


def test_pk_program_budgets_of_both_versions():
    opd = _kecamatan()
    budgets = {
        pk.versi: {p.program.kode: p.anggaran for p in pk.program.select_related("program")}
        for pk in PerjanjianKinerja.objects.filter(opd=opd, tahun=2023)
    }
    assert budgets[0]["7.01.01"] == Decimal("6142999541")
    assert budgets[1]["7.01.01"] == Decimal("5056021977")
    assert budgets[1]["7.01.06"] == Decimal("9245500")


def test_dpa_line_and_totals_come_from_the_rows():
    dpa = DPA.objects.get(opd=_kecamatan(), tahun=2023)
    line = RincianDPA.objects.get(dpa=dpa, sub_kegiatan__kode="7.01.02.2.01.0002")
    assert line.pagu == Decimal("16398050")
    rekap = rekap_dpa(dpa)
    program = {p.kode: r for p, r in rekap.program.items()}
    assert program["7.01.01"].pagu == Decimal("8244451385")
    assert program["7.01.01"].realisasi == Decimal("8095611398")
    assert bulatkan(program["7.01.01"].serapan.nilai) == Decimal("98.19")
    # The document states 15.490.556.938 / 15.166.946.575 / 97,91 %; the lines say otherwise.
    assert format_rupiah(rekap.total.pagu) == "Rp 15.498.982.788"
    assert format_rupiah(rekap.total.realisasi) == "Rp 15.228.228.125"
    assert bulatkan(rekap.total.serapan.nilai) == Decimal("98.25")
    assert bulatkan(rekap.total.efisiensi.nilai) == Decimal("1.75")
    kegiatan = {k.kode: r for k, r in rekap.kegiatan.items()}
    assert kegiatan["7.01.01.2.06"].pagu == Decimal("744978713")  # document: 736.552.863
    assert kegiatan["7.01.01.2.08"].realisasi == Decimal("1404737157")  # document: ...738.157
    over = [r for line, r in rekap.baris if line.sub_kegiatan.kode == "7.01.01.2.09.0001"][0]
    assert over.melebihi_pagu
    assert bulatkan(over.serapan.nilai) == Decimal("191.82")


@pytest.mark.parametrize(
    ("opd", "tahun", "indikator", "capaian"),
    [
        ("Bagian Organisasi", 2019, "Rata-rata Nilai IKM", "101.55"),  # document: 100,01
        ("Bagian Organisasi", 2019, "Nilai RB bidang Akuntabilitas Kinerja", "44.12"),
        # 90,02 / 85 = 105,9059 -> 105,91 half-up; the document truncates to 105,90.
        ("Kecamatan Magetan", 2023, "Indeks Kepuasan Masyarakat", "105.91"),
        ("Kecamatan Magetan", 2023, "Nilai SAKIP Kecamatan", "109.11"),
        ("Kecamatan Magetan", 2023, "Predikat Kinerja Kecamatan", "128.76"),
        ("Kecamatan Magetan", 2023, BERPREDIKAT, "120.17"),  # against the perubahan's 75
    ],
)
def test_capaian_of_the_demo_is_computed(opd, tahun, indikator, capaian):
    row = realisasi_dengan_target().get(
        indikator__sasaran__tujuan__renstra__opd__singkatan__in=[opd, "Kec. Magetan"]
        if opd == "Kecamatan Magetan"
        else [opd],
        tahun=tahun,
        triwulan=4,
        indikator__nama=indikator,
    )
    assert bulatkan(capaian_realisasi(row).nilai) == Decimal(capaian)


def test_bagian_organisasi_2019_has_five_sasaran_and_ten_indicators():
    opd = OPD.objects.get(singkatan="Bagian Organisasi")
    pk = pk_berlaku(opd.pk, 2019)
    assert pk.indikator.count() == 10
    assert pk.indikator.values("indikator__sasaran").distinct().count() == 5
    rekap = rekap_dpa(DPA.objects.get(opd=opd, tahun=2019))
    # The report's budget table adds its rows to 923.000.000 (they sum to 888.000.000) and
    # leaves out the SOTK kegiatan its Sasaran 3 table lists; the lines give 1.018.000.000.
    assert rekap.total.pagu == Decimal("1018000000")


def test_load_demo_twice_duplicates_nothing(capsys, monkeypatch):
    from conftest import HARI_DEMO
    from django.apps import apps

    # On the same day: on a later day the demo rightly keeps its open window two more weeks
    # from that day (a changed JadwalPengisian with its history row).
    monkeypatch.setattr("apps.laporan.demo.loader.timezone.localdate", lambda: HARI_DEMO)

    def counts():
        return {
            m.__name__: m.objects.count()
            for m in apps.get_models()
            if m.__module__.startswith("apps.")
        }

    before = counts()
    call_command("load_demo")
    assert counts() == before
    out = capsys.readouterr().out
    assert "operator.kecamatan" in out and "verifikator" in out and "kata sandi" in out


def test_demo_users_one_per_role(demo_password):
    roles = set(User.objects.values_list("peran", flat=True))
    assert roles == {"operator", "pimpinan", "verifikator", "inspektorat", "admin"}
    assert User.objects.get(username="operator.kecamatan").check_password(demo_password)


def test_synthetic_opds_are_added_once():
    call_command("load_demo", synthetic=3)
    assert OPD.objects.filter(kode__startswith="SIN-").count() == 3
    call_command("load_demo", synthetic=3)
    assert OPD.objects.filter(kode__startswith="SIN-").count() == 3
    opd = OPD.objects.get(kode="SIN-002")
    assert pk_berlaku(opd.pk, 2025).indikator.count() >= 4
    assert rekap_dpa(DPA.objects.get(opd=opd)).total.pagu > 0
