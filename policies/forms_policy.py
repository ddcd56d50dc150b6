"""Forms of the policy editor: one per kind of rule, the tier table, examples, import.

Each rule form turns its fields into the rule's document form (``to_rule``) and back
(``initial_from``); the service validates the whole document, and :func:`attach_problems`
puts each problem the validation found next to the field it names.
"""

from __future__ import annotations

from typing import Any

from django import forms

from policies.engine.errors import PolicyError
from policies.models import Network, OrganisationKind, SocialAccount
from policies.packs import PACK_KINDS
from policies.policy_files import _path

SEVERITIES = [("info", "Info: shown, never raises the tier"), ("low", "Low: still approved automatically"),
              ("medium", "Medium: one colleague approves"), ("high", "High: two approve, one an owner or lead"),
              ("block", "Block: cannot be submitted")]
TIERS = [("low", "Low"), ("medium", "Medium"), ("high", "High"), ("block", "Block")]
WEEKDAY_CHOICES = [("mon", "Mon"), ("tue", "Tue"), ("wed", "Wed"), ("thu", "Thu"), ("fri", "Fri"), ("sat", "Sat"),
                   ("sun", "Sun")]
KIND_LABELS = {
    "banned_phrase": "Banned phrases",
    "required_phrase": "Required phrase",
    "pattern": "Pattern",
    "domain": "Allowed and blocked sites",
    "handle": "Allowed and blocked handles",
    "window": "Date window",
}
KIND_HELP = {
    "banned_phrase": "Words or phrases that may not appear, e.g. a party name in a call to vote.",
    "required_phrase": "When a post mentions one phrase it must also carry another, e.g. “#ad” on a paid partnership.",
    "pattern": "A regular expression for things with a shape, such as a reference number.",
    "domain": "Sites that links may, or may not, point to.",
    "handle": "Accounts that posts may, or may not, mention.",
    "window": "A period such as a pre-election period, an embargo or quiet hours, in which posts need more care.",
}


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").replace(",", "\n").splitlines() if line.strip()]


def _phrases(value: str) -> list[str]:
    """One phrase per line (commas may be part of a phrase, so only lines split)."""
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def _text(values: list[str] | None) -> str:
    return "\n".join(values or [])


class RuleForm(forms.Form):
    """What every rule has: an id, a severity, a message, and where it applies."""

    kind = ""
    id = forms.SlugField(label="Rule id", max_length=80,
                         help_text="A short name that stays the same across versions, e.g. no-payment-status.")
    severity = forms.ChoiceField(choices=SEVERITIES, initial="high", help_text="What a post that breaks the rule needs.")
    message = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False,
                              help_text="What the author reads: say why, and what to do instead.")
    accounts = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple,
                                         help_text="Leave all unticked for every account.")
    networks = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple,
                                         choices=[c for c in Network.choices if c[0] != "other"],
                                         help_text="Leave all unticked for every network.")

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        handles = []
        if organisation is not None:
            handles = list(SocialAccount.objects.active().filter(organisation=organisation)
                           .order_by("handle").values_list("handle", flat=True).distinct())
        selected = (self.initial or {}).get("accounts") or []
        handles += [h for h in selected if h not in handles]
        self.fields["accounts"].choices = [(h, h) for h in handles]

    def common(self) -> dict[str, Any]:
        data = self.cleaned_data
        rule: dict[str, Any] = {"id": data["id"], "kind": self.kind, "severity": data["severity"]}
        if data.get("message", "").strip():
            rule["message"] = data["message"].strip()
        if data.get("accounts"):
            rule["accounts"] = list(data["accounts"])
        if data.get("networks"):
            rule["networks"] = list(data["networks"])
        return rule

    def to_rule(self) -> dict[str, Any]:
        return self.common()

    @classmethod
    def initial_from(cls, rule: dict[str, Any]) -> dict[str, Any]:
        accounts = rule.get("accounts", "all")
        return {
            "id": rule.get("id", ""),
            "severity": str(rule.get("severity") or "high").lower(),
            "message": rule.get("message", ""),
            "accounts": [] if accounts == "all" else ([accounts] if isinstance(accounts, str) else accounts),
            "networks": rule.get("networks") or [],
        }


class BannedPhraseForm(RuleForm):
    kind = "banned_phrase"
    terms = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), label="Phrases",
                            help_text="One per line. Matching ignores case, accents and look-alike letters.")

    def to_rule(self):
        return self.common() | {"terms": _phrases(self.cleaned_data["terms"])}

    @classmethod
    def initial_from(cls, rule):
        return super().initial_from(rule) | {"terms": _text(rule.get("terms"))}


class RequiredPhraseForm(RuleForm):
    kind = "required_phrase"
    when = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False, label="When a post mentions",
                           help_text="One per line. Leave empty to require the phrase in every post.")
    require = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="It must also say one of",
                              help_text="One per line, e.g. #ad.")

    def to_rule(self):
        rule = self.common() | {"require": _phrases(self.cleaned_data["require"])}
        if _phrases(self.cleaned_data.get("when", "")):
            rule["when"] = _phrases(self.cleaned_data["when"])
        return rule

    @classmethod
    def initial_from(cls, rule):
        return super().initial_from(rule) | {"when": _text(rule.get("when")), "require": _text(rule.get("require"))}


class PatternForm(RuleForm):
    kind = "pattern"
    pattern = forms.CharField(max_length=2000, widget=forms.TextInput(attrs={"spellcheck": "false", "class": "mono"}),
                              help_text=r"A regular expression, e.g. \bref\s*\d{8}\b. Checked on save and "
                                        "protected against patterns that take too long.")
    flags = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple,
                                      choices=[("i", "Ignore case"), ("m", "^ and $ match at each line"),
                                               ("s", ". matches line breaks"), ("x", "Verbose (spaces ignored)")])

    def to_rule(self):
        rule = self.common() | {"pattern": self.cleaned_data["pattern"]}
        if self.cleaned_data.get("flags"):
            rule["flags"] = "".join(self.cleaned_data["flags"])
        return rule

    @classmethod
    def initial_from(cls, rule):
        return super().initial_from(rule) | {"pattern": rule.get("pattern", ""), "flags": list(rule.get("flags") or "")}


class _BlockAllowForm(RuleForm):
    block = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), required=False)
    allow = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), required=False)

    def to_rule(self):
        rule = self.common()
        for key in ("block", "allow"):
            if _lines(self.cleaned_data.get(key, "")):
                rule[key] = _lines(self.cleaned_data[key])
        return rule

    @classmethod
    def initial_from(cls, rule):
        return super().initial_from(rule) | {"block": _text(rule.get("block")), "allow": _text(rule.get("allow"))}


class DomainForm(_BlockAllowForm):
    kind = "domain"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["block"].label = "Blocked sites"
        self.fields["block"].help_text = "One domain per line, e.g. change.org. Links to these are refused."
        self.fields["allow"].label = "Allowed sites"
        self.fields["allow"].help_text = "One per line. When given, links elsewhere are noted for a second look."


class HandleForm(_BlockAllowForm):
    kind = "handle"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["block"].label = "Blocked handles"
        self.fields["block"].help_text = "One per line, e.g. @rivalcouncil. Posts may not mention them."
        self.fields["allow"].label = "Allowed handles"
        self.fields["allow"].help_text = "One per line: partners and public bodies that may be mentioned."


class WindowForm(RuleForm):
    kind = "window"
    start = forms.CharField(required=False, help_text="A date (2027-03-25) or date and time (2027-03-25T09:00).")
    end = forms.CharField(required=False, help_text="A date alone means the whole of that day is inside.")
    daily_from = forms.CharField(required=False, label="Every day from", help_text="A time such as 22:00.")
    daily_to = forms.CharField(required=False, label="Every day until", help_text="May be past midnight, e.g. 07:00.")
    weekdays = forms.MultipleChoiceField(required=False, choices=WEEKDAY_CHOICES, widget=forms.CheckboxSelectMultiple,
                                         help_text="Leave all unticked for every day.")
    topics = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False,
                             help_text="One per line. When given, only posts mentioning one of these are affected.")
    raise_by = forms.TypedChoiceField(coerce=int, initial=0, label="Raise the tier by",
                                      choices=[(0, "0: the severity alone decides"), (1, "1 tier"), (2, "2 tiers"),
                                               (3, "3 tiers (up to high)")])

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("daily_from")) != bool(cleaned.get("daily_to")):
            self.add_error("daily_to" if cleaned.get("daily_from") else "daily_from",
                           "Give both the start and the end of the daily hours.")
        return cleaned

    def to_rule(self):
        data = self.cleaned_data
        rule = self.common()
        for key in ("start", "end"):
            if data.get(key, "").strip():
                rule[key] = data[key].strip()
        if data.get("daily_from"):
            rule["daily"] = {"from": data["daily_from"].strip(), "to": data["daily_to"].strip()}
        if data.get("weekdays"):
            rule["weekdays"] = list(data["weekdays"])
        if _phrases(data.get("topics", "")):
            rule["topics"] = _phrases(data["topics"])
        if data.get("raise_by"):
            rule["raise_by"] = data["raise_by"]
        return rule

    @classmethod
    def initial_from(cls, rule):
        daily = rule.get("daily") or {}
        return super().initial_from(rule) | {
            "start": rule.get("start", ""), "end": rule.get("end", ""), "daily_from": daily.get("from", ""),
            "daily_to": daily.get("to", ""), "weekdays": rule.get("weekdays") or [],
            "topics": _text(rule.get("topics")), "raise_by": rule.get("raise_by", 0),
        }


RULE_FORMS: dict[str, type[RuleForm]] = {
    form.kind: form for form in (BannedPhraseForm, RequiredPhraseForm, PatternForm, DomainForm, HandleForm, WindowForm)
}


class TierForm(forms.Form):
    """The tier table: what each tier needs before a post goes out."""

    medium_approvals = forms.IntegerField(min_value=0, max_value=10, label="Medium: approvals needed")
    medium_owner_or_lead = forms.BooleanField(required=False, label="Medium: one must be the account owner or a lead")
    high_approvals = forms.IntegerField(min_value=0, max_value=10, label="High: approvals needed")
    high_owner_or_lead = forms.BooleanField(required=False, label="High: one must be the account owner or a lead")
    flag_escalation_hours = forms.IntegerField(min_value=1, max_value=24 * 30, label="Flag escalation window (hours)",
                                               help_text="A private flag left unanswered this long goes to the lead.")
    publishing_lateness_minutes = forms.IntegerField(
        min_value=1, max_value=7 * 24 * 60, label="Lateness limit for publishing (minutes)",
        help_text="A scheduled post this late is held and someone is asked before it goes out.")

    @staticmethod
    def initial_from(tiers: dict[str, Any]) -> dict[str, Any]:
        tiers = tiers or {}
        medium, high = tiers.get("medium") or {}, tiers.get("high") or {}
        return {
            "medium_approvals": medium.get("approvals", 1), "medium_owner_or_lead": medium.get("owner_or_lead", False),
            "high_approvals": high.get("approvals", 2), "high_owner_or_lead": high.get("owner_or_lead", True),
            "flag_escalation_hours": tiers.get("flag_escalation_hours", 24),
            "publishing_lateness_minutes": tiers.get("publishing_lateness_minutes", 120),
        }

    def to_tiers(self, current: dict[str, Any] | None) -> dict[str, Any]:
        data = self.cleaned_data
        tiers = dict(current or {})
        tiers["low"] = {"approvals": 0}
        for name in ("medium", "high"):
            spec = {"approvals": data[f"{name}_approvals"]}
            if data[f"{name}_owner_or_lead"]:
                spec["owner_or_lead"] = True
            tiers[name] = spec
        tiers["flag_escalation_hours"] = data["flag_escalation_hours"]
        tiers["publishing_lateness_minutes"] = data["publishing_lateness_minutes"]
        return tiers


class ExampleForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, label="Example post")
    tier = forms.ChoiceField(choices=TIERS, label="The tier it should get")
    platform = forms.ChoiceField(choices=[c for c in Network.choices if c[0] != "other"], initial="x")
    why = forms.CharField(required=False, max_length=300, label="Why (optional)")

    def to_example(self, position: int) -> dict[str, Any]:
        data = self.cleaned_data
        example = {"id": f"example-{position + 1}", "text": data["text"].strip(), "tier": data["tier"],
                   "platform": data["platform"]}
        if data.get("why"):
            example["why"] = data["why"].strip()
        return example


class PatternTryForm(forms.Form):
    pattern = forms.CharField(max_length=2000, required=False)
    flags = forms.MultipleChoiceField(required=False, choices=[(c, c) for c in "imsx"])
    sample = forms.CharField(max_length=5000, required=False)


class ImportForm(forms.Form):
    file = forms.FileField(required=False, label="Policy file (YAML or JSON)")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false", "class": "mono"}),
                           required=False, label="Or paste it here")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("file") and not (cleaned.get("text") or "").strip():
            raise forms.ValidationError("Choose a file or paste the policy.")
        return cleaned

    def content(self) -> bytes | str:
        upload = self.cleaned_data.get("file")
        return upload.read() if upload else self.cleaned_data["text"]


class DryRunForm(forms.Form):
    days = forms.IntegerField(min_value=1, max_value=3650, initial=90, label="Posts of the last (days)")


class OrganisationCreateForm(forms.Form):
    name = forms.CharField(max_length=200, label="Organisation name")
    kind = forms.ChoiceField(choices=[c for c in OrganisationKind.choices if c[0] in PACK_KINDS],
                             widget=forms.RadioSelect, label="Start from the policy pack for",
                             help_text="You can change every rule afterwards; the pack is a starting point.")


def attach_problems(form: forms.Form, error: PolicyError, *, where: list | None = None,
                    prefixes: tuple[str, ...] = ()) -> None:
    """Put each problem next to the form field it names, the rest at the top of the form.

    A problem belongs to the form when its place (``rules[3]``, ``tiers.high``) starts with
    ``where``; its field (``terms[2]``, ``daily.from``, ``approvals``) is then matched to a
    form field, trying ``<last part of its place>_<field>`` first (``high_approvals``).
    """
    for problem in error.errors:
        place = _path(problem.where.split(": ", 1)[-1])
        field_path = [p for p in _path(problem.field) if isinstance(p, str)]
        target = None
        if where is None or place[: len(where)] == where:
            names = [p for p in place if isinstance(p, str)]
            candidates = []
            if names and field_path:
                candidates.append(f"{names[-1]}_{field_path[0]}")
            candidates.append("_".join(field_path))
            if field_path:
                candidates.append(field_path[0])
            target = next((c for c in candidates if c in form.fields), None)
        if target:
            form.add_error(target, problem.message)
        else:
            form.add_error(None, str(problem))
