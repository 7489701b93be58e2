"""The planning cycle as users go through it: the Renstra tree and IKU edited in the browser,
a PK created from the Renstra and the DPA, revised as a perubahan, compared, and the version
in force used by the realisasi pages (seed 003: PK 2023 induk 80, perubahan 75)."""

from decimal import Decimal

import pytest
from conftest import TAHUN
from django.urls import reverse
from perencanaan_uji import pesan, pk_kec
from realisasi_uji import formulir, opd_kecamatan, teks_halaman

from apps.anggaran.models import Program
from apps.core.models import Pejabat
from apps.pengukuran.selectors import pengisian_triwulan
from apps.perencanaan.models import (
    IndikatorKinerja,
    PerjanjianKinerja,
    ProgramSasaran,
    Renstra,
    Sasaran,
    TargetTahunan,
)
from apps.perencanaan.selectors import pk_banding, pk_berlaku

pytestmark = pytest.mark.django_db

INDIKATOR_PK = "Kecamatan berpredikat kinerja baik"
# Program -> (PK induk, perubahan), as the two signed documents of seed 003 print them.
ANGGARAN_2023 = {
    "7.01.01": ("Rp 6.142.999.541", "Rp 5.056.021.977"),
    "7.01.02": ("Rp 16.398.050", "Rp 9.006.800"),
    "7.01.03": ("Rp 37.690.000", "Rp 29.951.700"),
    "7.01.04": ("Rp 59.382.850", "Rp 56.766.850"),
    "7.01.06": ("Rp 12.427.500", "Rp 9.245.500"),
}


def renstra_berjalan() -> Renstra:
    return Renstra.objects.get(opd=opd_kecamatan(), tahun_awal__lte=TAHUN, tahun_akhir__gte=TAHUN)


def test_banding_induk_dan_perubahan_2023(client, login):
    login("verifikator")
    resp = client.get(reverse("perencanaan:pk_banding", args=[opd_kecamatan().pk, 2023]))
    assert resp.status_code == 200
    teks = teks_halaman(resp)
    assert f"{INDIKATOR_PK} Meningkatnya Kinerja Kecamatan 80 75 berubah" in teks
    for induk, perubahan in ANGGARAN_2023.values():
        assert f"{induk} {perubahan} berubah" in teks
    assert "Rp 6.142.999.541 Rp 5.056.021.977 berubah −Rp 1.086.977.564" in teks
    # both officials changed, the Pj. written as the document writes it
    assert (
        "Pihak pertama TRI ATMADI, S.Sos, Camat Magetan, Pembina Tk. I (IV/b), NIP "
        "19670227 198601 1 001 YUDO WAHYONO, S.Sos., M.Si, Camat Magetan"
    ) in teks
    assert (
        "Pihak kedua Dr. Drs. H. SUPRAWOTO, S.H., M.Si., Bupati Magetan Ir. HERGUNADI, "
        "M.T., Pj. Bupati Magetan berubah"
    ) in teks
    assert "Magetan, 2 Januari 2023 Magetan, November 2023 berubah" in teks


def test_banding_hanya_yang_berubah_ditandai():
    b = pk_banding(pk_kec(2023, 0), pk_kec(2023, 1))
    berubah = {x.label: (x.lama, x.baru) for x in b.target if x.jenis != "sama"}
    assert berubah == {INDIKATOR_PK: ("80", "75")}
    assert [x.jenis for x in b.target].count("sama") == 3
    assert b.program[-1].label == "Jumlah anggaran"
    assert (b.program[-1].lama, b.program[-1].baru) == ("Rp 6.268.897.941", "Rp 5.160.992.827")
    # 2 officials, the date, 1 target, 5 programs and the total
    assert b.jumlah_perubahan == 10


def test_realisasi_tw_iv_2023_diukur_terhadap_perubahan(client, login):
    opd = opd_kecamatan()
    data = pengisian_triwulan(opd=opd, tahun=2023, triwulan=4)
    assert data.pk == pk_kec(2023, 1)
    target = {b.indikator.nama: b.target for b in data.baris}
    assert target[INDIKATOR_PK] == Decimal("75")
    login("operator.kecamatan")
    resp = client.get(reverse("pengukuran:pengisian", args=[opd.pk, 2023, 4]))
    teks = teks_halaman(resp)
    assert "diukur terhadap Perubahan Perjanjian Kinerja Tahun 2023" in teks
    assert f"{INDIKATOR_PK} " in teks and " 75 " in teks.split(INDIKATOR_PK, 1)[1][:200]


def test_pk_baru_terisi_target_renstra_dan_pagu_dpa(client, login):
    """A PK made from scratch for 2023 gets the Renstra targets of 2023 and the program
    pagu summed from the DPA 2023 lines (Program Penunjang 8.244.451.385, not a typed
    total), the Camat in office and the kepala daerah."""
    opd = opd_kecamatan()
    PerjanjianKinerja.objects.filter(opd=opd, tahun=2023).delete()
    login("operator.kecamatan")
    resp = client.post(
        reverse("perencanaan:opd", args=[opd.pk]), {"aksi": "pk_baru", "pk-tahun": "2023"}
    )
    pk = PerjanjianKinerja.objects.get(opd=opd, tahun=2023)
    assert resp.status_code == 302 and resp["Location"] == reverse("perencanaan:pk", args=[pk.pk])
    assert (pk.versi, pk.status) == (0, "draft")
    assert (
        teks_halaman(client.get(resp["Location"])).count(
            f"{pk.judul} dibuat sebagai draf: 3 target diisi dari Renstra tahun 2023; "
            "5 program diisi dengan pagu DPA yang berlaku."
        )
        == 1
    )
    assert {r.indikator.nama: r.target for r in pk.indikator.all()} == {
        "Indeks Kepuasan Masyarakat": Decimal("85"),
        "Nilai SAKIP Kecamatan": Decimal("80"),
        "Predikat Kinerja Kecamatan": Decimal("70"),
    }
    anggaran = {r.program.kode: r.anggaran for r in pk.program.all()}
    assert anggaran["7.01.01"] == Decimal("8244451385")
    assert len(anggaran) == 5
    assert pk.pihak_pertama_nama == "YUDO WAHYONO, S.Sos., M.Si"
    assert pk.pihak_kedua_jabatan == "Pj. Bupati Magetan"
    assert pk.tempat == "Magetan" and pk.pernyataan.startswith("Pihak pertama berjanji")
    resp = client.get(reverse("perencanaan:pk", args=[pk.pk]))
    assert "Ir. HERGUNADI, M.T. — Pj. Bupati Magetan" in teks_halaman(resp)
    penunjang = pk.program.get(program__kode="7.01.01")
    assert (
        formulir(resp.content.decode(), "form-pk")[f"p{penunjang.pk}-anggaran"] == "8.244.451.385"
    )


def test_pk_baru_without_targets_or_dpa_says_so(client, login):
    """ "Buat PK" for 2025 said it filled targets and pagu though there were neither."""
    opd = opd_kecamatan()
    login("operator.kecamatan")
    resp = client.post(
        reverse("perencanaan:opd", args=[opd.pk]),
        {"aksi": "pk_baru", "pk-tahun": "2025"},
        follow=True,
    )
    pk = PerjanjianKinerja.objects.get(opd=opd, tahun=2025)
    assert not pk.indikator.exclude(target__isnull=True, target_teks="").exists()
    assert not pk.program.exists()
    assert (
        f"{pk.judul} dibuat sebagai draf: Renstra belum memuat target tahun 2025, isi "
        "targetnya; belum ada DPA tahun 2025, program dan anggarannya belum terisi."
    ) in teks_halaman(resp)


def test_perubahan_dari_pk_final_sampai_berlaku(client, login):
    """Revise the running year's PK: the perubahan starts as a draft copy, the realisasi
    pages keep measuring against the final induk until the perubahan is final; afterwards
    they use the perubahan, and the induk stays readable and printable."""
    opd = opd_kecamatan()
    induk = pk_kec(TAHUN, 0)
    login("operator.kecamatan")
    resp = client.post(
        reverse("perencanaan:pk_perubahan", args=[induk.pk]),
        {
            "alasan_perubahan": "strategi",
            "keterangan_perubahan": "Target IKM dinaikkan sesuai RKPD perubahan.",
        },
    )
    baru = pk_kec(TAHUN, 1)
    assert resp["Location"] == reverse("perencanaan:pk", args=[baru.pk])
    assert baru.status == "draft" and baru.get_alasan_perubahan_display() == (
        "Perubahan strategi (program, kegiatan dan alokasi anggaran)"
    )
    assert baru.indikator.count() == induk.indikator.count()
    assert baru.pihak_pertama_nama == induk.pihak_pertama_nama

    halaman = client.get(reverse("perencanaan:pk", args=[baru.pk])).content.decode()
    data = formulir(halaman, "form-pk")
    ikm = baru.indikator.get(indikator__nama="Indeks Kepuasan Masyarakat")
    data[f"t{ikm.pk}-target"] = "90,5"
    data["pk-tanggal"] = "1 Juli 2026"
    resp = client.post(reverse("perencanaan:pk", args=[baru.pk]), data)
    assert resp.status_code == 302, pesan(resp)
    ikm.refresh_from_db()
    assert ikm.target == Decimal("90.5")
    assert pk_berlaku(opd.pk, TAHUN) == induk  # a draft does not measure anything

    resp = client.post(reverse("perencanaan:pk_finalkan", args=[baru.pk]))
    assert resp.status_code == 403  # an operator prepares, the pimpinan finalises
    login("pimpinan.kecamatan")
    client.post(reverse("perencanaan:pk_finalkan", args=[baru.pk]))
    baru.refresh_from_db()
    assert baru.status == "final" and baru.difinalkan_oleh.username == "pimpinan.kecamatan"
    assert pk_berlaku(opd.pk, TAHUN) == baru
    teks = teks_halaman(client.get(reverse("pengukuran:pengisian", args=[opd.pk, TAHUN, 3])))
    assert "diukur terhadap Perubahan Perjanjian Kinerja Tahun 2026" in teks

    resp = client.get(reverse("perencanaan:pk", args=[induk.pk]))
    assert resp.status_code == 200 and "Perjanjian Kinerja Tahun 2026" in teks_halaman(resp)
    assert client.get(reverse("perencanaan:pk_pdf", args=[induk.pk])).status_code == 200
    banding = teks_halaman(client.get(reverse("perencanaan:pk_banding", args=[opd.pk, TAHUN])))
    ikm_lama = induk.indikator.get(indikator__nama="Indeks Kepuasan Masyarakat").target
    assert (
        f"Indeks Kepuasan Masyarakat Meningkatnya Kualitas Pelayanan Publik "
        f"{str(ikm_lama).replace('.', ',').removesuffix(',0000')} 90,5 berubah" in banding
    )


def test_pohon_renstra_disimpan_sekaligus(client, login):
    renstra = renstra_berjalan()
    login("operator.kecamatan")
    url = reverse("perencanaan:renstra", args=[renstra.pk])
    data = formulir(client.get(url).content.decode(), "form-renstra")
    sasaran = Sasaran.objects.filter(tujuan__renstra=renstra).order_by("nomor").first()
    ind = IndikatorKinerja.objects.filter(sasaran=sasaran).first()
    program = Program.objects.get(kode="7.01.02")
    data[f"s{sasaran.pk}-uraian"] = "Meningkatnya kualitas pelayanan publik kecamatan"
    data[f"i{ind.pk}-target_2025"] = "81,5"
    data[f"i{ind.pk}-target_akhir"] = "1.234.567,5"
    data[f"s{sasaran.pk}-program"] = [
        str(p)
        for p in ProgramSasaran.objects.filter(sasaran=sasaran).values_list("program_id", flat=True)
    ] + [str(program.pk)]
    resp = client.post(url, data)
    assert resp.status_code == 302, pesan(resp)
    assert "Renstra tersimpan (4 perubahan)." in pesan(resp)
    sasaran.refresh_from_db()
    ind.refresh_from_db()
    assert sasaran.uraian == "Meningkatnya kualitas pelayanan publik kecamatan"
    assert TargetTahunan.objects.get(indikator=ind, tahun=2025).target == Decimal("81.5")
    assert ind.target_akhir == Decimal("1234567.5")
    assert ProgramSasaran.objects.filter(sasaran=sasaran, program=program).exists()
    riwayat = TargetTahunan.history.filter(indikator_id=ind.pk, tahun=2025).first()
    assert riwayat.history_user.username == "operator.kecamatan"
    # The page shows what was saved, written the Indonesian way.
    halaman = client.get(url).content.decode()
    assert formulir(halaman, "form-renstra")[f"i{ind.pk}-target_akhir"] == "1.234.567,5"
    # Posting the same page again writes nothing.
    resp = client.post(url, formulir(halaman, "form-renstra"))
    assert "Tidak ada perubahan." in pesan(resp)


def test_tambah_dan_hapus_butir_pohon(client, login):
    renstra = renstra_berjalan()
    login("operator.kecamatan")
    url = reverse("perencanaan:renstra_tambah", args=[renstra.pk])
    tujuan = renstra.tujuan.get()
    client.post(
        url,
        {"jenis": "sasaran", "bs-tujuan": tujuan.pk, "bs-uraian": "Meningkatnya ketertiban umum"},
    )
    sasaran = Sasaran.objects.get(tujuan=tujuan, uraian="Meningkatnya ketertiban umum")
    assert sasaran.nomor == 4
    resp = client.post(
        url,
        {
            "jenis": "indikator",
            "bi-sasaran": sasaran.pk,
            "bi-nama": "Persentase pelanggaran perda yang ditindak",
            "bi-satuan": "%",
            "bi-polaritas": "positif",
            "bi-jenis_nilai": "angka",
            "bi-agregasi": "kumulatif",
            "bi-is_iku": "on",
        },
    )
    ind = IndikatorKinerja.objects.get(sasaran=sasaran)
    assert resp["Location"].endswith(f"#indikator-{ind.pk}")
    assert (ind.nomor, ind.is_iku, ind.agregasi) == (1, True, "kumulatif")
    hapus = reverse("perencanaan:renstra_hapus", args=[renstra.pk])
    client.post(hapus, {"butir": f"indikator-{ind.pk}"})
    assert not IndikatorKinerja.objects.filter(pk=ind.pk).exists()
    client.post(hapus, {"butir": f"sasaran-{sasaran.pk}"})
    assert not Sasaran.objects.filter(pk=sasaran.pk).exists()


def test_salin_renstra_ke_periode_baru(client, login):
    lama = renstra_berjalan()
    login("operator.kecamatan")
    resp = client.post(
        reverse("perencanaan:renstra_salin", args=[lama.pk]),
        {"salin-tahun_awal": "2027", "salin-tahun_akhir": "2031"},
    )
    baru = Renstra.objects.get(opd=lama.opd, tahun_awal=2027)
    assert resp["Location"] == reverse("perencanaan:renstra", args=[baru.pk])
    struktur = [
        (i.sasaran.uraian, i.nama, i.satuan, i.is_iku, i.agregasi)
        for i in IndikatorKinerja.objects.filter(sasaran__tujuan__renstra=lama).order_by(
            "sasaran__nomor", "nomor"
        )
    ]
    salinan = IndikatorKinerja.objects.filter(sasaran__tujuan__renstra=baru).order_by(
        "sasaran__nomor", "nomor"
    )
    assert [(i.sasaran.uraian, i.nama, i.satuan, i.is_iku, i.agregasi) for i in salinan] == struktur
    assert not TargetTahunan.objects.filter(indikator__in=salinan).exists()
    assert all(i.target_akhir is None for i in salinan)
    assert (
        ProgramSasaran.objects.filter(sasaran__tujuan__renstra=baru).count()
        == ProgramSasaran.objects.filter(sasaran__tujuan__renstra=lama).count()
    )


def test_tabel_iku_disimpan(client, login):
    renstra = renstra_berjalan()
    login("pimpinan.kecamatan")
    url = reverse("perencanaan:iku", args=[renstra.pk])
    data = formulir(client.get(url).content.decode(), "form-iku")
    ind = IndikatorKinerja.objects.get(
        sasaran__tujuan__renstra=renstra, nama="Indeks Kepuasan Masyarakat"
    )
    data[f"k{ind.pk}-is_iku"] = "on"
    data[f"k{ind.pk}-definisi_operasional"] = "Tingkat kepuasan penerima layanan kecamatan."
    data[f"k{ind.pk}-formula"] = "Rata-rata nilai unsur pelayanan × 25"
    data[f"k{ind.pk}-sumber_data"] = "Survei Kepuasan Masyarakat"
    data[f"k{ind.pk}-penanggung_jawab"] = "Sekretaris Kecamatan"
    resp = client.post(url, data)
    assert "Tabel IKU tersimpan (1 indikator diubah)." in pesan(resp)
    ind.refresh_from_db()
    assert ind.is_iku and ind.formula == "Rata-rata nilai unsur pelayanan × 25"
    assert ind.penanggung_jawab == "Sekretaris Kecamatan"


def test_pilihan_pihak_menulis_plt_pj(client, login):
    """Officials are offered with their jabatan as documents write it; pihak kedua of an OPD
    without a parent is the kepala daerah."""
    opd = opd_kecamatan()
    Pejabat.objects.create(
        nama="Drs. CONTOH PLT, M.M.",
        nip="197001011990031001",
        jabatan="Camat Magetan",
        status_jabatan="plt",
        opd=opd,
    )
    induk = pk_kec(TAHUN, 0)
    login("operator.kecamatan")
    client.post(
        reverse("perencanaan:pk_perubahan", args=[induk.pk]),
        {"alasan_perubahan": "pejabat", "keterangan_perubahan": "Camat diganti Plt."},
    )
    baru = pk_kec(TAHUN, 1)
    teks = teks_halaman(client.get(reverse("perencanaan:pk", args=[baru.pk])))
    assert "Drs. CONTOH PLT, M.M. — Plt. Camat Magetan" in teks
    assert "Ir. HERGUNADI, M.T. — Pj. Bupati Magetan" in teks
    assert "BENNY ADRIAN" not in teks  # an official of another OPD is not offered
