"""Roles and their named capabilities.

A role is a fixed set of capabilities; views and admin classes ask for a capability
(`can_edit_opd_data`), never for a role name, so a rule lives here only.
"""

from dataclasses import dataclass

from django.db import models


class Peran(models.TextChoices):
    OPERATOR = "operator", "Operator OPD"
    PIMPINAN = "pimpinan", "Pimpinan OPD"
    VERIFIKATOR = "verifikator", "Verifikator (Bagian Organisasi)"
    INSPEKTORAT = "inspektorat", "Inspektorat (APIP)"
    ADMIN = "admin", "Administrator"


@dataclass(frozen=True)
class Kemampuan:
    """What a role may do. `sees_all_opd` False means: only the user's own OPD."""

    sees_all_opd: bool
    can_edit_opd_data: bool  # Renstra, PK, DPA, realisasi, LKjIP narrative
    can_approve_opd: bool  # pimpinan: approve the submission, finalise the LKjIP
    can_verify: bool  # verify or return a submission, reopen a verified value
    can_manage_master: bool  # OPD, officials, nomenclature, scales, windows
    can_manage_users: bool
    # Evaluasi AKIP: evaluate an OPD's SAKIP with the year's LKE (PermenPAN-RB 88/2021);
    # the Inspektorat's only write.
    can_evaluate: bool = False


KEMAMPUAN = {
    Peran.OPERATOR: Kemampuan(
        sees_all_opd=False,
        can_edit_opd_data=True,
        can_approve_opd=False,
        can_verify=False,
        can_manage_master=False,
        can_manage_users=False,
    ),
    Peran.PIMPINAN: Kemampuan(
        sees_all_opd=False,
        can_edit_opd_data=True,
        can_approve_opd=True,
        can_verify=False,
        can_manage_master=False,
        can_manage_users=False,
    ),
    Peran.VERIFIKATOR: Kemampuan(
        sees_all_opd=True,
        can_edit_opd_data=True,
        can_approve_opd=True,
        can_verify=True,
        can_manage_master=True,
        can_manage_users=False,
    ),
    Peran.INSPEKTORAT: Kemampuan(
        sees_all_opd=True,
        can_edit_opd_data=False,
        can_approve_opd=False,
        can_verify=False,
        can_manage_master=False,
        can_manage_users=False,
        can_evaluate=True,
    ),
    Peran.ADMIN: Kemampuan(
        sees_all_opd=True,
        can_edit_opd_data=True,
        can_approve_opd=True,
        can_verify=True,
        can_manage_master=True,
        can_manage_users=True,
        can_evaluate=True,
    ),
}

# Roles bound to one OPD; the database refuses such a user without an OPD.
PERAN_BER_OPD = (Peran.OPERATOR, Peran.PIMPINAN)
