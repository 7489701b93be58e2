"""The admin's choke point for roles and OPD isolation.

Every ModelAdmin and inline of the project derives from these classes:
- the changelist and every object lookup go through `core.selectors.for_user`; an object of
  another OPD answers 404 on its change, delete and history pages;
- every foreign-key and many-to-many choice that points to OPD-owned rows is filtered the same
  way, so a forged id of another OPD fails form validation ("pilihan tidak valid");
- what a role may do comes from its named capabilities (core.roles), not from Django's
  per-model permission table.
"""

from django.contrib import admin
from django.db import models
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin

from .forms import angka_formfield
from .selectors import for_user, is_opd_owned, opd_for_user, owning_opd_id


def _scope_field_queryset(db_field, user, kwargs):
    related = db_field.remote_field.model
    if related._meta.label == "core.OPD":
        kwargs["queryset"] = opd_for_user(user)
    elif is_opd_owned(related):
        base = kwargs.get("queryset") or related._default_manager.all()
        kwargs["queryset"] = for_user(base, user)
    return kwargs


class HanyaBacaMixin:
    """Shown in the admin, never written there: rows whose own pages keep their rules (a PK
    and its rows, realisasi with its windows and locks, the LKjIP analyses). Put it before
    the Scoped class, so reading stays scoped to the user's OPD."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ScopedPermissionMixin:
    """Permissions from capabilities. `master_data = True` marks kabupaten-wide master data
    (nomenclature, scales, windows): everyone reads it, only master-data roles change it."""

    master_data = False

    def _may_write(self, request, obj=None) -> bool:
        user = request.user
        if not (user.is_authenticated and user.is_active):
            return False
        cap = user.kemampuan
        if self.master_data or not is_opd_owned(self.model):
            return cap.can_manage_master
        if not cap.can_edit_opd_data:
            return False
        if obj is None or cap.sees_all_opd:
            return True
        if not is_opd_owned(type(obj)):  # an inline under master data
            return cap.can_manage_master
        opd_id = owning_opd_id(obj)
        if opd_id is None:
            return cap.can_manage_master
        return opd_id == user.opd_id

    def _may_read(self, request, obj=None) -> bool:
        user = request.user
        if not (user.is_authenticated and user.is_active):
            return False
        if obj is None or user.kemampuan.sees_all_opd or not is_opd_owned(type(obj)):
            return True
        opd_id = owning_opd_id(obj)
        return opd_id is None or opd_id == user.opd_id

    def has_module_permission(self, request):
        return request.user.is_active

    def has_view_permission(self, request, obj=None):
        return self._may_read(request, obj)

    def has_add_permission(self, request, obj=None):
        return self._may_write(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._may_write(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may_write(request, obj)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.DecimalField):
            return angka_formfield(db_field, **kwargs)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs = _scope_field_queryset(db_field, request.user, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs = _scope_field_queryset(db_field, request.user, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ScopedAdmin(ScopedPermissionMixin, SimpleHistoryAdmin):
    """Base ModelAdmin: scoped queryset, 404 outside the user's OPDs, change history view."""

    list_per_page = 50

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if is_opd_owned(self.model):
            qs = for_user(qs, request.user)
        return qs

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            # Django would redirect to the index with "does not exist"; another OPD's object
            # must look exactly like a missing one: 404.
            raise Http404("Data tidak ditemukan.")
        return obj

    def history_view(self, request, object_id, extra_context=None):
        if not request.user.kemampuan.sees_all_opd:
            self.get_object(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self.get_object(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


class ScopedTabularInline(ScopedPermissionMixin, admin.TabularInline):
    extra = 0


class ScopedStackedInline(ScopedPermissionMixin, admin.StackedInline):
    extra = 0


def readonly_computed(description):
    """Decorator for an admin column whose value is computed (capaian, totals), never typed."""

    def wrap(func):
        return admin.display(description=description)(func)

    return wrap
