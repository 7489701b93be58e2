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
