/* The embed-code page: copy the <iframe> snippet to the clipboard. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("copy-embed");
    var code = document.getElementById("embed-code");
    if (!button || !code) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      code.select();
      var done = function () { button.textContent = button.getAttribute("data-copied"); };
      if (navigator.clipboard) { navigator.clipboard.writeText(code.value).then(done, done); } else { document.execCommand("copy"); done(); }
    });
  });
})();
