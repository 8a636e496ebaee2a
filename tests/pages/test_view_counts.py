import pytest
from django.test import Client

from mindwell.qa.models import Post
from mindwell.qa.view_counts import flush_views

pytestmark = pytest.mark.django_db


def test_views_are_written_in_batches_not_one_write_per_view(maya, ask, settings):
    settings.MINDWELL_VIEW_FLUSH_SECONDS = 3600
    settings.MINDWELL_VIEW_FLUSH_COUNT = 1000
    question = ask(maya)
    before = Post.objects.get(pk=question.pk).hot_score
    for _ in range(3):
        assert Client().get(question.get_absolute_url()).status_code == 200
    assert Post.objects.get(pk=question.pk).view_count == 0
    assert flush_views() == 3
    fresh = Post.objects.get(pk=question.pk)
    assert fresh.view_count == 3
    assert fresh.hot_score > before


def test_a_full_batch_is_written_without_waiting(maya, ask, settings):
    settings.MINDWELL_VIEW_FLUSH_SECONDS = 3600
    settings.MINDWELL_VIEW_FLUSH_COUNT = 2
    question = ask(maya)
    Client().get(question.get_absolute_url())
    Client().get(question.get_absolute_url())
    assert Post.objects.get(pk=question.pk).view_count == 2


def test_a_failed_write_keeps_its_views_and_never_fails_the_page(maya, ask, settings, monkeypatch):
    from django.db import OperationalError

    from mindwell.qa import view_counts

    settings.MINDWELL_VIEW_FLUSH_SECONDS = 3600
    settings.MINDWELL_VIEW_FLUSH_COUNT = 2
    question = ask(maya)
    real_write = view_counts._write

    def database_gone(batch):  # a fault injected where the real one cannot be made on demand
        raise OperationalError("database is locked")

    monkeypatch.setattr(view_counts, "_write", database_gone)
    for _ in range(3):  # the second view triggers a write, which fails
        assert Client().get(question.get_absolute_url()).status_code == 200
    assert Post.objects.get(pk=question.pk).view_count == 0
    monkeypatch.setattr(view_counts, "_write", real_write)
    assert flush_views() == 3
    assert Post.objects.get(pk=question.pk).view_count == 3
