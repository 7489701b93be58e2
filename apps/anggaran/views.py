"""Budget pages: the DPA of an OPD's year as program -> kegiatan -> sub kegiatan with totals
computed from the lines, the budget per sasaran, the DPA murni against its DPPA, and the
monthly realisation grid. Views parse, call one service or selector, render."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify

from apps.core.akses import halaman, ke_tahun_ini, require_kemampuan, tahun_or_404
from apps.core.ekspor import FORMAT, unduhan
from apps.core.forms import TIDAK_DISIMPAN, report_galat
from apps.core.impor import importer
from apps.core.models import OPD
from apps.core.selectors import for_user, opd_for_user
from apps.core.tahun import pilihan_tahun
from apps.core.tugas import tugas_terhenti_fail

from . import resources, services
from .forms import BULAN, ImporForm, RealisasiBulanForm, RealisasiIndikatorForm
from .models import DPA, Impor, RealisasiAnggaran
from .selectors import (
    anggaran_semua_opd,
    banding_dpa,
    bulan_terakhir,
    impor_for_user,
    program_per_sasaran,
    rekap_dpa,
    rekap_per_sasaran,
    susunan_dpa,
)


def _bulan(teks, bawaan: int) -> int:
    try:
        bulan = int(teks)
    except (TypeError, ValueError):
        return bawaan
    return bulan if 1 <= bulan <= 12 else bawaan


def _dpa_tahun(opd, tahun) -> dict:
    return {d.jenis: d for d in DPA.objects.filter(opd=opd, tahun=tahun)}


@halaman()
def beranda(request):
    """An OPD user's budget of this year; for roles that see every OPD, every OPD's DPA of a
    year (?tahun=, this year by default) with its pagu, realisation and serapan up to the
    last month reported, each DPA murni and DPPA one click away."""
    if not request.user.kemampuan.sees_all_opd:
        return ke_tahun_ini(request.user, semua="anggaran:beranda", opd="anggaran:dpa")
    tahun = timezone.localdate().year
    if "tahun" in request.GET:
        try:
            tahun = tahun_or_404(int(request.GET["tahun"]))
        except (ValueError, Http404):
            messages.warning(request, "Tahun harus angka 2000 sampai 2100; ditampilkan tahun ini.")
    opds = list(opd_for_user(request.user).filter(aktif=True).order_by("kode"))
    return render(
        request,
        "anggaran/beranda.html",
        {
            "tahun": tahun,
            "tahun_list": pilihan_tahun(tahun, opd_ids=[o.pk for o in opds]),
            "baris": anggaran_semua_opd(opds, tahun),
            "bulan_list": BULAN,
        },
    )


@halaman()
def dpa(request, opd: OPD, tahun: int):
    """The DPA of a year (the DPPA when there is one, or ?jenis=murni) with every total
    computed from its lines, cumulative up to a month (?bulan=, default the last reported)
    or of that month alone (?cakupan=bulan), serapan everywhere and realisation above the
    pagu flagged; and the budget per sasaran of the Renstra."""
    unit = opd
    ada = _dpa_tahun(unit, tahun)
    jenis = request.GET.get("jenis")
    obj = ada.get(jenis) or ada.get(DPA.Jenis.PERUBAHAN) or ada.get(DPA.Jenis.MURNI)
    konteks = {
        "opd": unit,
        "tahun": tahun,
        "ada": ada,
        "dpa": obj,
        "tahun_list": pilihan_tahun(tahun, unit.pk),
        "bulan_list": BULAN,
    }
    if obj is None:
        return render(request, "anggaran/dpa.html", konteks)
    terakhir = bulan_terakhir(obj)
    bulan = _bulan(request.GET.get("bulan"), terakhir or 12)
    satu_bulan = request.GET.get("cakupan") == "bulan"
    pohon = rekap_dpa(obj, sampai_bulan=bulan, dari_bulan=bulan if satu_bulan else 1)
    sasaran_program = program_per_sasaran(unit.pk, tahun)
    # Rows of the tree in document order: program, its kegiatan, their lines.
    susunan = susunan_dpa(obj, pohon)
    konteks.update(
        {
            "pohon": pohon,
            "susunan": susunan,
            "bulan": bulan,
            "satu_bulan": satu_bulan,
            "terakhir": terakhir,
            "per_sasaran": rekap_per_sasaran(pohon, sasaran_program),
            "lebih": [(r, rr) for r, rr in pohon.baris if rr.melebihi_pagu],
            "boleh_ubah": request.user.kemampuan.can_edit_opd_data,
        }
    )
    return render(request, "anggaran/dpa.html", konteks)


@halaman()
def banding(request, opd: OPD, tahun: int):
    """DPA murni against its DPPA, line by line, with the totals of both."""
    unit = opd
    ada = _dpa_tahun(unit, tahun)
    if DPA.Jenis.MURNI not in ada or DPA.Jenis.PERUBAHAN not in ada:
        raise Http404("Tahun ini tidak memiliki DPA murni dan DPPA sekaligus.")
    murni, perubahan = ada[DPA.Jenis.MURNI], ada[DPA.Jenis.PERUBAHAN]
    return render(
        request,
        "anggaran/banding.html",
        {
            "opd": unit,
            "tahun": tahun,
            "baris": banding_dpa(murni, perubahan),
            "total_murni": rekap_dpa(murni).total.pagu,
            "total_perubahan": rekap_dpa(perubahan).total.pagu,
        },
    )


@halaman(metode=("GET", "POST"), kemampuan_kirim="can_edit_opd_data")
def realisasi(request, opd: OPD, tahun: int, bulan: int):
    """The month's realisation of every line of the DPA in force, saved all at once or
    nothing; each line shows its pagu, what was spent before the month and the serapan."""
    unit = opd
    if bulan not in BULAN:
        raise Http404
    ada = _dpa_tahun(unit, tahun)
    obj = ada.get(DPA.Jenis.PERUBAHAN) or ada.get(DPA.Jenis.MURNI)
    if obj is None:
        raise Http404("Belum ada DPA tahun ini.")
    sebelumnya = {
        r.pk: rr for r, rr in (rekap_dpa(obj, sampai_bulan=bulan - 1).baris if bulan > 1 else [])
    }
    sampai = rekap_dpa(obj, sampai_bulan=bulan)
    tersimpan = {
        r.rincian_id: r for r in RealisasiAnggaran.objects.filter(rincian__dpa=obj, bulan=bulan)
    }
    data = request.POST if request.method == "POST" else None
    forms = [
        RealisasiBulanForm(data, rincian=r, tersimpan=tersimpan.get(r.pk)) for r, _ in sampai.baris
    ]
    if request.method == "POST":
        if all(f.is_valid() for f in forms):
            try:
                n = services.realisasi_anggaran_save(
                    dpa=obj,
                    bulan=bulan,
                    isian={f.rincian: f.isian() for f in forms},
                    user=request.user,
                )
            except ValidationError as e:
                report_galat(request, e)
            else:
                messages.success(
                    request,
                    f"Realisasi {BULAN[bulan]} {tahun} tersimpan ({n} baris)."
                    if n
                    else "Tidak ada perubahan.",
                )
                return redirect("anggaran:realisasi", unit.pk, tahun, bulan)
        else:
            for f in forms:
                report_galat(request, f)
        messages.error(request, TIDAK_DISIMPAN)
    baris = [
        (f, rr, sebelumnya.get(f.rincian.pk))
        for f, (_, rr) in zip(forms, sampai.baris, strict=True)
    ]
    return render(
        request,
        "anggaran/realisasi.html",
        {
            "opd": unit,
            "tahun": tahun,
            "bulan": bulan,
            "nama_bulan": BULAN[bulan],
            "dpa": obj,
            "baris": baris,
            "total": sampai.total,
            "bulan_list": BULAN,
            "boleh_ubah": request.user.kemampuan.can_edit_opd_data,
        },
    )


@halaman(metode=("GET", "POST"), kemampuan_kirim="can_edit_opd_data")
def indikator(request, opd: OPD, tahun: int):
    """The year-end realisasi of the outcome indicator of every program and the output
    indicator of every kegiatan of the DPA in force, saved all at once or nothing: the
    program and kegiatan nodes of the pohon kinerja are measured with them. A program or
    kegiatan whose DPA states no indicator has nothing to enter and says so."""
    unit = opd
    ada = _dpa_tahun(unit, tahun)
    obj = ada.get(DPA.Jenis.PERUBAHAN) or ada.get(DPA.Jenis.MURNI)
    if obj is None:
        raise Http404("Belum ada DPA tahun ini.")
    susunan = susunan_dpa(obj, rekap_dpa(obj))
    data = request.POST if request.method == "POST" else None
    baris = []  # (tingkat, kode, nama, form or None)
    for p in susunan:
        f = RealisasiIndikatorForm(data, info=p.info) if p.info and p.info.indikator else None
        baris.append(("program", p.program, f))
        for k in p.kegiatan:
            fk = RealisasiIndikatorForm(data, info=k.info) if k.info and k.info.indikator else None
            baris.append(("kegiatan", k.kegiatan, fk))
    forms_ = [f for _, _, f in baris if f is not None]
    if request.method == "POST":
        if all(f.is_valid() for f in forms_):
            try:
                n = services.realisasi_indikator_dpa_save(
                    dpa=obj,
                    isian={f.info: f.cleaned_data["realisasi"] for f in forms_},
                    user=request.user,
                )
            except ValidationError as e:
                report_galat(request, e)
            else:
                messages.success(
                    request,
                    f"Realisasi indikator program dan kegiatan {tahun} tersimpan ({n} indikator)."
                    if n
                    else "Tidak ada perubahan.",
                )
                return redirect("anggaran:indikator", unit.pk, tahun)
        else:
            for f in forms_:
                report_galat(request, f)
        messages.error(request, TIDAK_DISIMPAN)
    return render(
        request,
        "anggaran/indikator.html",
        {
            "opd": unit,
            "tahun": tahun,
            "dpa": obj,
            "baris": baris,
            "boleh_ubah": request.user.kemampuan.can_edit_opd_data,
        },
    )


# ------------------------------------------------------------------------------------------
# Import and export
# ------------------------------------------------------------------------------------------


@halaman()
def templat(request, jenis: str, format: str):
    """An empty file with the importer's headers and one example row."""
    if jenis not in Impor.Jenis.values or format not in FORMAT:
        raise Http404
    return unduhan(importer(jenis).template(), f"templat-{jenis}", format)


@halaman()
def ekspor(request, opd: OPD, tahun: int, jenis: str, format: str):
    """The DPA in force's lines or monthly realisation in the importer's columns."""
    unit = opd
    if jenis not in ("dpa", "realisasi") or format not in FORMAT:
        raise Http404
    ada = _dpa_tahun(unit, tahun)
    obj = (
        ada.get(request.GET.get("jenis"))
        or ada.get(DPA.Jenis.PERUBAHAN)
        or ada.get(DPA.Jenis.MURNI)
    )
    if obj is None:
        raise Http404("Belum ada DPA tahun ini.")
    nama = slugify(f"{jenis} {unit.singkatan or unit.kode} {tahun} {obj.jenis}")
    return unduhan(resources.ekspor(jenis, obj, csv=format == "csv"), nama, format)


@halaman(metode=("GET", "POST"), kemampuan="can_edit_opd_data")
def impor_baru(request):
    """Upload a file to check: nothing is imported until the check is confirmed. An OPD
    user imports into their own OPD only; the nomenclature and the RPJMD targets are Bagian
    Organisasi's."""
    # A link may preselect the kind and the year (the RPJMD page's "Impor target IKU Pemda").
    awal = {k: request.GET[k][:20] for k in ("jenis", "tahun") if k in request.GET}
    form = ImporForm(
        request.POST or None,
        request.FILES or None,
        opd_qs=opd_for_user(request.user).filter(aktif=True).order_by("kode"),
        initial=awal,
    )
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            if d["jenis"] in Impor.JENIS_KABUPATEN:
                require_kemampuan(request.user, "can_manage_master")
            berkas = d["berkas"]
            try:
                obj = services.impor_create(
                    berkas=berkas,
                    nama=berkas.name,
                    jenis=d["jenis"],
                    user=request.user,
                    opd=d["opd"] if d["jenis"] not in Impor.JENIS_KABUPATEN else None,
                    tahun=d["tahun"] if d["jenis"] != Impor.Jenis.NOMENKLATUR else None,
                    jenis_dpa=d["jenis_dpa"] if d["jenis"] == Impor.Jenis.DPA else "",
                )
            except ValidationError as e:
                for pesan in e.messages:
                    form.add_error("berkas", pesan)
            else:
                return redirect("anggaran:impor", obj.pk)
        messages.error(request, "Berkas belum diperiksa: lihat pesan pada isian.")
    riwayat = for_user(Impor.objects.select_related("opd", "dibuat_oleh"), request.user)[:20]
    return render(
        request,
        "anggaran/impor_baru.html",
        {"form": form, "riwayat": riwayat, "jenis_list": Impor.Jenis.choices},
    )


@halaman(
    metode=("GET", "POST"), kemampuan_kirim="can_edit_opd_data", objek={"impor_id": impor_for_user}
)
def impor(request, impor: Impor):
    """A file's check: while the background job reads it, how far it got (the page reloads
    itself); then every row as baru, berubah, sama, salah (with why) or a stated total, and
    the stated totals that differ from their lines. POST starts the import of all rows or
    none."""
    obj = impor
    # A job whose worker died is given up here, so the page says so instead of polling.
    if obj.berjalan and tugas_terhenti_fail(Impor.objects.filter(pk=obj.pk)):
        obj.refresh_from_db()
    if request.method == "POST":
        if obj.jenis in Impor.JENIS_KABUPATEN:
            require_kemampuan(request.user, "can_manage_master")
        try:
            services.impor_confirm(obj=obj, user=request.user)
        except ValidationError as e:
            report_galat(request, e)
        return redirect("anggaran:impor", obj.pk)
    hasil = None
    if obj.status in (Impor.Status.DIPERIKSA, Impor.Status.DIIMPOR):
        try:
            hasil = services.impor_hasil(obj)
        except ValidationError as e:
            report_galat(request, e)
    halaman = Paginator(hasil.baris if hasil else [], 200).get_page(request.GET.get("hal"))
    # Every wrong row first, whatever page of the file it is on (at most 500 listed).
    salah = [b for b in hasil.baris if b.status == "galat"][:500] if hasil else []
    return render(
        request,
        "anggaran/impor.html",
        {
            "impor": obj,
            "hasil": hasil,
            "halaman": halaman,
            "salah": salah,
            "boleh_impor": (
                hasil is not None
                and not hasil.ada_galat
                and obj.status == Impor.Status.DIPERIKSA
                and request.user.kemampuan.can_edit_opd_data
            ),
        },
    )
