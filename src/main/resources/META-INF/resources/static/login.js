// A failed sign-in comes back to /login?error=true without what was typed (the form posts to Quarkus' j_security_check):
// keep the username for this tab only, so that only the password needs typing again. Never the password.
(function () {
  var form = document.getElementById('login');
  var name = document.getElementById('j_username');
  if (!form || !name) { return; }
  var key = 'candor-username';
  if (/[?&]error=/.test(window.location.search)) {
    var kept = window.sessionStorage.getItem(key);
    if (kept && !name.value) {
      name.value = kept;
      document.getElementById('j_password').focus();
    }
  }
  form.addEventListener('submit', function () { window.sessionStorage.setItem(key, name.value); });
})();
