// Progressive enhancement only: every page works without this file.
// Sends the CSRF token with every htmx request (Flask-WTF reads the X-CSRFToken header).
document.addEventListener("htmx:configRequest", function (evt) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) { evt.detail.headers["X-CSRFToken"] = meta.content; }
});
// Move focus to swapped-in content that asks for it, so keyboard and screen-reader users follow along.
document.addEventListener("htmx:afterSettle", function (evt) {
  var target = evt.detail.target && evt.detail.target.querySelector("[data-autofocus]");
  if (target) { target.focus(); }
});
