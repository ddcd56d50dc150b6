from django.urls import path

from reviews import feedback_views, views

urlpatterns = [
    path("review/", views.queue, name="review_queue"),
    path("posts/<int:pk>/", views.post_detail, name="post_detail"),
    path("posts/<int:pk>/approve/", views.approve, name="post_approve"),
    path("posts/<int:pk>/request-changes/", views.request_changes, name="post_request_changes"),
    path("audit/export/", views.audit_export, name="audit_export"),
]

urlpatterns += [
    path("posts/<int:pk>/notes/", feedback_views.note_send, name="note_send"),
    path("posts/<int:pk>/flag/", feedback_views.flag_raise, name="flag_raise"),
    path("inbox/", feedback_views.inbox, name="inbox"),
    path("inbox/sent/", feedback_views.inbox, {"box": "sent"}, name="inbox_sent"),
    path("inbox/notes/<int:pk>/", feedback_views.note_thread, name="note_thread"),
    path("inbox/notes/<int:pk>/reply/", feedback_views.note_reply, name="note_reply"),
    path("inbox/notes/<int:pk>/acknowledge/", feedback_views.note_acknowledge, name="note_acknowledge"),
    path("inbox/notes/<int:pk>/resolve/", feedback_views.note_resolve, name="note_resolve"),
    path("flags/<int:pk>/", feedback_views.flag_detail, name="flag_detail"),
    path("flags/<int:pk>/acknowledge/", feedback_views.flag_acknowledge, name="flag_acknowledge"),
    path("flags/<int:pk>/outcome/", feedback_views.flag_outcome, name="flag_outcome"),
    path("notifications/", feedback_views.notification_list, name="notification_list"),
    path("notifications/<int:pk>/open/", feedback_views.notification_open, name="notification_open"),
    path("notifications/read-all/", feedback_views.notifications_read_all, name="notifications_read_all"),
    path("notifications/settings/", feedback_views.notification_settings, name="notification_settings"),
]
