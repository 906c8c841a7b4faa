"""Factories of the newsletter's subscribers (a personal link fixed as the service fixes it)."""

import factory
from django.utils import timezone

from alliance.core import links
from alliance.info.models import Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reader{n}@example.kr")
    state = Subscriber.State.ACTIVE
    subscribed_at = factory.LazyFunction(timezone.now)
    link_issued_at = factory.LazyFunction(timezone.now)
    token_hash = factory.LazyFunction(links.unsent_token_hash)

    @factory.post_generation
    def personal_link(self, create, extracted, **kwargs):
        self.token_hash = links.hash_token(self.link_token())
        if create:
            self.save(update_fields=["token_hash"])
