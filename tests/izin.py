"""The role × URL permission tables of the tests, declared one way.

A table is a list of rows `(url name, method, statuses)`, the statuses in the order of
`PERAN` (the demo's roles, and `anonim` for no login): `kasus(TABEL)` makes one test case
per URL, method and role, with an id `name-METHOD-role-status` that says which cell failed.
`SEMUA` (every role may open it, the anonymous visitor is sent to the login) and
`SALAH_METODE` (a method the page does not accept) are the two rows most tables repeat."""

import pytest

PERAN = (
    "admin",
    "verifikator",
    "inspektorat",
    "operator.kecamatan",
    "pimpinan.kecamatan",
    "operator.organisasi",
    "anonim",
)
SEMUA = (200, 200, 200, 200, 200, 200, 302)
SALAH_METODE = (405, 405, 405, 405, 405, 405, 302)


def kasus(tabel, peran=PERAN) -> list:
    """One pytest.param(nama, metode, peran, status) per cell of a permission table."""
    return [
        pytest.param(nama, metode, p, status, id=f"{nama.split(':')[-1]}-{metode}-{p}-{status}")
        for nama, metode, statuses in tabel
        for p, status in zip(peran, statuses, strict=True)
    ]
