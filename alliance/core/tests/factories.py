import factory

from alliance.core.models import User, UserRole
from alliance.core.roles import Role

PASSWORD = "correct-horse-battery-42"


class UserFactory(factory.django.DjangoModelFactory):
    """A user with one role (`role=Role.X`, a member representative by default, None for no role) or several
    (`roles=[Role.X, Role.Y]`, which wins over `role`)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.kr")
    name = factory.Sequence(lambda n: f"사용자{n}")
    role = Role.MEMBER_REP
    roles = None
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _build(cls, model_class, *args, role=None, roles=None, **kwargs):
        return super()._build(model_class, *args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, role=None, roles=None, **kwargs):
        user = super()._create(model_class, *args, **kwargs)
        held = list(dict.fromkeys(roles if roles is not None else [role] if role else []))
        UserRole.objects.bulk_create(UserRole(user=user, role=held_role) for held_role in held)
        user.forget_roles()
        return user

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()
