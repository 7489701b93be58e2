"""Realisasi pages: the OPD's overview and entry page, the verifikator's queue and review,
history, evidence, input windows. Views parse, call one service or selector, render."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from apps.core.akses import halaman, ke_tahun_ini, require_kemampuan
from apps.core.angka import format_angka, format_persen, nama_triwulan
from apps.core.forms import TIDAK_DISIMPAN, report_galat
from apps.core.models import OPD
from apps.core.selectors import for_user, opd_for_user
from apps.core.tahun import pilihan_tahun
from apps.perencanaan.models import IndikatorDaerah
from apps.perencanaan.selectors import periode_rpjmd_tahun

from . import services
from .capaian import CapaianIndikator
from .forms import (
    BarisRealisasiForm,
    BukaKembaliForm,
    JadwalForm,
    KeputusanForm,
    PengecualianForm,
    RealisasiDaerahForm,
    input_nilai,
)
from .kewajaran import kewajaran, pesan_kewajaran
from .kinerja import kinerja_daerah
from .models import BuktiDukung, JadwalPengisian, PengecualianKunci, Realisasi
from .selectors import (
    ROMAWI,
    alasan_terkunci,
    antrean_baris,
    antrean_verifikasi,
    hash_realisasi,
    jendela_pengisian,
    kekurangan_pengajuan,
    pengisian_triwulan,
    ringkasan_status,
    riwayat_realisasi,
    status_tahun_opd,
)


def tampil_hasil(hasil: CapaianIndikator | None) -> dict:
    """The strings a page and the live preview show for one indicator's result."""
    if hasil is None:
        return {
            "tahunan": "",
            "tahunan_rumus": "",
            "capaian": "",
            "alasan": "",
            "rumus": "",
            "predikat": "",
            "warna": "",
        }
    tahunan = hasil.tahunan_teks or (
        format_angka(hasil.tahunan.nilai, 2, buang_nol=True) if hasil.tahunan.ada else ""
    )
    return {
        "tahunan": tahunan,
        "tahunan_rumus": hasil.tahunan.rumus,
        "capaian": format_persen(hasil.capaian.nilai) if hasil.capaian.ada else "",
        "alasan": "" if hasil.capaian.ada else f"tidak dapat dihitung: {hasil.capaian.alasan}",
        "rumus": hasil.capaian.rumus,
        "predikat": hasil.predikat.label if hasil.predikat else "",
        "warna": hasil.predikat.warna if hasil.predikat else "",
    }


@halaman()
def beranda(request):
    """An OPD user's start: their OPD's current year; all-OPD roles: the queue."""
    return ke_tahun_ini(request.user, semua="pengukuran:antrean", opd="pengukuran:opd_tahun")


@halaman()
def opd_tahun(request, opd: OPD, tahun: int):
    """The OPD's year: each triwulan's window and what is missing, returned or verified."""
    triwulan = status_tahun_opd(opd=opd, tahun=tahun)
    for t in triwulan:
        t["jendela"] = jendela_pengisian(opd_id=opd.pk, tahun=tahun, triwulan=t["triwulan"])
    dikembalikan = (
        for_user(Realisasi.objects, request.user)
        .filter(
            indikator__sasaran__tujuan__renstra__opd=opd,
            tahun=tahun,
            status=Realisasi.Status.DIKEMBALIKAN,
        )
        .select_related("indikator")
        .order_by("triwulan", "indikator__nomor")
    )
    return render(
        request,
        "pengukuran/opd_tahun.html",
        {
            "opd": opd,
            "tahun": tahun,
            "triwulan_list": triwulan,
            "dikembalikan": dikembalikan,
            "tahun_list": pilihan_tahun(tahun, opd.pk),
        },
    )


def _forms(pengisian, jendela, user, data=None, files=None):
    """One form per row. A row is shown locked (submitted, verified, window closed, or a
    read-only role); a posted row that the page showed editable is parsed as typed, and the
    service decides whether it may still be written (it may have been locked meanwhile)."""
    boleh = user.kemampuan.can_edit_opd_data
    forms = []
    for b in pengisian.baris:
        r = pengisian.realisasi_triwulan(b)
        terkunci = not boleh or alasan_terkunci(r, jendela, b.indikator.nama) is not None
        dikirim = boleh and data is not None and f"i{b.indikator.pk}-hash_isi" in data
        f = BarisRealisasiForm(data, files, baris=b, realisasi=r, terkunci=terkunci and not dikirim)
        f.terkunci_sekarang = terkunci
        forms.append(f)
    return forms


def _tampil_terkunci(forms) -> None:
    """After a refused save, rows that are locked now show their stored value, read-only."""
    for f in forms:
        if f.terkunci_sekarang and not f.terkunci:
            f.kunci()


@halaman(metode=("GET", "POST"), kemampuan_kirim="can_edit_opd_data")
def pengisian(request, opd: OPD, tahun: int, triwulan: int):
    """The entry page of one triwulan: every indicator of the PK in force, saved as a draft
    all at once, or saved and submitted."""
    data = pengisian_triwulan(opd=opd, tahun=tahun, triwulan=triwulan)
    jendela = jendela_pengisian(opd_id=opd.pk, tahun=tahun, triwulan=triwulan)
    konflik = {}
    if request.method == "POST" and request.POST.get("aksi") == "tarik":
        try:
            n = services.realisasi_triwulan_withdraw(
                opd=opd, tahun=tahun, triwulan=triwulan, user=request.user
            )
        except ValidationError as e:
            report_galat(request, e)
        else:
            messages.success(
                request,
                f"{n} indikator ditarik kembali dan menjadi draf: perbaiki, lalu ajukan lagi.",
            )
        return redirect(request.path)
    if request.method == "POST":
        forms = _forms(data, jendela, request.user, request.POST, request.FILES)
        if all(f.is_valid() for f in forms):
            isian = [f.isian() for f in forms if not f.terkunci]
            try:
                services.realisasi_triwulan_save(
                    opd=opd,
                    tahun=tahun,
                    triwulan=triwulan,
                    user=request.user,
                    isian=isian,
                    pengisian=data,
                )
            except services.KonflikVersi as e:
                konflik = {k.indikator_id: k for k in e.konflik}
                messages.error(
                    request,
                    "Tidak ada yang disimpan: sebagian isian sudah diubah "
                    "orang lain sejak halaman ini dibuka. Nilai mereka ditampilkan "
                    "pada baris yang ditandai; isian Anda tetap di formulir. "
                    "Periksa, lalu simpan lagi.",
                )
                data = pengisian_triwulan(opd=opd, tahun=tahun, triwulan=triwulan)
                post = request.POST.copy()
                for b in data.baris:
                    if b.indikator.pk in konflik:
                        r = data.realisasi_triwulan(b)
                        post[f"i{b.indikator.pk}-versi"] = r.versi if r else 0
                        post[f"i{b.indikator.pk}-hash_isi"] = hash_realisasi(r)
                forms = _forms(data, jendela, request.user, post)
                for f in forms:
                    f.is_valid()
            except ValidationError as e:
                _galat_ke_form(request, forms, e)
            else:
                if request.POST.get("aksi") == "ajukan":
                    _ajukan(request, opd, tahun, triwulan)
                else:
                    messages.success(request, "Draf tersimpan.")
                ragu = [
                    f.baris.indikator.nama
                    for f in forms
                    if not f.terkunci
                    and kewajaran(f.baris, triwulan, f.cleaned_data.get(f.field_nilai.name))
                ]
                if ragu:  # saved: a note to look again, not a refusal
                    messages.info(
                        request,
                        f"{len(ragu)} nilai perlu diperiksa lagi, mungkin salah ketik "
                        f"(alasannya tertulis pada barisnya): {'; '.join(ragu)}.",
                    )
                return redirect(request.path)
        else:
            messages.error(request, TIDAK_DISIMPAN)
        _tampil_terkunci(forms)
    else:
        forms = _forms(data, jendela, request.user)
    baris = []
    for f in forms:
        b = f.baris
        nilai, hasil = b.nilai(triwulan), b.hasil
        if f.is_bound and not f.terkunci:
            f.is_valid()  # the all() above stops at the first refused row: clean every row
        if f.is_bound and not f.terkunci and f.field_nilai.name in f.cleaned_data:
            # a refused save keeps what was typed: its capaian and predikat follow it
            nilai = f.cleaned_data[f.field_nilai.name]
            nilai = None if nilai == "" else nilai
            hasil = data.hitung_input(b, nilai)
        baris.append(
            {
                "form": f,
                "b": b,
                "r": f.realisasi,
                "tampil": tampil_hasil(hasil),
                # while it can still be corrected: a verified value is not questioned again
                "wajar": "" if f.terkunci else pesan_kewajaran(kewajaran(b, triwulan, nilai)),
                # a refused save stored none of the files chosen: the row says which
                "berkas_hilang": [
                    berkas.name for berkas in request.FILES.getlist(f.add_prefix("bukti"))
                ],
                "sebelumnya": [(tw, b.realisasi.get(tw)) for tw in range(1, triwulan)],
                "konflik": konflik.get(b.indikator.pk),
            }
        )
    return render(
        request,
        "pengukuran/pengisian.html",
        {
            "opd": opd,
            "data": data,
            "baris": baris,
            "jendela": jendela,
            "kekurangan": kekurangan_pengajuan(data),
            "hitung": ringkasan_status(data),
            "boleh_ubah": request.user.kemampuan.can_edit_opd_data
            and any(not f.terkunci for f in forms),
            "boleh_tarik": request.user.kemampuan.can_edit_opd_data and jendela.terbuka,
            "romawi": ROMAWI,
            "batas_bukti": settings.SAKIP_BUKTI_MAKS_BYTES,
        },
    )


def _galat_ke_form(request, forms, e: ValidationError):
    """A refusal of the service: per-row messages go on their row, the rest on top."""
    per_form = {f.baris.indikator.pk: f for f in forms}
    if hasattr(e, "error_dict"):
        for key, errs in e.error_dict.items():
            f = per_form.get(key)
            for err in errs:
                for pesan in err.messages:
                    if f is not None:
                        f.add_error(None, pesan)
                    else:
                        messages.error(request, pesan)
        messages.error(request, TIDAK_DISIMPAN)
    else:
        report_galat(request, e)
        messages.error(request, "Tidak ada yang disimpan.")


def _ajukan(request, opd, tahun, triwulan):
    try:
        n = services.realisasi_triwulan_submit(
            opd=opd, tahun=tahun, triwulan=triwulan, user=request.user
        )
    except ValidationError as e:
        messages.warning(request, "Draf tersimpan, tetapi belum dapat diajukan:")
        report_galat(request, e)
    else:
        messages.success(request, f"{n} indikator diajukan untuk diverifikasi.")


@halaman()
def pratinjau(request, opd: OPD, tahun: int, triwulan: int):
    """Live feedback while typing: the annual value, capaian and predikat of each row with
    the typed value in place of this triwulan's, computed by the one engine (JSON)."""
    data = pengisian_triwulan(opd=opd, tahun=tahun, triwulan=triwulan)
    hasil = {}
    for b in data.baris:
        kunci = f"i{b.indikator.pk}"
        if kunci not in request.GET:
            continue
        try:
            nilai = input_nilai(b).clean(request.GET[kunci])
        except ValidationError as e:
            hasil[b.indikator.pk] = {"galat": e.messages[0]}
            continue
        nilai = None if nilai == "" else nilai
        hasil[b.indikator.pk] = tampil_hasil(data.hitung_input(b, nilai))
        hasil[b.indikator.pk]["wajar"] = pesan_kewajaran(kewajaran(b, triwulan, nilai))
    return JsonResponse({"hasil": hasil})


@halaman(kemampuan="sees_all_opd")
def antrean(request):
    """The verifikator's queue across all OPDs, filtered by OPD, year, triwulan and status."""
    opd_qs = opd_for_user(request.user)
    f = request.GET
    opd_id = f.get("opd", "")
    if opd_id.isascii() and opd_id.isdigit():  # "²".isdigit() is True, int("²") fails
        opd_qs = opd_qs.filter(pk=int(opd_id))
    tahun = f.get("tahun", "")
    tahun = int(tahun) if tahun.isascii() and tahun.isdigit() and len(tahun) <= 4 else None
    triwulan = int(f["triwulan"]) if f.get("triwulan", "") in ("1", "2", "3", "4") else None
    status = f.get("status", "diajukan")
    daftar = antrean_verifikasi(
        opd_qs=opd_qs, tahun=tahun, triwulan=triwulan, status=status or None
    )
    halaman = Paginator(daftar, 50).get_page(f.get("halaman"))
    halaman.object_list = antrean_baris(halaman.object_list)
    return render(
        request,
        "pengukuran/antrean.html",
        {
            "halaman": halaman,
            "opd_list": opd_for_user(request.user).order_by("kode"),
            "filter": {
                "opd": opd_id,
                "tahun": tahun or "",
                "triwulan": triwulan or "",
                "status": status,
            },
            "status_list": Realisasi.Status.choices,
            "tahun_ini": timezone.localdate().year,
            "tahun_lalu": timezone.localdate().year - 1,
        },
    )


@halaman(metode=("GET", "POST"), kemampuan="sees_all_opd", kemampuan_kirim="can_verify")
def tinjau(request, opd: OPD, tahun: int, triwulan: int):
    """The review page of one OPD's triwulan: values, capaian, analysis and evidence; verify
    or return per indicator."""
    data = pengisian_triwulan(opd=opd, tahun=tahun, triwulan=triwulan)
    diajukan = [
        r
        for b in data.baris
        if (r := data.realisasi_triwulan(b)) and r.status == Realisasi.Status.DIAJUKAN
    ]
    if request.method == "POST":
        forms = {r.pk: KeputusanForm(request.POST, realisasi=r) for r in diajukan}
        if all(f.is_valid() for f in forms.values()):
            semua = request.POST.get("aksi") == "semua"
            keputusan = {rid: k for rid, f in forms.items() if (k := f.keputusan(semua))}
            try:
                hitung = services.verifikasi_save(
                    opd=opd, tahun=tahun, triwulan=triwulan, user=request.user, keputusan=keputusan
                )
            except ValidationError as e:
                report_galat(request, e)
            else:
                messages.success(
                    request,
                    f"{hitung['verifikasi']} indikator diverifikasi, "
                    f"{hitung['kembalikan']} dikembalikan.",
                )
                return redirect(request.path)
        else:
            messages.error(request, TIDAK_DISIMPAN)
    else:
        forms = {r.pk: KeputusanForm(realisasi=r) for r in diajukan}
    baris = []
    for b in data.baris:
        r = data.realisasi_triwulan(b)
        baris.append(
            {
                "b": b,
                "r": r,
                "tampil": tampil_hasil(b.hasil),
                "semua_tw": [(tw, b.realisasi.get(tw)) for tw in range(1, triwulan + 1)],
                "form": forms.get(r.pk) if r else None,
            }
        )
    return render(
        request,
        "pengukuran/tinjau.html",
        {
            "opd": opd,
            "data": data,
            "baris": baris,
            "ada_diajukan": bool(diajukan),
            "boleh_verifikasi": request.user.kemampuan.can_verify,
            "buka_form": BukaKembaliForm(),
            "hitung": ringkasan_status(data),
            "romawi": ROMAWI,
        },
    )


def _realisasi_qs(user):
    return for_user(
        Realisasi.objects.select_related("indikator__sasaran__tujuan__renstra__opd"), user
    )


@halaman(metode=("POST",), kemampuan="can_verify", objek={"realisasi_id": _realisasi_qs})
def buka_kembali(request, realisasi: Realisasi):
    """Reopen a verified value with a reason (logged in the thread and the history)."""
    r = realisasi
    form = BukaKembaliForm(request.POST)
    tujuan = reverse("pengukuran:tinjau", args=[r.indikator.opd.pk, r.tahun, r.triwulan])
    if not form.is_valid():
        for errs in form.errors.values():
            for pesan in errs:
                messages.error(request, pesan)
        return redirect(tujuan)
    try:
        services.realisasi_reopen(
            realisasi=r, user=request.user, alasan=form.cleaned_data["alasan"]
        )
    except ValidationError as e:
        report_galat(request, e)
    else:
        messages.success(request, f"“{r.indikator.nama}” dibuka kembali untuk diperbaiki OPD.")
    return redirect(tujuan)


@halaman(objek={"realisasi_id": _realisasi_qs})
def riwayat(request, realisasi: Realisasi):
    """Every change of a value, its analysis and status: who, when, old and new."""
    r = realisasi
    catatan = list(r.catatan.select_related("penulis").order_by("dibuat"))
    perubahan = riwayat_realisasi(r)
    return render(
        request,
        "pengukuran/riwayat.html",
        {
            "r": r,
            "perubahan": perubahan,
            "catatan": catatan,
            "opd": r.indikator.opd,
            "nama_tw": f"Triwulan {ROMAWI[r.triwulan]} {r.tahun}",
        },
    )


def _bukti_qs(user):
    return for_user(BuktiDukung.objects.select_related("realisasi"), user)


@halaman(objek={"bukti_id": _bukti_qs})
def bukti_unduh(request, bukti: BuktiDukung):
    """An evidence file, only through this permission check (MEDIA_URL is not served)."""
    try:
        berkas = bukti.berkas.open("rb")
    except FileNotFoundError:
        raise Http404("Berkas bukti dukung tidak ditemukan.") from None
    resp = FileResponse(
        berkas,
        content_type=bukti.jenis_konten,
        as_attachment=request.GET.get("lihat") != "1",
        filename=bukti.nama_asli,
    )
    resp["X-Content-Type-Options"] = "nosniff"
    resp["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return resp


@halaman(metode=("POST",), kemampuan="can_edit_opd_data", objek={"bukti_id": _bukti_qs})
def bukti_hapus(request, bukti: BuktiDukung):
    r = bukti.realisasi
    opd_id = (
        Realisasi.objects.filter(pk=r.pk)
        .values_list("indikator__sasaran__tujuan__renstra__opd_id", flat=True)
        .get()
    )
    try:
        services.bukti_delete(bukti=bukti, user=request.user)
    except ValidationError as e:
        report_galat(request, e)
    else:
        messages.success(request, f"Bukti dukung “{bukti.nama_asli}” dihapus.")
    return redirect("pengukuran:pengisian", opd_id, r.tahun, r.triwulan)


@halaman(metode=("GET", "POST"), kemampuan="sees_all_opd", kemampuan_kirim="can_manage_master")
def jadwal(request):
    """Input windows per year and triwulan, and lock exceptions per OPD (Bagian Organisasi)."""
    jadwal_form, pengecualian_form = JadwalForm(prefix="j"), PengecualianForm(prefix="p")
    if request.method == "POST":
        if request.POST.get("aksi") == "pengecualian":
            pengecualian_form = PengecualianForm(request.POST, prefix="p")
            if pengecualian_form.is_valid():
                d = pengecualian_form.cleaned_data
                try:
                    services.pengecualian_create(
                        jadwal=d["jadwal"],
                        opd=d["opd"],
                        berlaku_sampai=d["berlaku_sampai"],
                        alasan=d["alasan"],
                        user=request.user,
                    )
                except ValidationError as e:
                    pengecualian_form.add_error(None, e)
                else:
                    messages.success(
                        request, f"Pengisian {d['jadwal']} dibuka khusus untuk {d['opd']}."
                    )
                    return redirect("pengukuran:jadwal")
        else:
            jadwal_form = JadwalForm(request.POST, prefix="j")
            if jadwal_form.is_valid():
                try:
                    services.jadwal_save(**jadwal_form.cleaned_data, user=request.user)
                except ValidationError as e:
                    jadwal_form.add_error(None, e)
                else:
                    messages.success(request, "Jadwal pengisian tersimpan.")
                    return redirect("pengukuran:jadwal")
        messages.error(request, TIDAK_DISIMPAN)
    sekarang = timezone.now()
    return render(
        request,
        "pengukuran/jadwal.html",
        {
            "jadwal_list": JadwalPengisian.objects.order_by("-tahun", "-triwulan")[:16],
            "pengecualian_list": PengecualianKunci.objects.filter(
                Q(berlaku_sampai__gt=sekarang)
            ).select_related("opd", "jadwal", "dibuat_oleh"),
            "jadwal_form": jadwal_form,
            "pengecualian_form": pengecualian_form,
            "boleh_ubah": request.user.kemampuan.can_manage_master,
        },
    )


# --- the IKU Pemda's realisasi -------------------------------------------------------------


@halaman(metode=("GET", "POST"), kemampuan_kirim="can_manage_master")
def iku_pemda(request, tahun: int, triwulan: int):
    """The IKU Pemda of the RPJMD period covering a year, one triwulan: Bagian Organisasi
    types the values of those not taken from an OPD indicator (the triwulan's window, draft,
    submit), another user who may verify verifies or returns them; every role reads them,
    the annual value and capaian of each through the same engine as an OPD's."""
    if triwulan not in (1, 2, 3, 4):
        raise Http404
    periode = periode_rpjmd_tahun(tahun)
    iku = list(
        IndikatorDaerah.objects.filter(sasaran__tujuan__periode=periode)
        .select_related("sasaran__tujuan", "sumber")
        .order_by("sasaran__tujuan__nomor", "sasaran__nomor", "nomor")
        if periode
        else []
    )
    baris = kinerja_daerah(iku, tahun)
    data = request.POST if request.method == "POST" else None
    aksi = request.POST.get("aksi", "") if data else ""
    isi_forms = {
        i.pk: RealisasiDaerahForm(
            data if aksi == "simpan" else None,
            indikator=i,
            tersimpan=baris[i.pk].isian.get(triwulan),
        )
        for i in iku
        if i.sumber_id is None
    }
    if request.method == "POST":
        try:
            pesan = _iku_pemda_post(request, aksi, tahun, triwulan, iku, baris, isi_forms)
        except ValidationError as e:
            report_galat(request, e, "Tidak ada yang berubah.")
        else:
            if pesan is not None:
                messages.success(request, pesan)
                return redirect("pengukuran:iku_pemda", tahun, triwulan)
            messages.error(request, TIDAK_DISIMPAN)
    kemampuan = request.user.kemampuan
    return render(
        request,
        "pengukuran/iku_pemda.html",
        {
            "periode": periode,
            "tahun": tahun,
            "triwulan": triwulan,
            "nama_triwulan": nama_triwulan(triwulan, tahun),
            "triwulan_list": (1, 2, 3, 4),
            "baris": [(baris[i.pk], isi_forms.get(i.pk)) for i in iku],
            "jendela": jendela_pengisian(opd_id=None, tahun=tahun, triwulan=triwulan),
            "boleh_isi": kemampuan.can_manage_master,
            "ada_isian": bool(isi_forms),
            "boleh_verifikasi": kemampuan.can_verify,
            "tahun_list": list(range(periode.tahun_awal, periode.tahun_akhir + 1))
            if periode
            else [tahun],
        },
    )


def _iku_pemda_post(request, aksi, tahun, triwulan, iku, baris, isi_forms) -> str | None:
    """One action of the IKU Pemda page; the message of its success, None when a form is
    invalid, a ValidationError when a rule refuses it."""
    if aksi == "simpan":
        if not all(f.is_valid() for f in isi_forms.values()):
            for f in isi_forms.values():
                report_galat(request, f)
            return None
        n = services.realisasi_daerah_save(
            tahun=tahun,
            triwulan=triwulan,
            isian={f.indikator: f.isian() for f in isi_forms.values()},
            user=request.user,
        )
        return f"Realisasi IKU Pemda tersimpan ({n} indikator)." if n else "Tidak ada perubahan."
    if aksi == "ajukan":
        n = services.realisasi_daerah_submit(
            tahun=tahun, triwulan=triwulan, indikator=iku, user=request.user
        )
        return f"{n} realisasi IKU Pemda diajukan untuk diverifikasi."
    jenis, _, pk = aksi.partition("-")
    if jenis in ("verifikasi", "kembalikan") and pk.isascii() and pk.isdigit():
        require_kemampuan(request.user, "can_verify")
        r = next(
            (
                x.isian[triwulan]
                for x in baris.values()
                if triwulan in x.isian and x.isian[triwulan].pk == int(pk)
            ),
            None,
        )
        if r is None:
            raise Http404
        r = services.realisasi_daerah_verify(
            realisasi=r,
            setuju=jenis == "verifikasi",
            catatan=request.POST.get(f"catatan-{r.pk}", ""),
            user=request.user,
        )
        return f"{r.indikator.nama}: {r.get_status_display().lower()}."
    raise ValidationError("Tindakan tidak dikenal.")
