import pytest

from tests.conftest import make_member


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run an action and what follows its commit: the handlers, and the tasks they queue
    (the test settings run tasks at once)."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def rosie(db):
    return make_member("rosie")
