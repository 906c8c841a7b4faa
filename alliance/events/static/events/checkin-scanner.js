/* Check-in at the door: reads a ticket's QR code with the phone's rear camera (jsQR, vendored) and posts what it
   read to the check-in endpoint; the server's answer (a rendered fragment: the guest's name and organisation,
   "입장 확인", "이미 입장" or "등록되지 않은 티켓") is shown in the page's aria-live region.

   The page carries:
     <section id="checkin-scanner" data-endpoint="/…/check-in/scan" data-csrf="…">
       <button id="scanner-start">…</button> <video id="scanner-video" playsinline muted></video>
       <p id="scanner-status"></p> <div id="checkin-result" aria-live="polite"></div>
     </section>
   `window.allianceCheckin.submit(text)` posts one decoded text (the same path a camera frame takes). */
(function () {
  "use strict";

  var REPEAT_MS = 4000; // the same code seen again within this time is the same guest still in front of the camera

  function start() {
    var root = document.getElementById("checkin-scanner");
    if (!root) {
      return;
    }
    var video = document.getElementById("scanner-video");
    var button = document.getElementById("scanner-start");
    var status = document.getElementById("scanner-status");
    var result = document.getElementById("checkin-result");
    var canvas = document.createElement("canvas");
    var context = canvas.getContext("2d", { willReadFrequently: true });
    var lastText = "";
    var lastAt = 0;
    var busy = false;
    var stream = null;

    function submit(text) {
      var now = Date.now();
      if (busy || (text === lastText && now - lastAt < REPEAT_MS)) {
        return Promise.resolve(false);
      }
      busy = true;
      lastText = text;
      lastAt = now;
      var body = new FormData();
      body.append("ticket", text);
      return fetch(root.dataset.endpoint, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": root.dataset.csrf, "HX-Request": "true" },
      })
        .then(function (response) {
          return response.text();
        })
        .then(function (html) {
          result.innerHTML = html; // the server's own rendered, escaped fragment
          document.body.dispatchEvent(new CustomEvent("checked-in", { bubbles: true }));
          return true;
        })
        .catch(function () {
          result.textContent = root.dataset.failed || "";
          return false;
        })
        .finally(function () {
          busy = false;
        });
    }

    function scan() {
      if (!stream) {
        return;
      }
      if (video.readyState >= video.HAVE_ENOUGH_DATA && video.videoWidth) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        var image = context.getImageData(0, 0, canvas.width, canvas.height);
        var code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
        if (code && code.data) {
          submit(code.data);
        }
      }
      window.requestAnimationFrame(scan);
    }

    function open() {
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        status.textContent = root.dataset.noCamera || "";
        return;
      }
      button.disabled = true;
      navigator.mediaDevices
        .getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false })
        .then(function (opened) {
          stream = opened;
          video.srcObject = stream;
          video.hidden = false;
          status.textContent = root.dataset.scanning || "";
          return video.play();
        })
        .then(function () {
          window.requestAnimationFrame(scan);
        })
        .catch(function () {
          button.disabled = false;
          status.textContent = root.dataset.noCamera || "";
        });
    }

    button.addEventListener("click", open);
    window.allianceCheckin = { submit: submit };
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
