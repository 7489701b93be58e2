"""The kinds of import and who handles them: each app registers its importers in its
AppConfig.ready, so the import job, its pages and its templates reach every kind through one
table and no app imports another's importer.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

from .baris import HasilImpor, Kolom


@dataclass(frozen=True)
class Pengimpor:
    """One kind of import.

    `check(tabel, *, opd, tahun, jenis_dpa)` classifies every row and writes nothing;
    `apply(tabel, *, opd, tahun, jenis_dpa, user)` checks again and writes every row or none
    (the caller holds the transaction); `template()` is the empty file to fill in, with the
    headers `check` reads.
    """

    jenis: str
    judul: str
    check: Callable[..., HasilImpor]
    apply: Callable[..., HasilImpor]
    template: Callable[[], object]
    kolom: tuple[Kolom, ...] = ()


_PENGIMPOR: dict[str, Pengimpor] = {}


def register_importer(pengimpor: Pengimpor) -> None:
    lama = _PENGIMPOR.get(pengimpor.jenis)
    if lama is not None and lama != pengimpor:
        raise ImproperlyConfigured(f"Impor jenis {pengimpor.jenis!r} didaftarkan dua kali.")
    _PENGIMPOR[pengimpor.jenis] = pengimpor


def importer(jenis: str) -> Pengimpor:
    """The importer of a kind; LookupError for a kind no app registered."""
    try:
        return _PENGIMPOR[jenis]
    except KeyError:
        raise LookupError(f"Tidak ada pengimpor untuk jenis {jenis!r}.") from None


def registered_kinds() -> list[str]:
    return sorted(_PENGIMPOR)
