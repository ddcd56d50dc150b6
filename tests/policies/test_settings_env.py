import os
import subprocess
import sys
from pathlib import Path

import pytest

from config.env import ImproperlyConfiguredEnv, env_bool, env_int, env_list, env_str

ROOT = Path(__file__).resolve().parents[2]


def test_boolean_typo_fails_instead_of_meaning_off(monkeypatch):
    monkeypatch.setenv("FEATURE", "ture")
    with pytest.raises(ImproperlyConfiguredEnv, match="not a boolean"):
        env_bool("FEATURE", False)


def test_booleans_numbers_and_lists_parse(monkeypatch):
    monkeypatch.setenv("A", "Yes")
    monkeypatch.setenv("N", "42")
    monkeypatch.setenv("L", "a.example, b.example,")
    assert env_bool("A", False) is True
    assert env_int("N", 0) == 42
    assert env_list("L", []) == ["a.example", "b.example"]
    monkeypatch.setenv("N", "forty")
    with pytest.raises(ImproperlyConfiguredEnv, match="whole number"):
        env_int("N", 0)


def test_secret_can_come_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s3cret\n")
    monkeypatch.setenv("TOKEN_FILE", str(secret))
    assert env_str("TOKEN") == "s3cret"


def _import_settings(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "REDIS_URL"}}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import config.settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.JOBS_IN_PROCESS)"],
        cwd=ROOT, env=clean, capture_output=True, text=True,
    )


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = _import_settings({})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_local_defaults_are_sqlite_and_in_process_jobs():
    result = _import_settings({"DEBUG": "true"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "django.db.backends.sqlite3", "True"]


def test_production_settings_pass_the_deploy_check():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update({
        "SECRET_KEY": "a-long-random-production-key-" + "x" * 40 + "-9f8e7d6c5b4a",
        "ALLOWED_HOSTS": "countersign.example.org",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    })
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def _database_options(env: dict[str, str]) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "DB_PREPARED"}}
    clean.update({"DEBUG": "true", **env})
    done = subprocess.run(
        [sys.executable, "-c", "import config.settings as s; print(sorted(s.DATABASES['default'].get('OPTIONS', {}).items()))"],
        cwd=ROOT, env=clean, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_postgresql_prepares_repeated_queries_unless_turned_off():
    url = {"DATABASE_URL": "postgres://u@db.example:5432/app"}
    assert _database_options(url) == "[('prepare_threshold', 5), ('server_side_binding', True)]"
    assert _database_options(url | {"DB_PREPARED": "false"}) == "[]"
    assert "prepare_threshold" not in _database_options({})  # SQLite has no prepared statements to keep


def test_the_wsgi_application_starts_with_the_engine_loaded_and_frozen():
    """A worker loads the nets and patterns before its first request (not during the
    first live check someone waits for) and keeps them out of later collections."""
    code = ("import gc, config.wsgi\n"
            "from policies.recognisers import risk_model\n"
            "from policies.checks.tone_signals import classifier\n"
            "print(risk_model.model.cache_info().currsize, classifier.model.cache_info().currsize, gc.get_freeze_count() > 1000)")
    env = {**os.environ, "DEBUG": "true", "DJANGO_SETTINGS_MODULE": "config.settings"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "1", "True"]
