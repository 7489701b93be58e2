"""Our password rule (AUTH_PASSWORD_VALIDATORS), next to Django's: it reads the kabupaten's
name, so it sits above the models, unlike the field validators of apps.core.validators."""

import re

from django.core.exceptions import ValidationError

from .models import Pemda


class KataSandiTanpaNamaValidator:
    """Refuse a password that contains the username, "sakip" or the kabupaten's name (or its
    name without "Kabupaten"/"Kota"): the first words someone guessing would try."""

    KATA_TETAP = ("sakip",)

    def _kata(self, user) -> list[str]:
        kata = list(self.KATA_TETAP)
        username = getattr(user, "username", "") or ""
        if len(username) >= 3:
            kata.append(username)
        pemda = Pemda.objects.only("nama").first()
        if pemda and pemda.nama:
            kata.append(pemda.nama.replace(" ", ""))
            inti = re.sub(r"^(kabupaten|kab\.?|kota)\s+", "", pemda.nama.strip(), flags=re.I)
            if len(inti) >= 3:
                kata.append(inti.replace(" ", ""))
        return [k.lower() for k in kata]

    def validate(self, password, user=None):
        sandi = password.lower().replace(" ", "")
        for kata in self._kata(user):
            if kata in sandi:
                raise ValidationError(
                    "Kata sandi tidak boleh memuat nama pengguna, kata “sakip” atau nama "
                    "daerah (“%(kata)s”).",
                    code="sandi_memuat_nama",
                    params={"kata": kata},
                )

    def get_help_text(self):
        return "Kata sandi tidak boleh memuat nama pengguna, kata “sakip” atau nama daerah."
