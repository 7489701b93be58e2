"""One word for password: the login page said "Kata sandi", the admin (Django's Indonesian
translation) "Sandi". The project's locale overrides Django's messages that say "sandi"."""

import pytest
from django.urls import reverse
from django.utils import translation
from realisasi_uji import teks_halaman

from apps.core.models import User


def test_djangos_messages_say_kata_sandi():
    with translation.override("id"):
        assert translation.gettext("Password") == "Kata sandi"
        assert translation.gettext("Change password") == "Ganti kata sandi"
        assert translation.gettext("Password confirmation") == "Konfirmasi kata sandi"
        assert translation.gettext("codename") == "namasandi"  # not a password: left alone


@pytest.mark.django_db
def test_the_admin_user_page_says_kata_sandi(client, login):
    login("admin")
    operator = User.objects.get(username="operator.kecamatan")
    teks = teks_halaman(client.get(reverse("admin:core_user_change", args=[operator.pk])))
    assert "Kata sandi" in teks
    assert " Sandi" not in teks and "Sandi:" not in teks
