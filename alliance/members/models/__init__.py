from alliance.members.models.census import CensusInvitation, CensusResponse, CensusRound
from alliance.members.models.import_job import ImportJob
from alliance.members.models.organisation import (
    BusinessField,
    BusinessFieldVariant,
    Contact,
    MemberCategory,
    Organisation,
    SearchToken,
)
from alliance.members.models.vocabulary import BusinessFieldProposal

__all__ = [
    "BusinessField",
    "BusinessFieldProposal",
    "BusinessFieldVariant",
    "CensusInvitation",
    "CensusResponse",
    "CensusRound",
    "Contact",
    "ImportJob",
    "MemberCategory",
    "Organisation",
    "SearchToken",
]
