"""Planning pages: the Renstra tree and IKU, the Perjanjian Kinerja with its versions, the
PK document as a PDF, the consistency checks. Views parse, call one service or selector,
render."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from apps.core.akses import halaman, opd_sendiri, require_kemampuan
from apps.core.ekspor import FORMAT, unduhan
from apps.core.forms import TIDAK_DISIMPAN, pesan_galat, report_galat
from apps.core.models import OPD, PeriodeRPJMD
from apps.core.pdf import render_pdf
from apps.core.selectors import for_user, opd_for_user
from apps.core.tahun import pilihan_tahun

from . import resources, services
from .forms import (
    IKUForm,
    IndikatorBaruForm,
    IndikatorForm,
    PeriodeForm,
    PerubahanForm,
    PKBaruForm,
    PKBupatiForm,
    PKBupatiTargetForm,
    PKDokumenForm,
    PKIndikatorTambahForm,
    PKJenjangBaruForm,
    PKJenjangForm,
    PKJenjangTargetForm,
    PKProgramForm,
    PKProgramTambahForm,
    PKTargetForm,
    RenstraBaruForm,
    SasaranBaruForm,
    SasaranForm,
    TujuanBaruForm,
    TujuanForm,
    misi_queryset,
)
from .models import (
    IndikatorKinerja,
    PerjanjianKinerja,
    PKBupati,
    PKJenjang,
    Renstra,
    Sasaran,
    Tujuan,
)
from .selectors import (
    JENIS_PERINGATAN,
    konsistensi,
    periode_rpjmd_tahun,
    pk_banding,
    pk_bupati_dokumen,
    pk_dokumen,
    pk_jenjang_dokumen,
    pk_tahun,
    pohon_renstra,
    program_opd,
    renstra_tahun,
    rpjmd_periode,
    sasaran_daerah_periode,
    unsur_pk_jenjang,
)


def _renstra_qs(user):
    return for_user(Renstra.objects.select_related("opd", "periode_rpjmd"), user)


def _pk_qs(user):
    return for_user(PerjanjianKinerja.objects.select_related("opd"), user)


def _tahun_halaman(request, renstra: Renstra) -> int:
    """The year a Renstra page checks: ?tahun= within the period, else this year clamped
    into the period."""
    try:
        tahun = int(request.GET.get("tahun", ""))
    except ValueError:
        tahun = timezone.localdate().year
    return min(max(tahun, renstra.tahun_awal), renstra.tahun_akhir)


def pesan_pk_baru(pk) -> str:
    """What making a PK filled in, and only that: the Renstra's targets of the year and the
    programs of the DPA in force may each be missing."""
    target = pk.indikator.exclude(target__isnull=True, target_teks="").count()
    program = pk.program.count()
    bagian = [
        f"{target} target diisi dari Renstra tahun {pk.tahun}"
        if target
        else f"Renstra belum memuat target tahun {pk.tahun}, isi targetnya",
        f"{program} program diisi dengan pagu DPA yang berlaku"
        if program
        else f"belum ada DPA tahun {pk.tahun}, program dan anggarannya belum terisi",
    ]
    return f"{pk.judul} dibuat sebagai draf: " + "; ".join(bagian) + "."


@halaman()
def beranda(request):
    """Bagian Organisasi: every OPD's planning at a glance; an OPD user: their own OPD."""
    if not request.user.kemampuan.sees_all_opd:
        return redirect("perencanaan:opd", opd_sendiri(request.user))
    tahun = timezone.localdate().year
    opd_list = (
        opd_for_user(request.user)
        .filter(aktif=True)
        .order_by("kode")
        .prefetch_related(
            Prefetch("renstra", queryset=Renstra.objects.order_by("-tahun_awal")),
            Prefetch(
                "perjanjian_kinerja",
                to_attr="pk_tahun_ini",
                queryset=PerjanjianKinerja.objects.filter(tahun=tahun).order_by("versi"),
            ),
        )
    )
    return render(
        request,
        "perencanaan/beranda.html",
        {
            "opd_list": opd_list,
            "tahun": tahun,
            "periode_list": list(PeriodeRPJMD.objects.all()),
            # the years of the pohon kinerja offered: those an RPJMD period covers, and this one
            "tahun_pohon": sorted(
                {tahun}.union(
                    *(range(p.tahun_awal, p.tahun_akhir + 1) for p in PeriodeRPJMD.objects.all())
                )
            ),
        },
    )


@halaman(metode=("GET", "POST"), kemampuan_kirim="can_edit_opd_data")
def opd(request, opd: OPD):
    """An OPD's planning: its Renstra periods and its PK of every year with their versions;
    start a new Renstra period or the PK of a year."""
    unit = opd
    renstra_form, pk_form = RenstraBaruForm(prefix="r"), PKBaruForm(prefix="pk")
    if request.method == "POST":
        if request.POST.get("aksi") == "pk_baru":
            pk_form = PKBaruForm(request.POST, prefix="pk")
            if pk_form.is_valid():
                try:
                    pk = services.pk_create(opd=unit, tahun=pk_form.cleaned_data["tahun"])
                except ValidationError as e:
                    pk_form.add_error(None, e)
                else:
                    messages.success(request, pesan_pk_baru(pk))
                    return redirect("perencanaan:pk", pk.pk)
        else:
            renstra_form = RenstraBaruForm(request.POST, prefix="r")
            if renstra_form.is_valid():
                try:
                    renstra = services.renstra_create(opd=unit, **renstra_form.cleaned_data)
                except ValidationError as e:
                    renstra_form.add_error(None, e)
                else:
                    messages.success(request, f"{renstra} dibuat.")
                    return redirect("perencanaan:renstra", renstra.pk)
        messages.error(request, TIDAK_DISIMPAN)
    renstra_list = unit.renstra.annotate(
        jumlah_sasaran=Count("tujuan__sasaran", distinct=True),
        jumlah_indikator=Count("tujuan__sasaran__indikator", distinct=True),
    ).order_by("-tahun_awal")
    pk_list = {}
    for pk in unit.perjanjian_kinerja.order_by("-tahun", "versi"):
        pk_list.setdefault(pk.tahun, []).append(pk)
    return render(
        request,
        "perencanaan/opd.html",
        {
            "opd": unit,
            "renstra_list": renstra_list,
            "pk_per_tahun": pk_list,
            "renstra_form": renstra_form,
            "pk_form": pk_form,
            "tahun": timezone.localdate().year,
            "boleh_ubah": request.user.kemampuan.can_edit_opd_data,
        },
    )


def _pohon_forms(renstra, pohon, tahun_list, data=None):
    misi_list = list(misi_queryset(renstra))
    program_list = list(program_opd(renstra))
    daerah_list = list(sasaran_daerah_periode(renstra.periode_rpjmd_id))
    tujuan, sasaran, indikator = [], [], []
    for t in pohon:
        tujuan.append(TujuanForm(data, tujuan=t))
        for s in t.sasaran.all():
            sasaran.append(
                SasaranForm(
                    data,
                    sasaran=s,
                    misi_list=misi_list,
                    program_list=program_list,
                    sasaran_daerah_list=daerah_list,
                )
            )
            for ind in s.indikator.all():
                indikator.append(IndikatorForm(data, indikator=ind, tahun_list=tahun_list))
    return tujuan, sasaran, indikator


def _periode_qs(user):
    """Every RPJMD period: the kabupaten's plan is read by every role (its OPD links are
    limited to the reader's OPDs on the page)."""
    return PeriodeRPJMD.objects.all()


@halaman(objek={"periode_id": _periode_qs})
def rpjmd(request, periode: PeriodeRPJMD):
    """The RPJMD of a period: visi, misi, tujuan and sasaran daerah with their IKU Pemda and
    yearly targets, and under each sasaran daerah the OPD sasaran that support it (those of
    the reader's OPDs). A sasaran daerah no OPD supports is flagged for the roles that see
    every OPD (the cascade's consistency check)."""
    opd_ids = opd_for_user(request.user).values("pk")  # a subquery, whatever the OPD count
    tahun_list = list(range(periode.tahun_awal, periode.tahun_akhir + 1))
    return render(
        request,
        "perencanaan/rpjmd.html",
        {
            "periode": periode,
            "misi": list(periode.misi.order_by("nomor")),
            "tujuan": rpjmd_periode(periode, opd_ids),
            "tahun_list": tahun_list,
            "semua_opd": request.user.kemampuan.sees_all_opd,
            "periode_lain": list(PeriodeRPJMD.objects.exclude(pk=periode.pk)),
        },
    )


@halaman(
    metode=("GET", "POST"), kemampuan_kirim="can_edit_opd_data", objek={"renstra_id": _renstra_qs}
)
def renstra(request, renstra: Renstra):
    """The Renstra tree in one editable page: tujuan, sasaran with their misi and supporting
    programs, indicators with a target for every year of the period and the end target.
    Saved all at once, or nothing."""
    obj = renstra
    tahun_list = list(range(obj.tahun_awal, obj.tahun_akhir + 1))
    pohon = pohon_renstra(obj, dengan_daerah=True)
    data = request.POST if request.method == "POST" else None
    f_tujuan, f_sasaran, f_indikator = _pohon_forms(obj, pohon, tahun_list, data)
    if request.method == "POST":
        semua = f_tujuan + f_sasaran + f_indikator
        if all(f.is_valid() for f in semua):
            isian = services.IsianPohon(
                tujuan={f.obj: {"uraian": f.cleaned_data["uraian"]} for f in f_tujuan},
                sasaran={f.obj: f.nilai() for f in f_sasaran},
                program={f.obj: f.program_ids() for f in f_sasaran},
                sasaran_daerah={f.obj: f.sasaran_daerah_ids() for f in f_sasaran},
                indikator={f.obj: f.nilai() for f in f_indikator},
                target={f.obj: f.target() for f in f_indikator},
            )
            try:
                n = services.renstra_pohon_save(renstra=obj, isian=isian)
            except ValidationError as e:
                report_galat(request, e)
                messages.error(request, "Tidak ada yang disimpan.")
            else:
                messages.success(
                    request, f"Renstra tersimpan ({n} perubahan)." if n else "Tidak ada perubahan."
                )
                return redirect(request.get_full_path())
        else:
            for f in semua:
                report_galat(request, f)
            messages.error(request, TIDAK_DISIMPAN)
    tahun = _tahun_halaman(request, obj)
    per_sasaran = {f.obj.pk: f for f in f_sasaran}
    per_indikator = {f.obj.pk: f for f in f_indikator}
    per_tujuan = {f.obj.pk: f for f in f_tujuan}
    susunan = [
        (
            per_tujuan[t.pk],
            [
                (per_sasaran[s.pk], [per_indikator[i.pk] for i in s.indikator.all()])
                for s in t.sasaran.all()
            ],
        )
        for t in pohon
    ]
    peringatan = [
        p
        for p in konsistensi(obj.opd, tahun)
        if p.jenis
        in (
            "sasaran_tanpa_indikator",
            "sasaran_tanpa_sasaran_daerah",
            "program_tanpa_sasaran",
            "target_berbeda",
            "tanpa_renstra",
        )
    ]
    return render(
        request,
        "perencanaan/renstra.html",
        {
            "renstra": obj,
            "opd": obj.opd,
            "susunan": susunan,
            "tahun_list": tahun_list,
            "tahun": tahun,
            "peringatan": peringatan,
            "boleh_ubah": request.user.kemampuan.can_edit_opd_data,
            "tujuan_baru": TujuanBaruForm(prefix="bt"),
            "sasaran_baru": SasaranBaruForm(prefix="bs", renstra=obj),
            "indikator_baru": IndikatorBaruForm(prefix="bi", renstra=obj),
            "salin_form": PeriodeForm(
                prefix="salin",
                initial={"tahun_awal": obj.tahun_akhir + 1, "tahun_akhir": obj.tahun_akhir + 5},
            ),
        },
    )


@halaman(metode=("POST",), kemampuan="can_edit_opd_data", objek={"renstra_id": _renstra_qs})
def renstra_tambah(request, renstra: Renstra):
    """Add a tujuan, a sasaran or an indicator to the tree (numbered after the last one)."""
    obj = renstra
    jenis = request.POST.get("jenis")
    kelas = {
        "tujuan": (TujuanBaruForm, "bt"),
        "sasaran": (SasaranBaruForm, "bs"),
        "indikator": (IndikatorBaruForm, "bi"),
    }
    if jenis not in kelas:
        messages.error(request, "Jenis yang ditambahkan harus tujuan, sasaran atau indikator.")
        return redirect("perencanaan:renstra", obj.pk)
    form_class, prefix = kelas[jenis]
    kwargs = {} if jenis == "tujuan" else {"renstra": obj}
    form = form_class(request.POST, prefix=prefix, **kwargs)
    if not form.is_valid():
        report_galat(request, form)
        messages.error(request, TIDAK_DISIMPAN)
        return redirect("perencanaan:renstra", obj.pk)
    d = form.cleaned_data
    try:
        if jenis == "tujuan":
            baru = services.tujuan_create(renstra=obj, uraian=d["uraian"])
            jangkar = f"tujuan-{baru.pk}"
        elif jenis == "sasaran":
            baru = services.sasaran_create(tujuan=d["tujuan"], uraian=d["uraian"], misi=d["misi"])
            jangkar = f"sasaran-{baru.pk}"
        else:
            baru = services.indikator_create(
                sasaran=d["sasaran"],
                nama=d["nama"],
                satuan=d["satuan"],
                polaritas=d["polaritas"],
                jenis_nilai=d["jenis_nilai"],
                agregasi=d["agregasi"],
                is_iku=d["is_iku"],
            )
            jangkar = f"indikator-{baru.pk}"
    except ValidationError as e:
        report_galat(request, e)
        return redirect("perencanaan:renstra", obj.pk)
    messages.success(request, f"“{baru}” ditambahkan.")
    return redirect(reverse("perencanaan:renstra", args=[obj.pk]) + f"#{jangkar}")


@halaman(metode=("POST",), kemampuan="can_edit_opd_data", objek={"renstra_id": _renstra_qs})
def renstra_hapus(request, renstra: Renstra):
    """Remove a tujuan, sasaran or indicator of this Renstra that nothing depends on."""
    obj = renstra
    model = {
        "tujuan": (Tujuan, "renstra"),
        "sasaran": (Sasaran, "tujuan__renstra"),
        "indikator": (IndikatorKinerja, "sasaran__tujuan__renstra"),
    }
    jenis, _, butir_id = request.POST.get("butir", "").partition("-")
    if jenis not in model or not (butir_id.isascii() and butir_id.isdigit()):
        raise Http404
    kelas, jalur = model[jenis]
    target = get_object_or_404(kelas, pk=int(butir_id), **{jalur: obj})
    try:
        services.pohon_delete(obj=target)
    except ValidationError as e:
        report_galat(request, e)
    else:
        messages.success(request, f"“{target}” dihapus.")
    return redirect("perencanaan:renstra", obj.pk)


@halaman(metode=("POST",), kemampuan="can_edit_opd_data", objek={"renstra_id": _renstra_qs})
def renstra_salin(request, renstra: Renstra):
    """Copy the structure of this Renstra into a new period of the same OPD."""
    obj = renstra
    form = PeriodeForm(request.POST, prefix="salin")
    if form.is_valid():
        try:
            baru = services.renstra_copy(renstra=obj, **form.cleaned_data)
        except ValidationError as e:
            report_galat(request, e)
        else:
            messages.success(
                request, f"Struktur {obj} disalin ke {baru}. Isi target tiap tahunnya."
            )
            return redirect("perencanaan:renstra", baru.pk)
    else:
        report_galat(request, form)
    messages.error(request, "Renstra tidak disalin.")
    return redirect("perencanaan:renstra", obj.pk)


@halaman(
    metode=("GET", "POST"), kemampuan_kirim="can_edit_opd_data", objek={"renstra_id": _renstra_qs}
)
def iku(request, renstra: Renstra):
    """The IKU table: which indicators are key, with definisi operasional, formula, sumber
    data and penanggung jawab (seed 003, Tabel 2.2); saved all at once, or nothing."""
    obj = renstra
    indikator = (
        IndikatorKinerja.objects.filter(sasaran__tujuan__renstra=obj)
        .select_related("sasaran")
        .order_by("sasaran__tujuan__nomor", "sasaran__nomor", "nomor")
    )
    data = request.POST if request.method == "POST" else None
    forms_ = [IKUForm(data, indikator=ind) for ind in indikator]
    if request.method == "POST":
        if all(f.is_valid() for f in forms_):
            try:
                n = services.iku_save(isian={f.obj: f.cleaned_data for f in forms_})
            except ValidationError as e:
                report_galat(request, e)
            else:
                messages.success(
                    request,
                    f"Tabel IKU tersimpan ({n} indikator diubah)." if n else "Tidak ada perubahan.",
                )
                return redirect("perencanaan:iku", obj.pk)
        else:
            for f in forms_:
                for pesan in pesan_galat(f):
                    messages.error(request, f"{f.obj.nama}: {pesan}")
        messages.error(request, TIDAK_DISIMPAN)
    return render(
        request,
        "perencanaan/iku.html",
        {
            "renstra": obj,
            "opd": obj.opd,
            "forms": forms_,
            "boleh_ubah": request.user.kemampuan.can_edit_opd_data,
        },
    )


# ------------------------------------------------------------------------------------------
# Perjanjian Kinerja
# ------------------------------------------------------------------------------------------


def _pk_forms(pk, data=None):
    dok = PKDokumenForm(data, pk=pk)
    target = [
        PKTargetForm(data, row=r)
        for r in pk.indikator.select_related("indikator__sasaran")
        .prefetch_related("indikator__pilihan")
        .order_by(
            "indikator__sasaran__tujuan__nomor", "indikator__sasaran__nomor", "indikator__nomor"
        )
    ]
    program = [
        PKProgramForm(data, row=r)
        for r in pk.program.select_related("program").order_by("program__kode")
    ]
    return dok, target, program


def _pk_program_qs(pk):
    renstra = renstra_tahun(pk.opd_id, pk.tahun)
    return program_opd(renstra) if renstra else pk.program.none()


@halaman(metode=("GET", "POST"), kemampuan_kirim="can_edit_opd_data", objek={"pk_id": _pk_qs})
def pk_detail(request, pk: PerjanjianKinerja):
    """One version of a PK. A draft is edited here (document, signatories, targets, budgets,
    rows added or removed), all at once or nothing; a final PK is read-only for everyone."""
    obj = pk
    final = obj.status == PerjanjianKinerja.Status.FINAL
    data = request.POST if request.method == "POST" else None
    aksi = request.POST.get("aksi", "simpan") if data else None
    f_dok, f_target, f_program = _pk_forms(obj, data if aksi == "simpan" else None)
    f_ind = PKIndikatorTambahForm(data if aksi == "tambah_indikator" else None, pk=obj)
    f_prog = PKProgramTambahForm(
        data if aksi == "tambah_program" else None, pk=obj, program_qs=_pk_program_qs(obj)
    )
    if request.method == "POST":
        try:
            if final:
                services.pk_pastikan_draf(obj)
            if aksi == "tambah_indikator" and f_ind.is_valid():
                angka, teks = f_ind.cleaned_data["target"]
                services.pk_indikator_add(
                    pk=obj,
                    indikator=f_ind.cleaned_data["indikator"],
                    target=angka,
                    target_teks=teks,
                )
                messages.success(request, "Indikator ditambahkan ke PK.")
                return redirect(reverse("perencanaan:pk", args=[obj.pk]) + "#target")
            if aksi == "tambah_program" and f_prog.is_valid():
                services.pk_program_add(
                    pk=obj,
                    program=f_prog.cleaned_data["program"],
                    anggaran=f_prog.cleaned_data["anggaran"],
                )
                messages.success(request, "Program ditambahkan ke PK.")
                return redirect(reverse("perencanaan:pk", args=[obj.pk]) + "#program")
            semua = [f_dok, *f_target, *f_program]
            if aksi == "simpan" and all(f.is_valid() for f in semua):
                isian = services.IsianPK(
                    dokumen=f_dok.cleaned_data,
                    target={f.row: f.nilai() for f in f_target},
                    anggaran={
                        f.row: (f.cleaned_data["anggaran"], f.cleaned_data["keterangan"])
                        for f in f_program
                    },
                    hapus_indikator={f.row.pk for f in f_target if f.cleaned_data["hapus"]},
                    hapus_program={f.row.pk for f in f_program if f.cleaned_data["hapus"]},
                )
                n = services.pk_update(pk=obj, isian=isian)
                messages.success(
                    request, f"{obj.judul} tersimpan." if n else "Tidak ada perubahan."
                )
                return redirect("perencanaan:pk", obj.pk)
        except ValidationError as e:
            report_galat(request, e)
            if final:
                return redirect("perencanaan:pk", obj.pk)
        for f in (f_dok, *f_target, *f_program, f_ind, f_prog):
            if f.is_bound:
                report_galat(request, f)
        messages.error(request, TIDAK_DISIMPAN)
    versi = pk_tahun(obj.opd_id, obj.tahun)
    terakhir = versi[-1]
    peringatan = [
        p
        for p in konsistensi(obj.opd, obj.tahun)
        if p.jenis in ("target_berbeda", "anggaran_berbeda", "tanpa_realisasi")
    ]
    return render(
        request,
        "perencanaan/pk.html",
        {
            "pk": obj,
            "opd": obj.opd,
            "dok": pk_dokumen(obj),
            "final": final,
            "f_dok": f_dok,
            "f_target": f_target,
            "f_program": f_program,
            "f_ind": f_ind,
            "f_prog": f_prog,
            "versi_list": versi,
            "boleh_ubah": request.user.kemampuan.can_edit_opd_data and not final,
            "boleh_final": request.user.kemampuan.can_approve_opd and not final,
            "boleh_perubahan": (
                request.user.kemampuan.can_edit_opd_data and final and terakhir.pk == obj.pk
            ),
            "perubahan_form": PerubahanForm(),
            "peringatan": peringatan,
            "sebelumnya": next((v for v in reversed(versi) if v.versi < obj.versi), None),
        },
    )


@halaman(metode=("POST",), kemampuan="can_approve_opd", objek={"pk_id": _pk_qs})
def pk_finalkan(request, pk: PerjanjianKinerja):
    """Draft -> final (pimpinan or Bagian Organisasi): from now on read-only, and the version
    realisasi is measured against when it is the latest final one."""
    obj = pk
    try:
        services.pk_finalize(pk=obj, user=request.user)
    except ValidationError as e:
        report_galat(request, e)
        messages.error(request, f"{obj.judul} belum difinalkan.")
    else:
        messages.success(request, f"{obj.judul} difinalkan; dokumen ini tidak dapat diubah lagi.")
    return redirect("perencanaan:pk", obj.pk)


@halaman(metode=("POST",), kemampuan="can_edit_opd_data", objek={"pk_id": _pk_qs})
def pk_perubahan(request, pk: PerjanjianKinerja):
    """Start the next version of a final PK, with one of the three allowed reasons."""
    obj = pk
    form = PerubahanForm(request.POST)
    if not form.is_valid():
        report_galat(request, form)
        messages.error(request, "Perubahan PK belum dibuat.")
        return redirect("perencanaan:pk", obj.pk)
    try:
        baru = services.pk_perubahan_create(
            pk=obj,
            alasan=form.cleaned_data["alasan_perubahan"],
            keterangan=form.cleaned_data["keterangan_perubahan"],
        )
    except ValidationError as e:
        report_galat(request, e)
        messages.error(request, "Perubahan PK belum dibuat.")
        return redirect("perencanaan:pk", obj.pk)
    messages.success(
        request,
        f"{baru.judul} dibuat sebagai draf dari {obj.judul}. Ubah yang "
        "berubah, isi tanggal, lalu finalkan.",
    )
    return redirect("perencanaan:pk", baru.pk)


@halaman(metode=("POST",), kemampuan="can_edit_opd_data", objek={"pk_id": _pk_qs})
def pk_hapus(request, pk: PerjanjianKinerja):
    obj = pk
    try:
        services.pk_delete(pk=obj)
    except ValidationError as e:
        report_galat(request, e)
        return redirect("perencanaan:pk", obj.pk)
    messages.success(request, f"Draf {obj.judul} dihapus.")
    return redirect("perencanaan:opd", obj.opd_id)


# --- PK berjenjang (pejabat administrator and pengawas) ----------------------------------


def _pk_jenjang_qs(user):
    return for_user(PKJenjang.objects.select_related("opd", "pihak_pertama", "pihak_kedua"), user)


@halaman(metode=("GET", "POST"), kemampuan_kirim="can_edit_opd_data")
def pk_jenjang_daftar(request, opd: OPD, tahun: int):
    """The PK berjenjang of an OPD's year: every official's versions, and a new one proposed
    from the DPA in force (an administrator's programs with their kegiatan, a pengawas's sub
    kegiatan), the nodes already held by another official's PK named beside them."""
    unit = opd
    unsur = {t: unsur_pk_jenjang(unit.pk, tahun, t) for t in PKJenjang.Tingkat.values}
    form = PKJenjangBaruForm(
        request.POST if request.method == "POST" else None, opd=unit, unsur=unsur
    )
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                pk = services.pk_jenjang_create(
                    opd=unit,
                    tahun=tahun,
                    tingkat=d["tingkat"],
                    pihak_pertama=d["pihak_pertama"],
                    pihak_kedua=d["pihak_kedua"],
                    pilihan=d["pilihan"],
                )
            except ValidationError as e:
                report_galat(request, e, "PK berjenjang belum dibuat.")
            else:
                messages.success(
                    request,
                    f"Draf {pk.judul} {pk.pihak_pertama.nama} dibuat dari DPA {tahun}: "
                    "periksa targetnya, isi tanggal, lalu finalkan.",
                )
                return redirect("perencanaan:pk_jenjang", pk.pk)
        else:
            report_galat(request, form, "PK berjenjang belum dibuat.")
    daftar = list(
        PKJenjang.objects.filter(opd=unit, tahun=tahun)
        .select_related("pihak_pertama", "pihak_kedua")
        .order_by("tingkat", "pihak_pertama__nama", "versi")
    )
    return render(
        request,
        "perencanaan/pk_jenjang_daftar.html",
        {
            "opd": unit,
            "tahun": tahun,
            "tahun_list": pilihan_tahun(tahun, unit.pk),
            "daftar": daftar,
            "form": form,
            "unsur": unsur,
            "boleh_ubah": request.user.kemampuan.can_edit_opd_data,
        },
    )


@halaman(
    metode=("GET", "POST"),
    kemampuan_kirim="can_edit_opd_data",
    objek={"pk_jenjang_id": _pk_jenjang_qs},
)
def pk_jenjang(request, pk_jenjang: PKJenjang):
    """One PK berjenjang: its rows as printed; a draft's place, date and targets saved, then
    finalised by the pimpinan or Bagian Organisasi; a final one changed only by a perubahan
    (a new version, with an allowed reason); a draft deleted."""
    obj = pk_jenjang
    aksi = request.POST.get("aksi", "simpan") if request.method == "POST" else ""
    draf = obj.status == PerjanjianKinerja.Status.DRAFT
    baris = list(obj.baris.order_by("urutan"))
    data = request.POST if aksi == "simpan" else None
    form = PKJenjangForm(data, pk=obj)
    target = [PKJenjangTargetForm(data, baris=b) for b in baris] if draf else []
    if request.method == "POST":
        try:
            tujuan = _pk_jenjang_aksi(request, obj, aksi, form, target)
        except ValidationError as e:
            report_galat(request, e, "Tidak ada yang berubah.")
        else:
            if tujuan is not None:
                return tujuan
    versi = list(
        PKJenjang.objects.filter(
            opd=obj.opd, tahun=obj.tahun, pihak_pertama=obj.pihak_pertama
        ).order_by("versi")
    )
    kemampuan = request.user.kemampuan
    return render(
        request,
        "perencanaan/pk_jenjang.html",
        {
            "pk": obj,
            "baris": list(zip(baris, target, strict=False)) if draf else [(b, None) for b in baris],
            "form": form,
            "draf": draf,
            "versi": versi,
            "boleh_ubah": kemampuan.can_edit_opd_data and draf,
            "boleh_finalkan": kemampuan.can_approve_opd and draf,
            "boleh_perubahan": kemampuan.can_edit_opd_data and not draf and versi[-1].pk == obj.pk,
            "perubahan_form": PerubahanForm(),
        },
    )


def _pk_jenjang_aksi(request, obj, aksi, form, target):
    """One action of the PK berjenjang page: its redirect, or None when a form is invalid
    (its messages reported); a ValidationError when a rule refuses it."""
    if aksi == "simpan":
        if not form.is_valid() or not all(f.is_valid() for f in target):
            for f in [form, *target]:
                report_galat(request, f)
            messages.error(request, TIDAK_DISIMPAN)
            return None
        n = services.pk_jenjang_save(
            pk=obj,
            tempat=form.cleaned_data["tempat"],
            tanggal=form.cleaned_data["tanggal"],
            target={f.baris: f.cleaned_data["target"] for f in target},
        )
        messages.success(request, f"{obj.judul} tersimpan." if n else "Tidak ada perubahan.")
        return redirect("perencanaan:pk_jenjang", obj.pk)
    if aksi == "finalkan":
        require_kemampuan(request.user, "can_approve_opd")
        services.pk_jenjang_finalize(pk=obj, user=request.user)
        messages.success(request, f"{obj.judul} difinalkan; dokumen ini tidak dapat diubah lagi.")
        return redirect("perencanaan:pk_jenjang", obj.pk)
    if aksi == "perubahan":
        f = PerubahanForm(request.POST)
        if not f.is_valid():
            report_galat(request, f, "Perubahan PK belum dibuat.")
            return None
        baru = services.pk_jenjang_perubahan(
            pk=obj,
            alasan=f.cleaned_data["alasan_perubahan"],
            keterangan=f.cleaned_data["keterangan_perubahan"],
        )
        messages.success(request, f"{baru.judul} dibuat sebagai draf dari {obj.judul}.")
        return redirect("perencanaan:pk_jenjang", baru.pk)
    if aksi == "hapus":
        services.pk_jenjang_delete(pk=obj)
        messages.success(request, f"Draf {obj.judul} dihapus.")
        return redirect("perencanaan:pk_jenjang_daftar", obj.opd_id, obj.tahun)
    raise ValidationError("Tindakan tidak dikenal.")


@halaman(objek={"pk_jenjang_id": _pk_jenjang_qs})
def pk_jenjang_pdf(request, pk_jenjang: PKJenjang):
    """A PK berjenjang printed like the OPD's PK, a draft marked DRAF."""
    obj = pk_jenjang
    isi = render_pdf("perencanaan/pk_jenjang_pdf.html", {"dok": pk_jenjang_dokumen(obj)})
    nama = slugify(f"{obj.judul} {obj.pihak_pertama_nama or obj.pihak_pertama.nama}")
    resp = HttpResponse(isi, content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="{nama}.pdf"'
    return resp


# --- PK Bupati ---------------------------------------------------------------------------


def _pk_bupati_qs(user):
    """Every PK Bupati: the kabupaten's, read by every role."""
    return PKBupati.objects.select_related("periode", "bupati")


@halaman(metode=("GET", "POST"), kemampuan_kirim="can_manage_master")
def pk_bupati_daftar(request, tahun: int):
    """The Bupati's PK of a year, every version; Bagian Organisasi proposes it from the
    RPJMD's IKU Pemda and their targets of the year."""
    if request.method == "POST":
        try:
            pk = services.pk_bupati_create(tahun=tahun)
        except ValidationError as e:
            report_galat(request, e, "PK Bupati belum dibuat.")
        else:
            messages.success(
                request,
                f"Draf {pk.judul} Bupati dibuat dari target RPJMD {tahun}: periksa targetnya, "
                "isi tanggal, lalu finalkan.",
            )
            return redirect("perencanaan:pk_bupati", pk.pk)
    return render(
        request,
        "perencanaan/pk_bupati_daftar.html",
        {
            "tahun": tahun,
            "tahun_list": pilihan_tahun(tahun),
            "daftar": list(
                PKBupati.objects.filter(tahun=tahun).select_related("bupati").order_by("versi")
            ),
            "periode": periode_rpjmd_tahun(tahun),
            "boleh_ubah": request.user.kemampuan.can_manage_master,
        },
    )


@halaman(
    metode=("GET", "POST"),
    kemampuan_kirim="can_manage_master",
    objek={"pk_bupati_id": _pk_bupati_qs},
)
def pk_bupati(request, pk_bupati: PKBupati):
    """One version of the Bupati's PK: a draft's place, date and targets, finalised by
    Bagian Organisasi; a final one changed by a perubahan only."""
    obj = pk_bupati
    aksi = request.POST.get("aksi", "simpan") if request.method == "POST" else ""
    draf = obj.status == PerjanjianKinerja.Status.DRAFT
    dok = pk_bupati_dokumen(obj)
    data = request.POST if aksi == "simpan" else None
    form = PKBupatiForm(data, pk=obj)
    target = [PKBupatiTargetForm(data, baris=b) for b in dok.baris] if draf else []
    if request.method == "POST":
        try:
            tujuan = _pk_bupati_aksi(request, obj, aksi, form, target)
        except ValidationError as e:
            report_galat(request, e, "Tidak ada yang berubah.")
        else:
            if tujuan is not None:
                return tujuan
    versi = list(PKBupati.objects.filter(tahun=obj.tahun).order_by("versi"))
    boleh = request.user.kemampuan.can_manage_master
    return render(
        request,
        "perencanaan/pk_bupati.html",
        {
            "pk": obj,
            "dok": dok,
            "baris": list(zip(dok.baris, target, strict=False))
            if draf
            else [(b, None) for b in dok.baris],
            "form": form,
            "draf": draf,
            "versi": versi,
            "boleh_ubah": boleh and draf,
            "boleh_perubahan": boleh and not draf and versi[-1].pk == obj.pk,
            "perubahan_form": PerubahanForm(),
        },
    )


def _pk_bupati_aksi(request, obj, aksi, form, target):
    if aksi == "simpan":
        if not form.is_valid() or not all(f.is_valid() for f in target):
            for f in [form, *target]:
                report_galat(request, f)
            messages.error(request, TIDAK_DISIMPAN)
            return None
        ada = {t.pk: t for t in obj.target.all()}
        n = services.pk_bupati_save(
            pk=obj,
            tempat=form.cleaned_data["tempat"],
            tanggal=form.cleaned_data["tanggal"],
            target={ada[f.baris.target_id]: f.cleaned_data["target"] for f in target},
        )
        messages.success(request, f"{obj.judul} Bupati tersimpan." if n else "Tidak ada perubahan.")
        return redirect("perencanaan:pk_bupati", obj.pk)
    if aksi == "finalkan":
        services.pk_bupati_finalize(pk=obj, user=request.user)
        messages.success(request, f"{obj.judul} Bupati difinalkan; tidak dapat diubah lagi.")
        return redirect("perencanaan:pk_bupati", obj.pk)
    if aksi == "perubahan":
        f = PerubahanForm(request.POST)
        if not f.is_valid():
            report_galat(request, f, "Perubahan PK belum dibuat.")
            return None
        baru = services.pk_bupati_perubahan(
            pk=obj,
            alasan=f.cleaned_data["alasan_perubahan"],
            keterangan=f.cleaned_data["keterangan_perubahan"],
        )
        messages.success(request, f"{baru.judul} Bupati dibuat sebagai draf.")
        return redirect("perencanaan:pk_bupati", baru.pk)
    if aksi == "hapus":
        services.pk_bupati_delete(pk=obj)
        messages.success(request, f"Draf {obj.judul} Bupati dihapus.")
        return redirect("perencanaan:pk_bupati_daftar", obj.tahun)
    raise ValidationError("Tindakan tidak dikenal.")


@halaman(objek={"pk_bupati_id": _pk_bupati_qs})
def pk_bupati_pdf(request, pk_bupati: PKBupati):
    """The Bupati's PK printed: the promise with the kepala daerah's signature, then the
    IKU Pemda and their targets; a draft marked DRAF."""
    obj = pk_bupati
    isi = render_pdf("perencanaan/pk_bupati_pdf.html", {"dok": pk_bupati_dokumen(obj)})
    resp = HttpResponse(isi, content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="{slugify(obj.judul)}-bupati.pdf"'
    return resp


@halaman()
def banding(request, opd: OPD, tahun: int):
    """What changed between two versions of a year's PK (?dari=0&ke=1; by default the
    version before the latest against the latest)."""
    unit = opd
    versi = {v.versi: v for v in pk_tahun(unit.pk, tahun)}
    if len(versi) < 2:
        raise Http404("Tahun ini hanya memiliki satu versi PK.")
    urut = sorted(versi)
    try:
        dari = int(request.GET.get("dari", urut[-2]))
        ke = int(request.GET.get("ke", urut[-1]))
    except ValueError:
        raise Http404 from None
    if dari not in versi or ke not in versi:
        raise Http404("Versi PK itu tidak ada.")
    return render(
        request,
        "perencanaan/banding.html",
        {
            "opd": unit,
            "tahun": tahun,
            "banding": pk_banding(versi[dari], versi[ke]),
            "versi_list": [versi[v] for v in urut],
            "dari": dari,
            "ke": ke,
        },
    )


@halaman(objek={"pk_id": _pk_qs})
def pk_pdf(request, pk: PerjanjianKinerja):
    """The PK as the kabupaten prints it, any version, draft ones marked DRAF."""
    obj = pk
    isi = render_pdf("perencanaan/pk_pdf.html", {"dok": pk_dokumen(obj)})
    nama = slugify(f"{obj.judul} {obj.opd.singkatan or obj.opd.nama}")
    resp = HttpResponse(isi, content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="{nama}.pdf"'
    return resp


def _format(format: str) -> str:
    if format not in FORMAT:
        raise Http404
    return format


def _nama_berkas(jenis: str, opd, *bagian) -> str:
    return slugify(f"{jenis} {opd.singkatan or opd.kode} {' '.join(map(str, bagian))}")


def _ekspor_renstra(renstra: Renstra, format: str, tulis, judul: str):
    format = _format(format)
    data = tulis(renstra, csv=format == "csv")
    nama = _nama_berkas(judul, renstra.opd, renstra.tahun_awal, renstra.tahun_akhir)
    return unduhan(data, nama, format)


@halaman(objek={"periode_id": _periode_qs})
def rpjmd_ekspor_target(request, periode: PeriodeRPJMD, format: str):
    """The IKU Pemda's yearly and end targets of an RPJMD period in the columns the import
    reads (Impor: target tahunan IKU Pemda), to correct and import back."""
    format = _format(format)
    data = resources.ekspor_target_rpjmd(periode, csv=format == "csv")
    nama = slugify(f"target rpjmd {periode.tahun_awal} {periode.tahun_akhir}")
    return unduhan(data, nama, format)


@halaman(objek={"renstra_id": _renstra_qs})
def renstra_ekspor_target(request, renstra: Renstra, format: str):
    """A Renstra's yearly and end targets in the columns the import reads (Impor: target
    tahunan Renstra), to correct and import back."""
    return _ekspor_renstra(renstra, format, resources.ekspor_target_renstra, "target renstra")


@halaman(objek={"renstra_id": _renstra_qs})
def renstra_ekspor_matriks(request, renstra: Renstra, format: str):
    """A Renstra's matrix (program, kegiatan, pendanaan) in the columns the import reads."""
    return _ekspor_renstra(renstra, format, resources.ekspor_matriks, "matriks renstra")


@halaman(objek={"pk_id": _pk_qs})
def pk_ekspor_target(request, pk: PerjanjianKinerja, format: str):
    """One version of a PK's targets in the columns the import reads (the import writes
    into the latest version while it is a draft)."""
    obj = pk
    format = _format(format)
    data = resources.ekspor_target_pk(obj, csv=format == "csv")
    return unduhan(
        data, _nama_berkas("target pk", obj.opd, obj.tahun, f"versi {obj.versi}"), format
    )


@halaman()
def konsistensi_opd(request, opd: OPD, tahun: int):
    """Every consistency warning of an OPD's year, each with a link to fix it."""
    unit = opd
    if not 2000 <= tahun <= 2100:
        raise Http404
    peringatan = konsistensi(unit, tahun)
    kelompok = [
        (label, [p for p in peringatan if p.jenis == jenis])
        for jenis, label in JENIS_PERINGATAN.items()
    ]
    return render(
        request,
        "perencanaan/konsistensi.html",
        {
            "opd": unit,
            "tahun": tahun,
            "kelompok": kelompok,
            "jumlah": len(peringatan),
            "tahun_list": pilihan_tahun(tahun, unit.pk),
        },
    )
