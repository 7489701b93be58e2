// A predikat badge's colour comes from the scale (data, set by the admin): it is given as
// data-warna and applied here, since the Content-Security-Policy refuses style attributes.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".predikat[data-warna]").forEach(function (el) {
    el.style.borderColor = el.getAttribute("data-warna");
  });
});
