from policies.models.accounts import Network, SocialAccount
from policies.models.audit import AuditEvent
from policies.models.dry_runs import PolicyDryRun
from policies.models.organisations import Invitation, Membership, Organisation, OrganisationKind, Role, User
from policies.models.versions import PolicyVersion

__all__ = [
    "AuditEvent",
    "Invitation",
    "Membership",
    "Network",
    "Organisation",
    "OrganisationKind",
    "PolicyDryRun",
    "PolicyVersion",
    "Role",
    "SocialAccount",
    "User",
]
