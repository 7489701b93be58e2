from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from apps.laporan.views.verifikasi import verifikasi

admin.site.site_header = "SAKIP — Administrasi Data"
admin.site.site_title = "SAKIP"
admin.site.index_title = "Pengisian dan pengelolaan data"

urlpatterns = [
    path("", include("apps.core.urls")),
    path("realisasi/", include("apps.pengukuran.urls")),
    path("perencanaan/", include("apps.perencanaan.urls")),
    path("anggaran/", include("apps.anggaran.urls")),
    path("dasbor/", include("apps.laporan.urls")),
    path("masuk/", auth_views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    # Public (no login): the address printed with a QR code on every final LKjIP.
    path("verifikasi/<str:kode>/", verifikasi, name="verifikasi"),
]
