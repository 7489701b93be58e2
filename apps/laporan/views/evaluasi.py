"""The Evaluasi AKIP pages: every OPD's evaluation of a year with its score and grade, and one
OPD's evaluation sheet where the OPD answers its self-assessment, the Inspektorat's evaluator
sets the final answers and submits them, and the ketua tim approves or returns them. An OPD's
user sees only their own OPD (another's answers 404); Bagian Organisasi reads."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from apps.core.akses import halaman
from apps.core.ekspor import judul_unduhan, unduhan
from apps.core.forms import report_galat
from apps.core.models import OPD
from apps.core.selectors import opd_for_user
from apps.core.tahun import pilihan_tahun
from apps.pengukuran.berkas import batas_ukuran, check_bukti, ukuran_teks

from ..evaluasi import (
    BUKTI_PER_KRITERIA,
    bukti_lke_for_user,
    evaluasi_ajukan,
    evaluasi_kembalikan,
    evaluasi_mulai,
    evaluasi_setujui,
    evaluasi_tahun,
    jawaban_simpan,
    lembar_evaluasi,
    penilaian_mandiri_simpan,
    pihak_pengguna,
    rekap_evaluasi,
    rekomendasi_for_user,
    ringkasan_rekap,
    riwayat_evaluasi,
    status_rekomendasi_simpan,
    temuan_simpan,
    tindak_lanjut_simpan,
    tindakan_evaluasi,
)
from ..evaluasi import (
    lhe_pdf as berkas_lhe,
)
from ..forms import TahunForm, TindakLanjutForm
from ..lke_bawaan import lke_buat as lke_bawaan_buat
from ..models import BuktiLKE, EvaluasiLKE, KuesionerLKE, RekomendasiLKE
from ..rekap_lke import rekap_lke_pdf, rekap_lke_xlsx


def _tahun_diminta(request) -> int:
    """The year asked for in ?tahun= (last year by default; a wrong one said, then the
    default)."""
    tahun = timezone.localdate().year - 1
    if "tahun" in request.GET:
        f = TahunForm(request.GET)
        if f.is_valid():
            tahun = f.cleaned_data["tahun"]
        else:
            report_galat(request, f)
    return tahun


def _rekap(request, tahun: int):
    opds = opd_for_user(request.user).filter(aktif=True).order_by("kode")
    baris = rekap_evaluasi(opds, tahun)
    return baris, ringkasan_rekap(baris, tahun)


@halaman()
def evaluasi_daftar(request):
    """Every OPD the user sees with its evaluation of the year: status, score, grade, last
    year's final score and grade and the change, the spread of grades, and the recap's
    downloads."""
    tahun = _tahun_diminta(request)
    baris, ringkasan = _rekap(request, tahun)
    return render(
        request,
        "laporan/evaluasi_daftar.html",
        {
            "tahun": tahun,
            "baris": baris,
            "ringkasan": ringkasan,
            "ada_lke": KuesionerLKE.objects.filter(tahun=tahun).exists(),
            "tahun_pilihan": pilihan_tahun(tahun),
        },
    )


@halaman(metode=("POST",), kemampuan="can_manage_master")
def lke_buat(request):
    """Bagian Organisasi makes the LKE of the year asked for (?tahun= on the list it came
    from): a copy of the latest earlier year's, or the regulation's default; then it is
    edited in the admin until the first evaluation of that year starts."""
    f = TahunForm(request.POST)
    if not f.is_valid():
        report_galat(request, f)
        return redirect("laporan:evaluasi_daftar")
    tahun = f.cleaned_data["tahun"]
    try:
        k, asal = lke_bawaan_buat(tahun=tahun, user=request.user)
    except ValidationError as e:
        report_galat(request, e)
    else:
        messages.success(
            request,
            f"{k.nama} dibuat dari {asal}; periksa dan ubah di Data induk › LKE sebelum "
            "evaluasi pertama tahun itu dimulai.",
        )
    return redirect(reverse("laporan:evaluasi_daftar") + f"?tahun={tahun}")


@halaman()
def evaluasi_rekap(request, tahun: int, format: str):
    """The recap of the year's evaluations of every OPD the user sees, as xlsx or as the
    Inspektorat's A4 landscape PDF (apps.laporan.rekap_lke); the same rows as the list."""
    if format not in ("xlsx", "pdf") or not 2000 <= tahun <= 2100:
        raise Http404
    baris, ringkasan = _rekap(request, tahun)
    judul = f"Rekapitulasi Hasil Evaluasi AKIP Perangkat Daerah Tahun {tahun}"
    if format == "xlsx":
        return unduhan(
            rekap_lke_xlsx(baris, tahun),
            f"rekap-evaluasi-akip-{tahun}",
            "xlsx",
            judul=judul_unduhan(judul),
        )
    resp = HttpResponse(rekap_lke_pdf(baris, ringkasan, tahun), content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="rekap-evaluasi-akip-{tahun}.pdf"'
    resp["Cache-Control"] = "private, no-store"
    return resp


def _isian(post, lembar) -> dict:
    """{criterion id: (answer, note)} of the criteria the page posted."""
    hasil = {}
    for daftar in lembar.baris.values():
        for b in daftar:
            kunci = f"k{b.kriteria.pk}"
            if f"{kunci}-jawaban" in post or f"{kunci}-catatan" in post:
                hasil[b.kriteria.pk] = (
                    post.get(f"{kunci}-jawaban", ""),
                    post.get(f"{kunci}-catatan", ""),
                )
    return hasil


def _lakukan(request, aksi, sukses: str):
    try:
        aksi()
    except ValidationError as e:
        report_galat(request, e)
    else:
        messages.success(request, sukses)


def _simpan_mandiri(request, ev: EvaluasiLKE, lembar) -> None:
    """The OPD's save: its answers and notes, the evidence files chosen per criterion (each
    checked by its content first; any refused, nothing is saved) and the ones ticked for
    removal."""
    bukti, salah = {}, []
    for daftar in lembar.baris.values():
        for b in daftar:
            for berkas in request.FILES.getlist(f"k{b.kriteria.pk}-bukti"):
                try:
                    bukti.setdefault(b.kriteria.pk, []).append(
                        check_bukti(berkas, f"Bukti kriteria {b.nomor}")
                    )
                except ValidationError as e:
                    salah.extend(e.messages)
    hapus = []
    for x in request.POST.getlist("hapus-bukti"):
        if not (x.isascii() and x.isdigit()):  # "²".isdigit() is True, int("²") fails
            salah.append("Bukti yang akan dihapus tidak dikenal.")
            break
        hapus.append(int(x))
    if salah:
        report_galat(request, ValidationError([*salah, "Tidak ada yang disimpan."]))
        return
    try:
        n, tambah, buang = penilaian_mandiri_simpan(
            evaluasi=ev,
            user=request.user,
            isian=_isian(request.POST, lembar),
            bukti=bukti,
            hapus=hapus,
        )
    except ValidationError as e:
        report_galat(request, e)
        return
    rincian = [
        f"{n} perubahan jawaban" if n else "",
        f"{tambah} bukti dilampirkan" if tambah else "",
        f"{buang} bukti dihapus" if buang else "",
    ]
    rincian = [r for r in rincian if r]
    messages.success(
        request, f"Tersimpan ({', '.join(rincian)})." if rincian else "Tidak ada perubahan."
    )


@halaman(metode=("GET", "POST"))
def evaluasi(request, opd: OPD, tahun: int):
    """One OPD's evaluation of a year: every criterion with the OPD's answer and note and the
    evaluator's, the scores of both, and what the user may do with it now."""
    ev = evaluasi_tahun(opd.pk, tahun)
    kuesioner = ev.kuesioner if ev else KuesionerLKE.objects.filter(tahun=tahun).first()
    boleh = tindakan_evaluasi(request.user, opd, ev, ada_lke=kuesioner is not None)
    pihak, evaluator = boleh.pihak, boleh.evaluator
    dimuat = 0
    if request.method == "POST" and request.POST.get("aksi") == "usulan":
        # the proposals put in the evaluator's empty answers on the page, nothing saved
        if not evaluator:
            raise PermissionDenied("Hanya evaluator yang memakai usulan jawaban.")
        dimuat = -1
    elif request.method == "POST":
        aksi = request.POST.get("aksi", "simpan")
        if aksi == "mulai":
            if not evaluator:
                raise PermissionDenied("Hanya evaluator Inspektorat yang memulai evaluasi.")
            _lakukan(
                request,
                lambda: evaluasi_mulai(opd=opd, tahun=tahun, user=request.user),
                f"Evaluasi AKIP {opd.nama} {tahun} dimulai; LKE {tahun} kini dikunci.",
            )
        elif ev is None:
            messages.error(request, "Evaluasi belum dimulai. Tidak ada yang disimpan.")
        elif aksi == "simpan":
            if pihak is None:
                raise PermissionDenied("Anda hanya dapat membaca evaluasi ini.")
            lembar = lembar_evaluasi(ev.kuesioner, ev)
            if pihak == "opd":
                _simpan_mandiri(request, ev, lembar)
            else:
                try:
                    n = jawaban_simpan(
                        evaluasi=ev,
                        user=request.user,
                        pihak=pihak,
                        isian=_isian(request.POST, lembar),
                    )
                except ValidationError as e:
                    report_galat(request, e)
                else:
                    messages.success(
                        request, f"Tersimpan ({n} perubahan)." if n else "Tidak ada perubahan."
                    )
        elif aksi == "temuan":
            if not evaluator:
                raise PermissionDenied("Temuan dan rekomendasi ditulis evaluator Inspektorat.")
            isian = {
                k.pk: (
                    request.POST.get(f"t{k.pk}-temuan", ""),
                    request.POST.get(f"t{k.pk}-rekomendasi", ""),
                )
                for k in ev.kuesioner.komponen.all()
                if f"t{k.pk}-temuan" in request.POST or f"t{k.pk}-rekomendasi" in request.POST
            }
            try:
                n = temuan_simpan(evaluasi=ev, user=request.user, isian=isian)
            except ValidationError as e:
                report_galat(request, e)
            else:
                messages.success(
                    request,
                    f"Temuan dan rekomendasi tersimpan ({n} komponen berubah)."
                    if n
                    else "Tidak ada perubahan.",
                )
        elif aksi in ("ajukan", "setujui", "kembalikan"):
            if not evaluator:
                raise PermissionDenied("Hanya evaluator Inspektorat yang dapat melakukannya.")
            if aksi == "ajukan":
                _lakukan(
                    request,
                    lambda: evaluasi_ajukan(evaluasi=ev, user=request.user),
                    f"{ev} diajukan ke ketua tim.",
                )
            elif aksi == "setujui":
                _lakukan(
                    request,
                    lambda: evaluasi_setujui(evaluasi=ev, user=request.user),
                    f"{ev} disetujui dan final.",
                )
            else:
                _lakukan(
                    request,
                    lambda: evaluasi_kembalikan(
                        evaluasi=ev, user=request.user, catatan=request.POST.get("catatan", "")
                    ),
                    f"{ev} dikembalikan ke evaluator.",
                )
        else:
            messages.error(request, "Tindakan tidak dikenal. Tidak ada yang berubah.")
        return redirect(request.path)

    lembar = lembar_evaluasi(kuesioner, ev, usulan=True) if kuesioner else None
    if dimuat and lembar is not None and boleh.ubah_evaluator:
        n = lembar.muat_usulan()
        messages.info(
            request,
            f"{n} usulan dari data dimuat ke jawaban evaluator yang masih kosong; periksa "
            "setiap usulan dan buktinya, ubah bila perlu, lalu klik Simpan. Belum ada yang "
            "disimpan.",
        )
    return render(
        request,
        "laporan/evaluasi.html",
        {
            "opd": opd,
            "tahun": tahun,
            "ev": ev,
            "lembar": lembar,
            "ubah_opd": boleh.ubah_opd,
            "ubah_evaluator": boleh.ubah_evaluator,
            "boleh_mulai": boleh.mulai,
            "boleh_ajukan": boleh.ajukan,
            "tindak_opd": boleh.tindak_opd,
            "tindak_evaluator": boleh.tindak_evaluator,
            "status_pilihan": RekomendasiLKE.Status.choices,
            "ada_usulan": lembar is not None
            and any(b.usulan for d in lembar.baris.values() for b in d),
            "boleh_setujui": boleh.setujui,
            "tahun_pilihan": pilihan_tahun(tahun, opd.pk),
            "maks_bukti": ukuran_teks(batas_ukuran()),
            "bukti_per_kriteria": BUKTI_PER_KRITERIA,
        },
    )


@halaman()
def evaluasi_riwayat(request, opd: OPD, tahun: int):
    """Every recorded change of an OPD's evaluation of a year, newest first (who, when, what,
    before and after); 404 before the evaluation started."""
    ev = evaluasi_tahun(opd.pk, tahun)
    if ev is None:
        raise Http404("Evaluasi AKIP OPD ini untuk tahun itu belum dimulai.")
    return render(
        request,
        "laporan/evaluasi_riwayat.html",
        {"opd": opd, "tahun": tahun, "ev": ev, "riwayat": riwayat_evaluasi(ev)},
    )


@halaman()
def lhe_pdf(request, opd: OPD, tahun: int):
    """The LHE of an OPD's evaluation of a year as PDF: a draft (DRAF on every page) until
    the ketua tim approves it, then the stored final file; 404 before the evaluation
    started."""
    ev = evaluasi_tahun(opd.pk, tahun)
    if ev is None:
        raise Http404("Evaluasi AKIP OPD ini untuk tahun itu belum dimulai.")
    try:
        isi, nama = berkas_lhe(ev)
    except FileNotFoundError:
        raise Http404("Berkas PDF LHE final tidak ditemukan.") from None
    resp = HttpResponse(isi, content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="{nama}"'
    resp["Cache-Control"] = "private, no-store"
    return resp


@halaman(metode=("POST",), objek={"rekomendasi_id": rekomendasi_for_user})
def tindak_lanjut(request, rekomendasi: RekomendasiLKE):
    """A recommendation's follow-up: the OPD's users write what they did (with its date and
    evidence), an evaluator sets its status; then back to the evaluation page."""
    ev = rekomendasi.evaluasi
    pihak = pihak_pengguna(request.user, ev.opd)
    if pihak == "opd":
        f = TindakLanjutForm(request.POST, request.FILES)
        if not f.is_valid():
            report_galat(request, f)
            messages.error(request, "Tidak ada yang disimpan.")
        else:
            _lakukan(
                request,
                lambda: tindak_lanjut_simpan(
                    rekomendasi=rekomendasi,
                    user=request.user,
                    tindakan=f.cleaned_data["tindakan"],
                    tanggal=f.cleaned_data["tanggal"],
                    bukti=f.cleaned_data["bukti"],
                ),
                "Tindak lanjut tersimpan.",
            )
    elif pihak == "evaluator":
        _lakukan(
            request,
            lambda: status_rekomendasi_simpan(
                rekomendasi=rekomendasi,
                user=request.user,
                status=request.POST.get("status", ""),
                catatan=request.POST.get("catatan_status", ""),
            ),
            "Status tindak lanjut tersimpan.",
        )
    else:
        raise PermissionDenied("Anda hanya dapat membaca tindak lanjut ini.")
    return redirect(
        reverse("laporan:evaluasi", args=[ev.opd_id, ev.tahun]) + f"#rekomendasi-{rekomendasi.pk}"
    )


@halaman(objek={"rekomendasi_id": rekomendasi_for_user})
def tindak_lanjut_bukti(request, rekomendasi: RekomendasiLKE):
    """The evidence file of a follow-up, only through this permission check."""
    if not rekomendasi.bukti:
        raise Http404("Belum ada bukti tindak lanjut.")
    try:
        berkas = rekomendasi.bukti.open("rb")
    except FileNotFoundError:
        raise Http404("Berkas bukti tidak ditemukan.") from None
    resp = FileResponse(
        berkas,
        content_type=rekomendasi.bukti_jenis or "application/octet-stream",
        filename=rekomendasi.bukti_nama or "bukti",
    )
    resp["X-Content-Type-Options"] = "nosniff"
    resp["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return resp


@halaman(objek={"bukti_id": bukti_lke_for_user})
def bukti_lke(request, bukti: BuktiLKE):
    """An evidence file of an OPD's self-assessment, only through this permission check
    (another OPD's answers 404; MEDIA_URL is not served)."""
    try:
        berkas = bukti.berkas.open("rb")
    except FileNotFoundError:
        raise Http404("Berkas bukti tidak ditemukan.") from None
    resp = FileResponse(
        berkas, content_type=bukti.jenis_konten, as_attachment=True, filename=bukti.nama_asli
    )
    resp["X-Content-Type-Options"] = "nosniff"
    resp["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return resp
