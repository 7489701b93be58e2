"""A cycle in the links between units (issue 19: "a cycle in the links ... refused"): the
pohon kinerja's levels are typed links (sasaran daerah, sasaran, program, kegiatan, sub
kegiatan) that cannot loop; the one link of a unit to a unit is OPD.induk, where a unit under
itself is refused by a constraint and a longer loop by OPD.clean, named with its path."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from perencanaan_uji import formulir_dari, opd_organisasi, user

from apps.core.models import OPD

pytestmark = pytest.mark.django_db


def test_a_unit_under_its_own_sub_unit_is_refused_with_the_loop_named(client):
    org = opd_organisasi()
    setda = org.induk
    assert setda is not None and setda.induk_id is None
    url = reverse("admin:core_opd_change", args=[setda.pk])
    data = formulir_dari(url, "opd_form", username="admin")
    data["induk"] = str(org.pk)
    client.force_login(user("admin"))
    sebelum = list(OPD.objects.order_by("pk").values_list("pk", "induk_id"))
    resp = client.post(url, data)
    assert resp.status_code == 200
    isi = resp.content.decode()
    assert (
        f"Unit induk membentuk lingkaran ({setda.nama} › {org.nama} › {setda.nama}); "
        "pilih unit lain."
    ) in isi
    assert list(OPD.objects.order_by("pk").values_list("pk", "induk_id")) == sebelum


def test_a_longer_loop_and_a_loop_above_are_told_apart():
    org = opd_organisasi()
    setda = org.induk
    cucu = OPD.objects.create(
        kode="4.01.01.06.1", nama="Subbagian Uji", jenis=OPD.Jenis.BAGIAN, induk=org
    )
    setda.induk = cucu  # setda -> cucu -> org -> setda
    with pytest.raises(ValidationError, match="Unit induk membentuk lingkaran"):
        setda.full_clean()
    # A unit whose parents loop among themselves, not through it: its own chain stops.
    setda.refresh_from_db()
    OPD.objects.filter(pk=setda.pk).update(induk=cucu)  # a loop already stored
    baru = OPD(kode="9.99.99", nama="Unit baru", jenis=OPD.Jenis.BAGIAN, induk=org)
    baru.full_clean()  # not its loop: nothing raised, no endless walk
