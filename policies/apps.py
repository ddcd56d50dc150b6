from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = "Organisations and policies"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from policies import receivers  # noqa: F401  (connects them)

        post_migrate.connect(_sync_once, sender=self, dispatch_uid="countersign-sync-schedules")


def _sync_once(**kwargs) -> None:
    from django.db import connections
    from django.db.utils import OperationalError, ProgrammingError

    from config.schedules import sync_schedules

    # django_q's tables may not exist yet when this app migrates first on a fresh database.
    using = kwargs.get("using", "default")
    if "django_q_schedule" not in connections[using].introspection.table_names():
        return
    try:
        sync_schedules()
    except (OperationalError, ProgrammingError):
        pass
