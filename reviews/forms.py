from __future__ import annotations

from django import forms


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
