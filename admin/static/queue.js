// On a desk monitor the extra filters are open; on a phone they fold away above the list.
(function () {
  "use strict";
  var more = document.getElementById("more-filters");
  if (more && window.matchMedia("(min-width: 900px)").matches) { more.open = true; }
}());
