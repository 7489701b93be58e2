// Live preview of the LKjIP's Markdown: while a text is typed, the server renders it with the
// same sanitising function as the saved page and the PDF (apps.laporan.markdown), so what the
// preview shows is what the report prints. Without JavaScript the page still works: the
// preview is rendered by the server after each save.
(function () {
  "use strict";
  var form = document.getElementById("form-lkjip");
  if (!form) return;
  var url = form.getAttribute("data-pratinjau");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]");
  // Per text area: its own debounce timer and request counter, so an older answer arriving
  // late never replaces the preview of newer text.
  var timer = {};
  var nomor = {};

  function perbarui(area) {
    var kotak = document.getElementById("pratinjau-" + area.id);
    if (!kotak) return;
    var ini = nomor[area.id] = (nomor[area.id] || 0) + 1;
    var data = new FormData();
    data.append("teks", area.value);
    fetch(url, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-CSRFToken": token ? token.value : "" }
    })
      .then(function (r) { return r.json(); })
      .then(function (hasil) {
        if (ini !== nomor[area.id]) return;
        if (hasil.galat) { kotak.textContent = hasil.galat; return; }
        // Sanitised by the server (nh3): no script, style, event handler or image survives.
        kotak.innerHTML = hasil.html;
      })
      .catch(function () { /* the page still saves without the preview */ });
  }

  form.addEventListener("input", function (e) {
    var area = e.target;
    if (!area.hasAttribute || !area.hasAttribute("data-pratinjau")) return;
    clearTimeout(timer[area.id]);
    timer[area.id] = setTimeout(function () { perbarui(area); }, 300);
  });
  // A double click sends one request: static/js/kirim-sekali.js (data-kirim-sekali).
})();
