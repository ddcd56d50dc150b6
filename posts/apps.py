from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "posts"

    def ready(self) -> None:
        # listens to policies.signals.policy_activated: re-assess open posts
        from posts import policy_changes  # noqa: F401
