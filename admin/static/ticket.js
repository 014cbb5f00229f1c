// The ticket page. A link to #action-… (the phone's action at hand) opens that form's
// panel and brings it into view; a form posts once, however often a thumb taps.
(function () {
  function openTarget() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === 'DETAILS') {
      target.open = true;
      target.scrollIntoView({ block: 'start' });
    }
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
  document.querySelectorAll('form[method=post]').forEach(function (form) {
    form.addEventListener('submit', function () {
      // After the submit event: the form's data (and the button pressed) are taken by then.
      setTimeout(function () {
        form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
      }, 0);
    });
  });
})();
