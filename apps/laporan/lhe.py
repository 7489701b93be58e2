"""The Laporan Hasil Evaluasi (LHE) of an OPD's Evaluasi AKIP (PermenPAN-RB 88/2021): the
Inspektorat's kop, the score of every component and the total with its grade (the evaluation's
recorded score when final, else skor_lke of the answers so far), the findings and the
recommendations per component, and the signature blocks of the ketua tim and the Inspektur.
A draft carries DRAF on every page; the final one is rendered once when the ketua tim
approves (apps.laporan.evaluasi.evaluasi_setujui), as PDF/A-3b with its verification code and
QR code, stored with its checksum and never rendered again (like the final LKjIP)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from apps.core.models import OPD, Pemda
from apps.core.pdf import render_pdf
from apps.pengukuran.selectors import tanggal_id

from .kode_verifikasi import verifikasi
from .models import EvaluasiLKE


@dataclass
class DokumenLHE:
    evaluasi: EvaluasiLKE
    opd: OPD
    pemda: Pemda | None
    lembar: object  # apps.laporan.evaluasi.LembarEvaluasi
    draf: bool

    @property
    def tahun(self) -> int:
        return self.evaluasi.tahun

    @property
    def nilai(self) -> Decimal:
        if self.evaluasi.status == EvaluasiLKE.Status.FINAL:
            return self.evaluasi.nilai
        return self.lembar.skor.total

    @property
    def predikat(self) -> str:
        if self.evaluasi.status == EvaluasiLKE.Status.FINAL:
            return self.evaluasi.predikat
        p = self.lembar.skor.predikat
        return p.huruf if p is not None and self.lembar.skor.lengkap else ""

    @property
    def uraian_predikat(self) -> str:
        for p in self.lembar.kuesioner.predikat.all():
            if p.huruf == self.predikat:
                return p.uraian
        return ""

    @property
    def nama_pemerintah(self) -> str:
        return self.pemda.nama_pemerintah if self.pemda else "Pemerintah Kabupaten"

    @property
    def ketua_tim(self) -> str:
        """The name of the ketua tim who approved it (a dotted line until then)."""
        u = self.evaluasi.disetujui_oleh
        return (u.get_full_name() or u.username) if u else ""

    @property
    def tempat_tanggal(self) -> str:
        tempat = self.pemda.ibu_kota if self.pemda else ""
        tanggal = self.evaluasi.disetujui_pada
        if tanggal is None:
            return f"{tempat}, ........................ {self.tahun + 1}"
        return f"{tempat}, {tanggal_id(timezone.localtime(tanggal).date())}"


def dokumen_lhe(evaluasi: EvaluasiLKE, lembar) -> DokumenLHE:
    """`lembar`: the evaluation's apps.laporan.evaluasi.LembarEvaluasi (computed there; this
    module is below it and does not import it)."""
    return DokumenLHE(
        evaluasi,
        evaluasi.opd,
        Pemda.objects.first(),
        lembar,
        evaluasi.status != EvaluasiLKE.Status.FINAL,
    )


def render_lhe(dok: DokumenLHE, *, kode: str = "") -> bytes:
    """The LHE as A4 PDF bytes: the draft (DRAF on every page), or with `kode` the final
    document, PDF/A-3b with the verification block after the signatures."""
    if not kode:
        return render_pdf("laporan/lhe_pdf.html", {"dok": dok, "draf": True, "bernomor": True})
    return render_pdf(
        "laporan/lhe_pdf.html",
        {"dok": dok, "draf": False, "bernomor": True, "verifikasi": verifikasi(kode)},
        pdf_variant="pdf/a-3b",
    )
