"""Live feedback for the composer: per account, the tier, the findings highlighted in the
text, the character count for the network and a preview."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString

from policies.checks import length
from policies.models import SocialAccount
from posts.rendering import findings_for_display, highlight
from posts.services import Checked, assess_for


@dataclass(frozen=True)
class Feedback:
    account: SocialAccount
    text: str
    checked: Checked
    findings: list[dict]
    highlighted: SafeString
    count: int
    limit: int | None

    @property
    def tier(self) -> str:
        return self.checked.assessment.tier.value

    @property
    def over(self) -> int:
        return max(self.count - self.limit, 0) if self.limit else 0

    @property
    def requirement_text(self) -> str:
        requirement = self.checked.requirement
        if self.tier == "block":
            return "Cannot be submitted until the blocking findings are fixed."
        if self.tier == "low" or requirement is None or requirement.approvals == 0:
            return "Low risk: approved automatically when you submit."
        who = f"{requirement.approvals} approval{'s' if requirement.approvals > 1 else ''}"
        if requirement.owner_or_lead:
            who += ", one from the account owner or a comms lead"
        return f"Needs {who}."


def feedback_for(*, account: SocialAccount, text: str, author_id: int | None) -> Feedback:
    checked = assess_for(text=text, account=account, author_id=author_id)
    ordered = [f.as_dict() for f in checked.assessment.findings]
    return Feedback(
        account=account,
        text=text,
        checked=checked,
        findings=findings_for_display(text, ordered,
                                      escalations=[e.as_dict() for e in checked.assessment.escalations]),
        highlighted=highlight(text, ordered),
        count=length.count(text, account.network),
        limit=length.LIMITS.get(account.network),
    )
