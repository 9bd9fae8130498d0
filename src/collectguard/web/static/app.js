// collectguard dashboard: countdowns to the next allowed contact, and live screening of drafts.
(function () {
  "use strict";
  var lang = document.body.dataset.lang || "zh";

  function fmt(ms) {
    if (ms <= 0) return lang === "zh" ? "现在可以重试" : "now";
    var s = Math.floor(ms / 1000), d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600),
      m = Math.floor((s % 3600) / 60), sec = s % 60;
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var clock = pad(h) + ":" + pad(m) + ":" + pad(sec);
    if (d > 0) clock = d + (lang === "zh" ? "天 " : "d ") + clock;
    return (lang === "zh" ? "还有 " : "in ") + clock;
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-countdown]").forEach(function (el) {
      el.textContent = "(" + fmt(Date.parse(el.dataset.countdown) - now) + ")";
    });
  }
  tick();
  setInterval(tick, 1000);

  var box = document.getElementById("composer");
  if (!box) return;
  var verdict = document.getElementById("screen-verdict"), preview = document.getElementById("screen-preview"),
    list = document.getElementById("screen-findings"), rewriteBtn = document.getElementById("apply-rewrite"),
    errorEl = document.getElementById("screen-error"), to = document.getElementById("compose-to");
  var timer = null, seq = 0, lastRewrite = null;
  var words = {
    checking: lang === "zh" ? "检查中…" : "Checking…",
    idle: lang === "zh" ? "等待输入" : "Waiting",
    failed: lang === "zh" ? "暂时无法质检：" : "Screening unavailable: ",
    suggestion: lang === "zh" ? "建议：" : "Suggestion: "
  };

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    el.textContent = value;
    return el;
  }
  function render(data) {
    verdict.textContent = data.verdict_label;
    verdict.className = "pill " + (data.verdict === "block" ? "bad" : data.verdict === "warn" ? "warn" : "ok");
    preview.replaceChildren();
    if (data.findings.length) {
      data.segments.forEach(function (seg) {
        preview.appendChild(seg.category ? text("mark", seg.text) : document.createTextNode(seg.text));
      });
    }
    list.replaceChildren();
    data.findings.forEach(function (f) {
      var li = document.createElement("li");
      if (data.verdict === "warn") li.className = "warn";
      li.appendChild(text("b", f.label + " "));
      li.appendChild(text("span", f.rule || "", "rule-id"));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(text("cite", f.citation || ""));
      if (f.reason) li.appendChild(text("div", f.reason));
      if (f.suggestion) li.appendChild(text("div", words.suggestion + f.suggestion, "suggestion"));
      list.appendChild(li);
    });
    lastRewrite = data.rewrite;
    rewriteBtn.hidden = !data.rewrite;
  }
  function screen() {
    var value = box.value;
    var mine = ++seq;
    if (!value.trim()) {
      verdict.textContent = words.idle; verdict.className = "pill muted";
      preview.replaceChildren(); list.replaceChildren(); rewriteBtn.hidden = true; return;
    }
    verdict.textContent = words.checking;
    fetch("/ui/api/screen", {
      method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: value, to: to ? to.value : null, account_id: box.dataset.account || null })
    }).then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        if (mine !== seq) return;  // a newer keystroke has its own request
        if (!res.ok) { errorEl.hidden = false; errorEl.textContent = words.failed + res.body.error.message; return; }
        errorEl.hidden = true;
        render(res.body);
      })
      .catch(function (e) { errorEl.hidden = false; errorEl.textContent = words.failed + e; });
  }
  box.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(screen, 250); });
  if (to) to.addEventListener("change", screen);
  rewriteBtn.addEventListener("click", function () {
    if (lastRewrite) { box.value = lastRewrite; screen(); }
  });
})();
