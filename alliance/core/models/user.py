"""Accounts: one person, logging in by e-mail, holding a set of roles and optionally an organisation.

One person often holds several places at once (a member company's representative who also sits on the
steering committee, an agency liaison who is also a steering member), so a user's roles are rows of
`UserRole`, not one field; what the user may do is the union of what each role allows. Grant and revoke
roles through `alliance.core.services.accounts` (audited); the manager's `create_superuser` grants STAFF.
"""

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.roles import Role
from alliance.core.versions import version_field


class UserQuerySet(models.QuerySet):
    def with_role(self, role: Role):
        """The users holding `role` (among others)."""
        return self.filter(role_grants__role=role)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def create_user(self, email, password=None, *, roles=(), **fields):
        if not email:
            raise ValueError(_("An e-mail address is required."))
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        UserRole.objects.using(self._db).bulk_create(UserRole(user=user, role=role) for role in dict.fromkeys(roles))
        user.forget_roles()
        return user

    def create_superuser(self, email, password=None, **fields):
        """The first account, from `manage.py createsuperuser`: the secretariat (STAFF), with admin access."""
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, roles=(Role.STAFF,), **fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    # The organisation the person represents or belongs to: a member representative edits only this one;
    # later, an evaluator's own organisation is a conflict of interest.
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="users",
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("admin site access"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    # Moved on by every change of the account's roles; the staff's roles form carries it (core.versions).
    roles_version = version_field()

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def roles(self) -> frozenset[Role]:
        """Every role the user holds. Read once per instance (the predicates ask many times per request; a
        `prefetch_related("role_grants")` serves lists of users) and forgotten when a service changes them."""
        cached = self.__dict__.get("_roles")
        if cached is None:
            cached = self.__dict__["_roles"] = frozenset(Role(role) for role in self._stored_roles())
        return cached

    def _stored_roles(self) -> list[str]:
        if self.pk is None:
            return []
        prefetched = getattr(self, "_prefetched_objects_cache", {}).get("role_grants")
        if prefetched is not None:
            return [grant.role for grant in prefetched]
        return list(UserRole.objects.filter(user_id=self.pk).values_list("role", flat=True))

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    def forget_roles(self) -> None:
        """Read the roles afresh at the next question (after they changed)."""
        self.__dict__.pop("_roles", None)
        getattr(self, "_prefetched_objects_cache", {}).pop("role_grants", None)

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self.forget_roles()

    def role_labels(self) -> list[str]:
        """The labels of the user's roles, in the order of `Role` (the secretariat first)."""
        return [str(role.label) for role in Role if role in self.roles]

    @property
    def is_secretariat(self) -> bool:
        return self.is_active and self.has_role(Role.STAFF)


class UserRole(models.Model):
    """One role a user holds, since when."""

    user = models.ForeignKey(User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    granted_at = models.DateTimeField(_("granted"), default=timezone.now)

    class Meta:
        verbose_name = _("role of a user")
        verbose_name_plural = _("roles of users")
        ordering = ["user", "role"]
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="core_userrole_one_per_role")]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()}"
