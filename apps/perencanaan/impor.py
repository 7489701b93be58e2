"""Spreadsheet imports of planning data: the yearly targets of a Renstra, the targets of a
year's Perjanjian Kinerja, and the rows of the Renstra matrix.

They run like the budget imports, on the same framework (apps.core.impor: reading, number
and duplicate rules): `periksa_<jenis>` classifies every row as baru, berubah, sama or galat
(with its reasons) and writes nothing; `terapkan_<jenis>` checks again and writes every row
or none, in one transaction, with a history record for every row written.

An indicator is named in a file by its "Kode Indikator", the numbers tujuan.sasaran.indikator
(`1.2.1`) of the Renstra covering the import's year, and by its name in "Indikator": a name
that differs from the Renstra's refuses the row, so a file whose rows have shifted is caught
instead of putting targets on the wrong indicator. "Satuan" is read for the same check (an
empty cell is not checked); it is changed on the Renstra page, not by an import.
"""

import re
from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from apps.anggaran.kode import Skema, Tingkat, parse_kode
from apps.core.angka import format_angka
from apps.core.impor import (
    KOLOM_KODE_OPD,
    Baris,
    HasilImpor,
    Kolom,
    TabelUnggahan,
    mark_duplicates,
    normalise_header,
    read_cell,
    read_number,
    read_rows,
    read_text,
)
from apps.core.models import PeriodeRPJMD

from .models import (
    IndikatorDaerah,
    IndikatorKinerja,
    PerjanjianKinerja,
    PKIndikator,
    RencanaProgram,
    Renstra,
    TargetDaerah,
    TargetTahunan,
    validate_nilai_indikator,
)
from .selectors import periode_rpjmd_tahun, renstra_tahun, tampil_target

# The action every history record of these imports names (apps.core.riwayat.AKSI).
AKSI = "perencanaan.impor"

KODE_INDIKATOR = Kolom("kode", "Kode Indikator", True, ("kode", "no. indikator", "nomor indikator"))
INDIKATOR = Kolom("indikator", "Indikator", True, ("indikator kinerja", "nama indikator"))
SATUAN = Kolom("satuan", "Satuan")
TARGET_AKHIR = Kolom(
    "target_akhir",
    "Target Akhir Periode",
    False,
    ("target akhir", "kondisi akhir", "target kondisi akhir"),
)
TARGET = Kolom("target", "Target", True, ("target pk",))

KOLOM_MATRIKS = [
    Kolom("periode", "Periode", True),
    Kolom("tahun_awal", "Tahun Awal", True),
    Kolom("tahun_akhir", "Tahun Akhir", True),
    Kolom("kode", "Kode", True, ("kode rekening", "kode program/kegiatan/sub kegiatan")),
    Kolom("uraian", "Uraian", True, ("program/kegiatan/sub kegiatan", "nama")),
    Kolom("indikator", "Indikator", False, ("indikator kinerja", "indikator kinerja program")),
    Kolom("target_k", "Target (K)", False, ("target k",)),
    Kolom("satuan", "Satuan"),
    Kolom("target_rp", "Target (Rp)", False, ("target rp",)),
    Kolom("realisasi_k", "Realisasi (K)", False, ("realisasi k",)),
    Kolom("realisasi_rp", "Realisasi (Rp)", False, ("realisasi rp",)),
    Kolom(
        "unit_penanggung_jawab",
        "Unit Penanggung Jawab",
        False,
        ("unit opd penanggung jawab", "unit"),
    ),
    KOLOM_KODE_OPD,
]


def kolom_target_renstra(renstra: Renstra) -> list[Kolom]:
    """The columns of a Renstra's target file: one "Target <tahun>" per year of its period."""
    return [
        KODE_INDIKATOR,
        INDIKATOR,
        SATUAN,
        *[
            Kolom(f"target_{t}", f"Target {t}", True)
            for t in range(renstra.tahun_awal, renstra.tahun_akhir + 1)
        ],
        TARGET_AKHIR,
        KOLOM_KODE_OPD,
    ]


KOLOM_TARGET_PK = [KODE_INDIKATOR, INDIKATOR, SATUAN, TARGET, KOLOM_KODE_OPD]


def kode_indikator(ind: IndikatorKinerja | IndikatorDaerah) -> str:
    """`1.2.1`: the numbers of the indicator's tujuan, sasaran and its own (a Renstra's
    indicator or an IKU Pemda of the RPJMD alike)."""
    return f"{ind.sasaran.tujuan.nomor}.{ind.sasaran.nomor}.{ind.nomor}"


def _sama_teks(a: str, b: str) -> bool:
    """Names compared as a reader would: case and line breaks or double spaces ignored."""
    return " ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()


def _periode(renstra: Renstra) -> str:
    return f"Renstra {renstra.tahun_awal}–{renstra.tahun_akhir}"


def _renstra(opd, tahun: int) -> Renstra:
    renstra = renstra_tahun(opd.pk, tahun)
    if renstra is None:
        raise ValidationError(
            f"Belum ada Renstra {opd.nama} yang mencakup tahun {tahun}: buat "
            "atau salin Renstra periode itu di halaman Perencanaan lebih "
            "dahulu.",
            code="berkas",
        )
    return renstra


def _indikator_renstra(renstra: Renstra) -> dict[tuple, IndikatorKinerja]:
    qs = (
        IndikatorKinerja.objects.filter(sasaran__tujuan__renstra=renstra)
        .select_related("sasaran__tujuan")
        .prefetch_related("pilihan", "target_tahunan")
    )
    return {(i.sasaran.tujuan.nomor, i.sasaran.nomor, i.nomor): i for i in qs}


def _baca_indikator(tabel: TabelUnggahan, kolom: list[Kolom], *, opd, renstra: Renstra) -> tuple:
    """Every row of a target file with its indicator (`b.data["ind"]`): the code must name an
    indicator of the Renstra, the name must be that indicator's, each indicator once."""
    return _baca_kode(
        tabel,
        kolom,
        opd=opd,
        indikator=_indikator_renstra(renstra),
        dokumen=_periode(renstra),
        lokasi=f"{_periode(renstra)} {opd.nama}",
        tempat_ubah="halaman Renstra",
    )


def _baca_kode(
    tabel: TabelUnggahan,
    kolom: list[Kolom],
    *,
    opd,
    indikator: dict,
    dokumen: str,
    lokasi: str,
    tempat_ubah: str,
) -> tuple:
    """The rows of a target file, each with the indicator its "Kode Indikator" names among
    `indikator` ({(tujuan, sasaran, nomor): indicator}): the name must be that indicator's,
    the unit too when given, each indicator once. `dokumen` names the plan in messages
    ("Renstra 2018–2023"), `lokasi` where a code was looked for, `tempat_ubah` where a unit is
    changed."""
    baris, posisi = read_rows(tabel, kolom, opd)
    for b in baris:
        nilai = read_cell(b, b.sel, posisi, "kode", KODE_INDIKATOR.judul)
        b.kode = "" if nilai is None else str(nilai).strip()
        b.uraian = read_text(b, b.sel, posisi, INDIKATOR, 2000)
        satuan = read_text(b, b.sel, posisi, SATUAN, 50)
        if not re.fullmatch(r"\d+\.\d+\.\d+", b.kode):
            b.galat(
                f"Kode Indikator: “{b.kode}” bukan kode indikator; tulis nomor "
                "tujuan.sasaran.indikator, misalnya 1.2.1."
                if b.kode
                else "Kode Indikator: kosong; tulis nomor tujuan.sasaran.indikator, misalnya 1.2.1."
            )
            continue
        ind = indikator.get(tuple(int(x) for x in b.kode.split(".")))
        if ind is None:
            b.galat(f"Kode Indikator {b.kode} tidak ada di {lokasi}.")
            continue
        if not b.uraian:
            b.galat(
                f"Indikator: kosong; tulis nama indikator {b.kode} (“{ind.nama}”) agar "
                "baris yang bergeser ketahuan."
            )
        elif not _sama_teks(b.uraian, ind.nama):
            b.galat(
                f"Indikator: kode {b.kode} di {dokumen} adalah “{ind.nama}”, "
                f"sedangkan berkas menulis “{b.uraian}”. Periksa apakah baris bergeser."
            )
        if satuan and not _sama_teks(satuan, ind.satuan):
            b.galat(
                f"Satuan: berkas menulis “{satuan}”, {dokumen} menulis "
                f"“{ind.satuan}” untuk indikator {b.kode}; satuan diubah di {tempat_ubah}."
            )
        b.data["ind"] = ind
    mark_duplicates(baris, lambda b: b.data["ind"].pk if "ind" in b.data else None)
    return baris, posisi


def _target(b: Baris, posisi: dict, k: Kolom, ind: IndikatorKinerja) -> tuple | None:
    """A target cell as the models store it, (angka, teks); None when the cell is wrong.
    A number is read like the pages read it; a text indicator takes one of its labels;
    the indicator's own rule (validate_nilai_indikator) decides, as on the Renstra page."""
    n = len(b.pesan)
    if ind.jenis_nilai == IndikatorKinerja.JenisNilai.TEKS:
        angka, teks = None, read_text(b, b.sel, posisi, k, 100)
    else:
        angka, teks = read_number(b, b.sel, posisi, k, TargetTahunan, "target"), ""
    if len(b.pesan) > n:
        return None
    try:
        validate_nilai_indikator(ind, angka, teks, "target")
    except ValidationError as e:
        pesan = e.messages[0]
        if teks:
            pilihan = ", ".join(p.label for p in ind.pilihan.all())
            pesan = f"“{teks}” bukan pilihan indikator ini (pilihan: {pilihan or 'belum ada'})."
        b.galat(f"{k.judul}: {pesan}")
        return None
    return angka, teks


def _tampil(nilai: tuple) -> str:
    angka, teks = nilai
    return tampil_target(angka, teks) if angka is not None or teks else "kosong"


# --- Renstra targets -------------------------------------------------------------------------


def _kolom_tahun(
    tabel: TabelUnggahan, awal: int, akhir: int, dokumen: str, contoh: str = "target Renstra ini"
) -> None:
    """The file's "Target <tahun>" columns must be the years of the period, all of them."""
    ada = set()
    for h in tabel.header:
        cocok = re.fullmatch(r"target (\d{4})", normalise_header(h))
        if cocok:
            ada.add(int(cocok.group(1)))
    periode = set(range(awal, akhir + 1))
    luar, hilang = sorted(ada - periode), sorted(periode - ada)
    if luar:
        raise ValidationError(
            f"Kolom {', '.join(f'Target {t}' for t in luar)} di luar periode "
            f"{dokumen}; kolom tahun harus Target {awal} sampai Target "
            f"{akhir}. Unduh ekspor {contoh} sebagai contoh.",
            code="berkas",
        )
    if hilang:
        raise ValidationError(
            f"Kolom {', '.join(f'Target {t}' for t in hilang)} tidak ada; berkas target "
            f"{dokumen} memerlukan kolom Target {awal} sampai Target "
            f"{akhir} (sel kosong berarti tanpa target tahun itu).",
            code="berkas",
        )


def check_target_renstra(tabel: TabelUnggahan, *, opd, tahun: int) -> HasilImpor:
    """The yearly targets and the end-of-period target of the indicators of the Renstra that
    covers `tahun`, one row per indicator and one "Target <tahun>" column per year of the
    period. As on the Renstra page, an empty year cell means no target that year (a target
    there is removed) and an empty "Target Akhir Periode" means no end target; without that
    column the end targets are left as they are."""
    renstra = _renstra(opd, tahun)
    _kolom_tahun(tabel, renstra.tahun_awal, renstra.tahun_akhir, _periode(renstra))
    kolom = kolom_target_renstra(renstra)
    baris, posisi = _baca_indikator(tabel, kolom, opd=opd, renstra=renstra)
    tahun_list = range(renstra.tahun_awal, renstra.tahun_akhir + 1)
    for b in baris:
        ind = b.data.get("ind")
        if ind is None:
            continue
        lama = {x.tahun: x for x in ind.target_tahunan.all()}
        baru, ubah = {}, []
        for t, k in zip(tahun_list, kolom[3:], strict=False):
            nilai = _target(b, posisi, k, ind)
            if nilai is None:
                continue
            x = lama.get(t)
            sebelum = (x.target, x.target_teks) if x else (None, "")
            baru[t] = nilai
            if sebelum != nilai:
                ubah.append(f"Target {t}: {_tampil(sebelum)} → {_tampil(nilai)}")
        sebelum_akhir = (ind.target_akhir, ind.target_akhir_teks)
        if "target_akhir" in posisi:
            akhir = _target(b, posisi, TARGET_AKHIR, ind)
            if akhir is not None and akhir != sebelum_akhir:
                ubah.append(f"Target akhir: {_tampil(sebelum_akhir)} → {_tampil(akhir)}")
            b.data["akhir"] = akhir
        if b.status == "galat":
            continue
        b.data.update(lama=lama, target=baru)
        if not ubah:
            b.status = "sama"
        elif not lama and sebelum_akhir == (None, ""):
            b.status = "baru"
        else:
            b.status, b.pesan = "berubah", ubah
    return HasilImpor("target_renstra", baris)


@transaction.atomic
def apply_target_renstra(tabel: TabelUnggahan, *, opd, tahun: int, user=None) -> HasilImpor:
    hasil = check_target_renstra(tabel, opd=opd, tahun=tahun)
    if hasil.ada_galat:
        return hasil
    buat, ubah, hapus, indikator = [], [], [], []
    for b in hasil.baris:
        if b.status not in ("baru", "berubah"):
            continue
        ind, lama = b.data["ind"], b.data["lama"]
        for t, (angka, teks) in b.data["target"].items():
            x = lama.get(t)
            if angka is None and not teks:
                if x is not None:
                    hapus.append(x.pk)
            elif x is None:
                buat.append(TargetTahunan(indikator=ind, tahun=t, target=angka, target_teks=teks))
            elif (x.target, x.target_teks) != (angka, teks):
                x.target, x.target_teks = angka, teks
                ubah.append(x)
        akhir = b.data.get("akhir")
        if akhir is not None and akhir != (ind.target_akhir, ind.target_akhir_teks):
            ind.target_akhir, ind.target_akhir_teks = akhir
            indikator.append(ind)
    if hapus:
        # One by one through the model's delete signal: each removal is in the history.
        TargetTahunan.objects.filter(pk__in=hapus).delete()
    _tulis(TargetTahunan, buat, ubah, ["target", "target_teks"], user)
    _tulis(IndikatorKinerja, [], indikator, ["target_akhir", "target_akhir_teks"], user)
    return hasil


def _tulis(model, buat: list, ubah: list, kolom: list[str], user) -> None:
    """Write an import's rows in bulk, each with its history record (the import action): the
    new rows, and the `kolom` of the changed ones."""
    if buat:
        bulk_create_with_history(
            buat, model, batch_size=1000, default_user=user, default_change_reason=AKSI
        )
    if ubah:
        bulk_update_with_history(
            ubah, model, kolom, batch_size=1000, default_user=user, default_change_reason=AKSI
        )


# --- Perjanjian Kinerja targets --------------------------------------------------------------


def _pk_draf(opd, tahun: int) -> PerjanjianKinerja:
    pk = PerjanjianKinerja.objects.filter(opd=opd, tahun=tahun).order_by("-versi").first()
    if pk is None:
        raise ValidationError(
            f"Belum ada Perjanjian Kinerja {opd.nama} tahun {tahun}: buat PK "
            "tahun itu di halaman Perencanaan lebih dahulu (terisi target "
            "Renstra), lalu impor targetnya.",
            code="berkas",
        )
    if pk.status == PerjanjianKinerja.Status.FINAL:
        raise ValidationError(
            f"{pk.judul} {opd.nama} sudah final dan tidak dapat diubah; buat "
            "Perubahan PK di halaman Perencanaan lebih dahulu, lalu impor "
            "targetnya ke perubahan itu.",
            code="berkas",
        )
    return pk


def check_target_pk(tabel: TabelUnggahan, *, opd, tahun: int) -> HasilImpor:
    """The targets of the latest version of the year's PK, which must be a draft (a final
    PK is changed only through a Perubahan PK). An indicator of the Renstra covering the
    year that the PK does not have yet is added to it; indicators of the PK missing from the
    file are left as they are (a row is removed on the PK page). The target is required, as
    on the PK page; the PK's programs and budgets are not part of this file."""
    pk = _pk_draf(opd, tahun)
    renstra = _renstra(opd, tahun)
    baris, posisi = _baca_indikator(tabel, KOLOM_TARGET_PK, opd=opd, renstra=renstra)
    lama = {r.indikator_id: r for r in pk.indikator.all()}
    for b in baris:
        ind = b.data.get("ind")
        if ind is None:
            continue
        nilai = _target(b, posisi, TARGET, ind)
        if nilai == (None, ""):
            b.galat(
                "Target: wajib diisi. Untuk mengeluarkan indikator dari PK, hapus di halaman PK."
            )
        if b.status == "galat":
            continue
        b.data.update(pk=pk, target=nilai, lama=lama.get(ind.pk))
        x = lama.get(ind.pk)
        if x is None:
            b.status = "baru"
            b.pesan = [f"Ditambahkan ke {pk.judul}."]
        elif (x.target, x.target_teks) == nilai:
            b.status = "sama"
        else:
            b.status = "berubah"
            b.pesan = [f"Target: {_tampil((x.target, x.target_teks))} → {_tampil(nilai)}"]
    return HasilImpor("target_pk", baris)


@transaction.atomic
def apply_target_pk(tabel: TabelUnggahan, *, opd, tahun: int, user=None) -> HasilImpor:
    # The PK is locked first, so it cannot be finalised between the check and the writes.
    list(PerjanjianKinerja.objects.select_for_update().filter(opd=opd, tahun=tahun))
    hasil = check_target_pk(tabel, opd=opd, tahun=tahun)
    if hasil.ada_galat:
        return hasil
    buat, ubah = [], []
    for b in hasil.baris:
        angka, teks = b.data.get("target", (None, ""))
        if b.status == "baru":
            buat.append(
                PKIndikator(
                    pk_dokumen=b.data["pk"], indikator=b.data["ind"], target=angka, target_teks=teks
                )
            )
        elif b.status == "berubah":
            x = b.data["lama"]
            x.target, x.target_teks = angka, teks
            ubah.append(x)
    _tulis(PKIndikator, buat, ubah, ["target", "target_teks"], user)
    return hasil


# --- Renstra matrix --------------------------------------------------------------------------

NILAI_MATRIKS = (
    "periode",
    "tingkat",
    "uraian",
    "indikator",
    "target_k",
    "satuan",
    "target_rp",
    "realisasi_k",
    "realisasi_rp",
    "unit_penanggung_jawab",
    "urutan",
)
LABEL_MATRIKS = {
    "periode": "periode",
    "tingkat": "tingkat",
    "uraian": "uraian",
    "indikator": "indikator",
    "target_k": "target (K)",
    "satuan": "satuan",
    "target_rp": "target (Rp)",
    "realisasi_k": "realisasi (K)",
    "realisasi_rp": "realisasi (Rp)",
    "unit_penanggung_jawab": "unit penanggung jawab",
    "urutan": "urutan",
}
RUPIAH_MATRIKS = ("target_rp", "realisasi_rp")


def _kanonik(teks: str, kode_bidang: str | None) -> str:
    try:
        return parse_kode(teks, kode_bidang=kode_bidang).teks
    except ValidationError:
        return teks.strip()


def _tahun_sel(b: Baris, posisi: dict, k: Kolom) -> int | None:
    nilai = read_cell(b, b.sel, posisi, k.kunci, k.judul)
    if nilai is None:
        return None
    if isinstance(nilai, Decimal) and nilai == nilai.to_integral_value():
        nilai = int(nilai)
    teks = str(nilai).strip()
    if not re.fullmatch(r"\d{4}", teks) or not 2000 <= int(teks) <= 2100:
        b.galat(
            f"{k.judul}: “{teks}” bukan tahun; tulis tahun antara 2000 dan 2100, misalnya 2021."
            if teks
            else f"{k.judul}: wajib diisi."
        )
        return None
    return int(teks)


def _terendah(kode) -> bool:
    """The rows that carry rupiah: sub kegiatan, or kegiatan of the pre-2021 scheme (which
    has no sub kegiatan level)."""
    return kode.tingkat == Tingkat.SUB_KEGIATAN or (
        kode.skema == Skema.PERMENDAGRI_13 and kode.tingkat == Tingkat.KEGIATAN
    )


def check_matriks_renstra(tabel: TabelUnggahan, *, opd, tahun: int) -> HasilImpor:
    """Rows of the matrix (Rencana Program, Kegiatan dan Pendanaan) of the Renstra covering
    `tahun`, in blocks of planning periods within it ("Periode RPJMD Induk (Tahun
    2019-2020)", tahun awal 2019, tahun akhir 2020).

    Codes are read in the OPD's context (apps.anggaran.kode.parse_kode): pre-2021 codes such
    as `4,01,05,01,20` are historical Renstra rows and are accepted here, unlike in a current
    DPA; a malformed code is refused with parse_kode's reason; the level (tingkat) comes
    from the code. A child's parent must stand above it in the same block of the file or be
    in that block already.

    A row is matched with the database by its block (tahun awal, tahun akhir), its code
    (compared in its full form: `01.2.01.01` and `7.01.01.2.01.0001` are one code) and the
    how-many-th time that code occurs in the block, in order: documents repeat a program
    under each sasaran it serves (Kecamatan Magetan's 2021-2022 block lists 7.01.03 twice),
    and the first occurrence in the file is the first in the database. A new row keeps the
    code as the file writes it. The order of the rows is the file's: a block's rows are
    numbered (urutan) from where the block starts in the database, so an unchanged export
    imports back as "sama" and a row inserted in the middle moves the rows below it.
    Database rows of a block that the file does not list are neither changed nor removed.

    Rupiah is stored on the lowest rows only (sub kegiatan; kegiatan before 2021). A program
    or kegiatan row that carries rupiah states a total: it is compared with the sum of the
    rows under it in the file and every difference is listed; it is never stored."""
    renstra = _renstra(opd, tahun)
    bidang = opd.kode_bidang or None
    baris, posisi = read_rows(tabel, KOLOM_MATRIKS, opd)
    k = {x.kunci: x for x in KOLOM_MATRIKS}

    ada = defaultdict(list)  # block -> its rows in order
    for r in RencanaProgram.objects.filter(renstra=renstra).order_by(
        "tahun_awal", "tahun_akhir", "urutan", "pk"
    ):
        ada[(r.tahun_awal, r.tahun_akhir)].append(r)
    lama, kode_ada = {}, defaultdict(set)
    for blok, rows in ada.items():
        ke = defaultdict(int)
        for r in rows:
            kanon = _kanonik(r.kode, bidang)
            ke[kanon] += 1
            lama[(blok, kanon, ke[kanon])] = r
            kode_ada[blok].add(kanon)

    posisi_blok, ke, terakhir = defaultdict(int), defaultdict(int), {}
    urut_blok = []  # blocks in the order the file shows them
    for b in baris:
        nilai = read_cell(b, b.sel, posisi, "kode", k["kode"].judul)
        b.kode = "" if nilai is None else str(nilai).strip()
        d = b.data
        d["periode"] = read_text(b, b.sel, posisi, k["periode"], 100)
        if not d["periode"]:
            b.galat("Periode: wajib diisi, misalnya “Periode RPJMD Induk (Tahun 2019-2020)”.")
        awal = _tahun_sel(b, posisi, k["tahun_awal"])
        akhir = _tahun_sel(b, posisi, k["tahun_akhir"])
        b.uraian = d["uraian"] = read_text(b, b.sel, posisi, k["uraian"], 300)
        if not d["uraian"]:
            b.galat("Uraian: wajib diisi.")
        for kunci, maks in (("indikator", 400), ("satuan", 50), ("unit_penanggung_jawab", 255)):
            d[kunci] = read_text(b, b.sel, posisi, k[kunci], maks)
        for kunci in ("target_k", "target_rp", "realisasi_k", "realisasi_rp"):
            d[kunci] = read_number(b, b.sel, posisi, k[kunci], RencanaProgram, kunci)
        kode = None
        try:
            kode = parse_kode(b.kode, kode_bidang=bidang)
        except ValidationError as e:
            b.galat(f"Kode: {e.messages[0]}")
        blok = None
        if awal and akhir:
            if akhir < awal:
                b.galat(f"Tahun Akhir: {akhir} sebelum Tahun Awal {awal}.")
            elif not (renstra.tahun_awal <= awal and akhir <= renstra.tahun_akhir):
                b.galat(
                    f"Tahun {awal}–{akhir} di luar periode {_periode(renstra)} {opd.nama}; "
                    "impor matriks dengan tahun yang dicakup Renstra-nya."
                )
            else:
                blok = (awal, akhir)
        if blok is None:
            continue
        if blok not in posisi_blok:
            urut_blok.append(blok)
        posisi_blok[blok] += 1
        d["blok"], d["posisi"] = blok, posisi_blok[blok]
        if kode is None:
            continue
        d["kode"] = kode
        d["tingkat"] = kode.tingkat
        ke[(blok, kode.teks)] += 1
        d["lama"] = lama.get((blok, kode.teks, ke[(blok, kode.teks)]))
        if kode.induk:
            d["induk"] = terakhir.get((blok, kode.induk))
            if d["induk"] is None and kode.induk not in kode_ada[blok]:
                b.galat(
                    f"Induk {kode.induk} belum ada di blok {awal}–{akhir}: tulis baris "
                    "induknya di atas baris ini."
                )
        terakhir[(blok, kode.teks)] = b
        if not _terendah(kode):
            # A stated total: compared below, never stored.
            d["tertulis"] = {f: d[f] for f in RUPIAH_MATRIKS if d[f] is not None}
            d.update(target_rp=None, realisasi_rp=None)
    mark_duplicates(
        baris,
        lambda b: (
            (
                b.data["blok"],
                b.data["kode"].teks,
                *(b.data[f] for f in NILAI_MATRIKS[:-1] if f != "tingkat"),
            )
            if "kode" in b.data
            else None
        ),
    )

    # The rows' order: each block numbered from where it starts in the database (a new
    # block after every existing one).
    akhir_urutan = max((r.urutan for rows in ada.values() for r in rows), default=0)
    awal_blok = {}
    for blok in urut_blok:
        if ada.get(blok):
            awal_blok[blok] = min(r.urutan for r in ada[blok]) - 1
        else:
            awal_blok[blok] = akhir_urutan
            akhir_urutan += posisi_blok[blok]
    jumlah = defaultdict(lambda: defaultdict(Decimal))  # id(row) -> field -> sum of its lines
    for b in baris:
        d = b.data
        if "blok" in d:
            d["urutan"] = awal_blok[d["blok"]] + d["posisi"]
        if b.status == "galat":
            continue
        if _terendah(d["kode"]):
            induk = d.get("induk")
            while induk is not None:
                for f in RUPIAH_MATRIKS:
                    jumlah[id(induk)][f] += d[f] or 0
                induk = induk.data.get("induk")
        x = d["lama"]
        if x is None:
            b.status = "baru"
            continue
        ubah = [f for f in NILAI_MATRIKS if getattr(x, f) != d[f]]
        if not ubah:
            b.status = "sama"
        else:
            b.status = "berubah"
            b.pesan = [
                "Berubah: "
                + "; ".join(
                    f"{LABEL_MATRIKS[f]} {_tampil_matriks(getattr(x, f))} → {_tampil_matriks(d[f])}"
                    for f in ubah
                )
            ]
    hasil = HasilImpor("matriks_renstra", baris)
    for b in baris:
        if b.status == "galat":
            continue
        for f, tertulis in b.data.get("tertulis", {}).items():
            dihitung = jumlah[id(b)][f]
            if dihitung != tertulis:
                awal, akhir = b.data["blok"]
                hasil.selisih.append(
                    f"Baris {b.nomor}, {b.kode} ({awal}–{akhir}): {LABEL_MATRIKS[f]} tertulis "
                    f"{format_angka(tertulis)}, jumlah rinciannya {format_angka(dihitung)} "
                    f"(selisih {format_angka(abs(tertulis - dihitung))}). Yang dipakai: jumlah "
                    "rincian."
                )
    for blok, rows in ada.items():
        tidak = len(rows) - sum(
            1 for b in baris if b.data.get("blok") == blok and b.data.get("lama") is not None
        )
        if blok in posisi_blok and tidak > 0:
            hasil.catatan.append(
                f"Blok {blok[0]}–{blok[1]}: {tidak} baris di basis data tidak "
                "ada di berkas; baris itu tidak diubah dan tidak dihapus."
            )
    return hasil


def _tampil_matriks(nilai) -> str:
    if nilai is None or nilai == "":
        return "kosong"
    if isinstance(nilai, Decimal):
        return format_angka(nilai, None, buang_nol=True)
    return f"“{nilai}”" if isinstance(nilai, str) else str(nilai)


@transaction.atomic
def apply_matriks_renstra(tabel: TabelUnggahan, *, opd, tahun: int, user=None) -> HasilImpor:
    hasil = check_matriks_renstra(tabel, opd=opd, tahun=tahun)
    if hasil.ada_galat:
        return hasil
    renstra = _renstra(opd, tahun)
    buat, ubah = [], []
    for b in hasil.baris:
        d = b.data
        nilai = {f: d[f] for f in NILAI_MATRIKS}
        if b.status == "baru":
            awal, akhir = d["blok"]
            buat.append(
                RencanaProgram(
                    renstra=renstra, tahun_awal=awal, tahun_akhir=akhir, kode=b.kode, **nilai
                )
            )
        elif b.status == "berubah":
            x = d["lama"]
            for f, v in nilai.items():
                setattr(x, f, v)
            ubah.append(x)
    _tulis(RencanaProgram, buat, ubah, list(NILAI_MATRIKS), user)
    return hasil


JUDUL = {
    "target_rpjmd": "Target tahunan IKU Pemda (RPJMD)",
    "target_renstra": "Target tahunan Renstra",
    "target_pk": "Target Perjanjian Kinerja",
    "matriks_renstra": "Matriks Renstra (program, kegiatan, pendanaan)",
}


# --- RPJMD targets (IKU Pemda) ---------------------------------------------------------------


def kolom_target_rpjmd(awal: int, akhir: int) -> list[Kolom]:
    """The columns of the RPJMD's target file: the IKU Pemda's code tujuan.sasaran.indikator,
    its name and unit, one "Target <tahun>" per year of the period and the end target."""
    return [
        KODE_INDIKATOR,
        INDIKATOR,
        SATUAN,
        *[Kolom(f"target_{t}", f"Target {t}", True) for t in range(awal, akhir + 1)],
        TARGET_AKHIR,
    ]


def _periode_rpjmd(tahun: int) -> PeriodeRPJMD:
    periode = periode_rpjmd_tahun(tahun)
    if periode is None:
        raise ValidationError(
            f"Belum ada periode RPJMD yang mencakup tahun {tahun}: buat periodenya di Data "
            "induk lebih dahulu.",
            code="berkas",
        )
    return periode


def _nama_rpjmd(periode: PeriodeRPJMD) -> str:
    return f"RPJMD {periode.tahun_awal}–{periode.tahun_akhir}"


def check_target_rpjmd(tabel: TabelUnggahan, *, tahun: int) -> HasilImpor:
    """The yearly and end targets of the IKU Pemda of the RPJMD period covering `tahun`, one
    row per indicator, as the Renstra's target file: an empty year cell means no target that
    year (a target there is removed), an empty "Target Akhir Periode" no end target; without
    that column the end targets are left as they are. IKU Pemda are numbers only."""
    periode = _periode_rpjmd(tahun)
    awal, akhir = periode.tahun_awal, periode.tahun_akhir
    nama = _nama_rpjmd(periode)
    _kolom_tahun(tabel, awal, akhir, nama, contoh="target RPJMD")
    kolom = kolom_target_rpjmd(awal, akhir)
    indikator = {
        (i.sasaran.tujuan.nomor, i.sasaran.nomor, i.nomor): i
        for i in IndikatorDaerah.objects.filter(sasaran__tujuan__periode=periode)
        .select_related("sasaran__tujuan")
        .prefetch_related("target_tahunan")
    }
    baris, posisi = _baca_kode(
        tabel,
        kolom,
        opd=None,
        indikator=indikator,
        dokumen=nama,
        lokasi=nama,
        tempat_ubah="Admin › IKU Pemda",
    )
    for b in baris:
        ind = b.data.get("ind")
        if ind is None:
            continue
        lama = {x.tahun: x for x in ind.target_tahunan.all()}
        baru, ubah = {}, []
        for t, k in zip(range(awal, akhir + 1), kolom[3:], strict=False):
            n = len(b.pesan)
            nilai = read_number(b, b.sel, posisi, k, TargetDaerah, "target")
            if len(b.pesan) > n:
                continue
            x = lama.get(t)
            sebelum = x.target if x else None
            baru[t] = nilai
            if sebelum != nilai:
                ubah.append(f"Target {t}: {_tampil((sebelum, ''))} → {_tampil((nilai, ''))}")
        if "target_akhir" in posisi:
            n = len(b.pesan)
            akhir_baru = read_number(
                b, b.sel, posisi, TARGET_AKHIR, IndikatorDaerah, "target_akhir"
            )
            if len(b.pesan) == n:
                if akhir_baru != ind.target_akhir:
                    ubah.append(
                        f"Target akhir: {_tampil((ind.target_akhir, ''))} → "
                        f"{_tampil((akhir_baru, ''))}"
                    )
                b.data["akhir"] = (akhir_baru,)
        if b.status == "galat":
            continue
        b.data.update(lama=lama, target=baru)
        if not ubah:
            b.status = "sama"
        elif not lama and ind.target_akhir is None:
            b.status = "baru"
        else:
            b.status, b.pesan = "berubah", ubah
    return HasilImpor("target_rpjmd", baris)


@transaction.atomic
def apply_target_rpjmd(tabel: TabelUnggahan, *, tahun: int, user=None) -> HasilImpor:
    hasil = check_target_rpjmd(tabel, tahun=tahun)
    if hasil.ada_galat:
        return hasil
    buat, ubah, hapus, indikator = [], [], [], []
    for b in hasil.baris:
        if b.status not in ("baru", "berubah"):
            continue
        ind, lama = b.data["ind"], b.data["lama"]
        for t, angka in b.data["target"].items():
            x = lama.get(t)
            if angka is None:
                if x is not None:
                    hapus.append(x.pk)
            elif x is None:
                buat.append(TargetDaerah(indikator=ind, tahun=t, target=angka))
            elif x.target != angka:
                x.target = angka
                ubah.append(x)
        if "akhir" in b.data and b.data["akhir"][0] != ind.target_akhir:
            ind.target_akhir = b.data["akhir"][0]
            indikator.append(ind)
    if hapus:
        # One by one through the model's delete signal: each removal is in the history.
        for x in TargetDaerah.objects.filter(pk__in=hapus):
            x._history_user = user
            x.delete()
    _tulis(TargetDaerah, buat, ubah, ["target"], user)
    _tulis(IndikatorDaerah, [], indikator, ["target_akhir"], user)
    return hasil
