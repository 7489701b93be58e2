"""factory_boy factories for the models tests build outside the demo data."""

from decimal import Decimal

import factory

from apps.core.models import OPD, Pejabat, User
from apps.core.roles import Peran
from apps.perencanaan.models import IndikatorKinerja, Renstra, Sasaran, Tujuan


class OPDFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OPD

    kode = factory.Sequence(lambda n: f"UJI-{n:03d}")
    kode_bidang = ""
    nama = factory.Sequence(lambda n: f"Dinas Uji {n}")
    jenis = OPD.Jenis.DINAS


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    peran = Peran.OPERATOR
    opd = factory.SubFactory(OPDFactory)

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or "rahasia-uji-123")
        if create:
            obj.save(update_fields=["password"])


class PejabatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pejabat

    nama = factory.Sequence(lambda n: f"Pejabat Uji {n}, S.Sos")
    jabatan = "Kepala Dinas Uji"
    opd = factory.SubFactory(OPDFactory)


class RenstraFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Renstra

    opd = factory.SubFactory(OPDFactory)
    tahun_awal = 2021
    tahun_akhir = 2026


class TujuanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tujuan

    renstra = factory.SubFactory(RenstraFactory)
    uraian = "Tujuan uji"


class SasaranFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sasaran

    tujuan = factory.SubFactory(TujuanFactory)
    uraian = "Sasaran uji"


class IndikatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndikatorKinerja

    sasaran = factory.SubFactory(SasaranFactory)
    nama = factory.Sequence(lambda n: f"Indikator uji {n}")
    satuan = "%"
    target_akhir = Decimal("90")


# --- PK, targets and realisasi (query-count tests) -------------------------------------------
# Appended with their own imports so the block above stays untouched.

import datetime  # noqa: E402

from apps.pengukuran.models import (  # noqa: E402
    BuktiDukung,
    CatatanVerifikasi,
    JadwalPengisian,
    Realisasi,
)
from apps.perencanaan.models import (  # noqa: E402
    PerjanjianKinerja,
    PilihanNilai,
    PKIndikator,
    TargetTahunan,
)


class PilihanNilaiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PilihanNilai

    indikator = factory.SubFactory(IndikatorFactory, jenis_nilai="teks", target_akhir=None)
    urutan = factory.Sequence(lambda n: n + 1)
    label = factory.Sequence(lambda n: f"Pilihan {n}")


class TargetTahunanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetTahunan

    indikator = factory.SubFactory(IndikatorFactory)
    tahun = 2026
    target = Decimal("80")


class PerjanjianKinerjaFactory(factory.django.DjangoModelFactory):
    """A final PK (versi 0) with the signature snapshot a final PK must have."""

    class Meta:
        model = PerjanjianKinerja

    opd = factory.SubFactory(OPDFactory)
    tahun = 2026
    versi = 0
    status = PerjanjianKinerja.Status.FINAL
    tempat = "Magetan"
    tanggal = factory.LazyAttribute(lambda o: datetime.date(o.tahun, 1, 2))
    pihak_pertama_nama = factory.Sequence(lambda n: f"Kepala Uji {n}")
    pihak_pertama_jabatan = "Kepala Dinas Uji"
    pihak_kedua_jabatan = "Bupati Magetan"


class PKIndikatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PKIndikator

    pk_dokumen = factory.SubFactory(PerjanjianKinerjaFactory)
    indikator = factory.SubFactory(IndikatorFactory)
    target = Decimal("80")


class RealisasiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Realisasi

    indikator = factory.SubFactory(IndikatorFactory)
    tahun = 2026
    triwulan = 1
    nilai = Decimal("75")
    status = Realisasi.Status.DRAFT


class BuktiDukungFactory(factory.django.DjangoModelFactory):
    """An evidence row without a stored file (pages list it; only a download opens it)."""

    class Meta:
        model = BuktiDukung

    realisasi = factory.SubFactory(RealisasiFactory)
    berkas = factory.Sequence(lambda n: f"bukti/uji/bukti-{n}.pdf")
    nama_asli = factory.Sequence(lambda n: f"bukti-{n}.pdf")
    jenis_konten = "application/pdf"
    ukuran = 1024
    sha256 = "0" * 64
    diunggah_oleh = factory.SubFactory(UserFactory)


class CatatanVerifikasiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CatatanVerifikasi

    realisasi = factory.SubFactory(RealisasiFactory)
    jenis = CatatanVerifikasi.Jenis.KEMBALIKAN
    isi = "Lengkapi bukti dukung."
    penulis = factory.SubFactory(UserFactory)


class JadwalPengisianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JadwalPengisian
        django_get_or_create = ("tahun", "triwulan")

    tahun = 2026
    triwulan = 1
    dibuka = factory.LazyAttribute(lambda o: datetime.date(o.tahun, 1, 1))
    ditutup = factory.LazyAttribute(lambda o: datetime.date(o.tahun, 12, 31))
