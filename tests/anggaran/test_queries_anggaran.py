"""The budget pages run a fixed number of queries, whatever the size of the DPA.

A small OPD is built for the test with a DPA 2024 of 5 lines and another with 50 lines (two
programs, three kegiatan each, indicators on programs and kegiatan, a Renstra whose two
sasaran are supported by the programs), realisation reported in January, March and June.
Each page is opened for both and must run the same number of queries.
"""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pabrik.core import OPDFactory, UserFactory
from pabrik.perencanaan import RenstraFactory, SasaranFactory, TujuanFactory
from perencanaan_uji import user

from apps.anggaran.models import (
    DPA,
    DPAKegiatan,
    DPAProgram,
    RealisasiAnggaran,
    RincianDPA,
)
from apps.anggaran.services import nomenklatur_upsert
from apps.core.roles import Peran
from apps.perencanaan.models import ProgramSasaran

pytestmark = pytest.mark.django_db

TAHUN = 2024
BULAN_LAPOR = (1, 3, 6)
BATAS = 30  # a generous ceiling; the point is that the count does not grow with the lines


def _bangun(n: int, bidang: str):
    """An OPD with a DPA of `n` lines under codes `<bidang>.0p.2.0k.000i`, its operator,
    and realisation of every line in January, March and June."""
    opd = OPDFactory()
    operator = UserFactory(opd=opd, peran=Peran.OPERATOR)
    dpa = DPA.objects.create(opd=opd, tahun=TAHUN, jenis=DPA.Jenis.MURNI, nomor=f"DPA uji {n}")
    renstra = RenstraFactory(opd=opd, tahun_awal=2021, tahun_akhir=2026)
    tujuan = TujuanFactory(renstra=renstra)
    sasaran = [SasaranFactory(tujuan=tujuan, nomor=i, uraian=f"Sasaran {i}") for i in (1, 2)]
    program, kegiatan = {}, {}
    for i in range(n):
        p, k = i % 2 + 1, i % 3 + 1
        kode_p = f"{bidang}.{p:02d}"
        kode_k = f"{kode_p}.2.{k:02d}"
        if kode_p not in program:
            program[kode_p] = nomenklatur_upsert(kode=kode_p, nama=f"Program uji {p}")
            DPAProgram.objects.create(
                dpa=dpa,
                program=program[kode_p],
                indikator="Indikator",
                target=Decimal("90"),
                satuan="%",
            )
            ProgramSasaran.objects.create(sasaran=sasaran[p - 1], program=program[kode_p])
        if kode_k not in kegiatan:
            kegiatan[kode_k] = nomenklatur_upsert(kode=kode_k, nama=f"Kegiatan uji {p}.{k}")
            DPAKegiatan.objects.create(
                dpa=dpa,
                kegiatan=kegiatan[kode_k],
                indikator="Keluaran",
                target=Decimal("12"),
                satuan="dokumen",
            )
        sub = nomenklatur_upsert(kode=f"{kode_k}.{i + 1:04d}", nama=f"Sub kegiatan uji {i}")
        r = RincianDPA.objects.create(
            dpa=dpa,
            kegiatan=kegiatan[kode_k],
            sub_kegiatan=sub,
            indikator="Dokumen",
            target=Decimal("4"),
            satuan="dokumen",
            pagu=Decimal("10000000"),
        )
        for b in BULAN_LAPOR:
            RealisasiAnggaran.objects.create(
                rincian=r,
                bulan=b,
                realisasi=Decimal("1500000"),
                fisik=Decimal("1"),
                keterangan="uji",
            )
    # One line above its pagu, so the warning list is shown too.
    RealisasiAnggaran.objects.filter(rincian=r, bulan=6).update(realisasi=Decimal("9000000"))
    assert RincianDPA.objects.filter(dpa=dpa).count() == n
    return opd, operator


HALAMAN = [
    pytest.param("dpa", {}, id="dpa"),
    pytest.param("dpa", {"bulan": "3", "cakupan": "bulan"}, id="dpa-satu-bulan"),
    pytest.param("realisasi", {}, id="realisasi"),
]


def _buka(client, opd, halaman, param):
    if halaman == "dpa":
        return client.get(reverse("anggaran:dpa", args=[opd.pk, TAHUN]), param)
    return client.get(reverse("anggaran:realisasi", args=[opd.pk, TAHUN, 6]), param)


@pytest.mark.parametrize(("halaman", "param"), HALAMAN)
@pytest.mark.parametrize("peran", ["operator", "admin"])
def test_page_queries_do_not_grow_with_the_lines(
    client, django_assert_max_num_queries, halaman, param, peran
):
    kecil, op_kecil = _bangun(5, "5.98")
    besar, op_besar = _bangun(50, "5.99")

    client.force_login(op_kecil if peran == "operator" else user("admin"))
    _buka(client, kecil, halaman, param)  # warm up (session, caches)
    with CaptureQueriesContext(connection) as q:
        resp = _buka(client, kecil, halaman, param)
    assert resp.status_code == 200
    n_kecil = len(q)
    assert n_kecil <= BATAS

    client.force_login(op_besar if peran == "operator" else user("admin"))
    _buka(client, besar, halaman, param)
    with django_assert_max_num_queries(n_kecil) as q_besar:
        resp = _buka(client, besar, halaman, param)
    assert resp.status_code == 200
    assert len(q_besar) == n_kecil
    isi = resp.content.decode()
    if halaman == "dpa":
        assert isi.count('<tr class="baris-rincian') == 50
    else:
        assert isi.count('<tr id="rincian-') == 50
        assert len(re.findall(r'name="r\d+-realisasi"', isi)) == 50


def test_refused_post_of_the_grid_runs_the_same_queries(client, django_assert_max_num_queries):
    """A post with one bad line: the page is shown again with its messages."""
    hasil = []
    for n, bidang in ((5, "5.98"), (50, "5.99")):
        opd, operator = _bangun(n, bidang)
        client.force_login(operator)
        url = reverse("anggaran:realisasi", args=[opd.pk, TAHUN, 6])
        pertama = RincianDPA.objects.filter(dpa__opd=opd).order_by("pk").first()
        data = {f"r{pertama.pk}-realisasi": "abc"}
        client.get(url)
        with CaptureQueriesContext(connection) as q:
            resp = client.post(url, data)
        assert resp.status_code == 200
        hasil.append(len(q))
    assert hasil[0] == hasil[1], hasil
    assert hasil[0] <= BATAS


def test_saving_every_line_of_the_grid_runs_the_same_queries(client):
    """A month's realisation typed for every line (new rows), then changed, then cleared:
    new and changed rows are written in bulk with their history, whatever the number of
    lines."""
    hasil = {}
    for n, bidang in ((5, "5.98"), (50, "5.99")):
        opd, operator = _bangun(n, bidang)
        client.force_login(operator)
        url = reverse("anggaran:realisasi", args=[opd.pk, TAHUN, 7])
        rincian = list(RincianDPA.objects.filter(dpa__opd=opd))
        client.get(url)
        for langkah, nilai in (("baru", "2.000.000"), ("ubah", "2.500.000"), ("hapus", "")):
            data = {f"r{r.pk}-realisasi": nilai for r in rincian}
            riwayat = RealisasiAnggaran.history.count()
            with CaptureQueriesContext(connection) as q:
                resp = client.post(url, data)
            assert resp.status_code == 302, langkah
            assert RealisasiAnggaran.history.count() == riwayat + n, langkah
            hasil.setdefault(langkah, []).append(len(q))
        assert not RealisasiAnggaran.objects.filter(rincian__in=rincian, bulan=7).exists()
    assert hasil["baru"][0] == hasil["baru"][1], hasil
    assert hasil["ubah"][0] == hasil["ubah"][1], hasil
    # A removed row writes its own history record (simple-history's delete signal), and
    # nothing else grows with the lines.
    assert hasil["hapus"][1] - hasil["hapus"][0] == 50 - 5, hasil
