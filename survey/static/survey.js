// Progressive enhancement only: the forms work without it.
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }
  ready(function () {
    var text = document.getElementById("score-text");
    var stars = document.querySelectorAll(".star-row input[type=radio]");
    Array.prototype.forEach.call(stars, function (input) {
      input.addEventListener("change", function () {
        if (text) { text.textContent = input.value + "分 · " + input.getAttribute("data-label"); }
      });
    });
    // One submission per tap: a second tap while the first is on its way does nothing.
    Array.prototype.forEach.call(document.querySelectorAll("form"), function (form) {
      form.addEventListener("submit", function (event) {
        var button = form.querySelector("button[type=submit]");
        if (form.id === "survey-form" && stars.length && !form.querySelector(".star-row input:checked")) {
          event.preventDefault();
          if (text) { text.textContent = "请先点击星星选择分数"; text.classList.add("error"); }
          return;
        }
        if (button) { button.disabled = true; button.textContent = "正在提交…"; }
      });
    });
  });
})();
