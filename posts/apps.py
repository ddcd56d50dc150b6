from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "posts"

    def ready(self) -> None:
        # Connects schedule_on_approval: an approved post with a time becomes scheduled.
        from posts import scheduling  # noqa: F401
