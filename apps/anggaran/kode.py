"""Codes of the national nomenclature of program / kegiatan / sub kegiatan.

Kepmendagri 050-5889/2021 (and its updates) numbers them
`urusan.bidang.program.kegiatan.subkegiatan`: program `7.01.02`, kegiatan `7.01.02.2.01`,
sub kegiatan `7.01.02.2.01.02`, which newer nomenclature writes with four digits
(`7.01.02.2.01.0002`); both name the same sub kegiatan and are stored in the four-digit form.
The supporting program every OPD carries is written `01` / `01.2.01` / `01.2.01.01` inside an
OPD's documents and is expanded with the OPD's urusan/bidang (`7.01` -> `7.01.01.2.01.0001`).

Before 2021 (Permendagri 13/2006) codes were comma separated: program `4,01,05,01`,
kegiatan `4,01,05,01,20`; they are kept as the historical scheme, with no sub kegiatan level.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models


class Skema(models.TextChoices):
    KEPMENDAGRI_050 = "050", "Kepmendagri 050-5889/2021 (sejak 2021)"
    PERMENDAGRI_13 = "13", "Permendagri 13/2006 (sebelum 2021)"


class Tingkat(models.TextChoices):
    PROGRAM = "program", "Program"
    KEGIATAN = "kegiatan", "Kegiatan"
    SUB_KEGIATAN = "subkegiatan", "Sub Kegiatan"


_BIDANG = r"[0-9X]\.[0-9X]{2}"
POLA = {
    (Skema.KEPMENDAGRI_050, Tingkat.PROGRAM): re.compile(rf"^{_BIDANG}\.\d{{2}}$"),
    (Skema.KEPMENDAGRI_050, Tingkat.KEGIATAN): re.compile(rf"^{_BIDANG}\.\d{{2}}\.\d\.\d{{2}}$"),
    (Skema.KEPMENDAGRI_050, Tingkat.SUB_KEGIATAN): re.compile(
        rf"^{_BIDANG}\.\d{{2}}\.\d\.\d{{2}}\.\d{{4}}$"
    ),
    (Skema.PERMENDAGRI_13, Tingkat.PROGRAM): re.compile(r"^\d,\d{2},\d{2},\d{2}$"),
    (Skema.PERMENDAGRI_13, Tingkat.KEGIATAN): re.compile(r"^\d,\d{2},\d{2},\d{2},\d{2}$"),
}
CONTOH = {
    (Skema.KEPMENDAGRI_050, Tingkat.PROGRAM): "7.01.02",
    (Skema.KEPMENDAGRI_050, Tingkat.KEGIATAN): "7.01.02.2.01",
    (Skema.KEPMENDAGRI_050, Tingkat.SUB_KEGIATAN): "7.01.02.2.01.02 atau 7.01.02.2.01.0002",
    (Skema.PERMENDAGRI_13, Tingkat.PROGRAM): "4,01,05,01",
    (Skema.PERMENDAGRI_13, Tingkat.KEGIATAN): "4,01,05,01,20",
}


@dataclass(frozen=True)
class Kode:
    """A parsed code: its scheme, level and canonical text."""

    teks: str
    skema: str
    tingkat: str

    @property
    def induk(self) -> str | None:
        """The parent's code, derived from the code itself."""
        if self.tingkat == Tingkat.PROGRAM:
            return None
        if self.skema == Skema.PERMENDAGRI_13:
            return self.teks.rsplit(",", 1)[0]
        if self.tingkat == Tingkat.KEGIATAN:
            return self.teks.rsplit(".", 2)[0]
        return self.teks.rsplit(".", 1)[0]


def _expand_penunjang(teks: str, kode_bidang: str | None) -> str:
    """`01.2.01.01` inside an OPD's document means `<bidang>.01.2.01.01`."""
    if kode_bidang and re.match(r"^01(\.\d\.\d{2}(\.\d{2,4})?)?$", teks):
        return f"{kode_bidang}.{teks}"
    return teks


def parse_kode(teks: str, *, kode_bidang: str | None = None) -> Kode:
    """Recognise a nomenclature code or raise ValidationError saying what is wrong with it.

    Whitespace around the code is ignored; a two-digit sub kegiatan number is widened to the
    four-digit form; a supporting-program code written without urusan/bidang is expanded
    with `kode_bidang` (the OPD's context).
    """
    raw = (teks or "").strip()
    if not raw:
        raise ValidationError("Kode kosong.", code="kode_kosong")
    kode = _expand_penunjang(raw, kode_bidang)
    if "," in kode:
        skema = Skema.PERMENDAGRI_13
        n = kode.count(",") + 1
        tingkat = {4: Tingkat.PROGRAM, 5: Tingkat.KEGIATAN}.get(n)
    else:
        skema = Skema.KEPMENDAGRI_050
        parts = kode.split(".")
        tingkat = {3: Tingkat.PROGRAM, 5: Tingkat.KEGIATAN, 6: Tingkat.SUB_KEGIATAN}.get(len(parts))
        if tingkat == Tingkat.SUB_KEGIATAN and re.fullmatch(r"\d{2}", parts[-1]):
            kode = ".".join(parts[:-1] + [parts[-1].zfill(4)])
    if tingkat is None or not POLA[(skema, tingkat)].match(kode):
        if kode_bidang is None and re.match(r"^01(\.\d\.\d{2}(\.\d{2,4})?)?$", raw):
            raise ValidationError(
                "Kode %(kode)s adalah kode program penunjang tanpa urusan/bidang; "
                "isi dalam konteks OPD (misalnya 7.01.%(kode)s).",
                params={"kode": raw},
                code="kode_tanpa_bidang",
            )
        raise ValidationError(
            "Kode %(kode)s tidak dikenali. Bentuk yang diterima: program 7.01.02, kegiatan "
            "7.01.02.2.01, sub kegiatan 7.01.02.2.01.02 atau 7.01.02.2.01.0002; "
            "kode lama (sebelum 2021): 4,01,05,01 dan 4,01,05,01,20.",
            params={"kode": raw},
            code="kode_bentuk",
        )
    return Kode(teks=kode, skema=skema, tingkat=tingkat)


def validate_kode(teks: str, *, tingkat: str, skema: str | None = None) -> Kode:
    """Parse and require a given level (and scheme when given)."""
    kode = parse_kode(teks)
    if kode.tingkat != tingkat:
        raise ValidationError(
            "Kode %(kode)s adalah kode %(ada)s, bukan kode %(harus)s (contoh: %(contoh)s).",
            params={
                "kode": teks,
                "ada": Tingkat(kode.tingkat).label.lower(),
                "harus": Tingkat(tingkat).label.lower(),
                "contoh": CONTOH[(skema or kode.skema, tingkat)]
                if (skema or kode.skema, tingkat) in CONTOH
                else "-",
            },
            code="kode_tingkat",
        )
    if skema is not None and kode.skema != skema:
        raise ValidationError(
            "Kode %(kode)s memakai skema %(ada)s, sedangkan induknya memakai skema %(harus)s.",
            params={"kode": teks, "ada": Skema(kode.skema).label, "harus": Skema(skema).label},
            code="kode_skema",
        )
    return kode


def tampil_kode(teks: str, kode_bidang: str | None = None) -> str:
    """Short form for an OPD's documents: the supporting program without urusan/bidang."""
    if kode_bidang and teks.startswith(f"{kode_bidang}.01"):
        return teks[len(kode_bidang) + 1 :]
    return teks
