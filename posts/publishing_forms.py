"""Forms for scheduling, recording a hand-published post and connecting an account."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django import forms

from policies.services import DomainError
from posts.models import Adapter
from posts.scheduling import local_to_utc


class ScheduleForm(forms.Form):
    """A time in the organisation's zone, or "as soon as it is approved"."""

    WHEN = [("time", "At a time"), ("asap", "As soon as it is approved")]
    mode = forms.ChoiceField(choices=WHEN, widget=forms.RadioSelect, initial="time", label="When")
    day = forms.DateField(required=False, label="Date", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    clock = forms.TimeField(required=False, label="Time", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, zone: ZoneInfo, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone = zone
        self.fields["clock"].help_text = f"In {zone.key} time."

    def clean(self):
        cleaned = super().clean()
        cleaned["when"] = None
        if cleaned.get("mode") != "time":
            return cleaned
        day, clock = cleaned.get("day"), cleaned.get("clock")
        if day is None and "day" not in self.errors:
            self.add_error("day", "Enter the date to publish on.")
        if clock is None and "clock" not in self.errors:
            self.add_error("clock", "Enter the time to publish at.")
        if day and clock:
            try:
                cleaned["when"] = local_to_utc(day, clock, self.zone)
            except DomainError as exc:
                self.add_error("clock", exc.message)
        return cleaned


# A refused schedule redirects back to the post's page (its panel is rendered by a template
# tag); what was typed and why it was refused wait in the session until that page shows them.
_PENDING = "schedule-form:{pk}"
_FIELDS = ("mode", "day", "clock", "revision")


def keep_refused_schedule(session, post_pk: int, form: ScheduleForm) -> None:
    """Keep ``form``'s data and errors for the post's page to show, once."""
    session[_PENDING.format(pk=post_pk)] = {
        "data": {name: form.data.get(name, "") for name in _FIELDS},
        "errors": [[field if field != forms.forms.NON_FIELD_ERRORS else None, message]
                   for field, messages in form.errors.items() for message in messages],
    }


def refused_schedule(session, post_pk: int, zone: ZoneInfo) -> ScheduleForm | None:
    """The form refused on the last request, bound to what was typed, with its errors."""
    kept = session.pop(_PENDING.format(pk=post_pk), None)
    if not kept:
        return None
    form = ScheduleForm(kept["data"], zone=zone)
    form.is_valid()  # the form's own errors again; then the refusals only saving could give
    for field, message in kept["errors"]:
        if message not in form.errors.get(field or forms.forms.NON_FIELD_ERRORS, []):
            form.add_error(field, message)
    return form


class MarkPublishedForm(forms.Form):
    url = forms.URLField(label="Link to the published post", max_length=500, assume_scheme="https",
                         help_text="Open the post on the network and copy its address.")

    def clean_url(self):
        url = self.cleaned_data["url"]
        if not url.lower().startswith("https://"):
            raise forms.ValidationError("Use the post's https:// address.")
        return url


class ConnectionForm(forms.Form):
    adapter = forms.ChoiceField(choices=Adapter.choices, label="How to publish")
    base_url = forms.URLField(required=False, label="Server address", assume_scheme="https",
                              help_text="Mastodon: your instance, e.g. https://mastodon.social. Bluesky: leave blank "
                                        "for bsky.social.")
    identifier = forms.CharField(required=False, max_length=200, label="Account identifier",
                                 help_text="Bluesky: the handle. LinkedIn: the author URN (urn:li:organization:…). "
                                           "Facebook: the Page id. X: the @handle.")
    secret = forms.CharField(required=False, label="Access token or app password", strip=True,
                             widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
                             help_text="Stored encrypted and never shown again. Leave blank for publishing by hand.")

    def clean_base_url(self):
        url = self.cleaned_data["base_url"]
        if url and not url.lower().startswith("https://"):
            raise forms.ValidationError("Use the server's https:// address.")
        return url

    def clean(self):
        cleaned = super().clean()
        adapter = cleaned.get("adapter")
        if adapter and adapter != Adapter.MANUAL and not cleaned.get("secret"):
            self.add_error("secret", "Paste the access token or app password.")
        if adapter == Adapter.MASTODON and not cleaned.get("base_url"):
            self.add_error("base_url", "Enter your Mastodon instance's address.")
        if adapter in {Adapter.BLUESKY, Adapter.LINKEDIN, Adapter.FACEBOOK} and not cleaned.get("identifier"):
            self.add_error("identifier", "This network needs the account identifier.")
        return cleaned
