"""Shared vocabulary of the role × URL matrix (test_permission_matrix.py).

Each app lists who may open its URLs in `alliance/<app>/tests/url_expectations.py`, which defines
- `EXPECTED`: URL name → role → expected status (build the rows with the helpers below);
- `PK_OF` (optional): URL name → key of the world object that fills its <pk>;
- `PATH_VALUES` (optional): path parameter → function(world) → value, for parameters other than <pk>;
- `build_world(world)` (optional): add the app's objects to the shared world (a dict; users under
  world["users"]) and return a dict of new entries;
- `COUNTED_MODELS` (optional): models whose row counts must not change when refused roles POST;
- `POST_DATA`: URL name → function(world) → a valid POST body for every URL whose view takes a POST (called
  afresh for each request, so uploaded files can be read again). Refused roles POST exactly this, so a refusal
  proves that nothing was written even though the data would have been accepted; and the first role that may
  open the URL (or `POST_AS[name]`) POSTs it too, which must write an audit entry or a counted row (a mass
  action's confirmation page, core/confirm.py, is confirmed first, as staff would);
  A URL that takes no data (a button) uses `no_body`: the empty POST is its valid request;
- `POST_AS` (optional): URL name → the role whose POST of POST_DATA is accepted, when not the first allowed
  (a key of world["users"]: a role, or a user an app's build_world added there, such as a partner's
  representative);
- `POST_SETUP` (optional): URL name → function(world) that puts the world in the state the URL's valid POST
  needs (results released before an objection), run before any role posts to it;

A row states the single-role identities (`ROLES`). The identities holding several roles (`COMBINED`: org A's
representative who also sits on the steering committee, an agency liaison who is also a steering member) are
derived: such a user may open a URL when any of its roles may (`combined_status`). A row states one of them
only where that rule does not hold, e.g. a page that shows something to the combination alone. So that the rule
holds, a `build_world` that gives a single-role user something of its own (a seat, an agency's liaison link)
gives the same to the COMBINED users holding that role (world["users"]["rep_steering"] ...).
"""

ROLES = (
    "anonymous",
    "staff",
    "rep_a",
    "rep_b",
    "steering",
    "subcommittee",
    "evaluator",
    "agency",
    "investor",
    # Second users of the roles that own objects, for cross-user access: evaluator B judges the same panel but
    # not org A's group, investor B has another desk at the same investment day, mentor B mentors another group.
    "evaluator_b",
    "investor_b",
    "mentor_b",
)
SIGNED_IN = ROLES[1:]
# Users holding several roles: identity → the single-role identities whose roles (and organisation) it holds.
COMBINED = {
    "rep_steering": ("rep_a", "steering"),
    "agency_steering": ("agency", "steering"),
}
IDENTITIES = (*ROLES, *COMBINED)  # every user the matrix tries
LOGIN = "login"  # a 302 to the login page with ?next= the requested path
OWN_PROFILE = "own profile"  # a 302 to the edit page of the signed-in user's own organisation
REFUSALS = {LOGIN, 404}  # what a role that may not open a URL gets


def everyone(status: int | str = 200) -> dict[str, int | str]:
    return dict.fromkeys(ROLES, status)


def signed_in(status: int = 200) -> dict[str, int | str]:
    return {"anonymous": LOGIN, **dict.fromkeys(SIGNED_IN, status)}


def staff_only(status: int = 200) -> dict[str, int | str]:
    """Staff pages send a visitor to log in, and do not admit they exist to any signed-in non-staff role."""
    return {"anonymous": LOGIN, **dict.fromkeys(SIGNED_IN, 404), "staff": status}


def owner_only() -> dict[str, int | str]:
    """Organisation A's own pages: its representative and staff; 404 to everyone else signed in."""
    return {"anonymous": LOGIN, **dict.fromkeys(SIGNED_IN, 404), "staff": 200, "rep_a": 200}


def only(roles: dict[str, int | str], default: int | str = 404) -> dict[str, int | str]:
    """Anonymous to the login page, the given roles as stated, every other signed-in role `default`."""
    return {"anonymous": LOGIN, **dict.fromkeys(SIGNED_IN, default), **roles}


def no_body(world) -> dict:
    """POST_DATA of a URL that takes no data (a button): the empty POST is the valid request."""
    return {}


def combined_status(statuses) -> int | str:
    """What a user holding several roles gets, given what each of its roles gets: the same answer when they
    agree, else the answer of the roles that may open the URL (refusals aside) when those agree."""
    distinct = list(dict.fromkeys(statuses))
    opened = [status for status in distinct if status not in REFUSALS]
    if len(distinct) == 1:
        return distinct[0]
    if len(opened) == 1:
        return opened[0]
    raise ValueError(f"roles answered {distinct}: state this identity's status in the row")


def complete(row: dict[str, int | str]) -> dict[str, int | str]:
    """The row with every identity of COMBINED that it does not state derived from its roles."""
    derived = {
        identity: combined_status([row[part] for part in parts])
        for identity, parts in COMBINED.items()
        if identity not in row and all(part in row for part in parts)
    }
    return {**row, **derived}
