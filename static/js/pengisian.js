// Live feedback on the entry page: while a value is typed, the server's capaian engine
// recomputes the annual value, capaian and predikat of the row (one engine, no JS copy of it).
(function () {
  "use strict";
  var form = document.getElementById("form-pengisian");
  if (!form) return;
  var url = form.getAttribute("data-pratinjau");
  // Per row: its own debounce timer and request counter, so typing in the next row does not
  // cancel or discard the preview of the row just left.
  var timer = {};
  var nomor = {};

  function isi(id, teks) {
    var el = document.getElementById(id);
    if (el) el.textContent = teks;
  }

  function hitung(input) {
    var m = /^i(\d+)-nilai(_teks)?$/.exec(input.name);
    if (!m) return;
    var id = m[1];
    var params = new URLSearchParams();
    params.set("i" + id, input.value);
    var ini = nomor[id] = (nomor[id] || 0) + 1;
    fetch(url + "?" + params.toString(), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (ini !== nomor[id]) return;
        var h = data.hasil[id];
        if (!h) return;
        isi("galat-" + id, h.galat || "");
        isi("wajar-" + id, h.wajar || "");
        if (h.galat) return;
        isi("tahunan-" + id, h.tahunan);
        isi("tahunan-rumus-" + id, h.tahunan_rumus || "");
        var cap = document.getElementById("capaian-" + id);
        if (cap) { cap.textContent = h.capaian || h.alasan; cap.title = h.rumus; }
        var pred = document.querySelector("#predikat-" + id + " .predikat");
        if (pred) { pred.textContent = h.predikat; pred.style.borderColor = h.warna || ""; }
      })
      .catch(function () { /* the page still saves without the preview */ });
  }

  form.addEventListener("input", function (e) {
    var input = e.target;
    if (!/-nilai(_teks)?$/.test(input.name || "")) return;
    clearTimeout(timer[input.name]);
    timer[input.name] = setTimeout(function () { hitung(input); }, 250);
  });
  form.addEventListener("change", function (e) {
    if (/-nilai_teks$/.test(e.target.name || "")) hitung(e.target);
  });
  // A double click sends one request: static/js/kirim-sekali.js (data-kirim-sekali).
})();
