from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    """The baseline: the full middleware stack (session, auth, membership), no work."""
    return HttpResponse("ok")


urlpatterns = [path("bench/bare", bare), path("", include("config.urls"))]
