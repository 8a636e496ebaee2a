// Enhancements only: every form here also works as a plain post without this file.
(function () {
  "use strict";
  function csrf(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }
  function post(form) {
    return fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json", "X-CSRFToken": csrf(form) },
      credentials: "same-origin",
    });
  }
  function announce(box, text) {
    var live = document.getElementById("live-status");
    if (!live) {
      live = document.createElement("p");
      live.id = "live-status";
      live.className = "visually-hidden";
      live.setAttribute("role", "status");
      document.body.appendChild(live);
    }
    live.textContent = text;
  }

  // Voting without a reload.
  document.querySelectorAll(".vote-box").forEach(function (box) {
    box.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form.classList.contains("vote-form")) return;
      event.preventDefault();
      post(form).then(function (response) {
        if (response.status === 401) { form.submit(); return null; }
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      }).then(function (result) {
        if (!result) return;
        if (!result.ok) { announce(box, result.data.error); alert(result.data.error); return; }
        box.querySelector(".score").textContent = result.data.score;
        var forms = box.querySelectorAll(".vote-form");
        [[forms[0], 1, "up"], [forms[1], -1, "down"]].forEach(function (item) {
          var pressed = result.data.my_vote === item[1];
          var button = item[0].querySelector("button");
          button.setAttribute("aria-pressed", pressed ? "true" : "false");
          item[0].querySelector("input[name=value]").value = pressed ? "none" : item[2];
          button.setAttribute("aria-label", "Vote " + item[2] + (pressed ? " (your vote; press to undo)" : ""));
        });
        announce(box, "Vote saved. Score is now " + result.data.score + ".");
      });
    });
  });

  // Live Markdown preview beside the body field.
  document.querySelectorAll("form[data-preview-url]").forEach(function (form) {
    var body = form.querySelector("textarea[name=body]");
    var out = form.querySelector(".live-preview");
    if (!body || !out) return;
    var timer = null;
    function render() {
      var data = new FormData();
      data.append("body", body.value);
      fetch(form.dataset.previewUrl, {
        method: "POST", body: data, credentials: "same-origin",
        headers: { "X-CSRFToken": csrf(form), Accept: "application/json" },
      }).then(function (r) { return r.json(); }).then(function (d) {
        out.innerHTML = d.html;  // sanitised on the server
        out.hidden = !body.value.trim();
      });
    }
    body.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(render, 300); });
    if (body.value.trim()) render();
  });

  // A draft of the ask form that survives a reload; cleared once posted.
  document.querySelectorAll("form[data-draft]").forEach(function (form) {
    var key = "mindwell-draft-" + form.dataset.draft;
    var fields = ["title", "body", "tags"];
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
    fields.forEach(function (name) {
      var el = form.elements[name];
      if (el && saved && saved[name] && !el.value) el.value = saved[name];
    });
    form.addEventListener("input", function () {
      var draft = {};
      fields.forEach(function (name) { if (form.elements[name]) draft[name] = form.elements[name].value; });
      try { localStorage.setItem(key, JSON.stringify(draft)); } catch (e) { /* storage full or off */ }
    });
    form.addEventListener("submit", function (event) {
      if (!event.submitter || event.submitter.name !== "preview") localStorage.removeItem(key);
    });
  });

  // Tag suggestions for the last word typed.
  document.querySelectorAll("[data-tag-autocomplete]").forEach(function (wrap) {
    var input = wrap.querySelector("input");
    if (!input) return;
    var list = document.createElement("datalist");
    list.id = input.id + "-suggestions";
    wrap.appendChild(list);
    input.setAttribute("list", list.id);
    input.setAttribute("autocomplete", "off");
    input.addEventListener("input", function () {
      var words = input.value.split(/[\s,]+/);
      var last = words.pop();
      if (!last) return;
      fetch(wrap.dataset.tagAutocomplete + "?q=" + encodeURIComponent(last))
        .then(function (r) { return r.json(); })
        .then(function (d) {
          var head = words.length ? words.join(" ") + " " : "";
          list.innerHTML = "";
          d.tags.forEach(function (tag) {
            var option = document.createElement("option");
            option.value = head + tag.name;
            option.label = tag.name + " (" + tag.question_count + ")";
            list.appendChild(option);
          });
        });
    });
  });
})();
