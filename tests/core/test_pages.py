"""The pages outside the admin: login, beranda, health check; always in Indonesian."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_admin_speaks_indonesian_even_to_an_english_browser(client, login):
    login("operator.kecamatan")
    response = client.get(
        reverse("admin:anggaran_dpa_changelist"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"
    )
    body = response.content.decode()
    assert "Pilih DPA untuk diubah" in body
    assert "Select DPA to change" not in body


def test_login_page_and_wrong_password_message(client):
    assert "Masuk ke SAKIP" in client.get(reverse("login")).content.decode()
    response = client.post(
        reverse("login"), {"username": "operator.kecamatan", "password": "salah"}
    )
    assert "kata sandi salah" in response.content.decode()


def test_login_with_demo_password_reaches_beranda(client, demo_password):
    response = client.post(
        reverse("login"), {"username": "operator.kecamatan", "password": demo_password}, follow=True
    )
    body = response.content.decode()
    assert "Operator OPD" in body and "Kecamatan Magetan" in body


@pytest.mark.parametrize(
    ("username", "sees", "hidden"),
    [
        ("operator.kecamatan", "Kecamatan Magetan", "Bagian Organisasi Sekretariat"),
        ("operator.organisasi", "Bagian Organisasi Sekretariat", "Kecamatan Magetan"),
        ("verifikator", "3 Perangkat Daerah;", None),
        ("inspektorat", "3 Perangkat Daerah;", None),
    ],
)
def test_beranda_speaks_only_of_the_users_opds(client, login, username, sees, hidden):
    """An OPD's users read of their own OPD only; the roles that see every OPD, of all of
    them (the demo's three active OPDs)."""
    login(username)
    body = client.get(reverse("core:beranda")).content.decode()
    assert sees in body
    if hidden:
        assert hidden not in body


def test_beranda_requires_login(client):
    assert client.get(reverse("core:beranda")).status_code == 302


def test_health_check(client):
    response = client.get(reverse("core:sehat"))
    assert response.status_code == 200 and response.content == b"ok"


def test_error_pages_speak_indonesian(client, login):
    login("operator.organisasi")
    from apps.core.models import OPD

    kec = OPD.objects.get(nama="Kecamatan Magetan")
    resp = client.get(f"/realisasi/opd/{kec.pk}/2026/tw3/")
    assert resp.status_code == 404
    assert "Halaman tidak ditemukan" in resp.content.decode()
    resp = client.get("/realisasi/verifikasi/")
    assert resp.status_code == 403
    assert "Tidak diizinkan" in resp.content.decode()
