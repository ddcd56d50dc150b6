from django.urls import path

from reviews import views

urlpatterns = [
    path("review/", views.queue, name="review_queue"),
    path("posts/<int:pk>/", views.post_detail, name="post_detail"),
    path("posts/<int:pk>/approve/", views.approve, name="post_approve"),
    path("posts/<int:pk>/request-changes/", views.request_changes, name="post_request_changes"),
    path("audit/export/", views.audit_export, name="audit_export"),
]
