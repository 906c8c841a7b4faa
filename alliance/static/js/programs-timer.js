/* Presentation timer: counts down the minutes set, warns in the last minute, walks the speaking order. */
(function () {
  "use strict";

  function pad(value) {
    return (value < 10 ? "0" : "") + value;
  }

  function start() {
    var root = document.getElementById("presentation-timer");
    if (!root) {
      return;
    }
    var face = document.getElementById("timer-face");
    var minutesInput = document.getElementById("timer-minutes");
    var speaker = document.getElementById("timer-speaker");
    var order = Array.prototype.map.call(document.querySelectorAll("#timer-order li"), function (item) {
      return item.textContent;
    });
    var warning = parseInt(root.dataset.warningSeconds, 10) || 60;
    var remaining = 0;
    var endsAt = null;
    var ticker = null;
    var position = 0;

    function total() {
      return Math.max(1, parseInt(minutesInput.value, 10) || 10) * 60;
    }

    function show(seconds) {
      var sign = seconds < 0 ? "-" : "";
      var absolute = Math.abs(seconds);
      face.textContent = sign + pad(Math.floor(absolute / 60)) + ":" + pad(absolute % 60);
      face.classList.toggle("timer-warning", seconds <= warning && seconds >= 0);
      face.classList.toggle("timer-over", seconds < 0);
    }

    function tick() {
      show(Math.ceil((endsAt - Date.now()) / 1000));
    }

    function reset() {
      window.clearInterval(ticker);
      ticker = null;
      endsAt = null;
      remaining = total();
      show(remaining);
    }

    document.getElementById("timer-start").addEventListener("click", function () {
      if (ticker) {
        return;
      }
      endsAt = Date.now() + remaining * 1000;
      ticker = window.setInterval(tick, 250);
      tick();
    });
    document.getElementById("timer-pause").addEventListener("click", function () {
      if (!ticker) {
        return;
      }
      window.clearInterval(ticker);
      ticker = null;
      remaining = Math.ceil((endsAt - Date.now()) / 1000);
    });
    document.getElementById("timer-reset").addEventListener("click", reset);
    document.getElementById("timer-next").addEventListener("click", function () {
      if (order.length) {
        position = Math.min(position + 1, order.length - 1);
        speaker.textContent = order[position];
      }
      reset();
    });
    minutesInput.addEventListener("change", reset);
    reset();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
