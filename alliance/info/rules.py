"""Who may do what with the information services (notices, archive, newsletter, analytics).

Staff manage everything; a partner agency's liaison manages only its own promotions (another agency's answer
404); the public reads what is published.
"""

import rules

from alliance.agencies.rules import is_liaison, liaison_agency_id
from alliance.core.rules import is_secretariat, is_signed_in

# ---- subscribers: staff keep the list; anyone signed in manages their own address's subscription ----------------
rules.add_perm("info.manage_subscribers", is_secretariat)
rules.add_perm("info.manage_own_subscription", is_signed_in)
rules.add_perm("info.send_newsletter", is_secretariat)

# Analytics: the homepage visits report and its export are the secretariat's.
rules.add_perm("info.view_analytics", is_secretariat)

# ---- newsletter: staff build editions, keep the feeds and the calendar's overrides ----------------------------
rules.add_perm("info.manage_newsletter", is_secretariat)

# The report archive: staff keep the reports, their files and the publishers; everyone reads the archive.
rules.add_perm("info.manage_archive", is_secretariat)

# The boards: staff write, publish and delete posts; everyone reads what is published.
rules.add_perm("info.manage_board", is_secretariat)

# Partner agencies' promotions: a liaison submits its own agency's (another agency's answer 404); staff review.


@rules.predicate
def promotion_of_own_agency(user, promotion) -> bool:
    agency_id = liaison_agency_id(user)
    return agency_id is not None and promotion is not None and promotion.agency_id == agency_id


rules.add_perm("info.submit_promotion", is_liaison)
rules.add_perm("info.review_promotions", is_secretariat)
# Object-level: staff for every promotion, a liaison for their own agency's.
rules.add_perm("info.work_on_promotion", is_secretariat | (is_liaison & promotion_of_own_agency))
