from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "posts"

    def ready(self) -> None:
        # Signal receivers: an approved post with a time becomes scheduled (scheduling);
        # activating a policy version re-assesses open posts (policy_changes).
        from posts import policy_changes, scheduling  # noqa: F401
