"""Every form of the project is classified here: an edit form of a record that two people may open at once
carries the record's version (core.versions.VersionedFormMixin), so the later save is refused instead of
silently undoing the other's; every other form says why it needs none. A new form fails this test until it
is classified, and an edit form fails until it is versioned.
The forms are those of test_number_bounds.CHECKED_APPS (governance and agencies join when classified)."""

from alliance.core.tests.test_number_bounds import project_forms
from alliance.core.versions import VersionedFormMixin

VERSIONED = {
    "OrganisationProfileForm", "StaffOrganisationForm",  # an organisation: its representative and staff
    "PlacementForm", "PlayerForm", "SurveyReviewForm",  # the map: staff, survey answers, registry sync
    "ProgrammeRulesForm", "StagesForm", "TrackForm", "RubricForm", "AwardsForm",  # a programme's setup
    "DayForm",  # the investment day's time grid
    "NodeForm", "MoveNodeForm",  # a taxonomy node: staff and the subcommittee
    "TermRenameForm",  # a business-field term's name
    "AccountRolesForm",  # an account's whole set of roles: two staff saving at once
    "ProposalForm",  # a group's proposal draft: the lead company's representatives
    "RequestsForm", "CompanySettingsForm",  # an investment-day company: the company and staff
    "AvailabilityForm", "DeclinesForm",  # an investor's desk: staff, and the investor from more than one place
    "ScheduleForm",  # a mentoring session's time and place: staff and the mentor
    "UseForm",  # a granted benefit's use: staff and the awardee
    "AnswerForm",  # the answer to an objection: any staff
}  # fmt: skip

NO_EDIT = {
    # Filters and searches: they change nothing.
    "AuditFilterForm": "filter", "ChartForm": "filter", "LandscapeFilterForm": "filter",
    "PlayerFilterForm": "filter", "DirectoryFilterForm": "filter", "RegistryFilterForm": "filter",
    "AccountFilterForm": "filter",
    "EmailLoginForm": "login", "PasswordResetRequestForm": "request",
    # They add a new record (or a new version of one): nothing loaded can be lost.
    "PrivacyPolicyForm": "new version", "LandscapeUploadForm": "upload", "LogoUploadForm": "upload",
    "ImportUploadForm": "upload", "AttachmentForm": "upload", "InterimResultForm": "upload",
    "SurveyOpenForm": "create", "AddNodeForm": "create", "TaxonomyCreateForm": "create", "FacetForm": "create",
    "CensusRoundForm": "create", "GroupForm": "create", "PartnerForm": "create", "CompanyAddForm": "create",
    "DeskForm": "create", "BookForm": "create", "MentorForm": "create", "ProgrammeCreateForm": "create",
    "BenefitForm": "create", "GrantForm": "create", "EvaluatorForm": "create", "AbsenceForm": "create",
    "AssignForm": "create", "OpenPanelForm": "create", "ObjectionForm": "create", "ExtensionForm": "create",
    "TermNameForm": "create",  # a new term or a new spelling of one (its rename is TermRenameForm)
    "MergeForm": "action", "OfferForm": "action", "MeetingActionForm": "action",
    # One decision on a submission or a result, refused once taken (core/review.py, results' own checks).
    "LogoReviewForm": "decision", "SuggestionReviewForm": "decision", "CensusReviewForm": "decision",
    "ProposalReviewForm": "decision", "TieDecisionForm": "decision", "OverrideForm": "decision",
    # One person's own record that nobody else edits.
    "ScoreForm": "own", "PledgeForm": "own", "InterestForm": "own", "FeedbackForm": "own",
    "SurveyAnswerForm": "own", "CensusProfileForm": "own",
}  # fmt: skip


def test_every_form_is_classified():
    names = {form.__name__ for form in project_forms()}
    assert names - VERSIONED - set(NO_EDIT) == set()
    assert (VERSIONED | set(NO_EDIT)) - names == set()  # no stale entries


def test_every_edit_form_carries_the_records_version():
    unversioned = {form.__name__ for form in project_forms() if not issubclass(form, VersionedFormMixin)}
    assert VERSIONED & unversioned == set()
    assert {form.__name__ for form in project_forms() if issubclass(form, VersionedFormMixin)} == VERSIONED
