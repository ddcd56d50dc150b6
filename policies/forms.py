from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation

from policies.models import Membership, Role, SocialAccount


class InviteForm(forms.Form):
    email = forms.EmailField(label="Email address", help_text="We'll send them a link to join.")
    role = forms.ChoiceField(choices=Role.choices, initial=Role.AUTHOR)


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)


class AcceptInvitationForm(forms.Form):
    """For someone new to Countersign: the name colleagues will see and a password."""

    name = forms.CharField(max_length=150, label="Your name", help_text="How colleagues will see you.")
    password1 = forms.CharField(label="Password", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(label="Password again", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", "The two passwords differ.")
        elif p1:
            try:
                password_validation.validate_password(p1)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class SocialAccountForm(forms.ModelForm):
    posters = forms.ModelMultipleChoiceField(
        queryset=Membership.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Members who may draft posts for this account. The owner always may.",
    )

    class Meta:
        model = SocialAccount
        fields = ["network", "handle", "display_name", "purpose", "owner", "posters"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        members = Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__name")
        self.fields["owner"].queryset = members.filter(role__in=[Role.LEAD, Role.ADMIN])
        self.fields["owner"].label_from_instance = lambda m: f"{m.user} ({m.get_role_display()})"
        self.fields["owner"].help_text = "A comms lead or admin who answers for this account."
        self.fields["posters"].queryset = members
        self.fields["posters"].label_from_instance = lambda m: f"{m.user} ({m.get_role_display()})"

    def clean_handle(self):
        handle = self.cleaned_data["handle"].strip()
        if not handle:
            raise forms.ValidationError("Enter the account's handle, e.g. @stroudcouncil.")
        if any(c.isspace() for c in handle):
            raise forms.ValidationError("A handle cannot contain spaces.")
        return handle

    def clean(self):
        cleaned = super().clean()
        network, handle = cleaned.get("network"), cleaned.get("handle")
        if network and handle:
            clash = SocialAccount.objects.active().filter(
                organisation=self.instance.organisation, network=network, handle__iexact=handle
            )
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("handle", f"There is already an active {dict(self.fields['network'].choices)[network]} account {handle}.")
        return cleaned
