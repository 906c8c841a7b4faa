/* The ecosystem landscape: filters applied in the page (no request per change), search through the
   server's Korean normalisation, cards in a dialog, PNG download drawn from the server's SVG.
   The rule is the server's (alliance/ecosystem/landscape.py apply_filters): a tile shows when it carries
   the token of every chosen filter; an option counts the tiles it would show with the other filters kept. */
(function () {
  "use strict";

  var form, tiles = null, boxes, selects, searchIds = null, searchTimer = null, searchSeq = 0;

  function readTiles() {
    tiles = [];
    boxes = Array.prototype.map.call(document.querySelectorAll("#landscape .eco-box"), function (box, index) {
      var nodes = box.querySelectorAll("a.t");
      for (var i = 0; i < nodes.length; i++) {
        var node = nodes[i];
        var match = /(\d+)\/(?:\?.*)?$/.exec(node.getAttribute("href"));
        tiles.push({ node: node, box: index, pk: match ? Number(match[1]) : 0, tokens: node.getAttribute("data-f").split(" "), shown: !node.hidden });
      }
      return { node: box, count: box.querySelector(".n"), shown: 0 };
    });
  }

  function chosen() {
    var required = [];
    selects.forEach(function (select) {
      var option = select.options[select.selectedIndex];
      var token = option && option.getAttribute("data-token");
      if (token) { required.push({ name: select.name, token: token }); }
    });
    return required;
  }

  function apply() {
    if (!tiles) { readTiles(); }
    var required = chosen();
    var shownTokens = Object.create(null);
    var oneShort = Object.create(null);
    required.forEach(function (r) { oneShort[r.name] = Object.create(null); });
    var shownCount = 0;
    var perBox = new Array(boxes.length).fill(0);
    for (var i = 0; i < tiles.length; i++) {
      var tile = tiles[i];
      var show = false;
      if (searchIds === null || searchIds.has(tile.pk)) {
        var failing = null, failures = 0;
        for (var j = 0; j < required.length; j++) {
          if (tile.tokens.indexOf(required[j].token) < 0) { failures++; failing = required[j].name; }
        }
        var counter = failures === 0 ? shownTokens : (failures === 1 ? oneShort[failing] : null);
        if (counter) {
          for (var k = 0; k < tile.tokens.length; k++) {
            var t = tile.tokens[k];
            counter[t] = (counter[t] || 0) + 1;
          }
        }
        show = failures === 0;
      }
      if (show !== tile.shown) { tile.node.hidden = !show; tile.shown = show; }
      if (show) { shownCount++; perBox[tile.box]++; }
    }
    boxes.forEach(function (box, index) {
      var n = perBox[index];
      if (n !== box.shown || box.count.textContent !== String(n)) {
        box.count.textContent = n;
        box.node.hidden = n === 0;
        box.shown = n;
      }
    });
    document.querySelectorAll("#landscape .eco-layer, #landscape .eco-domain").forEach(function (group) {
      group.hidden = group.querySelector(".eco-box:not([hidden])") === null;
    });
    selects.forEach(function (select) {
      var extra = oneShort[select.name];
      for (var i = 0; i < select.options.length; i++) {
        var option = select.options[i];
        var token = option.getAttribute("data-token");
        if (!token) { continue; }
        var count = (shownTokens[token] || 0) + (extra ? (extra[token] || 0) : 0);
        option.textContent = option.getAttribute("data-label") + " (" + count + ")";
        var empty = count === 0 && !option.selected;
        option.hidden = empty;
        option.disabled = empty;
      }
    });
    // The number shown sits in its own span: where it stands in the sentence depends on the language.
    document.querySelector("#eco-count .eco-shown").textContent = shownCount.toLocaleString("en-US");
    document.body.setAttribute("data-shown", String(shownCount));
  }

  function pushUrl() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (value) { params.append(key, value); } });
    var query = params.toString();
    history.replaceState(null, "", form.getAttribute("action") + (query ? "?" + query : ""));
  }

  function search(immediate) {
    var q = form.elements.q.value.trim();
    var seq = ++searchSeq;
    clearTimeout(searchTimer);
    if (!q) { searchIds = null; apply(); pushUrl(); return; }
    searchTimer = setTimeout(function () {
      var version = form.elements.version ? "&version=" + encodeURIComponent(form.elements.version.value) : "";
      fetch(form.getAttribute("data-search-url") + "?q=" + encodeURIComponent(q) + version, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (seq !== searchSeq) { return; }  // a later keystroke wins
          searchIds = new Set(data.ids);
          apply();
          pushUrl();
        });
    }, immediate ? 0 : 250);
  }

  function openCard(href) {
    var dialog = document.getElementById("eco-card");
    fetch(href, { headers: { "HX-Request": "true" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        document.getElementById("eco-card-body").innerHTML = html;
        if (!dialog.open) { dialog.showModal(); }
      });
  }

  function downloadPng(button) {
    fetch(button.getAttribute("data-png-from")).then(function (response) { return response.text(); }).then(function (svg) {
      var image = new Image();
      image.onload = function () {
        var scale = 2;
        var canvas = document.createElement("canvas");
        canvas.width = image.naturalWidth * scale;
        canvas.height = image.naturalHeight * scale;
        var context = canvas.getContext("2d");
        context.fillStyle = "#ffffff";
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (blob) {
          var link = document.createElement("a");
          link.href = URL.createObjectURL(blob);
          link.download = button.getAttribute("data-png-name");
          document.body.appendChild(link);
          link.click();
          setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
        }, "image/png");
      };
      image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
    });
  }

  function start() {
    document.querySelectorAll("[data-png-from]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { downloadPng(button); });
    });
    form = document.getElementById("eco-filters");
    if (!form) { return; }
    selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    selects.forEach(function (select) {
      select.addEventListener("change", function () { apply(); pushUrl(); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); search(true); });
    form.elements.q.addEventListener("input", function () { search(false); });
    document.getElementById("landscape").addEventListener("click", function (event) {
      var tile = event.target.closest("a.t");
      if (!tile || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) { return; }
      event.preventDefault();
      openCard(tile.getAttribute("href"));
    });
    if (form.elements.q.value.trim()) { search(true); }
    // When the landscape became usable, in ms since navigation start (read by bench/ecosystem_map.py).
    document.body.setAttribute("data-landscape-ready", String(Math.round(performance.now())));
    // Reading 10,000 tiles waits until the browser is idle (or the first filter change, whichever is first).
    var idle = window.requestIdleCallback || function (callback) { return setTimeout(callback, 1); };
    idle(function () { if (!tiles) { readTiles(); } });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
