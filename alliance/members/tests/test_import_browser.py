"""Browser test in Debian's chromium: staff import a file with an error and see the row and reason."""

import pytest
from playwright.sync_api import expect

from alliance.core.tests.factories import PASSWORD
from alliance.members.models import Organisation
from alliance.members.tests.test_import import BAD_NUMBER, hanbit_row, xlsx_file, zen_row
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_uploads_file_with_error_and_sees_row_and_reason(page, live_server, staff_user, tmp_path):
    path = xlsx_file(tmp_path, [zen_row(), hanbit_row(사업자등록번호="123-45-67890")], name="회원사.xlsx")
    log_in(page, live_server, staff_user.email, PASSWORD)

    page.goto(f"{live_server.url}/members/imports/")
    page.set_input_files("input[name=file]", str(path))
    page.click("main button[type=submit]")

    expect(page.locator(".problem-table tbody tr")).to_have_count(1)
    cells = page.locator(".problem-table tbody td").all_inner_texts()
    # On the page the particle is chosen by the number read aloud (…영은), as every page does.
    assert cells == ["3", "사업자등록번호", f"'123-45-67890'{BAD_NUMBER.replace('은(는)', '은', 1)}"]
    assert Organisation.objects.count() == 0
