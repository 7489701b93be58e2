"""The planning kinds of import in the table of importers (apps.core.impor), with the
template each offers; PerencanaanConfig.ready calls register()."""

from apps.core.impor import Pengimpor, register_importer

from .impor import (
    JUDUL,
    apply_matriks_renstra,
    apply_target_pk,
    apply_target_renstra,
    apply_target_rpjmd,
    check_matriks_renstra,
    check_target_pk,
    check_target_renstra,
    check_target_rpjmd,
)
from .resources import templat


def register() -> None:
    """The planning kinds in the table of importers (apps.core.impor); PerencanaanConfig.ready."""
    fungsi = {
        "target_renstra": (check_target_renstra, apply_target_renstra),
        "target_pk": (check_target_pk, apply_target_pk),
        "matriks_renstra": (check_matriks_renstra, apply_matriks_renstra),
    }
    for jenis, (periksa, terapkan) in fungsi.items():
        register_importer(
            Pengimpor(
                jenis,
                JUDUL[jenis],
                check=lambda tabel, *, opd, tahun, _f=periksa, **_: _f(tabel, opd=opd, tahun=tahun),
                apply=lambda tabel, *, opd, tahun, user=None, _f=terapkan, **_: _f(
                    tabel, opd=opd, tahun=tahun, user=user
                ),
                template=lambda _j=jenis: templat(_j),
            )
        )
    # The RPJMD's targets belong to the kabupaten, not to an OPD: the year picks the period.
    register_importer(
        Pengimpor(
            "target_rpjmd",
            JUDUL["target_rpjmd"],
            check=lambda tabel, *, tahun, **_: check_target_rpjmd(tabel, tahun=tahun),
            apply=lambda tabel, *, tahun, user=None, **_: apply_target_rpjmd(
                tabel, tahun=tahun, user=user
            ),
            template=lambda: templat("target_rpjmd"),
        )
    )
