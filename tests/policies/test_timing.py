from datetime import timedelta

from django.utils import timezone

from policies.templatetags.timing import ago


def test_ago_says_one_unit_in_words():
    now = timezone.now()
    assert ago(now) == "just now"
    assert ago(now - timedelta(minutes=1, seconds=5)) == "1 minute ago"
    assert ago(now - timedelta(hours=5, minutes=59)) == "5 hours ago"
    assert ago(now - timedelta(days=15)) == "2 weeks ago"
    assert ago(None) == ""
