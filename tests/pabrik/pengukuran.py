"""Factories of apps.pengukuran: realisasi, evidence, comments and input windows."""

import datetime
from decimal import Decimal

import factory

from apps.pengukuran.models import BuktiDukung, CatatanVerifikasi, JadwalPengisian, Realisasi

from .core import UserFactory
from .perencanaan import IndikatorFactory


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
