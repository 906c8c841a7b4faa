"""The information services' demo data (`manage.py demo_data`, after the members'): each area in its own block."""

from alliance.info.demo_analytics import load_analytics_demo
from alliance.info.demo_archive import load_archive_demo
from alliance.info.demo_board import load_board_demo
from alliance.info.demo_newsletter import load_newsletter_demo, load_past_newsletter_demo
from alliance.info.demo_subscribers import load_subscribers_demo
from alliance.info.queries.data_versions import ARCHIVE, NEWSLETTER, data_changed


def load_demo(*, seed: int) -> str:
    outcomes = []
    # ---- archive (first: the newsletter may carry new reports) ----------------------------------------------------
    outcomes.append(load_archive_demo(seed=seed))
    # ---- board: notices, news and partner agencies' promotions (before the newsletter: its candidates) ----------
    outcomes.append(load_board_demo(seed=seed))
    # ---- newsletter: feeds from local files, a month of editions (before the subscribers' deliveries) -------------
    outcomes.append(load_newsletter_demo(seed=seed))
    # ---- subscribers (after the newsletter's editions: their deliveries hang on the sent ones) --------------------
    outcomes.append(load_subscribers_demo(seed=seed))
    # ---- newsletter of 2025 Q4 (after the subscribers: no deliveries, the 2026 month unchanged) --------------------
    outcomes.append(load_past_newsletter_demo(seed=seed))
    # ---- analytics: two years of homepage visits ------------------------------------------------------------------
    outcomes.append(load_analytics_demo(seed=seed))
    # What was kept in the cache for the data replaced (some of it written in bulk, without signals) is forgotten.
    data_changed(ARCHIVE)
    data_changed(NEWSLETTER)
    return "\n".join(outcomes)
