"""The subscribers area's URLs (included by alliance/info/urls/__init__.py): subscribing, the personal link
(confirm, unsubscribe in one click, renew the consent to advertising), one's own subscription, staff's list."""

from django.urls import path

from alliance.info.views import bounces, newsletter_sending, subscribers, subscribers_staff

urlpatterns = [
    path("newsletter/subscribe", subscribers.newsletter_subscribe, name="newsletter_subscribe"),
    path("newsletter/subscription", subscribers.my_subscription, name="my_subscription"),
    path("newsletter/s/<str:subscriber_token>", subscribers.subscription_link, name="subscription_link"),
    path("newsletter/s/<str:subscriber_token>/confirm", subscribers.subscription_confirm, name="subscription_confirm"),
    path("newsletter/s/<str:subscriber_token>/renew", subscribers.subscription_renew, name="subscription_renew"),
    path("newsletter/subscribers/", subscribers_staff.subscriber_list, name="subscriber_list"),
    path("newsletter/subscribers/export.xlsx", subscribers_staff.subscriber_export, name="subscriber_export"),
    path("newsletter/subscribers/import", subscribers_staff.subscriber_import, name="subscriber_import"),
    path("newsletter/deliveries/", newsletter_sending.edition_deliveries, name="edition_deliveries"),
    path("newsletter/deliveries/<id:pk>/", newsletter_sending.edition_delivery, name="edition_delivery"),
    path("newsletter/deliveries/<id:pk>/send", newsletter_sending.edition_delivery_send, name="edition_delivery_send"),
    path(
        "newsletter/deliveries/<id:pk>/preview",
        newsletter_sending.edition_delivery_preview,
        name="edition_delivery_preview",
    ),
    path("newsletter/bounces/webhook", bounces.bounce_webhook, name="bounce_webhook"),
    path("newsletter/subscribers/<id:pk>/", subscribers_staff.subscriber_detail, name="subscriber_detail"),
]
