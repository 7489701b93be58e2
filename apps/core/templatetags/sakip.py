"""Template filters for Indonesian numbers; they call apps.core.angka and nothing else.

A value the template cannot find (a January's "previous month", a program without an
indicator row) reaches a filter as "" (string_if_invalid), not None: it shows as empty, like
None, instead of failing the page."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from apps.core import angka
from apps.core.validators import format_nip

register = template.Library()


def _kosong(nilai) -> bool:
    return nilai is None or nilai == ""


@register.filter
def angka_id(nilai, desimal=2):
    if _kosong(nilai):
        return ""
    return angka.format_angka(nilai, int(desimal))


@register.filter
def triwulan(nomor):
    """3 -> "Triwulan III": one way to name a triwulan everywhere."""
    return angka.nama_triwulan(nomor)


@register.filter
def rupiah(nilai):
    """`Rp 1.500.000.000`; the sen only when there are any (never rounded away)."""
    if _kosong(nilai):
        return ""
    return angka.format_rupiah(nilai, sen=None)


@register.filter
def utuh(teks):
    """A figure with its unit on one line in print ("113,16 %", "Rp 864.918.744"): its
    spaces become non-breaking, so a line never ends between the number and its unit."""
    return mark_safe(conditional_escape(teks).replace(" ", "&nbsp;"))  # noqa: S308 - escaped


@register.filter
def persen(nilai, desimal=2):
    if _kosong(nilai):
        return ""
    return angka.format_persen(nilai, int(desimal))


@register.filter
def nilai_id(nilai):
    """A stored indicator value as typed: 78,2 rather than 78,2000; empty for None."""
    if _kosong(nilai):
        return ""
    return angka.format_nilai(nilai)


@register.filter
def get_item(mapping, kunci):
    return mapping.get(kunci, "")


@register.filter
def nip(nilai):
    """18 digits as documents print them: 19670227 198601 1 001."""
    return format_nip(nilai)
