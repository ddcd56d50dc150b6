from django.urls import path

from posts import calendar_views, publishing_views

urlpatterns = [
    path("posts/<int:pk>/schedule/", publishing_views.schedule, name="post_schedule"),
    path("posts/<int:pk>/unschedule/", publishing_views.unschedule, name="post_unschedule"),
    path("posts/<int:pk>/retry/", publishing_views.retry, name="post_retry"),
    path("posts/<int:pk>/mark-published/", publishing_views.mark_published, name="post_mark_published"),
    path("accounts/<int:pk>/connection/", publishing_views.connection, name="account_connection"),
    path("accounts/<int:pk>/connection/remove/", publishing_views.connection_remove, name="account_connection_remove"),
    path("calendar/", calendar_views.month, name="calendar"),
    path("calendar/week/", calendar_views.week, name="calendar_week"),
    path("calendar/list/", calendar_views.agenda, name="calendar_list"),
]
