"""The planning pages must not run one query per indicator, target, sasaran or program: each
page runs no more queries for a large Renstra or PK than for a small one (the idea of
tests/pengukuran/test_queries.py). The small case is measured, the large one must stay within
that count."""

import datetime
from decimal import Decimal

import pytest
from conftest import TAHUN
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pabrik.core import OPDFactory, UserFactory
from pabrik.pengukuran import RealisasiFactory
from pabrik.perencanaan import (
    IndikatorFactory,
    PerjanjianKinerjaFactory,
    PilihanNilaiFactory,
    PKIndikatorFactory,
    RenstraFactory,
    SasaranFactory,
    TargetTahunanFactory,
    TujuanFactory,
)

from apps.anggaran.models import DPA, Kegiatan, Program, RincianDPA, SubKegiatan
from apps.core.roles import Peran
from apps.pengukuran.models import JadwalPengisian
from apps.perencanaan.models import PerjanjianKinerja, PKProgram, ProgramSasaran

pytestmark = pytest.mark.django_db

D = Decimal
DRAF = PerjanjianKinerja.Status.DRAFT


class Rencana:
    """An OPD's planning of TAHUN at a given size: a Renstra 2021-2026 with `sasaran` sasaran
    under two tujuan and `indikator` indicators spread over them (one in five text-valued
    with allowed values), a target for every year of the period; a final PK of TAHUN with
    every indicator (every other target differing from the Renstra, so the page has warnings
    to print), realisasi of TW I; a DPA of TAHUN with `program` programs of two lines each,
    every program in the PK (every other budget differing from the pagu) and linked to a
    sasaran; a draft PK of TAHUN - 1 with `target` targets and the same programs."""

    _bidang = iter(range(51, 99))

    def __init__(self, *, indikator, sasaran=2, program=2, target=None):
        bidang = f"5.{next(self._bidang)}"
        self.opd = OPDFactory(kode_bidang=bidang)
        self.operator = UserFactory(opd=self.opd, peran=Peran.OPERATOR)
        self.renstra = RenstraFactory(opd=self.opd)  # 2021-2026
        tujuan = [TujuanFactory(renstra=self.renstra, nomor=n) for n in (1, 2)]
        self.sasaran = [
            SasaranFactory(tujuan=tujuan[i % 2], nomor=i // 2 + 1, uraian=f"Sasaran uji {i + 1}")
            for i in range(sasaran)
        ]
        self.pk = PerjanjianKinerjaFactory(opd=self.opd, tahun=TAHUN)
        self.draf = PerjanjianKinerjaFactory(opd=self.opd, tahun=TAHUN - 1, status=DRAF)
        self.indikator = []
        for i in range(indikator):
            teks = i % 5 == 4
            ind = IndikatorFactory(
                sasaran=self.sasaran[i % sasaran],
                nomor=i // sasaran + 1,
                is_iku=i % 2 == 0,
                definisi_operasional=f"Definisi {i}",
                **({"jenis_nilai": "teks", "target_akhir": None} if teks else {}),
            )
            if teks:
                for u, label in enumerate(("Kurang", "Cukup", "Baik"), start=1):
                    PilihanNilaiFactory(indikator=ind, urutan=u, label=label)
            for tahun in range(2021, 2027):
                TargetTahunanFactory(
                    indikator=ind,
                    tahun=tahun,
                    **(
                        {"target": None, "target_teks": "Baik"}
                        if teks
                        else {"target": D(70 + tahun % 10)}
                    ),
                )
            beda = i % 2 == 1
            nilai_pk = (
                {"target": None, "target_teks": "Cukup" if beda else "Baik"}
                if teks
                else {"target": D(70 + TAHUN % 10) + (D("0.5") if beda else 0)}
            )
            PKIndikatorFactory(pk_dokumen=self.pk, indikator=ind, **nilai_pk)
            if target is None or i < target:
                PKIndikatorFactory(pk_dokumen=self.draf, indikator=ind, **nilai_pk)
            RealisasiFactory(
                indikator=ind,
                tahun=TAHUN,
                triwulan=1,
                **({"nilai": None, "nilai_teks": "Cukup"} if teks else {"nilai": D("71.25")}),
            )
            self.indikator.append(ind)
        dpa = DPA.objects.create(opd=self.opd, tahun=TAHUN)
        for p in range(1, program + 1):
            prog = Program.objects.create(
                kode=f"{bidang}.{p:02d}", nama=f"Program uji {p}", skema="050"
            )
            keg = Kegiatan.objects.create(
                program=prog, kode=f"{prog.kode}.2.01", nama=f"Kegiatan uji {p}"
            )
            for s in (1, 2):
                sub = SubKegiatan.objects.create(
                    kegiatan=keg, kode=f"{keg.kode}.{s:04d}", nama=f"Sub kegiatan uji {p}.{s}"
                )
                RincianDPA.objects.create(
                    dpa=dpa, kegiatan=keg, sub_kegiatan=sub, pagu=D(1_000_000 * s)
                )
            for pk in (self.pk, self.draf):
                PKProgram.objects.create(
                    pk_dokumen=pk, program=prog, anggaran=D(3_000_000 + (p % 2) * 1000)
                )
            ProgramSasaran.objects.create(sasaran=self.sasaran[p % sasaran], program=prog)


@pytest.fixture
def jadwal(db):
    """TW I of TAHUN closed (relative to the real today, which the pages use), TW II open."""
    hari = timezone.localdate()
    for tw, (buka, tutup) in {1: (-40, -30), 2: (-5, 10)}.items():
        JadwalPengisian.objects.update_or_create(
            tahun=TAHUN,
            triwulan=tw,
            defaults={
                "dibuka": hari + datetime.timedelta(days=buka),
                "ditutup": hari + datetime.timedelta(days=tutup),
            },
        )


def _hitung(client, url) -> int:
    """Queries of one GET, after a first GET that warms per-process caches."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _tidak_bertambah(client, django_assert_max_num_queries, kecil, besar, url_dari):
    """GET the page of the large case within the query count of the small case."""
    client.force_login(kecil.operator)
    n_kecil = _hitung(client, url_dari(kecil))
    client.force_login(besar.operator)
    url = url_dari(besar)
    assert client.get(url).status_code == 200  # warm up as for the small case
    with django_assert_max_num_queries(n_kecil):
        resp = client.get(url)
    assert resp.status_code == 200
    return resp


def test_renstra_tree_runs_the_same_queries_for_2_and_20_indicators(
    client, jadwal, django_assert_max_num_queries
):
    kecil, besar = Rencana(indikator=2), Rencana(indikator=20)
    resp = _tidak_bertambah(
        client,
        django_assert_max_num_queries,
        kecil,
        besar,
        lambda r: reverse("perencanaan:renstra", args=[r.renstra.pk]),
    )
    body = resp.content.decode()
    assert body.count('class="baris-indikator"') == 20  # every indicator was drawn
    assert f'name="i{besar.indikator[-1].pk}-target_2026"' in body


def test_renstra_tree_runs_the_same_queries_for_2_and_10_sasaran(
    client, jadwal, django_assert_max_num_queries
):
    kecil = Rencana(indikator=4, sasaran=2, program=2)
    besar = Rencana(indikator=20, sasaran=10, program=10)
    resp = _tidak_bertambah(
        client,
        django_assert_max_num_queries,
        kecil,
        besar,
        lambda r: reverse("perencanaan:renstra", args=[r.renstra.pk]),
    )
    assert resp.content.decode().count('class="baris-sasaran"') == 10


def test_iku_page_runs_the_same_queries_for_2_and_20_indicators(
    client, jadwal, django_assert_max_num_queries
):
    kecil = Rencana(indikator=2)
    besar = Rencana(indikator=20, sasaran=10)
    resp = _tidak_bertambah(
        client,
        django_assert_max_num_queries,
        kecil,
        besar,
        lambda r: reverse("perencanaan:iku", args=[r.renstra.pk]),
    )
    assert resp.content.decode().count('name="k') >= 20 * 5


def test_draft_pk_page_runs_the_same_queries_for_3_and_30_targets(
    client, jadwal, django_assert_max_num_queries
):
    kecil = Rencana(indikator=3, target=3, program=1)
    besar = Rencana(indikator=30, sasaran=6, target=30, program=10)
    resp = _tidak_bertambah(
        client,
        django_assert_max_num_queries,
        kecil,
        besar,
        lambda r: reverse("perencanaan:pk", args=[r.draf.pk]),
    )
    body = resp.content.decode()
    assert body.count('<tr id="target-') == 30
    assert 'id="form-pk"' in body


def test_final_pk_page_runs_the_same_queries_for_3_and_30_targets(
    client, jadwal, django_assert_max_num_queries
):
    kecil = Rencana(indikator=3, program=1)
    besar = Rencana(indikator=30, sasaran=6, program=10)
    resp = _tidak_bertambah(
        client,
        django_assert_max_num_queries,
        kecil,
        besar,
        lambda r: reverse("perencanaan:pk", args=[r.pk.pk]),
    )
    assert resp.content.decode().count('<tr id="target-') == 30


def test_konsistensi_page_runs_the_same_queries_for_small_and_large_years(
    client, jadwal, django_assert_max_num_queries
):
    kecil = Rencana(indikator=3, program=1)
    besar = Rencana(indikator=30, sasaran=6, program=10)
    # Warnings of every kind for the large year: a sasaran without indicator, a program
    # without sasaran, a TW I value missing.
    SasaranFactory(tujuan=besar.sasaran[0].tujuan, nomor=99, uraian="Sasaran kosong")
    ProgramSasaran.objects.filter(sasaran__tujuan__renstra=besar.renstra).first().delete()
    besar.indikator[0].realisasi.all().delete()
    resp = _tidak_bertambah(
        client,
        django_assert_max_num_queries,
        kecil,
        besar,
        lambda r: reverse("perencanaan:konsistensi", args=[r.opd.pk, TAHUN]),
    )
    teks = resp.content.decode()
    assert teks.count("<li>") >= 15 + 5 + 3  # targets, budgets and the three above


@pytest.mark.parametrize("versi", ["final", "draf"])
def test_pk_pdf_runs_the_same_queries_for_3_and_30_targets(
    client, jadwal, django_assert_max_num_queries, versi
):
    kecil = Rencana(indikator=3, target=3, program=1)
    besar = Rencana(indikator=30, sasaran=6, target=30, program=10)

    def url(r):
        return reverse("perencanaan:pk_pdf", args=[(r.pk if versi == "final" else r.draf).pk])

    resp = _tidak_bertambah(client, django_assert_max_num_queries, kecil, besar, url)
    assert resp["Content-Type"] == "application/pdf"
