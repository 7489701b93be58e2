"""Spreadsheet imports of the budget: nomenclature, DPA lines, monthly realisation.

Every import runs twice. `periksa` reads the whole file and classifies every row as baru,
berubah, sama, galat (with its reasons) or jumlah (a program/kegiatan row's stated total,
compared with the sum of its lines and never stored), and writes nothing. `terapkan` checks
the file again (the data may have changed since) and writes every row or none, in one
transaction. The lines are the truth: a stated total that differs from its lines is reported
with both figures, and the computed one is what the pages show.
"""

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from apps.core.angka import format_angka
from apps.core.forms import BULAN as NAMA_BULAN
from apps.core.forms import angka_formfield
from apps.core.riwayat import catat_riwayat

from . import services
from .berkas_impor import Rumus, Tabel
from .kode import Skema, Tingkat, parse_kode
from .models import (
    DPA,
    DPAKegiatan,
    DPAProgram,
    Kegiatan,
    Program,
    RealisasiAnggaran,
    RincianDPA,
    SubKegiatan,
)
from .selectors import dpa_berlaku


@dataclass(frozen=True)
class Kolom:
    kunci: str
    judul: str  # the template's header
    wajib: bool = False
    alias: tuple = ()


@dataclass
class Baris:
    nomor: int  # row number as the spreadsheet shows it
    kode: str = ""
    uraian: str = ""
    status: str = ""  # baru, berubah, sama, galat, jumlah
    pesan: list = field(default_factory=list)
    data: dict = field(default_factory=dict)

    def galat(self, pesan: str) -> None:
        self.status = "galat"
        self.pesan.append(pesan)


@dataclass
class Hasil:
    jenis: str
    baris: list
    selisih: list = field(default_factory=list)  # stated totals that differ from the lines
    catatan: list = field(default_factory=list)

    def jumlah(self, status: str) -> int:
        return sum(1 for b in self.baris if b.status == status)

    @property
    def ada_galat(self) -> bool:
        return any(b.status == "galat" for b in self.baris)

    @property
    def ringkasan(self) -> dict:
        return {s: self.jumlah(s) for s in ("baru", "berubah", "sama", "jumlah", "galat")}


KODE = Kolom("kode", "Kode", True, ("kode rekening", "kode program/kegiatan/sub kegiatan"))
KODE_OPD = Kolom("kode_opd", "Kode OPD", False, ("kode unit", "kode skpd"))
KOLOM = {
    "nomenklatur": [KODE, Kolom("nama", "Nama", True, ("uraian", "nomenklatur"))],
    "dpa": [KODE, Kolom("uraian", "Uraian", False, ("nama", "program/kegiatan/sub kegiatan")),
            Kolom("indikator", "Indikator", False, ("indikator kinerja", "tolok ukur")),
            Kolom("target", "Target", False, ("target (k)", "target k", "volume")),
            Kolom("satuan", "Satuan"), Kolom("pagu", "Pagu (Rp)", False, ("pagu", "anggaran",
                                                                         "anggaran (rp)")),
            KODE_OPD],
    "realisasi": [KODE, Kolom("uraian", "Uraian", False, ("nama", "sub kegiatan")),
                  Kolom("bulan", "Bulan", True), Kolom("realisasi", "Realisasi (Rp)", True,
                                                       ("realisasi",)),
                  Kolom("fisik", "Fisik (K)", False, ("fisik", "realisasi fisik")),
                  Kolom("keterangan", "Keterangan"), KODE_OPD],
}
JUDUL = {"nomenklatur": "Nomenklatur program, kegiatan dan sub kegiatan",
         "dpa": "Rincian DPA", "realisasi": "Realisasi anggaran bulanan"}


def _norm(teks: str) -> str:
    return " ".join(str(teks).lower().replace(":", " ").split())


def peta_kolom(kolom: list[Kolom], header: list[str]) -> dict[str, int]:
    """Column positions by the template's headers (case and spacing ignored, known aliases
    accepted); a missing required column refuses the whole file."""
    posisi = {_norm(h): i for i, h in enumerate(header) if str(h).strip()}
    hasil, hilang = {}, []
    for k in kolom:
        for nama in (k.judul, *k.alias):
            if _norm(nama) in posisi:
                hasil[k.kunci] = posisi[_norm(nama)]
                break
        else:
            if k.wajib:
                hilang.append(k.judul)
    if hilang:
        raise ValidationError(
            f"Judul kolom tidak sesuai templat: kolom {', '.join(hilang)} tidak ditemukan di "
            f"baris judul ({', '.join(str(h) for h in header if str(h).strip()) or 'kosong'}). "
            "Unduh templat untuk melihat judul kolom yang diharapkan.", code="berkas")
    return hasil


def _sel(b: Baris, sel: list, posisi: dict, kunci: str, judul: str):
    i = posisi.get(kunci)
    nilai = sel[i] if i is not None and i < len(sel) else ""
    if isinstance(nilai, Rumus):
        b.galat(f"{judul}: sel berisi rumus ({nilai}); impor hanya menerima nilai. Salin dan "
                "tempel sebagai nilai.")
        return None
    return nilai


def _teks(b, sel, posisi, k: Kolom, maks: int) -> str:
    nilai = _sel(b, sel, posisi, k.kunci, k.judul)
    teks = "" if nilai is None else str(nilai).strip()
    if len(teks) > maks:
        b.galat(f"{k.judul}: paling panjang {maks} karakter; baris ini {len(teks)}.")
        return teks[:maks]
    return teks


@functools.cache
def _isian_angka(model, nama: str, label: str):
    """The form field of a model's DecimalField (apps.core.forms.angka_formfield): the same
    reading, digit limits, lower bound and messages as the pages, made once per column."""
    field = angka_formfield(model._meta.get_field(nama), label=label)
    field.required = False
    return field


def _angka(b, sel, posisi, k: Kolom, model, nama: str, wajib: bool = False):
    nilai = _sel(b, sel, posisi, k.kunci, k.judul)
    if nilai is None:
        return None
    try:
        hasil = _isian_angka(model, nama, k.judul).clean(nilai)
    except ValidationError as e:
        b.galat(e.messages[0])
        return None
    if hasil is None and wajib:
        b.galat(f"{k.judul}: wajib diisi.")
    return hasil


def _kolom(jenis: str, kunci: str) -> Kolom:
    return next(k for k in KOLOM[jenis] if k.kunci == kunci)


def baca_baris(tabel: Tabel, kolom: list[Kolom], opd) -> tuple[list, dict]:
    """Every data row of a file with its cells (`b.sel`) and the column positions, for any
    kind of import (apps.perencanaan.impor too): the row limit and the "Kode OPD" check of
    a row of another OPD are the same for all."""
    posisi = peta_kolom(kolom, tabel.header)
    maks = settings.SAKIP_IMPOR_MAKS_BARIS
    hasil = []
    for nomor, sel in tabel.baris:
        if len(hasil) >= maks:
            raise ValidationError(f"Berkas berisi lebih dari {format_angka(maks, 0)} baris data; "
                                  "pecah menjadi beberapa berkas.", code="berkas")
        b = Baris(nomor)
        b.sel = sel
        if opd is not None and "kode_opd" in posisi:
            kode_opd = str(_sel(b, sel, posisi, "kode_opd", KODE_OPD.judul) or "").strip()
            if kode_opd and kode_opd != opd.kode:
                b.galat(f"Baris milik OPD lain (kode OPD {kode_opd}); berkas ini diimpor untuk "
                        f"{opd.nama} ({opd.kode}).")
        hasil.append(b)
    return hasil, posisi


def _baca(jenis: str, tabel: Tabel, opd) -> tuple[list, dict]:
    """Every data row with its code parsed in the OPD's context; rows of another OPD and
    malformed codes are marked here."""
    hasil, posisi = baca_baris(tabel, KOLOM[jenis], opd)
    for b in hasil:
        sel = b.sel
        teks_kode = _sel(b, sel, posisi, "kode", KODE.judul)
        b.kode = "" if teks_kode is None else str(teks_kode).strip()
        if "uraian" in posisi or "nama" in posisi:
            b.uraian = str(_sel(b, sel, posisi, "uraian" if "uraian" in posisi else "nama",
                                "Uraian") or "")
        if b.kode:
            try:
                b.data["kode"] = parse_kode(b.kode, kode_bidang=(opd.kode_bidang or None)
                                            if opd else None)
            except ValidationError as e:
                b.galat(f"Kode: {e.messages[0]}")
        elif b.status != "galat":
            b.galat("Kode: kosong.")
    return hasil, posisi


def _ganda(baris: list, kunci) -> None:
    pertama = {}
    for b in baris:
        k = kunci(b)
        if k is None:
            continue
        if k in pertama:
            b.galat(f"Baris ganda: sama dengan baris {pertama[k]}.")
        else:
            pertama[k] = b.nomor


# --- nomenclature ----------------------------------------------------------------------------


def periksa_nomenklatur(tabel: Tabel) -> Hasil:
    """Program, kegiatan and sub kegiatan codes with their names. A parent must exist already
    or stand above its child in the file."""
    baris, posisi = _baca("nomenklatur", tabel, None)
    ada = {}
    kode_semua = [b.data["kode"].teks for b in baris if "kode" in b.data]
    for model in (Program, Kegiatan, SubKegiatan):
        ada.update(dict(model.objects.filter(kode__in=kode_semua).values_list("kode", "nama")))
    induk_ada = set()
    induk_kode = {b.data["kode"].induk for b in baris if "kode" in b.data} - {None}
    for model in (Program, Kegiatan):
        induk_ada.update(model.objects.filter(kode__in=induk_kode).values_list("kode",
                                                                               flat=True))
    _ganda(baris, lambda b: b.data["kode"].teks if "kode" in b.data else None)
    dilihat = set()
    for b in baris:
        nama = _teks(b, b.sel, posisi, _kolom("nomenklatur", "nama"), 300)
        if not nama and b.status != "galat":
            b.galat("Nama: wajib diisi.")
        b.data["nama"] = nama
        kode = b.data.get("kode")
        if kode is not None:
            if kode.induk and kode.induk not in induk_ada and kode.induk not in dilihat:
                b.galat(f"Induk {kode.induk} belum ada: tambahkan induknya di baris sebelum "
                        "baris ini atau impor lebih dahulu.")
            dilihat.add(kode.teks)
        if b.status != "galat":
            lama = ada.get(kode.teks)
            b.status = "baru" if lama is None else ("sama" if lama == nama else "berubah")
    return Hasil("nomenklatur", baris)


@transaction.atomic
def terapkan_nomenklatur(tabel: Tabel) -> Hasil:
    hasil = periksa_nomenklatur(tabel)
    if hasil.ada_galat:
        return hasil
    for b in hasil.baris:
        if b.status in ("baru", "berubah"):
            services.nomenklatur_upsert(kode=b.data["kode"].teks, nama=b.data["nama"])
    return hasil


# --- DPA lines -------------------------------------------------------------------------------


def _kode_dpa_lama(kode, tahun: int) -> bool:
    return kode.skema == Skema.PERMENDAGRI_13 and tahun >= 2021


def periksa_dpa(tabel: Tabel, *, opd, tahun: int, jenis: str) -> Hasil:
    """The lines of a DPA (murni or perubahan) from the national system's export: sub
    kegiatan rows (kegiatan rows before 2021) are the lines with their pagu; program and
    kegiatan rows give their indicators and target, and their stated pagu is compared with
    the sum of the lines under them."""
    baris, posisi = _baca("dpa", tabel, opd)
    dpa = DPA.objects.filter(opd=opd, tahun=tahun, jenis=jenis).first()
    kode_semua = {b.data["kode"].teks for b in baris if "kode" in b.data}
    program = {p.kode: p for p in Program.objects.filter(kode__in=kode_semua)}
    kegiatan = {k.kode: k for k in Kegiatan.objects.filter(kode__in=kode_semua)
                .select_related("program")}
    sub = {s.kode: s for s in SubKegiatan.objects.filter(kode__in=kode_semua)
           .select_related("kegiatan__program")}
    lama_rincian, lama_prog, lama_keg = {}, {}, {}
    if dpa is not None:
        lama_rincian = {r.kode: r for r in RincianDPA.objects.filter(dpa=dpa).select_related(
            "kegiatan", "sub_kegiatan")}
        lama_prog = {x.program.kode: x for x in dpa.program.select_related("program")}
        lama_keg = {x.kegiatan.kode: x for x in dpa.kegiatan.select_related("kegiatan")}
    _ganda(baris, lambda b: b.data["kode"].teks if "kode" in b.data else None)
    tertulis, jumlah_baris = {}, defaultdict(Decimal)
    for b in baris:
        kode = b.data.get("kode")
        b.data["indikator"] = _teks(b, b.sel, posisi, _kolom("dpa", "indikator"), 400)
        b.data["satuan"] = _teks(b, b.sel, posisi, _kolom("dpa", "satuan"), 50)
        b.data["target"] = _angka(b, b.sel, posisi, _kolom("dpa", "target"), RincianDPA,
                                   "target")
        if kode is None:
            continue
        if _kode_dpa_lama(kode, tahun):
            b.galat(f"Kode {kode.teks} adalah kode lama (sebelum 2021); DPA tahun {tahun} "
                    "memakai nomenklatur sejak 2021. Kode lama hanya untuk baris historis "
                    "Renstra.")
            continue
        baris_rincian = (kode.tingkat == Tingkat.SUB_KEGIATAN
                         or (kode.skema == Skema.PERMENDAGRI_13
                             and kode.tingkat == Tingkat.KEGIATAN))
        pagu = _angka(b, b.sel, posisi, _kolom("dpa", "pagu"), RincianDPA, "pagu",
                      wajib=baris_rincian)
        obj = (sub if kode.tingkat == Tingkat.SUB_KEGIATAN else
               kegiatan if kode.tingkat == Tingkat.KEGIATAN else program).get(kode.teks)
        if obj is None:
            b.galat(f"Kode {kode.teks} tidak ada di nomenklatur; impor nomenklaturnya lebih "
                    "dahulu.")
            continue
        b.data["obj"] = obj
        if b.status == "galat":
            continue
        if baris_rincian:
            b.data["pagu"] = pagu
            keg = obj.kegiatan if kode.tingkat == Tingkat.SUB_KEGIATAN else obj
            jumlah_baris[keg.kode] += pagu
            jumlah_baris[keg.program.kode] += pagu
            lama = lama_rincian.get(kode.teks)
            nilai = (pagu, b.data["indikator"], b.data["target"], b.data["satuan"])
            b.status = "baru" if lama is None else (
                "sama" if (lama.pagu, lama.indikator, lama.target, lama.satuan) == nilai
                else "berubah")
        else:
            if pagu is not None:
                tertulis[kode.teks] = (b.nomor, pagu)
            lama = (lama_prog if kode.tingkat == Tingkat.PROGRAM else lama_keg).get(kode.teks)
            nilai = (b.data["indikator"], b.data["target"], b.data["satuan"])
            if not any(v not in (None, "") for v in nilai):
                b.status = "jumlah"
            else:
                b.status = "baru" if lama is None else (
                    "sama" if (lama.indikator, lama.target, lama.satuan) == nilai
                    else "berubah")
    hasil = Hasil("dpa", baris)
    for kode, (nomor, pagu) in sorted(tertulis.items()):
        dihitung = jumlah_baris.get(kode, Decimal(0))
        if dihitung != pagu:
            hasil.selisih.append(
                f"Baris {nomor}, {kode}: jumlah tertulis {format_angka(pagu)}, jumlah "
                f"rinciannya {format_angka(dihitung)} (selisih "
                f"{format_angka(abs(pagu - dihitung))}). Yang dipakai: jumlah rincian.")
    return hasil


@transaction.atomic
def terapkan_dpa(tabel: Tabel, *, opd, tahun: int, jenis: str) -> Hasil:
    hasil = periksa_dpa(tabel, opd=opd, tahun=tahun, jenis=jenis)
    if hasil.ada_galat:
        return hasil
    dpa = DPA.objects.filter(opd=opd, tahun=tahun, jenis=jenis).first()
    if dpa is None:
        dpa = DPA(opd=opd, tahun=tahun, jenis=jenis)
        dpa.full_clean()
        dpa.save()
    for b in hasil.baris:
        if b.status not in ("baru", "berubah"):
            continue
        obj, d = b.data["obj"], b.data
        ind = {"indikator": d["indikator"], "target": d["target"], "satuan": d["satuan"]}
        if isinstance(obj, Program):
            DPAProgram.objects.update_or_create(dpa=dpa, program=obj, defaults=ind)
        elif isinstance(obj, Kegiatan) and "pagu" not in d:
            DPAKegiatan.objects.update_or_create(dpa=dpa, kegiatan=obj, defaults=ind)
        else:
            sub = obj if isinstance(obj, SubKegiatan) else None
            keg = obj.kegiatan if sub else obj
            r = RincianDPA.objects.filter(dpa=dpa, kegiatan=keg, sub_kegiatan=sub).first() \
                or RincianDPA(dpa=dpa, kegiatan=keg, sub_kegiatan=sub)
            for k, v in {**ind, "pagu": d["pagu"]}.items():
                setattr(r, k, v)
            try:
                r.full_clean()
            except ValidationError as e:
                raise ValidationError([f"Baris {b.nomor}: {m}" for m in e.messages]) from None
            r.save()
    return hasil


# --- monthly realisation ---------------------------------------------------------------------


def _bulan(b: Baris, sel, posisi) -> int | None:
    nilai = _sel(b, sel, posisi, "bulan", "Bulan")
    teks = "" if nilai is None else str(nilai).strip()
    if isinstance(nilai, Decimal) and nilai == nilai.to_integral_value():
        teks = str(int(nilai))
    bulan = int(teks) if teks.isascii() and teks.isdigit() else NAMA_BULAN.get(teks.lower())
    if bulan is None or not 1 <= bulan <= 12:
        if nilai is not None:
            b.galat(f"Bulan: “{teks}” bukan bulan; tulis 1 sampai 12 atau nama bulan.")
        return None
    return bulan


def periksa_realisasi(tabel: Tabel, *, opd, tahun: int) -> Hasil:
    """Monthly realisation (rupiah and physical output) per sub kegiatan of the DPA in force
    (the DPPA when there is one). Each row is one line and one month, the month's own figure,
    not cumulative."""
    dpa = dpa_berlaku(opd.pk, tahun)
    if dpa is None:
        raise ValidationError(f"Belum ada DPA {opd.nama} tahun {tahun}: impor rincian DPA "
                              "lebih dahulu.", code="berkas")
    baris, posisi = _baca("realisasi", tabel, opd)
    rincian = {r.kode: r for r in RincianDPA.objects.filter(dpa=dpa).select_related(
        "kegiatan__program", "sub_kegiatan")}
    lama = {(r.rincian_id, r.bulan): r for r in RealisasiAnggaran.objects.filter(
        rincian__dpa=dpa)}
    tertulis, jumlah_baris = {}, defaultdict(Decimal)
    for b in baris:
        b.data["bulan"] = _bulan(b, b.sel, posisi)
        b.data["realisasi"] = _angka(b, b.sel, posisi, _kolom("realisasi", "realisasi"),
                                     RealisasiAnggaran, "realisasi", wajib=True)
        b.data["fisik"] = _angka(b, b.sel, posisi, _kolom("realisasi", "fisik"),
                                 RealisasiAnggaran, "fisik")
        b.data["keterangan"] = _teks(b, b.sel, posisi, _kolom("realisasi", "keterangan"), 255)
        kode = b.data.get("kode")
        if kode is None:
            continue
        if kode.tingkat in (Tingkat.PROGRAM, Tingkat.KEGIATAN) and kode.skema != \
                Skema.PERMENDAGRI_13:
            if b.data["realisasi"] is not None and b.data["bulan"] is not None:
                tertulis[(kode.teks, b.data["bulan"])] = (b.nomor, b.data["realisasi"])
            if b.status != "galat":
                b.status = "jumlah"
            continue
        r = rincian.get(kode.teks)
        if r is None:
            b.galat(f"Kode {kode.teks} tidak ada di {dpa.get_jenis_display()} {tahun} "
                    f"{opd.nama}.")
            continue
        b.data["rincian"] = r
        if b.status == "galat" or b.data["bulan"] is None:
            continue
        jumlah_baris[(r.kegiatan.kode, b.data["bulan"])] += b.data["realisasi"]
        jumlah_baris[(r.kegiatan.program.kode, b.data["bulan"])] += b.data["realisasi"]
        x = lama.get((r.pk, b.data["bulan"]))
        nilai = (b.data["realisasi"], b.data["fisik"], b.data["keterangan"])
        b.status = "baru" if x is None else (
            "sama" if (x.realisasi, x.fisik, x.keterangan) == nilai else "berubah")
    _ganda(baris, lambda b: (b.data["rincian"].pk, b.data["bulan"])
           if "rincian" in b.data and b.data.get("bulan") else None)
    hasil = Hasil("realisasi", baris)
    for (kode, bulan), (nomor, nilai) in sorted(tertulis.items()):
        dihitung = jumlah_baris.get((kode, bulan), Decimal(0))
        if dihitung != nilai:
            hasil.selisih.append(
                f"Baris {nomor}, {kode} bulan {bulan}: jumlah tertulis {format_angka(nilai)}, "
                f"jumlah rinciannya {format_angka(dihitung)} (selisih "
                f"{format_angka(abs(nilai - dihitung))}). Yang dipakai: jumlah rincian.")
    return hasil


@transaction.atomic
def terapkan_realisasi(tabel: Tabel, *, opd, tahun: int, user=None) -> Hasil:
    hasil = periksa_realisasi(tabel, opd=opd, tahun=tahun)
    if hasil.ada_galat:
        return hasil
    baru, berubah = [], []
    lama = {}
    ubah = [b for b in hasil.baris if b.status == "berubah"]
    if ubah:
        lama = {(r.rincian_id, r.bulan): r for r in RealisasiAnggaran.objects.filter(
            rincian__in=[b.data["rincian"] for b in ubah]).select_for_update(of=("self",))}
    for b in hasil.baris:
        d = b.data
        if b.status == "baru":
            baru.append(RealisasiAnggaran(rincian=d["rincian"], bulan=d["bulan"],
                                          realisasi=d["realisasi"], fisik=d["fisik"],
                                          keterangan=d["keterangan"]))
        elif b.status == "berubah":
            x = lama[(d["rincian"].pk, d["bulan"])]
            x.realisasi, x.fisik, x.keterangan = d["realisasi"], d["fisik"], d["keterangan"]
            berubah.append(x)
    # Plain bulk writes, then one INSERT ... SELECT of their history (apps.core.riwayat):
    # the ORM's per-row history objects cost more than the rows themselves.
    if baru:
        RealisasiAnggaran.objects.bulk_create(baru, batch_size=1000)
        catat_riwayat(RealisasiAnggaran, [x.pk for x in baru], history_type="+", user=user)
    if berubah:
        RealisasiAnggaran.objects.bulk_update(berubah, ["realisasi", "fisik", "keterangan"],
                                              batch_size=1000)
        catat_riwayat(RealisasiAnggaran, [x.pk for x in berubah], history_type="~",
                      user=user)
    return hasil


# The planning kinds (Renstra targets, PK targets, Renstra matrix) live in
# apps.perencanaan.impor, which builds on this module: imported when used, not at load time.
JENIS_PERENCANAAN = ("target_renstra", "target_pk", "matriks_renstra")


def periksa(jenis: str, tabel: Tabel, *, opd=None, tahun=None, jenis_dpa=None) -> Hasil:
    if jenis == "nomenklatur":
        return periksa_nomenklatur(tabel)
    if jenis == "dpa":
        return periksa_dpa(tabel, opd=opd, tahun=tahun, jenis=jenis_dpa)
    if jenis in JENIS_PERENCANAAN:
        from apps.perencanaan import impor as impor_perencanaan

        return getattr(impor_perencanaan, f"periksa_{jenis}")(tabel, opd=opd, tahun=tahun)
    return periksa_realisasi(tabel, opd=opd, tahun=tahun)


def terapkan(jenis: str, tabel: Tabel, *, opd=None, tahun=None, jenis_dpa=None,
             user=None) -> Hasil:
    if jenis == "nomenklatur":
        return terapkan_nomenklatur(tabel)
    if jenis == "dpa":
        return terapkan_dpa(tabel, opd=opd, tahun=tahun, jenis=jenis_dpa)
    if jenis in JENIS_PERENCANAAN:
        from apps.perencanaan import impor as impor_perencanaan

        return getattr(impor_perencanaan, f"terapkan_{jenis}")(tabel, opd=opd, tahun=tahun,
                                                               user=user)
    return terapkan_realisasi(tabel, opd=opd, tahun=tahun, user=user)
