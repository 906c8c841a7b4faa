from django.contrib.auth import views as auth_views
from django.urls import path

from alliance.core import health, views, views_accounts, views_password, views_privacy
from alliance.core.delivery import views as delivery_views
from alliance.core.forms import EmailLoginForm
from alliance.core.permissions import public
from alliance.core.ratelimit import rate_limited

app_name = "core"
urlpatterns = [
    path(
        "accounts/login/",
        public(
            rate_limited("login", methods=("POST",))(
                auth_views.LoginView.as_view(template_name="core/login.html", authentication_form=EmailLoginForm)
            )
        ),
        name="login",
    ),
    path("accounts/logout/", public(auth_views.LogoutView.as_view()), name="logout"),
    path("accounts/password-reset/", views_password.password_reset_request, name="password_reset"),
    path("accounts/password-reset/sent/", views_password.password_reset_sent, name="password_reset_sent"),
    path(
        "accounts/password-reset/<uidb64>/<token>/",
        views_password.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("accounts/password-reset/done/", views_password.password_reset_complete, name="password_reset_complete"),
    path("privacy/", views_privacy.privacy_policy, name="privacy"),
    path("privacy/versions/<id:version>/", views_privacy.privacy_policy_version, name="privacy_version"),
    path("privacy/manage/", views_privacy.privacy_policy_edit, name="privacy_edit"),
    path("accounts/manage/", views_accounts.account_list, name="accounts"),
    path("accounts/manage/<id:pk>/", views_accounts.account_roles, name="account_roles"),
    path("audit/", views.audit_log, name="audit_log"),
    path("audit/export.xlsx", views.audit_log_export, name="audit_log_export"),
    path("deliveries/<id:pk>/", delivery_views.delivery_status, name="delivery_status"),
    path("deliveries/<id:pk>/resume/", delivery_views.delivery_resume, name="delivery_resume"),
    path("i18n/language/", views.set_language, name="set_language"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]
