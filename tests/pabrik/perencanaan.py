"""Factories of apps.perencanaan: the Renstra tree, targets and Perjanjian Kinerja."""

import datetime
from decimal import Decimal

import factory

from apps.perencanaan.models import (
    IndikatorKinerja,
    PerjanjianKinerja,
    PilihanNilai,
    PKIndikator,
    Renstra,
    Sasaran,
    TargetTahunan,
    Tujuan,
)

from .core import OPDFactory


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
