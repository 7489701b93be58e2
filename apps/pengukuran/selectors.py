"""Reads of measurement data with their rules."""

from django.db.models import QuerySet, Subquery

from apps.core.models import Pemda
from apps.perencanaan.selectors import annotate_target

from . import capaian as engine
from .models import Realisasi


def realisasi_dengan_target(queryset: QuerySet[Realisasi] | None = None) -> QuerySet[Realisasi]:
    """Realisasi rows annotated with their measurement target and the kabupaten's negative
    polarity rule, so capaian can be computed per row without further queries."""
    qs = Realisasi.objects.all() if queryset is None else queryset
    qs = annotate_target(
        qs,
        indikator_ref="indikator_id",
        tahun_ref="tahun",
        opd_ref="indikator__sasaran__tujuan__renstra__opd_id",
    )
    rumus = Pemda.objects.values("rumus_polaritas_negatif")[:1]
    return qs.annotate(rumus_negatif=Subquery(rumus)).select_related(
        "indikator__sasaran__tujuan__renstra__opd"
    )


def target_pengukuran(obj: Realisasi):
    """(target, sumber): the final PK's target, else the Renstra target of the year."""
    if getattr(obj, "target_pk", None) is not None:
        return obj.target_pk, "PK"
    if getattr(obj, "target_renstra", None) is not None:
        return obj.target_renstra, "Renstra"
    return None, ""


def capaian_realisasi(obj: Realisasi) -> engine.Hasil:
    """Capaian of one triwulan value against the measurement target (annotated rows)."""
    target, _ = target_pengukuran(obj)
    return engine.capaian(
        target,
        obj.nilai,
        polaritas=obj.indikator.polaritas,
        rumus_negatif=getattr(obj, "rumus_negatif", None) or Pemda.RumusNegatif.SELISIH,
    )
