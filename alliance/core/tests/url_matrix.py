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
LOGIN = "login"  # a 302 to the login page with ?next= the requested path
OWN_PROFILE = "own profile"  # a 302 to the edit page of the signed-in user's own organisation


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
