// The quote form's total as the clerk or engineer types: schedule items × quantities plus
// the free line. The server computes the quote again; this only shows it.
(function () {
  "use strict";
  var form = document.querySelector("form[data-quote]");
  var total = document.getElementById("quote-total");
  if (!form || !total) { return; }
  function cents(value) {
    var n = parseFloat(value);
    return isFinite(n) && n > 0 ? Math.round(n * 100) : 0;
  }
  function update() {
    var sum = 0;
    form.querySelectorAll("input[data-price]").forEach(function (input) {
      sum += Math.round(cents(input.getAttribute("data-price")) * (parseFloat(input.value) || 0));
    });
    sum += cents(form.querySelector("input[name=amount]").value);
    total.textContent = (sum / 100).toFixed(2);
  }
  form.addEventListener("input", update);
  update();
}());
