"""The realisasi cards of the home page (registered in PengukuranConfig.ready): for an OPD's
users, the triwulan whose window runs (or comes next) with its deadline, its counts and the
values Bagian Organisasi returned with their notes; for the verifikator, what waits for
review and what was returned twice or more."""

from django.db.models import Count, Q
from django.urls import reverse

from apps.core.angka import nama_triwulan
from apps.core.beranda import Butir, Kartu, Konteks, sisa_hari
from apps.core.selectors import opd_for_user

from .models import CatatanVerifikasi, JadwalPengisian, Realisasi
from .selectors import (
    OPD_REALISASI,
    antrean_baris,
    antrean_verifikasi,
    jendela_pengisian,
    status_tahun_opd,
    tanggal_id,
)

DAFTAR_MAKS = 8  # lines of a list on the home page; the rest is one click further


def triwulan_berjalan(hari_ini) -> JadwalPengisian | None:
    """The triwulan the home page speaks of: the one whose window is open today (the one
    closing first when two are), else the next to open, else the last one scheduled."""
    jadwal = JadwalPengisian.objects
    return (
        jadwal.filter(dibuka__lte=hari_ini, ditutup__gte=hari_ini).order_by("ditutup").first()
        or jadwal.filter(dibuka__gt=hari_ini).order_by("dibuka").first()
        or jadwal.order_by("-tahun", "-triwulan").first()
    )


def kartu_realisasi(k: Konteks) -> list[Kartu]:
    kartu = []
    if k.opd is not None:
        kartu.append(_kartu_opd(k))
    if k.user.kemampuan.can_verify:
        kartu.append(_kartu_verifikasi(k))
    return kartu


def _kartu_opd(k: Konteks) -> Kartu:
    opd = k.opd
    jadwal = triwulan_berjalan(k.hari_ini)
    if jadwal is None:
        return Kartu(
            "Realisasi kinerja",
            10,
            kosong="Bagian Organisasi belum menetapkan jadwal pengisian.",
            tautan=[("Realisasi", reverse("pengukuran:beranda"))],
        )
    tahun, tw = jadwal.tahun, jadwal.triwulan
    jendela = jendela_pengisian(opd_id=opd.pk, tahun=tahun, triwulan=tw, sekarang=k.sekarang)
    ringkas = jendela.pesan
    if jendela.terbuka and jendela.pengecualian is None:
        ringkas += f" ({sisa_hari(jadwal.ditutup, k.hari_ini)})"
    hitung = status_tahun_opd(opd=opd, tahun=tahun)[tw - 1]
    n = hitung["hitung"]
    butir = []
    if not hitung["jumlah"]:
        butir.append(
            Butir(
                f"Belum ada Perjanjian Kinerja final tahun {tahun}: realisasi belum dapat diisi.",
                tingkat="bahaya",
            )
        )
    else:
        sudah = n["diajukan"] + n["diverifikasi"]
        butir.append(
            Butir(
                f"{sudah} dari {hitung['jumlah']} indikator sudah diajukan atau diverifikasi",
                ket=(
                    f"Belum diisi {n['belum']} · Draf {n['draft']} · Diajukan {n['diajukan']} · "
                    f"Dikembalikan {n['dikembalikan']} · Diverifikasi {n['diverifikasi']}"
                ),
                tingkat="selesai" if sudah == hitung["jumlah"] else "perhatian",
            )
        )
    kembali = (
        Realisasi.objects.filter(**{OPD_REALISASI: opd}, status="dikembalikan")
        .select_related("indikator")
        .order_by("-tahun", "triwulan", "indikator__nomor")
    )
    kembali = list(kembali[: DAFTAR_MAKS + 1])
    catatan = {}
    for c in CatatanVerifikasi.objects.filter(
        realisasi__in=kembali, jenis=CatatanVerifikasi.Jenis.KEMBALIKAN
    ).select_related("penulis"):
        catatan[c.realisasi_id] = c  # ordered by time: the last one stays
    for r in kembali[:DAFTAR_MAKS]:
        c = catatan.get(r.pk)
        butir.append(
            Butir(
                f"Dikembalikan: {r.indikator.nama} ({nama_triwulan(r.triwulan, r.tahun)})",
                url=reverse("pengukuran:pengisian", args=[opd.pk, r.tahun, r.triwulan])
                + f"#indikator-{r.indikator_id}",
                ket=f"Catatan {c.penulis}: {c.isi}" if c else "",
                tingkat="bahaya",
            )
        )
    if len(kembali) > DAFTAR_MAKS:
        butir.append(Butir("… dan lainnya: lihat setiap triwulan pada halaman Realisasi."))
    return Kartu(
        f"Realisasi {nama_triwulan(tw, tahun)}",
        10,
        butir=butir,
        ringkas=ringkas,
        tautan=[
            (
                f"Isi realisasi {nama_triwulan(tw, tahun)}",
                reverse("pengukuran:pengisian", args=[opd.pk, tahun, tw]),
            ),
            (f"Semua triwulan {tahun}", reverse("pengukuran:opd_tahun", args=[opd.pk, tahun])),
        ],
    )


def _kartu_verifikasi(k: Konteks) -> Kartu:
    opd_qs = opd_for_user(k.user)
    menunggu = antrean_verifikasi(opd_qs=opd_qs, status="diajukan")
    jumlah = menunggu.count()
    butir = []
    for b in antrean_baris(menunggu[:DAFTAR_MAKS]):
        butir.append(
            Butir(
                f"{b['opd'].nama}: {nama_triwulan(b['triwulan'], b['tahun'])}, "
                f"{b['hitung']['diajukan']} indikator menunggu",
                url=reverse("pengukuran:tinjau", args=[b["opd"].pk, b["tahun"], b["triwulan"]]),
                ket=(
                    f"diajukan {tanggal_id(b['terakhir_diajukan'].date())}"
                    if b["terakhir_diajukan"]
                    else ""
                ),
                tingkat="perhatian",
            )
        )
    dua_kali = (
        Realisasi.objects.filter(**{f"{OPD_REALISASI}__in": opd_qs})
        .annotate(
            kali=Count("catatan", filter=Q(catatan__jenis=CatatanVerifikasi.Jenis.KEMBALIKAN))
        )
        .filter(kali__gte=2)
        .exclude(status="diverifikasi")
        .select_related("indikator", "indikator__sasaran__tujuan__renstra__opd")
        .order_by("-tahun", "triwulan")[:DAFTAR_MAKS]
    )
    for r in dua_kali:
        opd = r.indikator.sasaran.tujuan.renstra.opd
        butir.append(
            Butir(
                f"Dikembalikan {r.kali} kali: {r.indikator.nama}",
                url=reverse("pengukuran:tinjau", args=[opd.pk, r.tahun, r.triwulan]),
                ket=f"{opd.nama} · {nama_triwulan(r.triwulan, r.tahun)} · "
                f"status {r.get_status_display()}",
                tingkat="bahaya",
            )
        )
    return Kartu(
        "Verifikasi realisasi",
        10,
        butir=butir,
        ringkas=(
            f"{jumlah} kelompok (OPD dan triwulan) menunggu verifikasi."
            if jumlah
            else "Tidak ada isian yang menunggu verifikasi."
        ),
        tautan=[
            ("Antrean verifikasi", reverse("pengukuran:antrean") + "?status=diajukan"),
            ("Jadwal pengisian", reverse("pengukuran:jadwal")),
        ],
    )
