// The tenant simulator's chat: posts each line to the console, which signs it and hands it
// to the webhook; shows the bot's reply and, by polling, later notifications.
(function () {
  "use strict";
  var form = document.getElementById("sim-form");
  var chat = document.getElementById("chat");
  if (!form || !chat) { return; }
  var token = form.querySelector("[name=csrf_token]").value;
  var input = form.querySelector("[name=text]");
  var openidInput = document.getElementById("sim-openid");
  var site = form.querySelector("[name=site]").value;
  var lastId = 0;

  function bubble(cls, text) {
    var node = document.createElement("div");
    node.className = "bubble " + cls;
    node.textContent = text;
    chat.appendChild(node);
    chat.scrollTop = chat.scrollHeight;
  }

  function send(text) {
    bubble("me", text);
    var message = { site: site, openid: openidInput.value, text: text };
    var scan = /^\/扫码\s+(.+)$/.exec(text);  // "/扫码 L2-015" or "/扫码 <a unit's link>": a scan event
    if (scan) { message = { site: site, openid: openidInput.value, scan: scan[1] }; }
    fetch(form.getAttribute("data-send"), {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token, "Accept": "application/json" },
      body: JSON.stringify(message)
    }).then(function (r) { return r.json(); }).then(function (data) {
      if (data.error) { bubble("sys", data.error); return; }
      bubble("bot", data.reply || "（无回复）");
    }).catch(function () { bubble("sys", "发送失败，请稍后再试"); });
  }

  function poll() {
    var url = form.getAttribute("data-poll") + "?site=" + encodeURIComponent(site) +
      "&openid=" + encodeURIComponent(openidInput.value) + "&after=" + lastId;
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { items: [] }; })
      .then(function (data) {
        (data.items || []).forEach(function (m) { lastId = Math.max(lastId, m.id); bubble("bot", m.text || ""); });
      }).catch(function () {});
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    send(text);
  });
  document.querySelectorAll("#samples a[data-text]").forEach(function (a) {
    a.addEventListener("click", function (ev) { ev.preventDefault(); send(a.getAttribute("data-text")); });
  });
  setInterval(poll, 5000);
}());
