from __future__ import annotations

import hashlib

from django import forms

from reviews.models import Delivery, FlagOutcome, FlagReason, NotificationKind


class DecisionForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class RequestChangesForm(DecisionForm):
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), label="What should change?",
        help_text="The author sees this with the post. Be specific and kind.",
        error_messages={"required": "Tell the author what to change."},
    )


class AuditExportForm(forms.Form):
    start = forms.DateField(label="From", widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="To (inclusive)", widget=forms.DateInput(attrs={"type": "date"}))
    format = forms.ChoiceField(choices=[("csv", "CSV"), ("json", "JSON")], initial="csv")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", "The end date is before the start date.")
        return cleaned


# --- Discreet feedback --------------------------------------------------------------------


def wording_token(body: str) -> str:
    """Marks "send it as it is" for exactly the wording the tone check questioned: if the
    sender changes a word, the new wording is checked again."""
    return hashlib.sha256((body or "").replace("\r\n", "\n").strip().encode()).hexdigest()[:20]


class _Kindly(forms.Form):
    as_it_is = forms.CharField(widget=forms.HiddenInput, required=False)

    def tone_accepted(self) -> bool:
        return bool(self.cleaned_data.get("as_it_is")) and self.cleaned_data["as_it_is"] == wording_token(
            self.cleaned_data.get("body") or self.cleaned_data.get("note") or "")


class NoteForm(_Kindly):
    body = forms.CharField(
        label="Your note", widget=forms.Textarea(attrs={"rows": 4}), required=False, strip=False,
        help_text="Only the author will read it. Say what you noticed and suggest a fix.",
    )
    quote = forms.CharField(
        label="Words it is about (optional)", required=False, strip=False, max_length=1000,
        help_text="Copy the exact words from the post, or select them in the text above.",
    )
    quote_start = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)


class ReplyForm(_Kindly):
    body = forms.CharField(label="Reply", widget=forms.Textarea(attrs={"rows": 3}), required=False, strip=False)


class FlagForm(_Kindly):
    reason = forms.ChoiceField(label="Why are you flagging it?", choices=FlagReason.choices, widget=forms.RadioSelect,
                               error_messages={"required": "Choose why you are flagging it."})
    note = forms.CharField(
        label="Your note to the author", widget=forms.Textarea(attrs={"rows": 4}), required=False, strip=False,
        help_text="What you noticed and what you suggest. The author reads it first.",
    )


class FlagOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label="What was done?", choices=FlagOutcome.choices, widget=forms.RadioSelect,
                                error_messages={"required": "Say what was done about the post."})
    reason = forms.CharField(label="Why it stays up (needed if kept)", required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class NotificationSettingsForm(forms.Form):
    """One choice per kind: immediately, daily digest, or not at all."""

    def __init__(self, *args, current: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in NotificationKind.choices:
            self.fields[kind] = forms.ChoiceField(label=label, choices=Delivery.choices, initial=current.get(kind),
                                                  widget=forms.RadioSelect)
