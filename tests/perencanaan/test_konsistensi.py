"""Consistency checks of an OPD's year (apps.perencanaan.selectors.konsistensi) as a user reads
them: for every kind of warning, data that triggers it and data that does not, the message on
the consistency page and the "Perbaiki" link that must lead to where the data is fixed; the
warnings shown where the data is edited (the PK page, the Renstra tree); and that a warning
never blocks a save.

Two sources of data: the demo (Kecamatan Magetan: Renstra 2018-2023 and 2024-2026, PK 2023
induk and perubahan, DPA 2023, PK 2026) and `opd_bersih`, a small OPD built here whose 2026 has
no warning at all, changed in one place per test. The checks of many OPDs at once
(konsistensi_opd, for the kabupaten dashboard) give each OPD the same list, in a number of
queries that does not grow with the number of OPDs."""

import datetime
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from conftest import HARI_DEMO, TAHUN
from django.db import connection
from django.db.models import Sum
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
from perencanaan_uji import pk_kec, renstra_kec
from realisasi_uji import formulir, opd_kecamatan, teks_halaman

from apps.anggaran.models import (
    DPA,
    DPAKegiatan,
    DPAProgram,
    Kegiatan,
    Program,
    RincianDPA,
    SubKegiatan,
)
from apps.core.models import OPD, User
from apps.core.roles import Peran
from apps.laporan.demo.loader import load_synthetic
from apps.pengukuran.models import JadwalPengisian, Realisasi
from apps.perencanaan import services
from apps.perencanaan.models import (
    IndikatorKinerja,
    PerjanjianKinerja,
    PKIndikator,
    PKProgram,
    ProgramSasaran,
    Sasaran,
    TargetTahunan,
)
from apps.perencanaan.selectors import JENIS_PERINGATAN, Peringatan, konsistensi, konsistensi_opd

pytestmark = pytest.mark.django_db

D = Decimal
KEC = "Kecamatan Magetan"
PREDIKAT_BAIK = "Kecamatan berpredikat kinerja baik"
IKM = "Indeks Kepuasan Masyarakat"
PENUNJANG = "7.01.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
TRANTIBUM = "7.01.04 PROGRAM KOORDINASI KETENTERAMAN DAN KETERTIBAN UMUM"
PEMBINAAN_DESA = "7.01.06 PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA"


# ------------------------------------------------------------------------------------------
# Reading the pages
# ------------------------------------------------------------------------------------------


class _Peringatan(HTMLParser):
    """The warnings of a page: per section (its heading), each list item's text and its link
    (href, label). The consistency page has one section per kind; the PK and Renstra pages
    one `section.peringatan`."""

    def __init__(self, kelas):
        super().__init__(convert_charrefs=True)
        self.kelas, self.bagian, self.dalam = kelas, [], 0
        self._h2 = self._li = self._a = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section":
            if self.dalam:
                self.dalam += 1
            elif self.kelas in (a.get("class") or "").split():
                self.dalam = 1
                self.bagian.append({"judul": "", "butir": []})
            return
        if not self.dalam:
            return
        if tag == "h2":
            self._h2 = []
        elif tag == "li":
            self._li = {"teks": [], "tautan": None, "label": []}
        elif tag == "a" and self._li is not None:
            self._li["tautan"] = a.get("href")
            self._a = True

    def handle_endtag(self, tag):
        if not self.dalam:
            return
        if tag == "section":
            self.dalam -= 1
        elif tag == "h2" and self._h2 is not None:
            self.bagian[-1]["judul"] = " ".join("".join(self._h2).split())
            self._h2 = None
        elif tag == "a":
            self._a = None
        elif tag == "li" and self._li is not None:
            li = self._li
            self.bagian[-1]["butir"].append(
                (" ".join("".join(li["teks"]).split()), li["tautan"], "".join(li["label"]).strip())
            )
            self._li = None

    def handle_data(self, data):
        if self._h2 is not None:
            self._h2.append(data)
        if self._li is not None:
            (self._li["label"] if self._a else self._li["teks"]).append(data)


def _bagian(resp, kelas):
    assert resp.status_code == 200
    p = _Peringatan(kelas)
    p.feed(resp.content.decode())
    return p.bagian


def peringatan_halaman(resp) -> dict[str, list[tuple[str, str, str]]]:
    """The consistency page read as {jenis: [(message, link, link label), ...]}, one entry for
    every kind of JENIS_PERINGATAN (the page lists every kind, empty ones too)."""
    label_ke_jenis = {label: jenis for jenis, label in JENIS_PERINGATAN.items()}
    hasil = {}
    for b in _bagian(resp, "kelompok-peringatan"):
        label, _, jumlah = b["judul"].rpartition(" ")
        assert int(jumlah) == len(b["butir"]), b
        hasil[label_ke_jenis[label]] = b["butir"]
    assert set(hasil) == set(JENIS_PERINGATAN)
    return hasil


def peringatan_di(resp) -> list[tuple[str, str, str]]:
    """The warnings box of the PK page or the Renstra tree ([] when the page shows none)."""
    bagian = _bagian(resp, "peringatan")
    assert len(bagian) <= 1
    return bagian[0]["butir"] if bagian else []


def halaman_konsistensi(client, opd, tahun):
    return client.get(reverse("perencanaan:konsistensi", args=[opd.pk, tahun]))


def buka_tautan(client, tautan: str):
    """Follow a fix link as the browser does: the page loads and the element the fragment
    names is on it."""
    path, _, fragmen = tautan.partition("#")
    resp = client.get(path)
    assert resp.status_code == 200, tautan
    if fragmen:
        assert f'id="{fragmen}"' in resp.content.decode(), (
            f"{tautan}: halaman tidak memiliki elemen #{fragmen}"
        )
    return resp


def pesan(daftar) -> list[str]:
    """The messages of page rows (tuples) or of the selector's Peringatan."""
    return [p[0] if isinstance(p, tuple) else p.pesan for p in daftar]


def rupiah(teks: str) -> str:
    return f"Rp {teks}"


# ------------------------------------------------------------------------------------------
# Data
# ------------------------------------------------------------------------------------------


def indikator_kec(tahun_awal: int, nama: str) -> IndikatorKinerja:
    return IndikatorKinerja.objects.get(sasaran__tujuan__renstra=renstra_kec(tahun_awal), nama=nama)


def pagu_program(dpa: DPA, kode: str) -> Decimal:
    """The pagu of a program summed here from the DPA lines."""
    return RincianDPA.objects.filter(dpa=dpa, kegiatan__program__kode=kode).aggregate(
        s=Sum("pagu")
    )["s"]


@pytest.fixture
def operator(login):
    return login("operator.kecamatan")


def _jadwal_tahun_relatif_hari_ini():
    """Windows of TAHUN relative to the real today (the pages use it): TW I and II closed,
    TW III open, TW IV not opened yet."""
    hari = timezone.localdate()
    hari_ke = datetime.timedelta
    for tw, (buka, tutup) in {1: (-120, -100), 2: (-40, -30), 3: (-5, 10), 4: (60, 80)}.items():
        JadwalPengisian.objects.update_or_create(
            tahun=TAHUN,
            triwulan=tw,
            defaults={"dibuka": hari + hari_ke(days=buka), "ditutup": hari + hari_ke(days=tutup)},
        )


def _indikator_dpa(dpa, program, kegiatan):
    """The outcome and output indicators a complete DPA states for its program and kegiatan
    (a node without one is a warning of its own)."""
    DPAProgram.objects.create(dpa=dpa, program=program, indikator="Persentase layanan uji")
    DPAKegiatan.objects.create(dpa=dpa, kegiatan=kegiatan, indikator="Jumlah layanan uji")


class Bersih:
    """An OPD whose year TAHUN is consistent; attributes name its parts."""

    def __init__(self):
        _jadwal_tahun_relatif_hari_ini()
        self.opd = OPDFactory(nama="Dinas Uji Konsistensi")
        self.operator = UserFactory(opd=self.opd, peran=Peran.OPERATOR)
        self.renstra = RenstraFactory(opd=self.opd)  # 2021-2026
        self.tujuan = TujuanFactory(renstra=self.renstra, nomor=1)
        self.sasaran = SasaranFactory(
            tujuan=self.tujuan, nomor=1, uraian="Meningkatnya layanan uji"
        )
        self.indikator = IndikatorFactory(
            sasaran=self.sasaran, nomor=1, nama="Persentase layanan tepat waktu"
        )
        self.target_renstra = TargetTahunanFactory(
            indikator=self.indikator, tahun=TAHUN, target=D("80")
        )
        self.pk = PerjanjianKinerjaFactory(opd=self.opd, tahun=TAHUN)
        self.target_pk = PKIndikatorFactory(
            pk_dokumen=self.pk, indikator=self.indikator, target=D("80")
        )
        for tw in (1, 2):
            RealisasiFactory(indikator=self.indikator, tahun=TAHUN, triwulan=tw, nilai=D("79.5"))
        self.program = Program.objects.create(
            kode="5.99.01", nama="PROGRAM UJI KONSISTENSI", skema="050"
        )
        kegiatan = Kegiatan.objects.create(
            program=self.program, kode="5.99.01.2.01", nama="Kegiatan uji"
        )
        self.dpa = DPA.objects.create(opd=self.opd, tahun=TAHUN)
        _indikator_dpa(self.dpa, self.program, kegiatan)
        self.rincian = [
            RincianDPA.objects.create(
                dpa=self.dpa,
                kegiatan=kegiatan,
                pagu=pagu,
                sub_kegiatan=SubKegiatan.objects.create(
                    kegiatan=kegiatan, kode=f"5.99.01.2.01.000{i}", nama=f"Sub kegiatan uji {i}"
                ),
                indikator=f"Jumlah keluaran uji {i}",
            )
            for i, pagu in enumerate((D("1250000"), D("2750000")), start=1)
        ]
        self.pk_program = PKProgram.objects.create(
            pk_dokumen=self.pk, program=self.program, anggaran=D("4000000")
        )
        ProgramSasaran.objects.create(sasaran=self.sasaran, program=self.program)

    def url_pohon(self):
        return reverse("perencanaan:renstra", args=[self.renstra.pk])

    def url_pk(self):
        return reverse("perencanaan:pk", args=[self.pk.pk])


@pytest.fixture
def bersih(client):
    b = Bersih()
    client.force_login(b.operator)
    return b


def test_a_consistent_year_has_no_warning_and_the_page_says_so(client, bersih):
    assert konsistensi(bersih.opd, TAHUN) == []
    resp = halaman_konsistensi(client, bersih.opd, TAHUN)
    assert all(daftar == [] for daftar in peringatan_halaman(resp).values())
    assert (
        f"Tidak ada peringatan: Renstra, PK, DPA dan realisasi {TAHUN} konsisten."
        in teks_halaman(resp)
    )
    assert peringatan_di(client.get(bersih.url_pk())) == []
    assert peringatan_di(client.get(bersih.url_pohon())) == []


# ------------------------------------------------------------------------------------------
# target_berbeda
# ------------------------------------------------------------------------------------------


def test_pk_target_without_renstra_target_of_the_year(client, operator):
    """Demo 2023: the perubahan promises 75 for "Kecamatan berpredikat kinerja baik", an
    indicator the Renstra 2018-2023 gives no 2023 target."""
    kec, ind = opd_kecamatan(), indikator_kec(2018, PREDIKAT_BAIK)
    resp = halaman_konsistensi(client, kec, 2023)
    target = peringatan_halaman(resp)["target_berbeda"]
    url = reverse("perencanaan:renstra", args=[renstra_kec(2018).pk])
    assert target == [
        (
            f"{PREDIKAT_BAIK}: target Perubahan Perjanjian Kinerja Tahun 2023 75, Renstra tidak "
            "memiliki target 2023.",
            f"{url}?tahun=2023#indikator-{ind.pk}",
            "Perbaiki",
        )
    ]
    # The PK is final: the fix is the Renstra target of 2023, on the Renstra tree of 2023.
    pohon = buka_tautan(client, target[0][1])
    assert f'name="i{ind.pk}-target_2023"' in pohon.content.decode()


def test_pk_target_differing_from_renstra_target_shows_both_numbers_the_indonesian_way(
    client, operator
):
    kec, ind = opd_kecamatan(), indikator_kec(2024, IKM)
    TargetTahunan.objects.filter(indikator=ind, tahun=2026).update(target=D("78.5"))
    url = reverse("perencanaan:renstra", args=[renstra_kec(2024).pk])
    diharapkan = (
        f"{IKM}: target Perjanjian Kinerja Tahun 2026 85, target Renstra 2026 78,5.",
        f"{url}?tahun=2026#indikator-{ind.pk}",
        "Perbaiki",
    )
    resp = halaman_konsistensi(client, kec, 2026)
    assert peringatan_halaman(resp)["target_berbeda"] == [diharapkan]
    assert [p for p in konsistensi(kec, 2026, hari_ini=HARI_DEMO) if p.jenis == "target_berbeda"][
        0
    ].pesan == diharapkan[0]
    pohon = buka_tautan(client, diharapkan[1])
    assert f'name="i{ind.pk}-target_2026"' in pohon.content.decode()


def test_no_target_warning_when_pk_and_renstra_targets_are_equal(client, operator):
    kec, ind = opd_kecamatan(), indikator_kec(2018, PREDIKAT_BAIK)
    # The demo's PK 2026 was made from the Renstra 2024-2026 targets: nothing to warn.
    assert peringatan_halaman(halaman_konsistensi(client, kec, 2026))["target_berbeda"] == []
    # 2023 once the Renstra has the perubahan's 75 (written 75,0000 as stored).
    TargetTahunan.objects.create(indikator=ind, tahun=2023, target=D("75.0000"))
    assert peringatan_halaman(halaman_konsistensi(client, kec, 2023))["target_berbeda"] == []
    assert not [p for p in konsistensi(kec, 2023) if p.jenis == "target_berbeda"]


def test_target_warning_of_a_draft_pk_links_to_the_target_on_the_pk_page(client, bersih):
    bersih.pk.status = PerjanjianKinerja.Status.DRAFT
    bersih.pk.save()
    PKIndikator.objects.filter(pk=bersih.target_pk.pk).update(target=D("82.25"))
    daftar = peringatan_halaman(halaman_konsistensi(client, bersih.opd, TAHUN))
    ind = bersih.indikator
    assert daftar["target_berbeda"] == [
        (
            f"{ind.nama}: target Perjanjian Kinerja Tahun {TAHUN} 82,25, "
            f"target Renstra {TAHUN} 80.",
            f"{bersih.url_pk()}#target-{ind.pk}",
            "Perbaiki",
        )
    ]
    halaman_pk = buka_tautan(client, daftar["target_berbeda"][0][1])
    assert f'name="t{bersih.target_pk.pk}-target"' in halaman_pk.content.decode()


def test_text_targets_are_compared_as_text(bersih):
    ind = IndikatorFactory(
        sasaran=bersih.sasaran,
        nomor=2,
        nama="Predikat layanan uji",
        jenis_nilai="teks",
        target_akhir=None,
    )
    for u, label in enumerate(("Cukup", "Baik"), start=1):
        PilihanNilaiFactory(indikator=ind, urutan=u, label=label)
    TargetTahunanFactory(indikator=ind, tahun=TAHUN, target=None, target_teks="Baik")
    row = PKIndikatorFactory(pk_dokumen=bersih.pk, indikator=ind, target=None, target_teks="Baik")
    for tw in (1, 2):
        RealisasiFactory(indikator=ind, tahun=TAHUN, triwulan=tw, nilai=None, nilai_teks="Cukup")
    assert konsistensi(bersih.opd, TAHUN) == []
    PKIndikator.objects.filter(pk=row.pk).update(target_teks="Cukup")
    assert pesan(konsistensi(bersih.opd, TAHUN)) == [
        f"Predikat layanan uji: target Perjanjian Kinerja Tahun {TAHUN} Cukup, target Renstra "
        f"{TAHUN} Baik."
    ]


# ------------------------------------------------------------------------------------------
# anggaran_berbeda
# ------------------------------------------------------------------------------------------


def test_pk_budget_differing_from_dpa_pagu_summed_from_the_lines(client, operator):
    kec, pk = opd_kecamatan(), pk_kec(2023, 1)
    dpa = DPA.objects.get(opd=kec, tahun=2023)
    assert pagu_program(dpa, "7.01.01") == D("8244451385")  # summed from the lines
    assert PKProgram.objects.get(pk_dokumen=pk, program__kode="7.01.01").anggaran == D("5056021977")
    daftar = peringatan_halaman(halaman_konsistensi(client, kec, 2023))["anggaran_berbeda"]
    tautan = f"{reverse('perencanaan:pk', args=[pk.pk])}#perubahan"
    assert (
        f"{PENUNJANG}: anggaran Perubahan Perjanjian Kinerja Tahun 2023 "
        f"{rupiah('5.056.021.977')}, pagu DPA (murni) {rupiah('8.244.451.385')} (selisih "
        f"{rupiah('3.188.429.408')}).",
        tautan,
        "Buat perubahan PK",
    ) in daftar
    # Every program of the perubahan differs from the DPA in the demo.
    assert len(daftar) == 5
    assert all(t == tautan and label == "Buat perubahan PK" for _, t, label in daftar)
    # The PK is final: the fix is a new perubahan, started on the PK page.
    halaman_pk = buka_tautan(client, tautan)
    assert 'id="form-perubahan"' in halaman_pk.content.decode()


def test_dpa_program_missing_from_the_pk_and_pk_program_missing_from_the_dpa(client, operator):
    kec, pk = opd_kecamatan(), pk_kec(2023, 1)
    PKProgram.objects.filter(pk_dokumen=pk, program__kode="7.01.06").delete()
    lain = Program.objects.create(kode="7.01.09", nama="PROGRAM UJI DI LUAR DPA", skema="050")
    PKProgram.objects.create(pk_dokumen=pk, program=lain, anggaran=D("1500000"))
    daftar = pesan(peringatan_halaman(halaman_konsistensi(client, kec, 2023))["anggaran_berbeda"])
    assert (
        f"{PEMBINAAN_DESA}: ada di DPA (murni) 2023 (pagu {rupiah('12.427.500')}) tetapi "
        "tidak ada di Perubahan Perjanjian Kinerja Tahun 2023."
    ) in daftar
    assert (
        "7.01.09 PROGRAM UJI DI LUAR DPA: ada di Perubahan Perjanjian Kinerja Tahun 2023 "
        f"({rupiah('1.500.000')}) tetapi tidak ada di DPA (murni) 2023."
    ) in daftar
    assert not [p for p in daftar if p.startswith(PEMBINAAN_DESA) and "anggaran" in p]


def test_year_without_dpa(client, operator):
    kec = opd_kecamatan()
    assert not DPA.objects.filter(opd=kec, tahun=2026).exists()
    assert peringatan_halaman(halaman_konsistensi(client, kec, 2026))["anggaran_berbeda"] == [
        (
            "Belum ada DPA tahun 2026: anggaran program PK tidak dapat dibandingkan dengan pagu.",
            reverse("admin:anggaran_dpa_add"),
            "Isi DPA",
        )
    ]


def test_no_budget_warning_when_every_pk_budget_equals_the_summed_pagu(client, operator, bersih):
    # A small OPD: 1.250.000 + 2.750.000 in the DPA lines, 4.000.000 in the PK.
    assert not [p for p in konsistensi(bersih.opd, TAHUN) if p.jenis == "anggaran_berbeda"]
    # The demo 2023 once the perubahan's budgets are the DPA's.
    kec, pk = opd_kecamatan(), pk_kec(2023, 1)
    dpa = DPA.objects.get(opd=kec, tahun=2023)
    for row in PKProgram.objects.filter(pk_dokumen=pk).select_related("program"):
        row.anggaran = pagu_program(dpa, row.program.kode)
        row.save()
    client.force_login(operator)
    assert peringatan_halaman(halaman_konsistensi(client, kec, 2023))["anggaran_berbeda"] == []


def test_budget_warning_of_the_small_opd_when_a_line_changes(client, bersih):
    RincianDPA.objects.filter(pk=bersih.rincian[1].pk).update(pagu=D("2500000"))
    assert peringatan_halaman(halaman_konsistensi(client, bersih.opd, TAHUN))[
        "anggaran_berbeda"
    ] == [
        (
            f"5.99.01 PROGRAM UJI KONSISTENSI: anggaran Perjanjian Kinerja Tahun {TAHUN} "
            f"{rupiah('4.000.000')}, pagu DPA (murni) {rupiah('3.750.000')} (selisih "
            f"{rupiah('250.000')}).",
            f"{bersih.url_pk()}#perubahan",
            "Buat perubahan PK",
        )
    ]


def test_budget_warning_of_a_draft_pk_links_to_the_budgets_on_the_pk_page(client, bersih):
    bersih.pk.status = PerjanjianKinerja.Status.DRAFT
    bersih.pk.save()
    PKProgram.objects.filter(pk=bersih.pk_program.pk).update(anggaran=D("4100000"))
    daftar = peringatan_halaman(halaman_konsistensi(client, bersih.opd, TAHUN))
    assert [(t, label) for _, t, label in daftar["anggaran_berbeda"]] == [
        (f"{bersih.url_pk()}#program", "Perbaiki")
    ]
    halaman_pk = buka_tautan(client, daftar["anggaran_berbeda"][0][1])
    assert f'name="p{bersih.pk_program.pk}-anggaran"' in halaman_pk.content.decode()


def _dppa(bersih, pagu_kedua):
    """A DPPA of the small OPD: the same two lines, the second one with a new pagu."""
    dppa = DPA.objects.create(opd=bersih.opd, tahun=TAHUN, jenis=DPA.Jenis.PERUBAHAN)
    _indikator_dpa(dppa, bersih.program, bersih.rincian[0].kegiatan)
    for r, pagu in zip(bersih.rincian, (bersih.rincian[0].pagu, pagu_kedua), strict=True):
        RincianDPA.objects.create(
            dpa=dppa,
            kegiatan=r.kegiatan,
            sub_kegiatan=r.sub_kegiatan,
            pagu=pagu,
            indikator=r.indikator,
        )
    return dppa


def test_budget_is_compared_with_the_dppa_when_there_is_one(bersih):
    _dppa(bersih, D("3000000"))
    assert pesan(konsistensi(bersih.opd, TAHUN)) == [
        f"5.99.01 PROGRAM UJI KONSISTENSI: anggaran Perjanjian Kinerja Tahun {TAHUN} "
        f"{rupiah('4.000.000')}, pagu DPPA (perubahan) {rupiah('4.250.000')} (selisih "
        f"{rupiah('250.000')})."
    ]
    PKProgram.objects.filter(pk=bersih.pk_program.pk).update(anggaran=D("4250000"))
    assert konsistensi(bersih.opd, TAHUN) == []


def test_program_dropped_by_the_dppa_is_not_a_program_of_the_year(bersih):
    """A program of the DPA murni that the DPPA in force no longer budgets and the PK does
    not contain is not used in the year: it needs no sasaran (the budget check, too, reads
    the DPA in force only)."""
    lama = Program.objects.create(kode="5.99.03", nama="PROGRAM UJI DIHAPUS DPPA", skema="050")
    keg = Kegiatan.objects.create(program=lama, kode="5.99.03.2.01", nama="Kegiatan dihapus")
    sub = SubKegiatan.objects.create(kegiatan=keg, kode="5.99.03.2.01.0001", nama="Sub dihapus")
    RincianDPA.objects.create(dpa=bersih.dpa, kegiatan=keg, sub_kegiatan=sub, pagu=D("500000"))
    _dppa(bersih, bersih.rincian[1].pagu)  # the DPPA: program 5.99.01 only
    assert konsistensi(bersih.opd, TAHUN) == []


def test_budget_differing_by_cents_shows_the_difference(bersih):
    """PK budgets and DPA pagu are stored with sen: a difference of sen is a difference, and
    the message must not read as two equal amounts with "selisih Rp 0"."""
    PKProgram.objects.filter(pk=bersih.pk_program.pk).update(anggaran=D("4000000.40"))
    daftar = [p.pesan for p in konsistensi(bersih.opd, TAHUN) if p.jenis == "anggaran_berbeda"]
    assert len(daftar) == 1
    assert "selisih Rp 0)" not in daftar[0], daftar[0]
    assert "Rp 4.000.000,40, pagu DPA (murni) Rp 4.000.000 (selisih Rp 0,40)." in daftar[0]


# ------------------------------------------------------------------------------------------
# tanpa_realisasi
# ------------------------------------------------------------------------------------------


def test_pk_indicator_without_realisasi_of_a_closed_triwulan(client, bersih):
    Realisasi.objects.filter(indikator=bersih.indikator, triwulan=2).delete()
    ind = bersih.indikator
    daftar = peringatan_halaman(halaman_konsistensi(client, bersih.opd, TAHUN))
    url = reverse("pengukuran:pengisian", args=[bersih.opd.pk, TAHUN, 2])
    assert daftar["tanpa_realisasi"] == [
        (
            f"{ind.nama}: belum ada realisasi Triwulan II padahal jadwal pengisiannya sudah "
            "ditutup.",
            f"{url}#indikator-{ind.pk}",
            "Isi realisasi",
        )
    ]
    buka_tautan(client, daftar["tanpa_realisasi"][0][1])


def test_a_realisasi_row_without_a_value_is_not_a_realisasi(bersih):
    Realisasi.objects.filter(indikator=bersih.indikator, triwulan=1).update(nilai=None)
    assert pesan(konsistensi(bersih.opd, TAHUN)) == [
        f"{bersih.indikator.nama}: belum ada realisasi Triwulan I padahal jadwal pengisiannya "
        "sudah "
        "ditutup."
    ]


def test_a_triwulan_reopened_for_the_opd_is_not_yet_missing(bersih):
    """A lock exception reopens a closed triwulan for one OPD: the entry page lets it write
    (jendela_pengisian), so the check must not call its realisasi missing until the
    exception has run out. The check ignored exceptions."""
    from apps.pengukuran.models import PengecualianKunci

    Realisasi.objects.filter(indikator=bersih.indikator, triwulan=2).delete()
    jadwal = JadwalPengisian.objects.get(tahun=TAHUN, triwulan=2)
    hari = timezone.localdate()
    PengecualianKunci.objects.create(
        jadwal=jadwal,
        opd=bersih.opd,
        alasan="Operator cuti",
        berlaku_sampai=timezone.now() + datetime.timedelta(days=3),
        dibuat_oleh=User.objects.get(username="verifikator"),
    )
    assert pesan(konsistensi(bersih.opd, TAHUN, hari_ini=hari)) == []
    assert pesan(konsistensi(bersih.opd, TAHUN, hari_ini=hari + datetime.timedelta(days=4))) == [
        f"{bersih.indikator.nama}: belum ada realisasi Triwulan II padahal jadwal pengisiannya "
        "sudah ditutup."
    ]


def test_demo_realisasi_by_the_day_the_check_runs():
    """The demo has TW I and II of 2026 entered; TW III's window is open until 6 December
    2026. The day after, every indicator of the PK lacks TW III; with TW I removed too, one
    message names both triwulan in order."""
    kec = opd_kecamatan()
    assert not [
        p for p in konsistensi(kec, 2026, hari_ini=HARI_DEMO) if p.jenis == "tanpa_realisasi"
    ]
    assert not [
        p
        for p in konsistensi(kec, 2026, hari_ini=datetime.date(2026, 12, 6))
        if p.jenis == "tanpa_realisasi"
    ]
    sesudah = datetime.date(2026, 12, 7)
    pk = pk_kec(2026, 0)
    nama = [
        r.indikator.nama
        for r in pk.indikator.select_related("indikator").order_by(
            "indikator__sasaran__nomor", "indikator__nomor"
        )
    ]
    assert len(nama) == 4
    daftar = [p for p in konsistensi(kec, 2026, hari_ini=sesudah) if p.jenis == "tanpa_realisasi"]
    assert [p.pesan for p in daftar] == [
        f"{n}: belum ada realisasi Triwulan III padahal jadwal pengisiannya sudah ditutup."
        for n in nama
    ]
    ind = indikator_kec(2024, IKM)
    Realisasi.objects.filter(indikator=ind, tahun=2026, triwulan=1).delete()
    p = next(
        p
        for p in konsistensi(kec, 2026, hari_ini=sesudah)
        if p.jenis == "tanpa_realisasi" and p.pesan.startswith(IKM)
    )
    assert p.pesan == (
        f"{IKM}: belum ada realisasi Triwulan I, Triwulan III padahal jadwal pengisiannya sudah "
        "ditutup."
    )
    assert p.tautan == (
        reverse("pengukuran:pengisian", args=[kec.pk, 2026, 1]) + f"#indikator-{ind.pk}"
    )
    # A triwulan whose window is still open is never reported.
    assert not [
        p
        for p in konsistensi(kec, 2026, hari_ini=datetime.date(2026, 4, 10))
        if p.jenis == "tanpa_realisasi"
    ]


def test_demo_page_lists_every_indicator_once_triwulan_iii_closed(client, operator, tw_tertutup):
    kec = opd_kecamatan()
    daftar = peringatan_halaman(halaman_konsistensi(client, kec, 2026))["tanpa_realisasi"]
    assert len(daftar) == 4
    assert all(
        "belum ada realisasi Triwulan III padahal jadwal pengisiannya sudah ditutup." in p
        for p in pesan(daftar)
    )
    url = reverse("pengukuran:pengisian", args=[kec.pk, 2026, 3])
    for _, tautan, label in daftar:
        assert tautan.startswith(f"{url}#indikator-") and label == "Isi realisasi"
        buka_tautan(client, tautan)


def _indikator_teks(bersih, pilihan=()):
    ind = IndikatorFactory(
        sasaran=bersih.sasaran,
        nomor=2,
        nama="Predikat layanan uji",
        jenis_nilai="teks",
        target_akhir=None,
    )
    for u, label in enumerate(pilihan, start=1):
        PilihanNilaiFactory(indikator=ind, urutan=u, label=label)
    TargetTahunanFactory(indikator=ind, tahun=TAHUN, target=None, target_teks="Baik")
    PKIndikatorFactory(pk_dokumen=bersih.pk, indikator=ind, target=None, target_teks="Baik")
    return ind


def test_text_indicator_without_allowed_values(client, bersih):
    ind = _indikator_teks(bersih)
    daftar = peringatan_halaman(halaman_konsistensi(client, bersih.opd, TAHUN))
    assert daftar["tanpa_realisasi"] == [
        (
            "Predikat layanan uji: indikator bernilai teks tanpa pilihan nilai; realisasinya "
            "tidak dapat diisi.",
            reverse("admin:perencanaan_indikatorkinerja_change", args=[ind.pk]),
            "Isi pilihan nilai",
        )
    ]


def test_text_indicator_fix_link_leads_to_where_allowed_values_are_entered(client, bersih):
    """The fix of "tanpa pilihan nilai" is adding the allowed values: the page the link opens
    must have a field for them."""
    _indikator_teks(bersih)
    p = next(p for p in konsistensi(bersih.opd, TAHUN) if p.jenis == "tanpa_realisasi")
    body = buka_tautan(client, p.tautan).content.decode()
    assert re.search(r'<(input|textarea|select)\b[^>]*\bname="[^"]*pilihan[^"]*"', body), (
        f"{p.tautan}: tidak ada isian pilihan nilai di halaman yang dituju"
    )


def test_text_indicator_with_allowed_values_and_realisasi_has_no_warning(bersih):
    ind = _indikator_teks(bersih, pilihan=("Kurang", "Cukup", "Baik"))
    for tw in (1, 2):
        RealisasiFactory(indikator=ind, tahun=TAHUN, triwulan=tw, nilai=None, nilai_teks="Cukup")
    assert konsistensi(bersih.opd, TAHUN) == []


def test_year_with_only_a_draft_pk(client, bersih):
    bersih.pk.status = PerjanjianKinerja.Status.DRAFT
    bersih.pk.save()
    daftar = peringatan_halaman(halaman_konsistensi(client, bersih.opd, TAHUN))
    assert daftar["tanpa_realisasi"] == [
        (
            f"Belum ada Perjanjian Kinerja final tahun {TAHUN}: realisasi belum dapat diisi.",
            bersih.url_pk(),
            "Finalkan PK",
        )
    ]


def test_year_with_a_final_pk_and_a_draft_perubahan_measures_against_the_final_one(bersih):
    baru = services.pk_perubahan_create(pk=bersih.pk, alasan="prioritas", keterangan="Uji.")
    assert baru.status == PerjanjianKinerja.Status.DRAFT
    assert konsistensi(bersih.opd, TAHUN) == []


def test_no_realisasi_warning_when_every_closed_triwulan_has_a_value(client, bersih):
    assert (
        peringatan_halaman(halaman_konsistensi(client, bersih.opd, TAHUN))["tanpa_realisasi"] == []
    )
    # TW III is open and TW IV not opened: their empty values are not warned about.
    assert not Realisasi.objects.filter(indikator=bersih.indikator, triwulan__gte=3).exists()


# ------------------------------------------------------------------------------------------
# sasaran_tanpa_indikator
# ------------------------------------------------------------------------------------------


def test_sasaran_without_indicator(client, operator):
    kec, renstra = opd_kecamatan(), renstra_kec(2024)
    tujuan = renstra.tujuan.get(nomor=1)
    baru = Sasaran.objects.create(tujuan=tujuan, nomor=9, uraian="Meningkatnya inovasi desa")
    daftar = peringatan_halaman(halaman_konsistensi(client, kec, 2026))
    url = reverse("perencanaan:renstra", args=[renstra.pk])
    assert daftar["sasaran_tanpa_indikator"] == [
        (
            "Sasaran “Meningkatnya inovasi desa” belum memiliki indikator.",
            f"{url}#sasaran-{baru.pk}",
            "Perbaiki",
        )
    ]
    buka_tautan(client, daftar["sasaran_tanpa_indikator"][0][1])


def test_no_sasaran_warning_when_every_sasaran_has_an_indicator(client, operator):
    kec = opd_kecamatan()
    for tahun in (2023, 2026):
        assert (
            peringatan_halaman(halaman_konsistensi(client, kec, tahun))["sasaran_tanpa_indikator"]
            == []
        )
    tujuan = renstra_kec(2024).tujuan.get(nomor=1)
    baru = Sasaran.objects.create(tujuan=tujuan, nomor=9, uraian="Meningkatnya inovasi desa")
    IndikatorFactory(sasaran=baru, nomor=1, nama="Jumlah inovasi desa")
    assert not [p for p in konsistensi(kec, 2026) if p.jenis == "sasaran_tanpa_indikator"]


# ------------------------------------------------------------------------------------------
# program_tanpa_sasaran
# ------------------------------------------------------------------------------------------


def _lepas_trantibum():
    """Unlink 7.01.04 (in DPA 2023 and both PKs 2023) from the sasaran of Renstra 2018-2023."""
    renstra = renstra_kec(2018)
    program = Program.objects.get(kode="7.01.04")
    n, _ = ProgramSasaran.objects.filter(sasaran__tujuan__renstra=renstra, program=program).delete()
    assert n == 1
    return renstra, program


def test_program_not_linked_to_a_sasaran(client, operator):
    kec = opd_kecamatan()
    renstra, program = _lepas_trantibum()
    daftar = peringatan_halaman(halaman_konsistensi(client, kec, 2023))["program_tanpa_sasaran"]
    url = reverse("perencanaan:renstra", args=[renstra.pk])
    assert [(p, t.partition("#")[0], label) for p, t, label in daftar] == [
        (
            f"Program {TRANTIBUM} tidak terhubung ke sasaran mana pun pada Renstra 2018-2023.",
            url,
            "Hubungkan ke sasaran",
        )
    ]
    # The Renstra tree is where a program is linked: each sasaran lists it to tick.
    pohon = client.get(daftar[0][1]).content.decode()
    assert f'value="{program.pk}"' in pohon
    assert f'name="s{Sasaran.objects.filter(tujuan__renstra=renstra).first().pk}-program"' in pohon


def test_program_fix_link_lands_on_an_element_of_the_renstra_tree(client, operator):
    _lepas_trantibum()
    p = next(p for p in konsistensi(opd_kecamatan(), 2023) if p.jenis == "program_tanpa_sasaran")
    buka_tautan(client, p.tautan)


def test_pk_program_outside_the_dpa_not_linked_to_a_sasaran(bersih):
    lain = Program.objects.create(kode="5.99.02", nama="PROGRAM UJI TANPA SASARAN", skema="050")
    PKProgram.objects.create(pk_dokumen=bersih.pk, program=lain, anggaran=D("1000"))
    daftar = [p.pesan for p in konsistensi(bersih.opd, TAHUN) if p.jenis == "program_tanpa_sasaran"]
    assert daftar == [
        "Program 5.99.02 PROGRAM UJI TANPA SASARAN tidak terhubung ke sasaran "
        "mana pun pada Renstra 2021-2026."
    ]
    ProgramSasaran.objects.create(sasaran=bersih.sasaran, program=lain)
    assert not [p for p in konsistensi(bersih.opd, TAHUN) if p.jenis == "program_tanpa_sasaran"]


def test_no_program_warning_after_linking_on_the_renstra_tree(client, operator):
    kec = opd_kecamatan()
    renstra, program = _lepas_trantibum()
    url = reverse("perencanaan:renstra", args=[renstra.pk])
    resp = client.get(url)
    assert any("7.01.04" in p for p in pesan(peringatan_di(resp)))
    sasaran = Sasaran.objects.get(tujuan__renstra=renstra, uraian="Meningkatnya Kinerja Kecamatan")
    data = formulir(resp.content.decode(), "form-renstra")
    data[f"s{sasaran.pk}-program"] = [*data.get(f"s{sasaran.pk}-program", []), str(program.pk)]
    resp = client.post(url, data, follow=True)
    assert resp.redirect_chain and "Renstra tersimpan (1 perubahan)." in teks_halaman(resp)
    assert ProgramSasaran.objects.filter(sasaran=sasaran, program=program).exists()
    assert not [p for p in konsistensi(kec, 2023) if p.jenis == "program_tanpa_sasaran"]
    assert peringatan_halaman(halaman_konsistensi(client, kec, 2023))["program_tanpa_sasaran"] == []


def test_no_program_warning_when_every_program_is_linked(client, operator, bersih):
    client.force_login(operator)
    assert (
        peringatan_halaman(halaman_konsistensi(client, opd_kecamatan(), 2023))[
            "program_tanpa_sasaran"
        ]
        == []
    )
    assert not [p for p in konsistensi(bersih.opd, TAHUN) if p.jenis == "program_tanpa_sasaran"]


# ------------------------------------------------------------------------------------------
# tanpa_renstra
# ------------------------------------------------------------------------------------------


def test_year_without_renstra_has_one_warning(client, operator):
    kec = opd_kecamatan()
    url_opd = reverse("perencanaan:opd", args=[kec.pk])
    assert [p.jenis for p in konsistensi(kec, 2027)] == ["tanpa_renstra"]
    resp = halaman_konsistensi(client, kec, 2027)
    daftar = peringatan_halaman(resp)
    assert daftar["tanpa_renstra"] == [
        ("Tidak ada Renstra yang mencakup tahun 2027.", url_opd, "Buat Renstra")
    ]
    assert sum(len(v) for v in daftar.values()) == 1
    assert "1 peringatan." in teks_halaman(resp)
    # The OPD page is where a Renstra period is started.
    assert 'name="r-tahun_awal"' in buka_tautan(client, url_opd).content.decode()


def test_no_renstra_warning_for_years_a_renstra_covers(client, operator):
    kec = opd_kecamatan()
    for tahun in (2018, 2023, 2024, 2026):
        assert not [p for p in konsistensi(kec, tahun) if p.jenis == "tanpa_renstra"]
    assert peringatan_halaman(halaman_konsistensi(client, kec, 2026))["tanpa_renstra"] == []


# ------------------------------------------------------------------------------------------
# Warnings where the data is edited, and never a block
# ------------------------------------------------------------------------------------------


def _sasaran_kosong_2018():
    tujuan = renstra_kec(2018).tujuan.get(nomor=1)
    return Sasaran.objects.create(tujuan=tujuan, nomor=9, uraian="Sasaran tanpa indikator uji")


def test_pk_page_shows_the_pk_warnings_of_its_year(client, operator):
    _sasaran_kosong_2018()
    _lepas_trantibum()
    kec = opd_kecamatan()
    semua = konsistensi(kec, 2023)
    diharapkan = [
        (p.pesan, p.tautan, p.label_tautan)
        for p in semua
        if p.jenis in ("target_berbeda", "anggaran_berbeda", "tanpa_realisasi")
    ]
    assert {p.jenis for p in semua} == {
        "target_berbeda",
        "anggaran_berbeda",
        "sasaran_tanpa_indikator",
        "sasaran_tanpa_sasaran_daerah",  # the new sasaran supports no sasaran daerah yet
        "program_tanpa_sasaran",
    }
    for versi in (0, 1):  # the induk shows the warnings of the year's latest version too
        resp = client.get(reverse("perencanaan:pk", args=[pk_kec(2023, versi).pk]))
        assert peringatan_di(resp) == diharapkan
        teks = teks_halaman(resp)
        assert f"Peringatan konsistensi 2023 ({len(diharapkan)})" in teks
        assert "Peringatan tidak menghalangi penyimpanan." in teks
        assert "belum memiliki indikator" not in teks
        assert "tidak terhubung ke sasaran" not in teks


def test_pk_page_shows_realisasi_warnings(client, operator, tw_tertutup):
    resp = client.get(reverse("perencanaan:pk", args=[pk_kec(2026, 0).pk]))
    jenis = [
        p
        for p in pesan(peringatan_di(resp))
        if "belum ada realisasi Triwulan III padahal jadwal pengisiannya sudah ditutup." in p
    ]
    assert len(jenis) == 4


def test_renstra_tree_shows_the_sasaran_and_program_warnings(client, operator):
    sasaran = _sasaran_kosong_2018()
    renstra, _ = _lepas_trantibum()
    resp = client.get(reverse("perencanaan:renstra", args=[renstra.pk]))  # year 2023 (clamped)
    daftar = peringatan_di(resp)
    teks = pesan(daftar)
    assert "Sasaran “Sasaran tanpa indikator uji” belum memiliki indikator." in teks
    assert (
        f"Program {TRANTIBUM} tidak terhubung ke sasaran mana pun pada Renstra 2018-2023."
    ) in teks
    assert any(p.startswith(f"{PREDIKAT_BAIK}: target") for p in teks)
    assert not [p for p in teks if "pagu" in p or "realisasi" in p]
    assert f"{reverse('perencanaan:renstra', args=[renstra.pk])}#sasaran-{sasaran.pk}" in [
        t for _, t, _ in daftar
    ]
    assert "Sasaran ini belum memiliki indikator." in teks_halaman(resp)
    # The tree of the running period has none of them.
    assert (
        peringatan_di(client.get(reverse("perencanaan:renstra", args=[renstra_kec(2024).pk]))) == []
    )


def _potret_renstra(renstra):
    return {
        "sasaran": sorted(
            Sasaran.objects.filter(tujuan__renstra=renstra).values_list("pk", "uraian", "misi_id")
        ),
        "program": sorted(
            ProgramSasaran.objects.filter(sasaran__tujuan__renstra=renstra).values_list(
                "sasaran_id", "program_id"
            )
        ),
        "indikator": sorted(
            IndikatorKinerja.objects.filter(sasaran__tujuan__renstra=renstra).values_list(
                "pk", "nama", "satuan", "polaritas", "agregasi", "target_akhir", "target_akhir_teks"
            )
        ),
        "target": sorted(
            TargetTahunan.objects.filter(indikator__sasaran__tujuan__renstra=renstra).values_list(
                "indikator_id", "tahun", "target", "target_teks"
            )
        ),
    }


def test_renstra_save_succeeds_while_warnings_exist(client, operator):
    _sasaran_kosong_2018()
    renstra, _ = _lepas_trantibum()
    url = reverse("perencanaan:renstra", args=[renstra.pk])
    resp = client.get(url)
    assert len(peringatan_di(resp)) >= 3
    sebelum = _potret_renstra(renstra)
    resp = client.post(url, formulir(resp.content.decode(), "form-renstra"))
    assert resp.status_code == 302
    halaman = client.get(resp["Location"])
    assert "Tidak ada perubahan." in teks_halaman(halaman)
    assert _potret_renstra(renstra) == sebelum
    # A real change is saved too, and the warnings are still shown afterwards.
    ind = indikator_kec(2018, IKM)
    data = formulir(halaman.content.decode(), "form-renstra")
    data[f"i{ind.pk}-target_2022"] = "81,5"
    resp = client.post(url, data, follow=True)
    assert resp.redirect_chain and "Renstra tersimpan (1 perubahan)." in teks_halaman(resp)
    assert TargetTahunan.objects.get(indikator=ind, tahun=2022).target == D("81.5")
    assert len(peringatan_di(resp)) >= 3


def _potret_pk(pk):
    pk.refresh_from_db()
    return {
        "pk": [getattr(pk, f.attname) for f in pk._meta.concrete_fields],
        "target": sorted(pk.indikator.values_list("indikator_id", "target", "target_teks")),
        "program": sorted(pk.program.values_list("program_id", "anggaran", "keterangan")),
    }


@pytest.mark.parametrize("asal", ["perubahan_2023", "pk_baru_2025"])
def test_pk_save_succeeds_while_warnings_exist(client, operator, asal):
    kec = opd_kecamatan()
    if asal == "perubahan_2023":
        # A draft perubahan of 2023: its targets and budgets differ from Renstra and DPA.
        draf = services.pk_perubahan_create(
            pk=pk_kec(2023, 1), alasan="strategi", keterangan="Anggaran disesuaikan."
        )
    else:
        # A new PK of 2025: no DPA, no final PK, targets absent from the Renstra.
        draf = services.pk_create(opd=kec, tahun=2025)
    url = reverse("perencanaan:pk", args=[draf.pk])
    resp = client.get(url)
    peringatan = peringatan_di(resp)
    assert peringatan
    if asal == "perubahan_2023":
        assert any(t == f"{url}#program" for _, t, _ in peringatan)
        assert any(t.startswith(f"{url}#target-") for _, t, _ in peringatan)
    sebelum = _potret_pk(draf)
    resp = client.post(url, formulir(resp.content.decode(), "form-pk"))
    assert resp.status_code == 302 and resp["Location"] == url
    halaman = client.get(url)
    assert "Tidak ada perubahan." in teks_halaman(halaman)  # posted as shown
    assert _potret_pk(draf) == sebelum
    assert peringatan_di(halaman) == peringatan


def test_konsistensi_page_of_another_opd_is_not_found(client, operator, bersih):
    client.force_login(operator)
    assert halaman_konsistensi(client, bersih.opd, TAHUN).status_code == 404


# ------------------------------------------------------------------------------------------
# Many OPDs at once
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("tahun", [2019, 2023, TAHUN])
@pytest.mark.parametrize("hari_ini", [None, HARI_DEMO], ids=["hari_ini", "hari_demo"])
def test_many_opds_at_once_give_each_opd_its_own_warnings(tahun, hari_ini):
    semua = konsistensi_opd(OPD.objects.order_by("kode"), tahun, hari_ini=hari_ini)
    assert set(semua) == set(OPD.objects.values_list("pk", flat=True))
    for opd in OPD.objects.all():
        assert semua[opd.pk] == konsistensi(opd, tahun, hari_ini=hari_ini), opd
    assert sum(len(v) for v in semua.values()) > 1  # the demo's years have warnings


def _sintetis(n: int) -> tuple[dict[int, list[Peringatan]], int]:
    """Load synthetic OPDs up to SIN-{n} (their year 2025: Renstra 2021-2026, final PK with
    every target and budget equal to the Renstra and the DPA, every triwulan entered, no
    program linked to a sasaran) and check every OPD's 2025 counting the queries."""
    load_synthetic(n, None, User.objects.get(username="verifikator"))
    with CaptureQueriesContext(connection) as kueri:
        hasil = konsistensi_opd(OPD.objects.all(), 2025, hari_ini=HARI_DEMO)
    return hasil, len(kueri.captured_queries)


def test_many_opds_at_once_run_the_same_queries_for_3_and_30_synthetic_opds():
    kecil, n_kecil = _sintetis(3)
    besar, n_besar = _sintetis(30)
    assert len(besar) == len(kecil) + 27
    assert n_besar == n_kecil
    sintetis = OPD.objects.filter(kode__startswith="SIN-")
    assert sintetis.count() == 30
    # A synthetic OPD's year is complete (its sasaran support the synthetic RPJMD's sasaran
    # daerah, its program a sasaran, every DPA node has an indicator): no warning.
    for opd in sintetis:
        assert besar[opd.pk] == []
    # The demo OPDs keep their own warnings among the synthetic ones.
    for opd in OPD.objects.exclude(kode__startswith="SIN-"):
        assert besar[opd.pk] == kecil[opd.pk] == konsistensi(opd, 2025, hari_ini=HARI_DEMO)


def test_a_change_in_one_of_many_opds_warns_that_opd_only():
    """The data fetched for all OPDs at once is not mixed between them: a line of one DPA,
    a Renstra target and a realisasi changed in one synthetic OPD warn that OPD alone."""
    load_synthetic(5, None, User.objects.get(username="verifikator"))
    sin = {o.kode: o for o in OPD.objects.filter(kode__startswith="SIN-")}
    sebelum = konsistensi_opd(sin.values(), 2025, hari_ini=HARI_DEMO)
    opd = sin["SIN-003"]
    baris = RincianDPA.objects.filter(dpa__opd=opd).order_by("pk").first()
    baris.pagu += 1000
    baris.save()
    ind = IndikatorKinerja.objects.filter(sasaran__tujuan__renstra__opd=opd).order_by("pk")
    TargetTahunan.objects.filter(indikator=ind[0], tahun=2025).update(target=D("1.5"))
    Realisasi.objects.filter(indikator=ind[1], tahun=2025, triwulan=2).delete()
    JadwalPengisian.objects.update_or_create(
        tahun=2025,
        triwulan=2,
        defaults={"dibuka": datetime.date(2025, 7, 1), "ditutup": datetime.date(2025, 7, 15)},
    )
    sesudah = konsistensi_opd(sin.values(), 2025, hari_ini=HARI_DEMO)
    assert [p.jenis for p in sesudah[opd.pk]] == [
        "target_berbeda",
        "anggaran_berbeda",
        "tanpa_realisasi",
    ]
    assert sesudah[opd.pk] == konsistensi(opd, 2025, hari_ini=HARI_DEMO)
    assert {k: v for k, v in sesudah.items() if k != opd.pk} == {
        k: v for k, v in sebelum.items() if k != opd.pk
    }
