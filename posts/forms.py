from __future__ import annotations

from django import forms

from policies.models import SocialAccount


class AccountChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, account: SocialAccount) -> str:
        return f"{account.display_name} ({account.handle}, {account.get_network_display()})"


class ComposeForm(forms.Form):
    accounts = AccountChoiceField(
        queryset=SocialAccount.objects.none(), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one account to post on."},
    )
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 7}), required=False, strip=False,
                           label="Post", help_text="Checked as you type. Adapt it per network below if you need to.")

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accounts"].queryset = SocialAccount.objects.postable_by(member).order_by("network", "handle")
        self.variants: dict[int, str] = {}

    def clean(self):
        cleaned = super().clean()
        accounts = cleaned.get("accounts") or []
        self.variants = {a.pk: self.data.get(f"variant-{a.pk}", "").strip() for a in accounts}
        self.variants = {k: v for k, v in self.variants.items() if v}
        if accounts and not (cleaned.get("text") or "").strip() and len(self.variants) < len(accounts):
            self.add_error("text", "Write the post first: it is empty.")
        return cleaned


class EditForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 7}), strip=False, label="Post",
                           error_messages={"required": "Write the post first: it is empty."})
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
