"""Spreadsheet imports of the budget: nomenclature, DPA lines, monthly realisation.

Every import runs twice. `periksa` reads the whole file and classifies every row as baru,
berubah, sama, galat (with its reasons) or jumlah (a program/kegiatan row's stated total,
compared with the sum of its lines and never stored), and writes nothing. `terapkan` checks
the file again (the data may have changed since) and writes every row or none, in one
transaction. The lines are the truth: a stated total that differs from its lines is reported
with both figures, and the computed one is what the pages show.
"""

from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.core.angka import format_angka
from apps.core.forms import BULAN as NAMA_BULAN
from apps.core.impor import (
    KOLOM_KODE_OPD,
    Baris,
    HasilImpor,
    Kolom,
    TabelUnggahan,
    mark_duplicates,
    read_cell,
    read_number,
    read_rows,
    read_text,
)
from apps.core.riwayat import bulk_update_riwayat, record_riwayat

from . import services
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

KODE = Kolom("kode", "Kode", True, ("kode rekening", "kode program/kegiatan/sub kegiatan"))
KOLOM = {
    "nomenklatur": [KODE, Kolom("nama", "Nama", True, ("uraian", "nomenklatur"))],
    "dpa": [
        KODE,
        Kolom("uraian", "Uraian", False, ("nama", "program/kegiatan/sub kegiatan")),
        Kolom("indikator", "Indikator", False, ("indikator kinerja", "tolok ukur")),
        Kolom("target", "Target", False, ("target (k)", "target k", "volume")),
        Kolom("satuan", "Satuan"),
        Kolom("pagu", "Pagu (Rp)", False, ("pagu", "anggaran", "anggaran (rp)")),
        KOLOM_KODE_OPD,
    ],
    "realisasi": [
        KODE,
        Kolom("uraian", "Uraian", False, ("nama", "sub kegiatan")),
        Kolom("bulan", "Bulan", True),
        Kolom("realisasi", "Realisasi (Rp)", True, ("realisasi",)),
        Kolom("fisik", "Fisik (K)", False, ("fisik", "realisasi fisik")),
        Kolom("keterangan", "Keterangan"),
        KOLOM_KODE_OPD,
    ],
}
JUDUL = {
    "nomenklatur": "Nomenklatur program, kegiatan dan sub kegiatan",
    "dpa": "Rincian DPA",
    "realisasi": "Realisasi anggaran bulanan",
}


def _kolom(jenis: str, kunci: str) -> Kolom:
    return next(k for k in KOLOM[jenis] if k.kunci == kunci)


def _baca(jenis: str, tabel: TabelUnggahan, opd) -> tuple[list, dict]:
    """Every data row with its code parsed in the OPD's context; rows of another OPD and
    malformed codes are marked here."""
    hasil, posisi = read_rows(tabel, KOLOM[jenis], opd)
    for b in hasil:
        sel = b.sel
        teks_kode = read_cell(b, sel, posisi, "kode", KODE.judul)
        b.kode = "" if teks_kode is None else str(teks_kode).strip()
        if "uraian" in posisi or "nama" in posisi:
            b.uraian = str(
                read_cell(b, sel, posisi, "uraian" if "uraian" in posisi else "nama", "Uraian")
                or ""
            )
        if b.kode:
            try:
                b.data["kode"] = parse_kode(
                    b.kode, kode_bidang=(opd.kode_bidang or None) if opd else None
                )
            except ValidationError as e:
                b.galat(f"Kode: {e.messages[0]}")
        elif b.status != "galat":
            b.galat("Kode: kosong.")
    return hasil, posisi


# --- nomenclature ----------------------------------------------------------------------------


def check_nomenklatur(tabel: TabelUnggahan) -> HasilImpor:
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
        induk_ada.update(model.objects.filter(kode__in=induk_kode).values_list("kode", flat=True))
    mark_duplicates(baris, lambda b: b.data["kode"].teks if "kode" in b.data else None)
    dilihat = set()
    for b in baris:
        nama = read_text(b, b.sel, posisi, _kolom("nomenklatur", "nama"), 300)
        if not nama and b.status != "galat":
            b.galat("Nama: wajib diisi.")
        b.data["nama"] = nama
        kode = b.data.get("kode")
        if kode is not None:
            if kode.induk and kode.induk not in induk_ada and kode.induk not in dilihat:
                b.galat(
                    f"Induk {kode.induk} belum ada: tambahkan induknya di baris sebelum "
                    "baris ini atau impor lebih dahulu."
                )
            dilihat.add(kode.teks)
        if b.status != "galat":
            lama = ada.get(kode.teks)
            b.status = "baru" if lama is None else ("sama" if lama == nama else "berubah")
    return HasilImpor("nomenklatur", baris)


@transaction.atomic
def apply_nomenklatur(tabel: TabelUnggahan) -> HasilImpor:
    hasil = check_nomenklatur(tabel)
    if hasil.ada_galat:
        return hasil
    for b in hasil.baris:
        if b.status in ("baru", "berubah"):
            services.nomenklatur_upsert(kode=b.data["kode"].teks, nama=b.data["nama"])
    return hasil


# --- DPA lines -------------------------------------------------------------------------------


def _kode_dpa_lama(kode, tahun: int) -> bool:
    return kode.skema == Skema.PERMENDAGRI_13 and tahun >= 2021


def check_dpa(tabel: TabelUnggahan, *, opd, tahun: int, jenis: str) -> HasilImpor:
    """The lines of a DPA (murni or perubahan) from the national system's export: sub
    kegiatan rows (kegiatan rows before 2021) are the lines with their pagu; program and
    kegiatan rows give their indicators and target, and their stated pagu is compared with
    the sum of the lines under them."""
    baris, posisi = _baca("dpa", tabel, opd)
    dpa = DPA.objects.filter(opd=opd, tahun=tahun, jenis=jenis).first()
    kode_semua = {b.data["kode"].teks for b in baris if "kode" in b.data}
    program = {p.kode: p for p in Program.objects.filter(kode__in=kode_semua)}
    kegiatan = {
        k.kode: k for k in Kegiatan.objects.filter(kode__in=kode_semua).select_related("program")
    }
    sub = {
        s.kode: s
        for s in SubKegiatan.objects.filter(kode__in=kode_semua).select_related("kegiatan__program")
    }
    lama_rincian, lama_prog, lama_keg = {}, {}, {}
    if dpa is not None:
        lama_rincian = {
            r.kode: r
            for r in RincianDPA.objects.filter(dpa=dpa).select_related("kegiatan", "sub_kegiatan")
        }
        lama_prog = {x.program.kode: x for x in dpa.program.select_related("program")}
        lama_keg = {x.kegiatan.kode: x for x in dpa.kegiatan.select_related("kegiatan")}
    mark_duplicates(baris, lambda b: b.data["kode"].teks if "kode" in b.data else None)
    tertulis, jumlah_baris = {}, defaultdict(Decimal)
    for b in baris:
        kode = b.data.get("kode")
        b.data["indikator"] = read_text(b, b.sel, posisi, _kolom("dpa", "indikator"), 400)
        b.data["satuan"] = read_text(b, b.sel, posisi, _kolom("dpa", "satuan"), 50)
        b.data["target"] = read_number(
            b, b.sel, posisi, _kolom("dpa", "target"), RincianDPA, "target"
        )
        if kode is None:
            continue
        if _kode_dpa_lama(kode, tahun):
            b.galat(
                f"Kode {kode.teks} adalah kode lama (sebelum 2021); DPA tahun {tahun} "
                "memakai nomenklatur sejak 2021. Kode lama hanya untuk baris historis "
                "Renstra."
            )
            continue
        baris_rincian = kode.tingkat == Tingkat.SUB_KEGIATAN or (
            kode.skema == Skema.PERMENDAGRI_13 and kode.tingkat == Tingkat.KEGIATAN
        )
        pagu = read_number(
            b, b.sel, posisi, _kolom("dpa", "pagu"), RincianDPA, "pagu", wajib=baris_rincian
        )
        obj = (
            sub
            if kode.tingkat == Tingkat.SUB_KEGIATAN
            else kegiatan
            if kode.tingkat == Tingkat.KEGIATAN
            else program
        ).get(kode.teks)
        if obj is None:
            b.galat(
                f"Kode {kode.teks} tidak ada di nomenklatur; impor nomenklaturnya lebih dahulu."
            )
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
            b.status = (
                "baru"
                if lama is None
                else (
                    "sama"
                    if (lama.pagu, lama.indikator, lama.target, lama.satuan) == nilai
                    else "berubah"
                )
            )
        else:
            if pagu is not None:
                tertulis[kode.teks] = (b.nomor, pagu)
            lama = (lama_prog if kode.tingkat == Tingkat.PROGRAM else lama_keg).get(kode.teks)
            nilai = (b.data["indikator"], b.data["target"], b.data["satuan"])
            if not any(v not in (None, "") for v in nilai):
                b.status = "jumlah"
            else:
                b.status = (
                    "baru"
                    if lama is None
                    else (
                        "sama" if (lama.indikator, lama.target, lama.satuan) == nilai else "berubah"
                    )
                )
    hasil = HasilImpor("dpa", baris)
    for kode, (nomor, pagu) in sorted(tertulis.items()):
        dihitung = jumlah_baris.get(kode, Decimal(0))
        if dihitung != pagu:
            hasil.selisih.append(
                f"Baris {nomor}, {kode}: jumlah tertulis {format_angka(pagu)}, jumlah "
                f"rinciannya {format_angka(dihitung)} (selisih "
                f"{format_angka(abs(pagu - dihitung))}). Yang dipakai: jumlah rincian."
            )
    return hasil


@transaction.atomic
def apply_dpa(tabel: TabelUnggahan, *, opd, tahun: int, jenis: str) -> HasilImpor:
    hasil = check_dpa(tabel, opd=opd, tahun=tahun, jenis=jenis)
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
            r = RincianDPA.objects.filter(
                dpa=dpa, kegiatan=keg, sub_kegiatan=sub
            ).first() or RincianDPA(dpa=dpa, kegiatan=keg, sub_kegiatan=sub)
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
    nilai = read_cell(b, sel, posisi, "bulan", "Bulan")
    teks = "" if nilai is None else str(nilai).strip()
    if isinstance(nilai, Decimal) and nilai == nilai.to_integral_value():
        teks = str(int(nilai))
    bulan = int(teks) if teks.isascii() and teks.isdigit() else NAMA_BULAN.get(teks.lower())
    if bulan is None or not 1 <= bulan <= 12:
        if nilai is not None:
            b.galat(f"Bulan: “{teks}” bukan bulan; tulis 1 sampai 12 atau nama bulan.")
        return None
    return bulan


def check_realisasi(tabel: TabelUnggahan, *, opd, tahun: int) -> HasilImpor:
    """Monthly realisation (rupiah and physical output) per sub kegiatan of the DPA in force
    (the DPPA when there is one). Each row is one line and one month, the month's own figure,
    not cumulative."""
    dpa = dpa_berlaku(opd.pk, tahun)
    if dpa is None:
        raise ValidationError(
            f"Belum ada DPA {opd.nama} tahun {tahun}: impor rincian DPA lebih dahulu.",
            code="berkas",
        )
    baris, posisi = _baca("realisasi", tabel, opd)
    rincian = {
        r.kode: r
        for r in RincianDPA.objects.filter(dpa=dpa).select_related(
            "kegiatan__program", "sub_kegiatan"
        )
    }
    lama = {(r.rincian_id, r.bulan): r for r in RealisasiAnggaran.objects.filter(rincian__dpa=dpa)}
    tertulis, jumlah_baris = {}, defaultdict(Decimal)
    for b in baris:
        b.data["bulan"] = _bulan(b, b.sel, posisi)
        b.data["realisasi"] = read_number(
            b,
            b.sel,
            posisi,
            _kolom("realisasi", "realisasi"),
            RealisasiAnggaran,
            "realisasi",
            wajib=True,
        )
        b.data["fisik"] = read_number(
            b, b.sel, posisi, _kolom("realisasi", "fisik"), RealisasiAnggaran, "fisik"
        )
        b.data["keterangan"] = read_text(b, b.sel, posisi, _kolom("realisasi", "keterangan"), 255)
        kode = b.data.get("kode")
        if kode is None:
            continue
        if (
            kode.tingkat in (Tingkat.PROGRAM, Tingkat.KEGIATAN)
            and kode.skema != Skema.PERMENDAGRI_13
        ):
            if b.data["realisasi"] is not None and b.data["bulan"] is not None:
                tertulis[(kode.teks, b.data["bulan"])] = (b.nomor, b.data["realisasi"])
            if b.status != "galat":
                b.status = "jumlah"
            continue
        r = rincian.get(kode.teks)
        if r is None:
            b.galat(f"Kode {kode.teks} tidak ada di {dpa.get_jenis_display()} {tahun} {opd.nama}.")
            continue
        b.data["rincian"] = r
        if b.status == "galat" or b.data["bulan"] is None:
            continue
        jumlah_baris[(r.kegiatan.kode, b.data["bulan"])] += b.data["realisasi"]
        jumlah_baris[(r.kegiatan.program.kode, b.data["bulan"])] += b.data["realisasi"]
        x = lama.get((r.pk, b.data["bulan"]))
        nilai = (b.data["realisasi"], b.data["fisik"], b.data["keterangan"])
        b.status = (
            "baru"
            if x is None
            else ("sama" if (x.realisasi, x.fisik, x.keterangan) == nilai else "berubah")
        )
    mark_duplicates(
        baris,
        lambda b: (
            (b.data["rincian"].pk, b.data["bulan"])
            if "rincian" in b.data and b.data.get("bulan")
            else None
        ),
    )
    hasil = HasilImpor("realisasi", baris)
    for (kode, bulan), (nomor, nilai) in sorted(tertulis.items()):
        dihitung = jumlah_baris.get((kode, bulan), Decimal(0))
        if dihitung != nilai:
            hasil.selisih.append(
                f"Baris {nomor}, {kode} bulan {bulan}: jumlah tertulis {format_angka(nilai)}, "
                f"jumlah rinciannya {format_angka(dihitung)} (selisih "
                f"{format_angka(abs(nilai - dihitung))}). Yang dipakai: jumlah rincian."
            )
    return hasil


@transaction.atomic
def apply_realisasi(tabel: TabelUnggahan, *, opd, tahun: int, user=None) -> HasilImpor:
    hasil = check_realisasi(tabel, opd=opd, tahun=tahun)
    if hasil.ada_galat:
        return hasil
    baru, berubah = [], []
    lama = {}
    ubah = [b for b in hasil.baris if b.status == "berubah"]
    if ubah:
        lama = {
            (r.rincian_id, r.bulan): r
            for r in RealisasiAnggaran.objects.filter(
                rincian__in=[b.data["rincian"] for b in ubah]
            ).select_for_update(of=("self",))
        }
    for b in hasil.baris:
        d = b.data
        if b.status == "baru":
            baru.append(
                RealisasiAnggaran(
                    rincian=d["rincian"],
                    bulan=d["bulan"],
                    realisasi=d["realisasi"],
                    fisik=d["fisik"],
                    keterangan=d["keterangan"],
                )
            )
        elif b.status == "berubah":
            x = lama[(d["rincian"].pk, d["bulan"])]
            x.realisasi, x.fisik, x.keterangan = d["realisasi"], d["fisik"], d["keterangan"]
            berubah.append(x)
    # Plain bulk writes, then one INSERT ... SELECT of their history (apps.core.riwayat):
    # the ORM's per-row history objects cost more than the rows themselves.
    if baru:
        RealisasiAnggaran.objects.bulk_create(baru, batch_size=1000)
        record_riwayat(
            RealisasiAnggaran,
            [x.pk for x in baru],
            history_type="+",
            user=user,
            aksi="anggaran.impor",
        )
    bulk_update_riwayat(
        berubah, ["realisasi", "fisik", "keterangan"], user=user, aksi="anggaran.impor"
    )
    return hasil
