// A form with data-kirim-sekali is sent once: a double click on "Simpan" or "Ajukan" sends one
// request. The pressed button's name and value still reach the server (a disabled button's
// would not), so the view knows which action was chosen.
document.addEventListener("submit", function (e) {
  var form = e.target;
  if (!form.hasAttribute || !form.hasAttribute("data-kirim-sekali")) return;
  if (form.dataset.terkirim) { e.preventDefault(); return; }
  form.dataset.terkirim = "1";
  var tombol = e.submitter;
  if (tombol && tombol.name) {
    var h = document.createElement("input");
    h.type = "hidden"; h.name = tombol.name; h.value = tombol.value;
    form.appendChild(h);
  }
  form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
});

// A button with data-sedang starts a long action (finalising an LKjIP, an import): once its
// form is sent, the page says what is happening instead of waiting blank, and the button
// cannot be pressed again.
document.addEventListener("submit", function (e) {
  var form = e.target;
  if (form.dataset && form.dataset.sedang) { e.preventDefault(); return; }
  var tombol = e.submitter;
  if (e.defaultPrevented || !tombol || !tombol.hasAttribute("data-sedang")) return;
  form.dataset.sedang = "1";
  if (tombol.name) {
    var h = document.createElement("input");
    h.type = "hidden"; h.name = tombol.name; h.value = tombol.value;
    form.appendChild(h);
  }
  var p = document.createElement("p");
  p.className = "sedang";
  p.setAttribute("role", "status");
  var putar = document.createElement("span");
  putar.className = "spinner-border spinner-border-sm";
  putar.setAttribute("aria-hidden", "true");
  p.appendChild(putar);
  p.appendChild(document.createTextNode(" " + tombol.getAttribute("data-sedang")));
  form.appendChild(p);
  setTimeout(function () { tombol.disabled = true; }, 0);
});
