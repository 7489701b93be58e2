"""The realisasi pages must not run one query per indicator or per OPD: each page runs the same
number of queries for a small OPD and a large one, and the queue the same for few OPDs and
many (it is paginated, but even the grouping must not be one query per entry)."""

from decimal import Decimal

import pytest
from conftest import TAHUN, TW
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pabrik.core import OPDFactory, UserFactory
from pabrik.pengukuran import BuktiDukungFactory, CatatanVerifikasiFactory, RealisasiFactory
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
from realisasi_uji import formulir

from apps.core.models import User
from apps.core.roles import Peran
from apps.laporan.demo.loader import load_synthetic
from apps.pengukuran.models import CatatanVerifikasi, Realisasi

pytestmark = pytest.mark.django_db

KECIL, BESAR = 5, 50

# Triwulan III's row of indicator i cycles through every state the pages draw differently.
STATUS_TW3 = [
    Realisasi.Status.DIKEMBALIKAN,
    Realisasi.Status.DRAFT,
    Realisasi.Status.DIAJUKAN,
    Realisasi.Status.DIVERIFIKASI,
    None,
]


def _opd_dengan(n: int, verifikator: User):
    """An OPD whose final PK of TAHUN has n indicators (one in five text-valued), realisasi of
    TW I and II for each, TW III in every status, evidence and comments; and its operator."""
    opd = OPDFactory()
    renstra = RenstraFactory(opd=opd)  # 2021-2026
    tujuan = TujuanFactory(renstra=renstra)
    sasaran = [SasaranFactory(tujuan=tujuan, nomor=s) for s in (1, 2)]
    pk = PerjanjianKinerjaFactory(opd=opd, tahun=TAHUN)
    operator = UserFactory(opd=opd, peran=Peran.OPERATOR)
    for i in range(n):
        teks = i % 5 == 4
        ind = IndikatorFactory(
            sasaran=sasaran[i % 2],
            nomor=i // 2 + 1,
            **({"jenis_nilai": "teks", "target_akhir": None} if teks else {}),
        )
        if teks:
            for u, label in enumerate(("Kurang", "Cukup", "Baik"), start=1):
                PilihanNilaiFactory(indikator=ind, urutan=u, label=label)
            target = {"target": None, "target_teks": "Baik"}
        else:
            target = {"target": Decimal(80 + i % 10)}
        TargetTahunanFactory(indikator=ind, tahun=TAHUN, **target)
        PKIndikatorFactory(pk_dokumen=pk, indikator=ind, **target)

        def nilai(tw, teks=teks, i=i):
            return (
                {"nilai": None, "nilai_teks": "Cukup"}
                if teks
                else {"nilai": Decimal(70 + (i + tw) % 20)}
            )

        tw1 = RealisasiFactory(
            indikator=ind,
            tahun=TAHUN,
            triwulan=1,
            **nilai(1),
            status=Realisasi.Status.DIVERIFIKASI,
            diisi_oleh=operator,
            diverifikasi_oleh=verifikator,
            analisis="Sesuai rencana.",
        )
        BuktiDukungFactory(realisasi=tw1, diunggah_oleh=operator)
        CatatanVerifikasiFactory(
            realisasi=tw1,
            penulis=verifikator,
            jenis=CatatanVerifikasi.Jenis.VERIFIKASI,
            isi="Sesuai.",
        )
        tw2 = RealisasiFactory(
            indikator=ind,
            tahun=TAHUN,
            triwulan=2,
            **nilai(2),
            status=Realisasi.Status.DIAJUKAN,
            diisi_oleh=operator,
        )
        BuktiDukungFactory(realisasi=tw2, diunggah_oleh=operator)
        status = STATUS_TW3[i % len(STATUS_TW3)]
        if status is None:
            continue
        tw3 = RealisasiFactory(
            indikator=ind,
            tahun=TAHUN,
            triwulan=TW,
            **nilai(3),
            status=status,
            diisi_oleh=operator,
            analisis="Belum tercapai.",
            solusi="Percepatan.",
            diverifikasi_oleh=verifikator if status == Realisasi.Status.DIVERIFIKASI else None,
        )
        BuktiDukungFactory(realisasi=tw3, diunggah_oleh=operator)
        if status == Realisasi.Status.DIKEMBALIKAN:
            CatatanVerifikasiFactory(
                realisasi=tw3, penulis=verifikator, isi="Lampirkan hasil survei."
            )
            CatatanVerifikasiFactory(
                realisasi=tw3,
                penulis=operator,
                jenis=CatatanVerifikasi.Jenis.TANGGAPAN,
                isi="Segera.",
            )
    return opd, operator


def _hitung(client, url, data=None) -> int:
    """Queries of one GET, after a first GET that warms per-process caches."""
    assert client.get(url, data).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, data).status_code == 200
    return len(ctx.captured_queries)


def _pratinjau_data(opd) -> dict:
    """A typed value for every row, as the live preview sends it."""
    data = {}
    for r in Realisasi.objects.filter(
        indikator__sasaran__tujuan__renstra__opd=opd, tahun=TAHUN, triwulan=1
    ).select_related("indikator"):
        data[f"i{r.indikator_id}"] = "Baik" if r.indikator.jenis_nilai == "teks" else "81,5"
    return data


@pytest.fixture
def dua_opd(tw_terbuka):
    verifikator = User.objects.get(username="verifikator")
    kecil = _opd_dengan(KECIL, verifikator)
    besar = _opd_dengan(BESAR, verifikator)
    return kecil, besar


@pytest.mark.parametrize(
    "nama, sebagai, data",
    [
        ("pengukuran:pengisian", "operator", None),
        ("pengukuran:tinjau", "verifikator", None),
        ("pengukuran:pratinjau", "operator", _pratinjau_data),
    ],
    ids=["pengisian", "tinjau", "pratinjau"],
)
def test_triwulan_pages_run_the_same_queries_for_5_and_50_indicators(
    client, dua_opd, django_assert_num_queries, nama, sebagai, data
):
    verifikator = User.objects.get(username="verifikator")
    hitung = {}
    for (opd, operator), n in zip(dua_opd, (KECIL, BESAR), strict=True):
        client.force_login(operator if sebagai == "operator" else verifikator)
        url = reverse(nama, args=[opd.pk, TAHUN, TW])
        isi = data(opd) if data else None
        if n == KECIL:
            hitung[n] = _hitung(client, url, isi)
            continue
        assert client.get(url, isi).status_code == 200  # warm up as for the small OPD
        with django_assert_num_queries(hitung[KECIL]):
            resp = client.get(url, isi)
        assert resp.status_code == 200
        if nama == "pengukuran:pratinjau":
            assert len(resp.json()["hasil"]) == BESAR  # every row was computed
        else:
            assert resp.content.decode().count('class="baris') == BESAR


def test_opd_year_overview_runs_the_same_queries_for_5_and_50_indicators(
    client, dua_opd, django_assert_num_queries
):
    (kecil, op_kecil), (besar, op_besar) = dua_opd
    client.force_login(op_kecil)
    n_kecil = _hitung(client, reverse("pengukuran:opd_tahun", args=[kecil.pk, TAHUN]))
    client.force_login(op_besar)
    url = reverse("pengukuran:opd_tahun", args=[besar.pk, TAHUN])
    assert client.get(url).status_code == 200
    with django_assert_num_queries(n_kecil):
        resp = client.get(url)
    # The returned rows are listed one by one, without a query each.
    assert resp.content.decode().count(f"/opd/{besar.pk}/{TAHUN}/tw{TW}/#indikator-") == BESAR // 5


@pytest.mark.parametrize("status", ["", "diajukan"])
def test_verification_queue_runs_the_same_queries_for_5_and_100_opds(
    client, login, django_assert_num_queries, status
):
    verifikator = login("verifikator")
    url = reverse("pengukuran:antrean")
    assert load_synthetic(5, None, verifikator) == 5
    n_5 = _hitung(client, url, {"status": status})
    assert load_synthetic(100, None, verifikator) == 95
    assert client.get(url, {"status": status}).status_code == 200
    with django_assert_num_queries(n_5):
        resp = client.get(url, {"status": status})
    body = resp.content.decode()
    assert resp.context["halaman"].paginator.count >= 400  # 100 OPDs x 4 triwulan
    assert body.count(">Tinjau</a>") == 50


def _isi_semua(client, url) -> tuple[dict, int]:
    """The entry page's form with a new value typed into every row it shows editable."""
    data = formulir(client.get(url).content.decode())
    baris = 0
    for nama in list(data):
        if nama.endswith("-nilai"):
            data[nama] = "81,5"
            baris += 1
        elif nama.endswith("-nilai_teks"):
            data[nama] = "Baik"
            baris += 1
        elif nama.endswith("-analisis"):
            data[nama] = "Sesuai rencana kerja."
    return data, baris


@pytest.mark.parametrize("aksi", ["simpan", "ajukan"])
def test_saving_and_submitting_run_the_same_queries_for_5_and_50_indicators(
    client, dua_opd, django_assert_num_queries, aksi
):
    """A save writes its rows and their history in a few statements, not a query (or fifteen,
    as full_clean did) per row; so does the submit that follows "Simpan dan ajukan"."""
    hitung, ditulis = {}, {}
    for (opd, operator), n in zip(dua_opd, (KECIL, BESAR), strict=True):
        client.force_login(operator)
        url = reverse("pengukuran:pengisian", args=[opd.pk, TAHUN, TW])
        data, ditulis[n] = _isi_semua(client, url)
        data["aksi"] = aksi
        sebelum = Realisasi.history.count()
        if n == KECIL:
            with CaptureQueriesContext(connection) as ctx:
                assert client.post(url, data).status_code == 302
            hitung[n] = len(ctx.captured_queries)
        else:
            with django_assert_num_queries(hitung[KECIL]):
                assert client.post(url, data).status_code == 302
        # Every editable row was written, each with one history record (two when submitted).
        tulis = Realisasi.objects.filter(
            indikator__sasaran__tujuan__renstra__opd=opd,
            tahun=TAHUN,
            triwulan=TW,
            analisis="Sesuai rencana kerja.",
        )
        assert tulis.count() == ditulis[n]
        assert Realisasi.history.count() - sebelum == ditulis[n] * (2 if aksi == "ajukan" else 1)
    assert ditulis[BESAR] > ditulis[KECIL] > 0
