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
