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
    """The budget kinds in the table of importers (apps.core.impor); AnggaranConfig.ready.
    Each kind's check and apply take the upload's table and what the kind needs of the
    import (the OPD, the year, the DPA's kind, who imports)."""
    for jenis, check, apply in (
        (
            "nomenklatur",
            lambda tabel, **_: check_nomenklatur(tabel),
            lambda tabel, **_: apply_nomenklatur(tabel),
        ),
        (
            "dpa",
            lambda tabel, *, opd, tahun, jenis_dpa=None, **_: check_dpa(
                tabel, opd=opd, tahun=tahun, jenis=jenis_dpa
            ),
            lambda tabel, *, opd, tahun, jenis_dpa=None, **_: apply_dpa(
                tabel, opd=opd, tahun=tahun, jenis=jenis_dpa
            ),
        ),
        (
            "realisasi",
            lambda tabel, *, opd, tahun, **_: check_realisasi(tabel, opd=opd, tahun=tahun),
            lambda tabel, *, opd, tahun, user=None, **_: apply_realisasi(
                tabel, opd=opd, tahun=tahun, user=user
            ),
        ),
    ):
        register_importer(
            Pengimpor(
                jenis,
                JUDUL[jenis],
                kolom=tuple(KOLOM[jenis]),
                check=check,
                apply=apply,
                template=lambda _j=jenis: templat(_j),
            )
        )
