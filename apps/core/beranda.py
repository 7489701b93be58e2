"""The home page as a to-do list: each app that has something for a user to do or to open
registers a function in its AppConfig.ready that returns its cards (the triwulan to fill, the
values returned, the PK to finalise, the month's budget grid, the LKjIP and its draft PDF,
the verification queue...), so the home page in core shows them without importing the
apps above it (the same pattern as core.tahun and core.impor)."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone


@dataclass
class Butir:
    """One line of a card: what is to be done or known, where to do it."""

    teks: str
    url: str = ""
    ket: str = ""  # a second, quieter line: a note, a date, who wrote it
    tingkat: str = ""  # "" | "perhatian" (to do) | "bahaya" (late, returned) | "selesai"


@dataclass
class Kartu:
    """A card of the home page: a title, its lines, the links under it."""

    judul: str
    urutan: int  # smaller first
    butir: list[Butir] = field(default_factory=list)
    tautan: list[tuple[str, str]] = field(default_factory=list)  # (label, url)
    kosong: str = ""  # said when there is no line
    ringkas: str = ""  # one sentence under the title


@dataclass(frozen=True)
class Konteks:
    """What every card function is given: the user and the moment."""

    user: object
    sekarang: datetime.datetime

    @property
    def hari_ini(self) -> datetime.date:
        return timezone.localtime(self.sekarang).date()

    @property
    def opd(self):
        """The user's own OPD when the user sees only it (operator, pimpinan), else None."""
        return None if self.user.kemampuan.sees_all_opd else self.user.opd


_PENYEDIA: list[Callable[[Konteks], Iterable[Kartu]]] = []


def register_kartu(fungsi: Callable[[Konteks], Iterable[Kartu]]) -> None:
    if fungsi not in _PENYEDIA:
        _PENYEDIA.append(fungsi)


def kartu_beranda(user, sekarang: datetime.datetime | None = None) -> list[Kartu]:
    """Every registered app's cards for this user, in their order."""
    konteks = Konteks(user=user, sekarang=sekarang or timezone.now())
    kartu = [k for fungsi in _PENYEDIA for k in fungsi(konteks)]
    return sorted(kartu, key=lambda k: k.urutan)


def sisa_hari(sampai: datetime.date, hari_ini: datetime.date) -> str:
    """ "hari ini hari terakhir", "tinggal 1 hari", "tinggal 15 hari"."""
    n = (sampai - hari_ini).days
    if n == 0:
        return "hari ini hari terakhir"
    if n < 0:
        return f"lewat {-n} hari"
    return f"tinggal {n} hari"


def kartu_administrasi(k: Konteks) -> list[Kartu]:
    """Master data and users, for the roles that keep them (the only way into the admin)."""
    kemampuan = k.user.kemampuan
    if not kemampuan.can_manage_master:
        return []
    tautan = [("Data induk (OPD, pejabat, nomenklatur, skala predikat)", reverse("admin:index"))]
    if kemampuan.can_manage_users:
        tautan.append(("Pengguna", reverse("admin:core_user_changelist")))
    return [Kartu("Data induk", 90, tautan=tautan)]
