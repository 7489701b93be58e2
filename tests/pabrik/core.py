"""Factories of apps.core: OPDs, users and officials."""

import factory

from apps.core.models import OPD, Pejabat, User
from apps.core.roles import Peran


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
