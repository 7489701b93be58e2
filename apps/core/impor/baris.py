"""The rows of an import, whatever it imports: columns found by the template's headers, each
row with its status and messages, cells read as text or as numbers through the pages' own
form fields, duplicates marked, a row of another OPD refused.

Each app describes its kinds of import with these pieces and registers them
(apps.core.impor.daftar); the file itself is read by apps.core.impor.berkas.
"""

import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError

from apps.core.angka import format_angka
from apps.core.forms import angka_formfield

from .berkas import TabelUnggahan
from .xlsx import Rumus


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
class HasilImpor:
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


KOLOM_KODE_OPD = Kolom("kode_opd", "Kode OPD", False, ("kode unit", "kode skpd"))


def normalise_header(teks: str) -> str:
    """A header as it is compared: lower case, colons and runs of spaces folded."""
    return " ".join(str(teks).lower().replace(":", " ").split())


def map_columns(kolom: list[Kolom], header: list[str]) -> dict[str, int]:
    """Column positions by the template's headers (case and spacing ignored, known aliases
    accepted); a missing required column refuses the whole file."""
    posisi = {normalise_header(h): i for i, h in enumerate(header) if str(h).strip()}
    hasil, hilang = {}, []
    for k in kolom:
        for nama in (k.judul, *k.alias):
            if normalise_header(nama) in posisi:
                hasil[k.kunci] = posisi[normalise_header(nama)]
                break
        else:
            if k.wajib:
                hilang.append(k.judul)
    if hilang:
        raise ValidationError(
            f"Judul kolom tidak sesuai templat: kolom {', '.join(hilang)} tidak ditemukan di "
            f"baris judul ({', '.join(str(h) for h in header if str(h).strip()) or 'kosong'}). "
            "Unduh templat untuk melihat judul kolom yang diharapkan.",
            code="berkas",
        )
    return hasil


def read_cell(b: Baris, sel: list, posisi: dict, kunci: str, judul: str):
    """A cell's value ("" for a missing column); a formula marks the row and gives None."""
    i = posisi.get(kunci)
    nilai = sel[i] if i is not None and i < len(sel) else ""
    if isinstance(nilai, Rumus):
        b.galat(
            f"{judul}: sel berisi rumus ({nilai}); impor hanya menerima nilai. Salin dan "
            "tempel sebagai nilai."
        )
        return None
    return nilai


def read_text(b, sel, posisi, k: Kolom, maks: int) -> str:
    """A cell as stripped text; longer than `maks` marks the row (nothing is cut silently:
    the row cannot be imported)."""
    nilai = read_cell(b, sel, posisi, k.kunci, k.judul)
    teks = "" if nilai is None else str(nilai).strip()
    if len(teks) > maks:
        b.galat(f"{k.judul}: paling panjang {maks} karakter; baris ini {len(teks)}.")
        return teks[:maks]
    return teks


@functools.cache
def _number_field(model, nama: str, label: str):
    """The form field of a model's DecimalField (apps.core.forms.angka_formfield): the same
    reading, digit limits, lower bound and messages as the pages, made once per column."""
    field = angka_formfield(model._meta.get_field(nama), label=label)
    field.required = False
    return field


def read_number(b, sel, posisi, k: Kolom, model, nama: str, wajib: bool = False):
    """A cell read as the model field `nama` is read on the pages; a bad value marks the row
    with the field's own message and gives None."""
    nilai = read_cell(b, sel, posisi, k.kunci, k.judul)
    if nilai is None:
        return None
    try:
        hasil = _number_field(model, nama, k.judul).clean(nilai)
    except ValidationError as e:
        b.galat(e.messages[0])
        return None
    if hasil is None and wajib:
        b.galat(f"{k.judul}: wajib diisi.")
    return hasil


def read_rows(tabel: TabelUnggahan, kolom: list[Kolom], opd) -> tuple[list, dict]:
    """Every data row of a file with its cells (`b.sel`) and the column positions, for every
    kind of import: the row limit and the "Kode OPD" check of a row of another OPD are the
    same for all."""
    posisi = map_columns(kolom, tabel.header)
    maks = settings.SAKIP_IMPOR_MAKS_BARIS
    hasil = []
    for nomor, sel in tabel.baris:
        if len(hasil) >= maks:
            raise ValidationError(
                f"Berkas berisi lebih dari {format_angka(maks, 0)} baris data; "
                "pecah menjadi beberapa berkas.",
                code="berkas",
            )
        b = Baris(nomor)
        b.sel = sel
        if opd is not None and "kode_opd" in posisi:
            kode_opd = str(
                read_cell(b, sel, posisi, "kode_opd", KOLOM_KODE_OPD.judul) or ""
            ).strip()
            if kode_opd and kode_opd != opd.kode:
                b.galat(
                    f"Baris milik OPD lain (kode OPD {kode_opd}); berkas ini diimpor untuk "
                    f"{opd.nama} ({opd.kode})."
                )
        hasil.append(b)
    return hasil, posisi


def mark_duplicates(baris: list, kunci) -> None:
    """Mark every row whose key (`kunci(b)`, None to skip) an earlier row has already."""
    pertama = {}
    for b in baris:
        k = kunci(b)
        if k is None:
            continue
        if k in pertama:
            b.galat(f"Baris ganda: sama dengan baris {pertama[k]}.")
        else:
            pertama[k] = b.nomor
