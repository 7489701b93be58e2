"""Numbers the Indonesian way: `1.234.567,89`, `78,2`, `Rp 15.490.556.938`.

Parsing accepts the Indonesian form and also `78.2` where it cannot be misread; an input that
could mean two different numbers (`1.234`: one thousand two hundred thirty-four, or 1,234?)
is refused with a message that says so. Nothing is ever rounded or truncated silently:
an input with more decimals than the field stores is an error, not a rounded value.
Rounding happens only for display, half-up.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError

_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")


class AngkaError(ValidationError):
    pass


def parse_angka(
    teks,
    *,
    desimal: int = 4,
    boleh_negatif: bool = True,
    label: str = "Nilai",
    rupiah: bool = False,
) -> Decimal | None:
    """Parse a number typed by a user; None for an empty input.

    Rules: `,` is the decimal separator and `.` groups thousands (`1.234.567,89`); a single
    `.` followed by other than exactly three digits is a decimal point (`78.2`, `79.41`);
    `1.234` alone is ambiguous and refused; letters, NaN, infinity, two decimal separators,
    wrongly grouped thousands, negative numbers where not allowed and more than `desimal`
    decimals are refused with a message naming `label`.

    `rupiah`: in a money field a dot always groups thousands (`12.500` is twelve thousand five
    hundred: rupiah in these documents carry no decimals, so there is nothing to confuse it
    with); a dot that does not group three digits (`12.5`) is refused, and sen are written
    after a comma (`12.500,50`).
    """
    if teks is None:
        return None
    if isinstance(teks, Decimal | int):
        nilai = Decimal(teks)
        return _cek(nilai, teks, desimal, boleh_negatif, label)
    if isinstance(teks, float):
        raise AngkaError(f"{label}: angka pecahan biner tidak diterima; kirim sebagai teks.")
    s = str(teks).strip().replace("\u00a0", " ")
    if s == "":
        return None
    s = re.sub(r"^Rp\.?\s*", "", s, flags=re.IGNORECASE).replace(" ", "")
    negatif = s.startswith("-")
    if negatif or s.startswith("+"):
        s = s[1:]
    if not s or not re.fullmatch(r"[0-9.,]+", s) or not s[0].isdigit() or not s[-1].isdigit():
        raise AngkaError(
            f"{label}: “{teks}” bukan angka. Tulis angka seperti 78,2 atau 1.234.567,89.",
            code="bukan_angka",
        )
    if s.count(",") > 1:
        raise AngkaError(
            f"{label}: “{teks}” memiliki lebih dari satu koma; koma adalah pemisah desimal.",
            code="koma_ganda",
        )
    if "," in s:
        bulat, pecahan = s.split(",")
        if "." in bulat and not _GROUPED.match(bulat):
            raise AngkaError(
                f"{label}: pemisah ribuan pada “{teks}” tidak tepat; "
                "titik memisahkan setiap tiga angka, misalnya 1.234.567,89.",
                code="ribuan_salah",
            )
        normal = bulat.replace(".", "") + "." + pecahan
    elif s.count(".") == 0:
        normal = s
    elif rupiah or s.count(".") > 1:
        # Only grouping dots: always so in rupiah, and where there are two or more.
        if not _GROUPED.match(s):
            aturan = (
                "pada rupiah titik memisahkan setiap tiga angka (12.500) dan koma "
                "menandai sen (12.500,50)."
                if rupiah
                else "titik memisahkan setiap tiga angka dan koma menandai desimal."
            )
            raise AngkaError(
                f"{label}: pemisah ribuan pada “{teks}” tidak tepat; {aturan}", code="ribuan_salah"
            )
        normal = s.replace(".", "")
    else:
        bulat, pecahan = s.split(".")
        if len(pecahan) == 3:
            raise AngkaError(
                f"{label}: “{teks}” bermakna ganda: {bulat}.{pecahan} (ribuan) atau "
                f"{bulat},{pecahan} (desimal). Tulis {bulat}{pecahan} atau {bulat},{pecahan}.",
                code="ambigu",
            )
        normal = s
    try:
        nilai = Decimal(normal)
    except InvalidOperation:
        raise AngkaError(f"{label}: “{teks}” bukan angka.", code="bukan_angka") from None
    if negatif:
        nilai = -nilai
    return _cek(nilai, teks, desimal, boleh_negatif, label)


def _cek(nilai: Decimal, teks, desimal: int, boleh_negatif: bool, label: str) -> Decimal:
    if not nilai.is_finite():
        raise AngkaError(f"{label}: “{teks}” bukan angka yang terhingga.", code="bukan_angka")
    if nilai < 0 and not boleh_negatif:
        raise AngkaError(f"{label}: nilai tidak boleh negatif.", code="negatif")
    exp = nilai.normalize().as_tuple().exponent
    if isinstance(exp, int) and -exp > desimal:
        raise AngkaError(
            f"{label}: paling banyak {desimal} angka di belakang koma; “{teks}” memiliki "
            f"{-exp}. Nilai tidak dibulatkan otomatis.",
            code="desimal_berlebih",
        )
    return nilai


def bulatkan(nilai: Decimal, desimal: int = 2) -> Decimal:
    """Round half-up for display (never for storage)."""
    return nilai.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def format_angka(nilai, desimal: int | None = 2, *, buang_nol: bool = False) -> str:
    """`Decimal("1234567.891")` -> `1.234.567,89`. None -> "" .

    `desimal=None` keeps the stored decimals; `buang_nol` drops trailing zeros (78,20 -> 78,2).
    """
    if nilai is None:
        return ""
    nilai = Decimal(nilai)
    if desimal is not None:
        nilai = bulatkan(nilai, desimal)
    if buang_nol and nilai == nilai.to_integral_value():
        nilai = nilai.quantize(Decimal(1))
    elif buang_nol:
        nilai = nilai.normalize()
    tanda = "-" if nilai < 0 else ""
    teks = f"{abs(nilai):f}"
    bulat, _, pecahan = teks.partition(".")
    bulat = f"{int(bulat):,}".replace(",", ".")
    return f"{tanda}{bulat},{pecahan}" if pecahan else f"{tanda}{bulat}"


def format_nilai(nilai) -> str:
    """An indicator value or target as stored, written as typed: `78,2` rather than `78,2000`,
    never rounded; "" for None."""
    return format_angka(nilai, None, buang_nol=True)


def format_isian(nilai, desimal: int = 2) -> str:
    """A stored number written so that parse_angka reads it back as the same value, for an
    input or a csv cell: format_nilai, with its decimals written out (`,00`, or `,0` for a
    column of one decimal) where a whole number with exactly one thousands group would be
    refused as ambiguous (`1.500` could be 1,5). A column without decimals gets none."""
    teks = format_nilai(nilai)
    if desimal and "," not in teks and teks.count(".") == 1:
        teks += "," + "0" * min(desimal, 2)
    return teks


def format_rupiah(nilai, *, sen: bool | None = False) -> str:
    """`Decimal("15490556938")` -> `Rp 15.490.556.938`; `sen=True` always writes the sen,
    `sen=None` only when there are any (a difference of 40 sen must not read "Rp 0")."""
    if nilai is None:
        return ""
    if sen is None:
        sen = Decimal(nilai) != Decimal(nilai).to_integral_value()
    return f"Rp {format_angka(nilai, 2 if sen else 0)}"


def format_persen(nilai, desimal: int = 2) -> str:
    """`Decimal("101.5473")` -> `101,55 %`."""
    if nilai is None:
        return ""
    return f"{format_angka(nilai, desimal)} %"


# Triwulan as the documents write them: TW I ... TW IV.
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def nama_triwulan(nomor: int, tahun: int | None = None) -> str:
    """3 -> "Triwulan III", with a year "Triwulan III 2026": the one way a triwulan is named
    on pages, in messages, exports and charts (never "TW 3" or "Triwulan 3")."""
    nama = f"Triwulan {ROMAWI.get(nomor, nomor)}"
    return f"{nama} {tahun}" if tahun is not None else nama
