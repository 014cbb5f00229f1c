// Live classification on the intake form: debounced POST of the text typed so far,
// results written with textContent only (tenant words are never parsed as HTML).
(function () {
  "use strict";
  var form = document.getElementById("intake-form");
  var box = document.getElementById("suggestion");
  if (!form || !box) { return; }
  var content = form.querySelector("[name=content]");
  var codeSelect = form.querySelector("[name=code]");
  var token = form.querySelector("[name=csrf_token]").value;
  var codeTouched = codeSelect.value !== "";
  var timer = null;
  var seq = 0;

  codeSelect.addEventListener("change", function () { codeTouched = true; });

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function highlight(keys) {
    document.querySelectorAll("#script li[data-key]").forEach(function (li) {
      li.classList.toggle("hot", keys.indexOf(li.getAttribute("data-key")) !== -1);
    });
  }

  function show(data) {
    box.textContent = "";
    if (data.empty) {
      box.appendChild(el("span", "muted", "输入内容后，这里显示自动分类建议。"));
      highlight([]);
      return;
    }
    var head = el("div");
    head.appendChild(el("span", "code", data.code + " " + data.code_name));
    head.appendChild(document.createTextNode(" · " + data.category_name + " · " + data.intent_name));
    if (data.urgent) { head.appendChild(document.createTextNode(" ")); head.appendChild(el("span", "badge urgent", "急修")); }
    if (data.emotion === "upset") { head.appendChild(document.createTextNode(" ")); head.appendChild(el("span", "badge upset", "情绪激动")); }
    box.appendChild(head);
    var meta = el("div", "small muted", "处理部门：" + (data.department || "—") + " · 置信度 " + Math.round((data.confidence || 0) * 100) + "%");
    box.appendChild(meta);
    var ev = el("div", "evidence");
    ev.appendChild(el("span", "muted small", "匹配关键词："));
    (data.evidence || []).forEach(function (kw) { ev.appendChild(el("span", "kw", kw)); });
    box.appendChild(ev);
    box.setAttribute("data-code", data.code);
    if (!codeTouched) { codeSelect.value = data.code; }
    highlight(data.phrases || []);
  }

  function classify() {
    var mine = ++seq;
    fetch(box.getAttribute("data-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token, "Accept": "application/json" },
      body: JSON.stringify({ text: content.value })
    }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data && mine === seq) { show(data); } })
      .catch(function () { /* the clerk can still pick the code by hand */ });
  }

  content.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(classify, 300);
  });
  if (content.value.trim()) { classify(); }
}());
