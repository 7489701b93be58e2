"""The table of importers (apps.core.impor.daftar): every kind the import page offers has an
importer registered by its app, and the budget app reaches the planning kinds only through
this table."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from apps.anggaran.models import Impor
from apps.core.impor import Pengimpor, importer, register_importer, registered_kinds


@pytest.mark.django_db
def test_every_kind_on_the_import_page_has_exactly_one_registered_importer():
    assert registered_kinds() == sorted(Impor.Jenis.values)
    for jenis in Impor.Jenis.values:
        p = importer(jenis)
        assert p.jenis == jenis
        # the template's headers are the ones the importer reads
        templat = p.template()
        assert templat.headers and all(h.strip() for h in templat.headers), jenis


def test_a_kind_registered_twice_with_another_importer_refuses_to_start():
    lama = importer("dpa")
    palsu = Pengimpor(
        "dpa", "lain", check=lambda *a, **k: None, apply=lambda *a, **k: None, template=lambda: None
    )
    with pytest.raises(ImproperlyConfigured, match="dua kali"):
        register_importer(palsu)
    register_importer(lama)  # the same importer again (a second ready()) is harmless
    assert importer("dpa") is lama


def test_an_unknown_kind_is_a_lookup_error_not_a_silent_default():
    """The old dispatch sent any unknown kind to the realisation importer."""
    with pytest.raises(LookupError, match="bukan-jenis"):
        importer("bukan-jenis")


def test_the_budget_app_does_not_import_the_planning_importer():
    import grimp

    graf = grimp.build_graph("apps")
    assert not graf.find_matching_direct_imports(
        import_expression="apps.anggaran.** -> apps.perencanaan.impor"
    )
    assert not graf.find_matching_direct_imports(
        import_expression="apps.perencanaan.** -> apps.anggaran.impor"
    )
