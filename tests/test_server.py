"""The one granian command that ./run and the benchmark start (config/server.py)."""

import importlib

import config.server


def flag(command, name):
    return command[command.index(name) + 1]


def test_one_thread_per_worker_and_a_deep_queue_unless_told_otherwise(monkeypatch):
    monkeypatch.delenv("MINDWELL_WEB_WORKERS", raising=False)
    monkeypatch.delenv("MINDWELL_WEB_THREADS", raising=False)
    server = importlib.reload(config.server)
    command = server.granian_command("127.0.0.1", 8123)
    assert flag(command, "--interface") == "wsgi"
    assert flag(command, "--port") == "8123"
    assert flag(command, "--blocking-threads") == "1"
    assert int(flag(command, "--workers")) >= 2
    assert int(flag(command, "--backpressure")) >= 64
    assert command[-1] == "config.wsgi:application"
    monkeypatch.setenv("MINDWELL_WEB_WORKERS", "5")
    monkeypatch.setenv("MINDWELL_WEB_THREADS", "3")
    server = importlib.reload(config.server)
    command = server.granian_command("::1", 80)
    assert flag(command, "--workers") == "5" and flag(command, "--blocking-threads") == "3"
    assert server.describe() == "granian WSGI, 5 workers x 3 threads, backpressure 128"
    monkeypatch.delenv("MINDWELL_WEB_WORKERS")
    monkeypatch.delenv("MINDWELL_WEB_THREADS")
    importlib.reload(config.server)
