import pytest
from django.conf import settings

from apps.core.demo.loader import load_demo
from apps.core.models import User


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo data of both reference OPDs is loaded once per test session; every test runs
    in a transaction that is rolled back, so the demo is the same for each test."""
    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture
def login(client):
    """Log the test client in as one of the demo users: login("operator.kecamatan")."""

    def _login(username):
        user = User.objects.get(username=username)
        client.force_login(user)
        return user

    return _login


@pytest.fixture
def demo_password():
    return settings.SAKIP_DEMO_PASSWORD
