"""Browser test in Debian's chromium: staff open the check-in page on a phone-sized screen, the camera (a fake
one, playing a Y4M frame of the guest's ticket QR code as the ticket e-mail carries it) reads the ticket, the
page says "입장 확인" with the guest's name and the arrival counter moves; a name found on the list is checked in
with one press."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from alliance.core.links import absolute_link
from alliance.core.roles import Role
from alliance.core.tests.factories import PASSWORD, UserFactory
from alliance.events.models import OrganisationType
from alliance.events.tests.door_factories import make_event, make_registration
from alliance.events.tickets import qr_png
from conftest import CHROMIUM, CHROMIUM_ARGS, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTH, HEIGHT = 640, 480


def qr_y4m(png: bytes, path) -> None:
    """One 640×480 frame showing the QR code (a PNG), as a Y4M video (4:2:0) for chromium's fake camera."""
    code = Image.open(io.BytesIO(png)).convert("L")
    side = min(HEIGHT - 40, code.width)
    frame = Image.new("L", (WIDTH, HEIGHT), 255)
    frame.paste(code.resize((side, side), Image.NEAREST), ((WIDTH - side) // 2, (HEIGHT - side) // 2))
    y, u, v = frame.convert("RGB").convert("YCbCr").split()
    half = (WIDTH // 2, HEIGHT // 2)
    header = f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F10:1 Ip A1:1 C420jpeg\n".encode()
    body = b"FRAME\n" + y.tobytes() + u.resize(half).tobytes() + v.resize(half).tobytes()
    path.write_bytes(header + body * 2)


def test_staff_check_a_guest_in_by_qr_on_a_phone_and_see_the_counter_move(browser, live_server, tmp_path, settings):
    staff = UserFactory(role=Role.STAFF, email="door@example.kr")
    event = make_event()
    guest, token = make_registration(event, name="김민지", organisation_name="주식회사 메타랩", job_title="대표")
    make_registration(event, name="박서준", organisation_name="버추얼랩", organisation_type=OrganisationType.UNIVERSITY)
    video = tmp_path / "ticket.y4m"
    settings.SITE_URL = live_server.url
    qr_y4m(qr_png(absolute_link("events:ticket", token)), video)  # the QR code the ticket e-mail carries

    camera = browser.browser_type.launch(
        executable_path=CHROMIUM,
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            f"--use-file-for-fake-video-capture={video}",
        ],
    )
    try:
        context = camera.new_context(locale="ko-KR", viewport={"width": 390, "height": 844}, is_mobile=True)
        context.grant_permissions(["camera"], origin=live_server.url)
        page = context.new_page()
        page.set_default_timeout(15_000)
        log_in(page, live_server, staff.email, PASSWORD)
        page.goto(f"{live_server.url}/events/manage/{event.pk}/check-in/")
        counter = page.locator(".door-counter-figure")
        expect(counter).to_have_text("0")

        page.get_by_role("button", name="카메라 열기").click()

        result = page.locator("#checkin-result")
        expect(result).to_contain_text("입장 확인")
        expect(result).to_contain_text("김민지 · 주식회사 메타랩 · 대표")
        expect(counter).to_have_text("1")
        guest.refresh_from_db()
        assert guest.checked_in_at is not None

        page.fill("#id_q", "버추얼")
        page.get_by_role("button", name="입장 처리").click()
        expect(result).to_contain_text("박서준 · 버추얼랩")
        expect(counter).to_have_text("2")
        context.close()
    finally:
        camera.close()
