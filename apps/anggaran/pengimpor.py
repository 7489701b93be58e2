"""The budget's kinds of import in the table of importers (apps.core.impor), with the
template each offers; AnggaranConfig.ready calls register()."""

from apps.core.impor import Pengimpor, register_importer

from .impor import (
    JUDUL,
    KOLOM,
    apply_dpa,
    apply_nomenklatur,
    apply_realisasi,
    check_dpa,
    check_nomenklatur,
    check_realisasi,
)
from .resources import templat


def register() -> None:
    """The budget kinds in the table of importers (apps.core.impor); AnggaranConfig.ready."""
    register_importer(
        Pengimpor(
            "nomenklatur",
            JUDUL["nomenklatur"],
            kolom=tuple(KOLOM["nomenklatur"]),
            check=lambda tabel, **_: check_nomenklatur(tabel),
            apply=lambda tabel, **_: apply_nomenklatur(tabel),
            template=lambda: templat("nomenklatur"),
        )
    )
    register_importer(
        Pengimpor(
            "dpa",
            JUDUL["dpa"],
            kolom=tuple(KOLOM["dpa"]),
            check=lambda tabel, *, opd, tahun, jenis_dpa=None, **_: check_dpa(
                tabel, opd=opd, tahun=tahun, jenis=jenis_dpa
            ),
            apply=lambda tabel, *, opd, tahun, jenis_dpa=None, **_: apply_dpa(
                tabel, opd=opd, tahun=tahun, jenis=jenis_dpa
            ),
            template=lambda: templat("dpa"),
        )
    )
    register_importer(
        Pengimpor(
            "realisasi",
            JUDUL["realisasi"],
            kolom=tuple(KOLOM["realisasi"]),
            check=lambda tabel, *, opd, tahun, **_: check_realisasi(tabel, opd=opd, tahun=tahun),
            apply=lambda tabel, *, opd, tahun, user=None, **_: apply_realisasi(
                tabel, opd=opd, tahun=tahun, user=user
            ),
            template=lambda: templat("realisasi"),
        )
    )
