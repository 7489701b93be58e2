"""The admin's lists must not run one query per row: every changelist runs the same number of
queries on the demo data and after more OPDs (with all their rows) are added."""

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from factories import OPDFactory, UserFactory

from apps.core.models import OPD

pytestmark = pytest.mark.django_db

CHANGELISTS = sorted(
    f"admin:{m._meta.app_label}_{m._meta.model_name}_changelist"
    for m in admin.site._registry if m._meta.app_label != "auth"
)


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_changelist_query_counts_do_not_grow_with_the_data(client, login):
    login("admin")  # the role that sees every list, users included
    urls = [reverse(name) for name in CHANGELISTS]
    before = {url: _queries(client, url) for url in urls}
    call_command("load_demo", synthetic=3)
    # Rows that point at other rows in the OPD and user lists too.
    induk = OPD.objects.get(kode="4.01.01")
    for _ in range(3):
        UserFactory(opd=OPDFactory(induk=induk))
    after = {url: _queries(client, url) for url in urls}
    assert after == before
