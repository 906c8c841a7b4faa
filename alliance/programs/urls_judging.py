"""Routes of judging (included by urls.py into the `programs` namespace)."""

from django.urls import path

from alliance.programs.views import judging, panels, results

urlpatterns = [
    path("programs/judging/", judging.judging_home, name="judging_home"),
    path("programs/judging/panels/<int:pk>/pledge/", judging.judging_pledge, name="judging_pledge"),
    path("programs/judging/assignments/<int:pk>/", judging.judging_assignment, name="judging_assignment"),
    path("programs/judging/assignments/<int:pk>/score/", judging.judging_score, name="judging_score"),
    path(
        "programs/judging/assignments/<int:pk>/files/<int:attachment_pk>/",
        judging.judging_attachment,
        name="judging_attachment",
    ),
    path("programs/manage/judging/<int:pk>/", panels.judging_programme, name="judging_programme"),
    path("programs/manage/panels/<int:pk>/", panels.panel_detail, name="panel_detail"),
    path("programs/manage/panels/<int:pk>/order/", panels.panel_order, name="panel_order"),
    path("programs/manage/panels/<int:pk>/timer/", panels.panel_timer, name="panel_timer"),
    path("programs/manage/panels/<int:pk>/results/", results.panel_results, name="panel_results"),
    path("programs/manage/panels/<int:pk>/objections/", results.panel_objections, name="panel_objections"),
    path("programs/groups/<int:pk>/result/", results.group_result, name="group_result"),
    path("programs/results/", results.latest_results, name="latest_results"),
    path("programs/<int:year>/results/", results.public_results, name="public_results"),
]
