"""The years with data, for the year pickers of every page: each app that keeps rows by year
registers where its years are (AppConfig.ready), so a budget page can offer the years of a
Renstra or of realisasi without importing the apps above it."""

from collections.abc import Callable, Iterable

from django.utils import timezone

# name -> function(opd_ids or None for all OPDs) -> the years with rows
_SUMBER: dict[str, Callable[[list[int] | None], Iterable[int]]] = {}


def register_year_source(nama: str, fungsi: Callable[[list[int] | None], Iterable[int]]) -> None:
    _SUMBER[nama] = fungsi


def tahun_berdata(opd_ids: Iterable[int] | None = None) -> set[int]:
    """The years in which the OPDs (all when None) have data: a Renstra period, a PK, a DPA,
    a realisasi (one query per registered source)."""
    ids = None if opd_ids is None else list(opd_ids)
    tahun = set()
    for fungsi in _SUMBER.values():
        tahun.update(fungsi(ids))
    return tahun


def pilihan_tahun(
    tahun: int, opd_id: int | None = None, *, opd_ids: list[int] | None = None
) -> list[int]:
    """The years a page's year picker offers: the one shown and its neighbours, this year, and
    every year the OPD (or the OPDs `opd_ids`, or any OPD without either) has data in, so an
    old report or DPA is one click away (the 2019 DPA of the demo could only be reached by
    typing its address)."""
    kini = timezone.localdate().year
    if opd_id is not None:
        opd_ids = [opd_id]
    pilihan = {tahun - 1, tahun, tahun + 1, kini} | tahun_berdata(opd_ids)
    return sorted(t for t in pilihan if 2000 <= t <= 2100)


def years_of(queryset, opd_path: str, field: str = "tahun"):
    """A year source over one model: the distinct `field` of `queryset`, limited to the OPDs
    through `opd_path` (e.g. "opd_id") when ids are given."""

    def sumber(opd_ids: list[int] | None) -> Iterable[int]:
        qs = queryset if opd_ids is None else queryset.filter(**{f"{opd_path}__in": opd_ids})
        return qs.order_by().values_list(field, flat=True).distinct()

    return sumber
