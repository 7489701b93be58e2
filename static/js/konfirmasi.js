// A button with data-konfirmasi="…" asks before its form is sent (delete, finalise).
document.addEventListener("click", function (e) {
  var tombol = e.target.closest("[data-konfirmasi]");
  if (tombol && !window.confirm(tombol.getAttribute("data-konfirmasi"))) {
    e.preventDefault();
  }
});
