"""The admin's choke point for roles and OPD isolation.

Every ModelAdmin and inline of the project derives from these classes:
- the changelist and every object lookup go through `core.selectors.for_user`; an object of
  another OPD answers 404 on its change, delete and history pages;
- every foreign-key and many-to-many choice that points to OPD-owned rows is filtered the same
  way, so a forged id of another OPD fails form validation ("pilihan tidak valid");
- what a role may do comes from its named capabilities (core.roles), not from Django's
  per-model permission table.
"""

import re
from collections import defaultdict

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import NestedObjects, lookup_field, quote
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models, router
from django.http import Http404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
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


def boleh_dilihat(user, obj) -> bool:
    """Whether `user` may open `obj`'s admin page (the same rule as get_queryset)."""
    if user.kemampuan.sees_all_opd:
        return True
    model = type(obj)
    if model._meta.label == "core.OPD":
        return opd_for_user(user).filter(pk=obj.pk).exists()
    if is_opd_owned(model):
        return for_user(model._default_manager.filter(pk=obj.pk), user).exists()
    return True


class _IsianBacaSaja(helpers.AdminReadonlyField):
    """A read-only foreign key links to the related object's admin page only when the user
    may open it: an operator reading their OPD saw its parent OPD (Setda) as a link that
    answered 404. The user comes from the form class, which ScopedPermissionMixin.get_form
    makes for each request. A stored file shows its name, not a link to MEDIA_URL, which is
    not served (files go out through permission-checked views only)."""

    def contents(self):
        try:
            f, _, nilai = lookup_field(self.field["field"], self.form.instance, self.model_admin)
        except (AttributeError, ValueError, ObjectDoesNotExist):
            f = None
        if isinstance(f, models.FileField):
            return nilai.name.rsplit("/", 1)[-1] if nilai else self.empty_value_display
        return super().contents()

    def get_admin_url(self, remote_field, remote_obj):
        user = getattr(self.form, "pengguna_admin", None)
        if user is not None and not boleh_dilihat(user, remote_obj):
            return str(remote_obj)
        return super().get_admin_url(remote_field, remote_obj)


# Django builds the read-only fields of every change form (and inline) through this name.
helpers.AdminReadonlyField = _IsianBacaSaja


class PilihanOtomatis(AutocompleteSelect):
    """The admin's search-as-you-type choice, shown again after a refused post with the value
    posted: a value that is not an id ("abc", "1\\x00", or beyond 64 bits) failed the page when
    the widget looked it up. Such a value is left out of the lookup; the field's own
    validation already says it is not a valid choice."""

    def optgroups(self, name, value, attr=None):
        kolom = self.field.remote_field.model._meta.get_field(
            getattr(self.field.remote_field, "field_name", None)
            or self.field.remote_field.model._meta.pk.name
        )
        sah = []
        for v in value:
            try:
                nilai = kolom.to_python(v)
            except ValidationError:
                continue
            if isinstance(nilai, int) and not -(2**63) <= nilai < 2**63:
                continue  # SQLite cannot even compare it (OverflowError)
            sah.append(v)
        return super().optgroups(name, sah, attr)


class BerkasInput(forms.ClearableFileInput):
    """The admin's file input, with the stored file's name instead of a link to MEDIA_URL
    (not served; that link answered 404)."""

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        return mark_safe(re.sub(r'<a href="[^"]*">(.*?)</a>', r"\1", html, count=1))


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


INLINE_TAMBAHAN = 50  # new rows one save of an inline may add


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

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.pengguna_admin = request.user  # a class made for this request (_IsianBacaSaja)
        return form

    def get_formset(self, request, obj=None, **kwargs):
        """An inline's formset, at most INLINE_TAMBAHAN new rows beyond the existing ones: a
        post claiming a million forms (TOTAL_FORMS) made Django build and render its default
        limit of 2.000 forms, half a minute of CPU for one request."""
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.pengguna_admin = request.user
        ada = (
            self.model._default_manager.filter(**{formset.fk.name: obj}).count()
            if obj is not None and obj.pk is not None
            else 0
        )
        formset.absolute_max = ada + INLINE_TAMBAHAN
        formset.max_num = min(formset.max_num, formset.absolute_max)
        formset.validate_max = True
        return formset

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.DecimalField):
            return angka_formfield(db_field, **kwargs)
        if isinstance(db_field, models.FileField):
            kwargs["widget"] = BerkasInput
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs = _scope_field_queryset(db_field, request.user, kwargs)
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = PilihanOtomatis(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs = _scope_field_queryset(db_field, request.user, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


# A search of the admin lists matches every word against every search field: 1.400 words
# pasted into the box built a query of thousands of LIKE clauses that held a worker for
# minutes. Longer searches are refused with a message, never cut silently.
CARI_MAKS_KARAKTER = 100
CARI_MAKS_KATA = 10


DAFTAR_HAPUS_MAKS = 10  # objects of one model named on the page before a delete


def _boleh_hapus_semua(ma, request, model, instances) -> bool:
    """Whether `request.user` may delete every one of `instances` in `ma`: the admin's own
    check on one object of each OPD they belong to (an object's OPD is what decides)."""
    path = getattr(model, "opd_path", None)
    kolom = "pk" if path == "pk" else path
    instances = list(instances)
    if path is None or request.user.kemampuan.sees_all_opd:
        return ma.has_delete_permission(request, instances[0])
    per_opd = dict(
        model._base_manager.filter(pk__in=[o.pk for o in instances])
        .values_list(kolom, "pk")
        .order_by()
    )
    wakil = {o.pk: o for o in instances}
    return all(ma.has_delete_permission(request, wakil[pk]) for pk in per_opd.values())


class BatasCariMixin:
    """Refuses an admin list search longer than CARI_MAKS_KARAKTER or CARI_MAKS_KATA."""

    def get_search_results(self, request, queryset, search_term):
        if len(search_term) > CARI_MAKS_KARAKTER or len(search_term.split()) > CARI_MAKS_KATA:
            messages.error(
                request,
                f"Pencarian: paling panjang {CARI_MAKS_KARAKTER} karakter "
                f"dan {CARI_MAKS_KATA} kata; persingkat kata kuncinya.",
            )
            return queryset.none(), False
        return super().get_search_results(request, queryset, search_term)


class ScopedAdmin(BatasCariMixin, ScopedPermissionMixin, SimpleHistoryAdmin):
    """Base ModelAdmin: scoped queryset, 404 outside the user's OPDs, change history view."""

    list_per_page = 50

    def get_deleted_objects(self, objs, request):
        """What the page before a delete lists. Django names every object the delete takes
        with it, each by its __str__ and each checked by its admin's permission: queries for
        every object (a DPA's page took 171 with its 53 lines and their months). Here the same
        collector; each object's permission with one query per model (the OPD of all its
        objects at once) and the admin's own check on one object per OPD; at most
        DAFTAR_HAPUS_MAKS objects of a model named, with the count of all of them."""
        try:
            pertama = objs[0]
        except IndexError:
            return [], {}, set(), []
        collector = NestedObjects(using=router.db_for_write(pertama._meta.model), origin=objs)
        collector.collect(objs)
        perms_needed = set()
        for model, instances in collector.model_objs.items():
            ma = self.admin_site._registry.get(model)
            if (
                ma is not None
                and instances
                and not _boleh_hapus_semua(ma, request, model, instances)
            ):
                perms_needed.add(model._meta.verbose_name)

        def tulis(obj):
            opts = obj._meta
            if self.admin_site.is_registered(type(obj)):
                url = reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                    args=[quote(obj.pk)],
                )
                return format_html('{}: <a href="{}">{}</a>', capfirst(opts.verbose_name), url, obj)
            return f"{capfirst(opts.verbose_name)}: {obj}"

        def daftar(per_model: dict) -> list:
            hasil = []
            for model, instances in per_model.items():
                urut = sorted(instances, key=lambda o: o.pk)
                hasil.extend(tulis(o) for o in urut[:DAFTAR_HAPUS_MAKS])
                if len(urut) > DAFTAR_HAPUS_MAKS:
                    hasil.append(
                        f"… dan {len(urut) - DAFTAR_HAPUS_MAKS} "
                        f"{model._meta.verbose_name_plural} lainnya"
                    )
            return hasil

        model_count = {
            model._meta.verbose_name_plural: len(instances)
            for model, instances in collector.model_objs.items()
        }
        terlindung = defaultdict(list)
        for obj in collector.protected:
            terlindung[type(obj)].append(obj)
        return (daftar(collector.model_objs), model_count, perms_needed, daftar(terlindung))

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


class JenisOPDFilter(admin.ChoicesFieldListFilter):
    """The filter on ``opd__jenis``, titled "jenis OPD": next to a model's own ``jenis``
    (DPA murni/perubahan) Django would title both "Berdasarkan jenis"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = "jenis OPD"
