"""Properties of the Indonesian number reader and writer (apps.core.angka), for every value
Hypothesis can think of, not only the examples of test_angka.py: what is written is read back
as the same number, what cannot be read unambiguously is refused with AngkaError, and nothing
else ever escapes."""

import re
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from apps.core.angka import (
    AngkaError,
    format_angka,
    format_isian,
    format_nilai,
    format_rupiah,
    parse_angka,
)

# What the models store: 18 digits, at most 4 after the comma (indicator values) or 2 (rupiah).
NILAI = st.decimals(
    min_value=Decimal("-99999999999999.9999"),
    max_value=Decimal("99999999999999.9999"),
    places=4,
    allow_nan=False,
    allow_infinity=False,
)
RUPIAH = st.decimals(
    min_value=0,
    max_value=Decimal("9999999999999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


@given(NILAI)
@example(Decimal("1500"))
@example(Decimal("1.5"))
@example(Decimal("-0.0001"))
def test_what_a_form_shows_is_read_back_as_the_same_number(nilai):
    """format_isian is what an input shows and what a csv export writes."""
    assert parse_angka(format_isian(nilai, 4), desimal=4) == nilai


@given(NILAI)
def test_a_number_written_with_its_decimals_is_read_back(nilai):
    teks = format_angka(nilai, 4)
    assert "," in teks
    assert parse_angka(teks, desimal=4) == nilai


@given(NILAI)
def test_a_stored_value_as_the_pages_show_it_is_read_back_or_refused_as_ambiguous(nilai):
    """format_nilai drops trailing zeros: `1.500` (1500) could also be read as 1,5, so it
    is refused with the message that says so; any other text reads back exactly."""
    teks = format_nilai(nilai)
    if re.fullmatch(r"-?\d{1,3}\.\d{3}", teks):
        with pytest.raises(AngkaError) as e:
            parse_angka(teks, desimal=4)
        assert e.value.code == "ambigu"
    else:
        assert parse_angka(teks, desimal=4) == nilai


@given(RUPIAH)
@example(Decimal("12500"))
@example(Decimal("15490556938"))
def test_rupiah_as_written_everywhere_is_read_back_in_a_money_field(nilai):
    for teks in (
        format_rupiah(nilai, sen=None),
        format_angka(nilai, 2),
        format_nilai(nilai),
        format_isian(nilai, 2),
    ):
        assert parse_angka(teks, desimal=2, rupiah=True) == nilai, teks


@given(st.text(alphabet="0123456789.,-+ Rp", max_size=24))
@example("1.234")
@example("12.5")
@example("1,2,3")
def test_any_text_is_a_number_or_a_refusal_with_a_message(teks):
    """Nothing but AngkaError escapes, a number that comes out is finite, and a text both
    readers (indicator and rupiah) accept means the same number to both unless its one dot
    is followed by exactly three digits, the case the indicator reader refuses."""
    hasil = {}
    for rupiah in (False, True):
        try:
            hasil[rupiah] = parse_angka(teks, desimal=4, rupiah=rupiah)
        except AngkaError as e:
            assert e.messages[0].startswith("Nilai: ")
            hasil[rupiah] = e
    for v in hasil.values():
        assert not isinstance(v, Decimal) or v.is_finite()
    if all(isinstance(v, Decimal) for v in hasil.values()):
        assert hasil[False] == hasil[True]


@given(st.text(max_size=40))
def test_any_unicode_text_never_fails_the_reader(teks):
    """Arabic-Indic or full-width digits, control characters, markup: refused, never an
    unexpected exception (the fuzzer sends them through every form)."""
    try:
        nilai = parse_angka(teks)
    except AngkaError:
        return
    assert nilai is None or nilai.is_finite()


@given(
    st.decimals(
        allow_nan=False,
        allow_infinity=False,
        places=6,
        min_value=Decimal("-1e12"),
        max_value=Decimal("1e12"),
    )
)
def test_more_decimals_than_the_field_stores_are_refused_never_rounded(nilai):
    teks = format_angka(nilai, None)
    try:
        hasil = parse_angka(teks, desimal=2)
    except AngkaError as e:
        assert e.code in ("desimal_berlebih", "ambigu")
        return
    assert hasil == nilai
