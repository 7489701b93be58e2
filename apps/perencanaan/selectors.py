"""Reads of planning data with their rules."""

from django.db.models import OuterRef, QuerySet, Subquery

from .models import PerjanjianKinerja, PKIndikator, TargetTahunan


def pk_berlaku(opd_id: int, tahun: int) -> PerjanjianKinerja | None:
    """The PK in force for measuring a year: the latest final version (DOMAIN.md, cycle 4)."""
    return (
        PerjanjianKinerja.objects.filter(
            opd_id=opd_id, tahun=tahun, status=PerjanjianKinerja.Status.FINAL
        )
        .order_by("-versi")
        .first()
    )


def annotate_target(queryset: QuerySet, *, indikator_ref: str, tahun_ref: str,
                    opd_ref: str) -> QuerySet:
    """Annotate `target_pk` (from the latest final PK of the row's OPD and year) and
    `target_renstra` (the Renstra yearly target) onto any queryset, in the same query.

    The measurement target is target_pk, falling back to target_renstra when the year has no
    final PK; `target_sumber` says which one a page shows.
    """
    pk_terakhir = PerjanjianKinerja.objects.filter(
        opd_id=OuterRef(OuterRef(opd_ref)),
        tahun=OuterRef(OuterRef(tahun_ref)),
        status=PerjanjianKinerja.Status.FINAL,
    ).order_by("-versi").values("pk")[:1]
    target_pk = PKIndikator.objects.filter(
        indikator_id=OuterRef(indikator_ref), pk_dokumen_id=Subquery(pk_terakhir)
    ).values("target")[:1]
    target_renstra = TargetTahunan.objects.filter(
        indikator_id=OuterRef(indikator_ref), tahun=OuterRef(tahun_ref)
    ).values("target")[:1]
    return queryset.annotate(
        target_pk=Subquery(target_pk), target_renstra=Subquery(target_renstra)
    )
