from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import timezone

from .admin_scope import BatasCariMixin, JenisOPDFilter, ScopedAdmin, ScopedTabularInline
from .forms import PejabatOPDForm
from .models import (
    OPD,
    Misi,
    Pejabat,
    Pemda,
    PeriodeRPJMD,
    RentangPredikat,
    SkalaPredikat,
    User,
    validate_rentang_lengkap,
)


@admin.register(Pemda)
class PemdaAdmin(ScopedAdmin):
    list_display = [
        "nama",
        "ibu_kota",
        "kepala_daerah",
        "skala_predikat",
        "rumus_polaritas_negatif",
    ]

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not Pemda.objects.exists()


class MisiInline(ScopedTabularInline):
    model = Misi


@admin.register(PeriodeRPJMD)
class PeriodeRPJMDAdmin(ScopedAdmin):
    list_display = ["nama", "tahun_awal", "tahun_akhir"]
    inlines = [MisiInline]


@admin.register(OPD)
class OPDAdmin(ScopedAdmin):
    list_display = ["kode", "nama", "singkatan", "jenis", "induk", "aktif"]
    list_select_related = ["induk"]
    list_filter = ["jenis", "aktif"]
    search_fields = ["kode", "nama", "singkatan"]
    master_data = True


class PejabatForm(PejabatOPDForm):
    class Meta(PejabatOPDForm.Meta):
        fields = [*PejabatOPDForm.Meta.fields, "opd"]


@admin.register(Pejabat)
class PejabatAdmin(ScopedAdmin):
    form = PejabatForm
    list_display = ["nama", "nip_tampil", "pangkat", "jabatan_lengkap", "opd", "aktif"]
    list_filter = ["status_jabatan", "aktif", ("opd__jenis", JenisOPDFilter)]
    search_fields = ["nama", "nip", "jabatan"]
    list_select_related = ["opd"]

    @admin.display(description="NIP")
    def nip_tampil(self, obj):
        return obj.nip_tampil

    @admin.display(description="jabatan")
    def jabatan_lengkap(self, obj):
        return obj.jabatan_lengkap


class RentangFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        bands = [
            f.instance
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE", False)
        ]
        try:
            validate_rentang_lengkap(bands)
        except ValidationError as e:
            raise ValidationError(e.messages) from None


class RentangInline(ScopedTabularInline):
    model = RentangPredikat
    formset = RentangFormSet
    fields = ["label", "batas_bawah", "batas_atas", "warna"]


@admin.register(SkalaPredikat)
class SkalaPredikatAdmin(ScopedAdmin):
    list_display = ["nama", "tepi", "sumber"]
    inlines = [RentangInline]


class PenggunaCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = ["username", "peran", "opd"]


class PenggunaChangeForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User
        fields = [
            "username",
            "password",
            "first_name",
            "last_name",
            "email",
            "peran",
            "opd",
            "is_active",
            "last_login",
            "date_joined",
        ]


class KhususPengelolaPenggunaMixin(BatasCariMixin):
    """Only roles that manage users (core.roles.can_manage_users) see or change this model."""

    def _allowed(self, request):
        return request.user.is_active and request.user.kemampuan.can_manage_users

    def has_module_permission(self, request):
        return self._allowed(request)

    def has_view_permission(self, request, obj=None):
        return self._allowed(request)

    def has_add_permission(self, request, *args):
        return self._allowed(request)

    def has_change_permission(self, request, obj=None):
        return self._allowed(request)

    def has_delete_permission(self, request, obj=None):
        return self._allowed(request)


@admin.register(User)
class PenggunaAdmin(KhususPengelolaPenggunaMixin, DjangoUserAdmin):
    """Users and roles: only the admin role manages them."""

    add_form = PenggunaCreationForm
    form = PenggunaChangeForm
    list_display = ["username", "first_name", "last_name", "peran", "opd", "is_active"]
    list_select_related = ["opd"]
    list_filter = ["peran", "is_active"]
    search_fields = ["username", "first_name", "last_name", "email"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Data diri", {"fields": ["first_name", "last_name", "email"]}),
        ("Peran", {"fields": ["peran", "opd", "is_active"]}),
        ("Waktu", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"classes": ["wide"], "fields": ["username", "peran", "opd", "password1", "password2"]},
        ),
    ]
    filter_horizontal = []


# django-axes' login attempts (Data induk › Axes): the admin role reads them and unlocks a
# username by deleting its row in "Upaya akses"; no other role sees them. Axes' own admin
# classes are kept (their columns and filters) with the project's role check on top.
class CatatanMasukAdminMixin(KhususPengelolaPenggunaMixin):
    """Attempts are written by axes only: the admin reads and deletes, never adds or edits."""

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def response_action(self, request, queryset):
        # Axes' "clean up expired attempts" reads the time of the request's login attempt,
        # which axes sets only while authenticating: without it the action failed (500).
        request.axes_attempt_time = timezone.now()
        return super().response_action(request, queryset)


for _model in (AccessAttempt, AccessLog, AccessFailureLog):
    _bawaan = type(admin.site._registry[_model])
    admin.site.unregister(_model)
    # The failure log is written only with AXES_ENABLE_ACCESS_FAILURE_LOG: without it, an
    # always empty list.
    if _model is AccessFailureLog and not settings.AXES_ENABLE_ACCESS_FAILURE_LOG:
        continue
    admin.site.register(
        _model, type(f"Sakip{_bawaan.__name__}", (CatatanMasukAdminMixin, _bawaan), {})
    )

# What a user may do comes from their role (core.roles), never from Django's groups and
# permissions: a "Grup" page in the admin would only invite assigning what nothing reads.
admin.site.unregister(Group)
