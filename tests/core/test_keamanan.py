"""Security settings a user or an attacker would notice: login throttling (django-axes), the
response headers (Content-Security-Policy and friends), session expiry on shared computers,
Indonesian password rules, where uploads live and what the logs keep."""

import re
import time
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.test import Client
from django.urls import Resolver404, get_resolver, path, resolve, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from apps.core.middleware import MULAI, TERAKHIR
from apps.core.models import User
from apps.core.roles import Peran

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Rendered by WeasyPrint only (which ignores CSP), never sent to a browser.
TEMPLAT_PDF = (
    "laporan/lkjip/",
    "perencanaan/_pk_isi.html",
    "laporan/rekap_pdf.html",
    "laporan/pohon_pdf.html",
    "perencanaan/pk_jenjang_pdf.html",
    "perencanaan/pk_bupati_pdf.html",
    "perencanaan/_pk_bupati_isi.html",
    "laporan/_pohon_tabel.html",
    "laporan/lkjip_kab/",
    "laporan/lkjip_kabupaten_pdf.html",
    "laporan/lhe_pdf.html",
    "laporan/_kop_inspektorat.html",
    "laporan/rekap_lke_pdf.html",
)


def _masuk(client, username, sandi):
    return client.post(reverse("login"), {"username": username, "password": sandi})


# LOGIN THROTTLING ---------------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_username_with_an_indonesian_page(client, demo_password):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        resp = _masuk(client, "operator.kecamatan", "salah-sekali")
        assert resp.status_code == 200
        assert "Nama pengguna atau kata sandi salah" in resp.content.decode()
    resp = _masuk(client, "operator.kecamatan", "salah-sekali")
    assert resp.status_code == 429
    teks = resp.content.decode()
    assert "Akun dikunci sementara" in teks
    assert "30 menit" in teks
    assert "Data induk › Axes › Upaya akses" in teks
    # Locked: even the right password is refused, and no session is opened.
    resp = _masuk(client, "operator.kecamatan", demo_password)
    assert resp.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another username from the same address is not locked.
    assert _masuk(Client(), "pimpinan.kecamatan", demo_password).status_code == 302


def test_a_right_password_before_the_limit_resets_the_count(client, demo_password):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _masuk(client, "operator.kecamatan", "salah-sekali")
    assert _masuk(client, "operator.kecamatan", demo_password).status_code == 302
    assert not AccessAttempt.objects.filter(username="operator.kecamatan").exists()


def test_admin_sees_the_lock_and_unlocks_by_deleting_the_attempt(client, demo_password):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _masuk(client, "operator.kecamatan", "salah-sekali")
    attempt = AccessAttempt.objects.get(username="operator.kecamatan")

    admin = Client()
    admin.force_login(User.objects.get(username="admin"))
    index = admin.get(reverse("admin:index")).content.decode()
    assert "Axes" in index and "Upaya akses" in index
    daftar = admin.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert "operator.kecamatan" in daftar
    resp = admin.post(
        reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}
    )
    assert resp.status_code == 302
    assert not AccessAttempt.objects.exists()

    assert _masuk(client, "operator.kecamatan", demo_password).status_code == 302


@pytest.mark.parametrize("peran", ["operator.kecamatan", "verifikator", "inspektorat"])
def test_only_the_admin_role_sees_the_login_attempts(client, login, peran):
    login(peran)
    assert "Upaya akses" not in client.get(reverse("admin:index")).content.decode()
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403


# HEADERS ------------------------------------------------------------------------------------


def test_every_page_carries_csp_and_the_other_security_headers(client, login):
    login("operator.kecamatan")
    resp = client.get(reverse("core:beranda"))
    csp = resp["Content-Security-Policy"]
    arahan = {d.split()[0]: d.split()[1:] for d in csp.split("; ")}
    assert arahan["default-src"] == ["'self'"]
    assert arahan["script-src"] == ["'self'"]
    assert arahan["style-src"] == ["'self'"]
    assert arahan["img-src"] == ["'self'", "data:"]
    assert arahan["frame-ancestors"] == ["'none'"]
    assert arahan["form-action"] == ["'self'"]
    assert "unsafe" not in csp
    assert resp["X-Content-Type-Options"] == "nosniff"
    assert resp["Referrer-Policy"] == "same-origin"
    assert resp["Cross-Origin-Opener-Policy"] == "same-origin"
    assert resp["X-Frame-Options"] == "DENY"


def _templat_peramban():
    for p in sorted(TEMPLATES.rglob("*.html")):
        rel = p.relative_to(TEMPLATES).as_posix()
        if not rel.startswith(TEMPLAT_PDF):
            yield rel, p.read_text()


def test_no_browser_template_has_inline_script_event_handler_or_style():
    """What the CSP would block: an inline <script>, an on...= handler, a style attribute or
    a <style> element."""
    salah = []
    for rel, isi in _templat_peramban():
        if re.search(r"<script(?![^>]*\bsrc=)", isi):
            salah.append(f"{rel}: inline <script>")
        if re.search(r"\son[a-z]+\s*=", isi):
            salah.append(f"{rel}: event handler")
        if re.search(r"\sstyle\s*=|<style", isi):
            salah.append(f"{rel}: style")
    for p in sorted(Path(settings.BASE_DIR, "apps").rglob("*.py")):
        if re.search(r"format_html\([^)]*style=", p.read_text(), flags=re.S):
            salah.append(f"{p.name}: style in format_html")
    assert salah == []


# SESSIONS -----------------------------------------------------------------------------------


def test_session_ends_with_the_browser_and_after_30_idle_minutes():
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE == 30 * 60


def _sesi(client):
    return Session.objects.get(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value)


def test_a_request_after_a_minute_pushes_the_idle_expiry_on(client, login):
    login("operator.kecamatan")
    s = client.session
    s[TERAKHIR] = int(time.time()) - 120
    s.save()
    sepuluh_menit_lalu = _sesi(client).expire_date - timedelta(minutes=10)
    Session.objects.filter(pk=_sesi(client).pk).update(expire_date=sepuluh_menit_lalu)
    assert client.get(reverse("core:beranda")).status_code == 200
    assert _sesi(client).expire_date > timezone.now() + timedelta(minutes=29)


def test_an_idle_session_is_logged_out(client, login):
    login("operator.kecamatan")
    Session.objects.filter(pk=_sesi(client).pk).update(expire_date=timezone.now())
    resp = client.get(reverse("core:beranda"))
    assert resp.status_code == 302
    assert resp["Location"].startswith(reverse("login"))


def test_a_session_older_than_8_hours_is_ended_even_when_active(client, login):
    login("operator.kecamatan")
    s = client.session
    s[MULAI] = int(time.time()) - 8 * 3600 - 5
    s.save()
    resp = client.get(reverse("pengukuran:beranda"), follow=True)
    assert resp.redirect_chain[0][0].startswith(reverse("login"))
    assert "Sesi Anda sudah 8 jam dan telah berakhir" in resp.content.decode()
    assert client.get(reverse("core:beranda")).status_code == 302


# PASSWORDS ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sandi", "pesan"),
    [
        ("Xq7#pz", "Kata sandi terlalu pendek. Harus mengandung setidaknya 10 karakter."),
        ("5830192746", "Kata sandi ini seluruhnya terdiri dari angka."),
        ("password123", "Kata sandi ini terlalu umum."),
        ("budi.santoso#77", "nama pengguna, kata “sakip” atau nama daerah (“budi.santoso”)"),
        ("Sakip-2026-aman", "nama pengguna, kata “sakip” atau nama daerah (“sakip”)"),
        ("magetan#Jaya7", "nama pengguna, kata “sakip” atau nama daerah (“magetan”)"),
    ],
)
def test_weak_passwords_are_refused_in_indonesian(sandi, pesan):
    user = User(username="budi.santoso", first_name="Budi", last_name="Santoso")
    with pytest.raises(ValidationError) as e:
        validate_password(sandi, user)
    assert any(pesan in m for m in e.value.messages), e.value.messages


def test_a_good_password_passes():
    validate_password("Lembayung#Senja29", User(username="budi.santoso"))


PRODUKSI_HASHERS = [
    "apps.core.hashers.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]


def test_passwords_are_stored_as_argon2id_at_owasp_cost(settings):
    settings.PASSWORD_HASHERS = PRODUKSI_HASHERS
    user = User.objects.create(username="budi.santoso", peran=Peran.VERIFIKATOR)
    user.set_password("Lembayung#Senja29")
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert user.check_password("Lembayung#Senja29")
    assert not user.check_password("Lembayung#Senja28")


def test_an_old_pbkdf2_password_still_logs_in_and_is_rewritten_as_argon2id(client, settings):
    settings.PASSWORD_HASHERS = PRODUKSI_HASHERS
    lama = make_password("Lembayung#Senja29", hasher="pbkdf2_sha256")
    user = User.objects.create(username="budi.santoso", peran=Peran.VERIFIKATOR, password=lama)
    assert user.password.startswith("pbkdf2_sha256$")
    assert _masuk(client, "budi.santoso", "Lembayung#Senja29").status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert _masuk(Client(), "budi.santoso", "Lembayung#Senja29").status_code == 302


def test_admin_password_change_refuses_a_weak_password_and_keeps_the_old(
    client, login, demo_password
):
    login("admin")
    target = User.objects.get(username="operator.kecamatan")
    resp = client.post(
        reverse("admin:auth_user_password_change", args=[target.pk]),
        {"password1": "sakip12345", "password2": "sakip12345"},
    )
    assert resp.status_code == 200
    assert "kata “sakip”" in resp.content.decode()
    target.refresh_from_db()
    assert target.check_password(demo_password)


# UPLOADS ------------------------------------------------------------------------------------


def test_media_is_outside_static_and_never_served_by_a_url():
    media = Path(settings.MEDIA_ROOT).resolve()
    static = Path(settings.STATIC_ROOT).resolve()
    assert not media.is_relative_to(static) and not static.is_relative_to(media)
    for contoh in (
        "bukti/2026/x.pdf",
        "struktur/x.png",
        "impor/2026/x.xlsx",
        "lkjip/x.pdf",
        "lkjip-draf/2026/x.pdf",
    ):
        with pytest.raises(Resolver404):
            resolve(settings.MEDIA_URL + contoh)

    def _views(patterns):
        for p in patterns:
            if hasattr(p, "url_patterns"):
                yield from _views(p.url_patterns)
            else:
                yield p.callback

    assert not any(
        getattr(v, "__name__", "") == "serve" for v in _views(get_resolver().url_patterns)
    )


def test_every_file_field_is_known_and_served_through_a_checked_view():
    """The upload fields and where they are checked and served; a new one must be added."""
    fields = {
        f"{m._meta.label}.{f.name}"
        for m in apps.get_models()
        for f in m._meta.get_fields()
        if isinstance(f, models.FileField)
    }
    assert fields == {
        "core.Pemda.logo",  # admin only (master data), printed in PDFs, never linked
        "pengukuran.BuktiDukung.berkas",  # berkas.check_bukti -> pengukuran:bukti_unduh
        "anggaran.Impor.berkas",  # apps.core.impor.read_tabel; never served back
        "anggaran.Impor.tabel",  # the cells read, written by the app
        "laporan.LaporanKinerja.struktur_organisasi",  # check_gambar -> lkjip_struktur
        "laporan.LaporanKinerja.berkas_final",  # rendered by the app -> lkjip_final_pdf
        "laporan.PaketLKjIP.berkas",  # written by the app -> paket_unduh
        "laporan.DrafLKjIP.berkas",  # written by the app -> lkjip_draf, its user only
        # check_bukti -> tindak_lanjut_bukti, through the evaluation's OPD scope
        "laporan.RekomendasiLKE.bukti",
        # check_bukti -> bukti_lke, through the evaluation's OPD scope
        "laporan.BuktiLKE.berkas",
        "laporan.EvaluasiLKE.berkas_lhe",  # rendered by the app at approval -> lhe_pdf
    }


# LOGS ---------------------------------------------------------------------------------------


RAHASIA = "Rahasia-Bocor-9731"


@require_POST
def _rusak(request):
    request.POST.get("analisis")
    raise RuntimeError("kesalahan uji")


urlpatterns = [path("rusak/", _rusak), path("ok/", lambda r: HttpResponse("ok"))]


def test_a_failed_login_logs_neither_the_password_nor_the_username(client, caplog):
    caplog.set_level("DEBUG")
    _masuk(client, "operator.kecamatan", RAHASIA)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _masuk(client, "operator.kecamatan", RAHASIA)
    assert "AXES" in caplog.text  # the failures are logged...
    assert RAHASIA not in caplog.text  # ...without the password
    assert "operator.kecamatan" not in caplog.text  # nor the username (axes masks it)


def test_a_500_logs_the_path_but_not_the_posted_data(settings, caplog):
    settings.ROOT_URLCONF = __name__
    caplog.set_level("DEBUG")
    client = Client(raise_request_exception=False)
    resp = client.post("/rusak/?nip=196702271986011001", {"analisis": RAHASIA, "password": RAHASIA})
    assert resp.status_code == 500
    assert "Terjadi kesalahan pada server" in resp.content.decode()
    assert "Internal Server Error: /rusak/" in caplog.text
    assert RAHASIA not in caplog.text
    assert "196702271986011001" not in caplog.text
