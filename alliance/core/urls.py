from django.contrib.auth import views as auth_views
from django.urls import path

from alliance.core import views
from alliance.core.delivery import views as delivery_views
from alliance.core.forms import EmailLoginForm
from alliance.core.permissions import public

app_name = "core"
urlpatterns = [
    path(
        "accounts/login/",
        public(auth_views.LoginView.as_view(template_name="core/login.html", authentication_form=EmailLoginForm)),
        name="login",
    ),
    path("accounts/logout/", public(auth_views.LogoutView.as_view()), name="logout"),
    path("audit/", views.audit_log, name="audit_log"),
    path("deliveries/<id:pk>/", delivery_views.delivery_status, name="delivery_status"),
    path("deliveries/<id:pk>/resume/", delivery_views.delivery_resume, name="delivery_resume"),
    path("i18n/language/", views.set_language, name="set_language"),
]
