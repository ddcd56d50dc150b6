"""Settings for the web benchmark: production settings plus one bare view to compare with."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "tools.bench_web.urls"
SECURE_SSL_REDIRECT = False
LOGGING = {"version": 1, "disable_existing_loggers": True, "root": {"level": "ERROR", "handlers": []}}
