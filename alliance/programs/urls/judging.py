"""Routes of judging (included by urls.py into the `programs` namespace)."""

from django.urls import path

from alliance.programs.views import judging, judging_confirm, panels, results

urlpatterns = [
    path("programs/judging/", judging.judging_home, name="judging_home"),
    path("programs/judging/panels/<id:pk>/pledge/", judging.judging_pledge, name="judging_pledge"),
    path("programs/judging/assignments/<id:pk>/", judging.judging_assignment, name="judging_assignment"),
    path("programs/judging/assignments/<id:pk>/score/", judging.judging_score, name="judging_score"),
    path(
        "programs/judging/assignments/<id:pk>/files/<id:attachment_pk>/",
        judging.judging_attachment,
        name="judging_attachment",
    ),
    path("programs/manage/judging/<id:pk>/", panels.judging_programme, name="judging_programme"),
    path("programs/manage/panels/<id:pk>/", panels.panel_detail, name="panel_detail"),
    path("programs/manage/panels/<id:pk>/order/", panels.panel_order, name="panel_order"),
    path("programs/manage/panels/<id:pk>/timer/", panels.panel_timer, name="panel_timer"),
    path("programs/manage/panels/<id:pk>/results/", results.panel_results, name="panel_results"),
    path(
        "programs/manage/panels/<id:pk>/results/preview/",
        judging_confirm.panel_results_preview,
        name="panel_results_preview",
    ),
    path("programs/manage/panels/<id:pk>/objections/", results.panel_objections, name="panel_objections"),
    path("programs/groups/<id:pk>/result/", results.group_result, name="group_result"),
    path("programs/results/", results.latest_results, name="latest_results"),
    path("programs/<year:year>/results/", results.public_results, name="public_results"),
]
