// Enhancements only: every form here also works as a plain post without this file.
(function () {
  "use strict";
  function csrf(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }
  // Send a form in the background; a second press while it is on its way does nothing.
  function post(form, data) {
    if (form.dataset.busy) return Promise.resolve(null);
    form.dataset.busy = "1";
    return fetch(form.action, {
      method: "POST",
      body: data || new FormData(form),
      headers: { Accept: "application/json", "X-CSRFToken": csrf(form) },
      credentials: "same-origin",
    }).then(function (response) {
      // Not logged in (401) or an unexpected answer: fall back to the plain form post.
      if (response.status === 401 || !(response.headers.get("Content-Type") || "").includes("json")) {
        form.submit();
        return null;
      }
      return response.json().then(function (body) { return { ok: response.ok, data: body }; });
    }).catch(function () {
      form.submit();  // offline or a broken answer: let the browser send it the plain way
      return null;
    }).finally(function () { delete form.dataset.busy; });
  }
  // One polite live region for the page: screen readers hear what changed without a reload.
  function announce(text) {
    var live = document.getElementById("live-status");
    if (!live) {
      live = document.createElement("p");
      live.id = "live-status";
      live.className = "visually-hidden";
      live.setAttribute("role", "status");
      document.body.appendChild(live);
    }
    live.textContent = "";
    setTimeout(function () { live.textContent = text; }, 50);
  }
  function feedback(article, text) {
    var out = article && article.querySelector(".post-feedback");
    if (out) out.textContent = text;
  }
  // The points beside names (and the reader's own, in the header) after a change made in
  // place: {username: {count, compact}}, only for those the server chose to show.
  function showPoints(points) {
    if (!points) return;
    document.querySelectorAll("[data-points-of]").forEach(function (el) {
      var now = Object.prototype.hasOwnProperty.call(points, el.dataset.pointsOf) && points[el.dataset.pointsOf];
      if (!now) return;
      if (el.hasAttribute("data-points-count")) { el.textContent = now.count; return; }
      el.textContent = "(" + now.compact + " points)";
      el.title = now.count + " points";
    });
  }
  function icon(path) {
    return '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="' + path +
      '" fill="none" stroke="currentColor" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/></svg>';
  }

  // A wide table in a post scrolls sideways; let the keyboard reach it too.
  document.querySelectorAll(".post-body table").forEach(function (table) {
    if (table.scrollWidth > table.clientWidth) table.tabIndex = 0;
  });

  // The field naming this sending of a form (mindwell/core/submissions.py). A browser going
  // back to a form restores a text field only if its value differs from the page's: with
  // the page's value emptied, it keeps this one, so a form sent again after a dropped
  // connection is known for the same sending, even when the page is fetched anew.
  document.querySelectorAll("input[name=submission]").forEach(function (input) {
    var token = input.value;
    input.defaultValue = "";
    input.value = token;
  });

  // A form sent back with errors, or with a question to confirm: move to the summary.
  var summary = document.querySelector(".error-summary, .confirm-summary");
  if (summary) summary.focus();

  // Voting without a reload.
  document.querySelectorAll(".vote-box").forEach(function (box) {
    box.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form.classList.contains("vote-form")) return;
      event.preventDefault();
      var article = box.closest("article");
      post(form).then(function (result) {
        if (!result) return;
        if (!result.ok) { feedback(article, result.data.error); announce(result.data.error); return; }
        feedback(article, "");
        box.querySelector(".score").textContent = result.data.score;
        showPoints(result.data.points);
        var forms = box.querySelectorAll(".vote-form");
        [[forms[0], 1, "up"], [forms[1], -1, "down"]].forEach(function (item) {
          var pressed = result.data.my_vote === item[1];
          var button = item[0].querySelector("button");
          button.setAttribute("aria-pressed", pressed ? "true" : "false");
          item[0].querySelector("input[name=value]").value = pressed ? "none" : item[2];
          button.setAttribute("aria-label", "Vote " + item[2] + (pressed ? " (your vote; press to undo)" : ""));
        });
        announce((result.data.my_vote ? "Vote saved." : "Vote removed.") + " Score is now " + result.data.score + ".");
      });
    });
  });

  // Choosing the best answer without a reload. The order of answers stays as it is until the
  // next visit, so nothing jumps under the reader.
  var acceptForms = document.querySelectorAll(".accept-form");
  acceptForms.forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var article = form.closest("article");
      post(form).then(function (result) {
        if (!result) return;
        if (!result.ok) { feedback(article, result.data.error); announce(result.data.error); return; }
        var accepted = result.data.accepted === null ? null : String(result.data.accepted);
        acceptForms.forEach(function (other) {
          var id = other.dataset.answer, on = id === accepted, post = other.closest("article");
          var button = other.querySelector("button");
          other.querySelector("input[name=answer]").value = on ? "none" : id;
          button.textContent = on ? "Unselect best answer" : "Select as best answer";
          button.setAttribute("aria-pressed", on ? "true" : "false");
          post.classList.toggle("accepted", on);
          var label = post.querySelector(".accepted-label");
          if (on && !label) {
            label = document.createElement("p");
            label.className = "accepted-label";
            label.innerHTML = icon("M5 12.5l4.5 4.5L19 7.5") + "Best answer, chosen by the asker";
            post.querySelector(".post-body").before(label);
          } else if (!on && label) {
            label.remove();
          }
        });
        showPoints(result.data.points);
        feedback(article, "");
        announce(accepted ? "Marked as the best answer." : "Best answer unselected.");
        form.querySelector("button").focus();
      });
    });
  });

  // Deleting a comment: a confirm step in its place, then "Comment deleted. Undo" there.
  // Without this, the delete link opens a page that asks the same.
  function smallForm(action, token) {
    var form = document.createElement("form");
    form.method = "post";
    form.action = action;
    form.className = "inline-form";
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = "csrfmiddlewaretoken";
    input.value = token;
    form.appendChild(input);
    return form;
  }
  function linkButton(text, type) {
    var button = document.createElement("button");
    button.type = type;
    button.className = "link-button";
    button.textContent = text;
    return button;
  }
  var confirmCount = 0;
  document.querySelectorAll(".comments").forEach(function (list) {
    list.addEventListener("click", function (event) {
      var link = event.target.closest("a.comment-delete");
      if (!link) return;
      var token = document.querySelector("input[name=csrfmiddlewaretoken]");
      if (!token) return;  // nothing to sign the request with: the confirm page asks instead
      event.preventDefault();
      var item = link.closest("li");
      var form = smallForm(link.href, token.value);
      form.classList.add("comment-confirm");
      var question = document.createElement("span");
      question.id = "comment-confirm-" + (++confirmCount);
      question.textContent = "Delete this comment?";
      form.setAttribute("role", "group");
      form.setAttribute("aria-labelledby", question.id);
      var yes = linkButton("Yes, delete", "submit");
      var no = linkButton("Cancel", "button");
      form.append(question, " ", yes, " ", no);
      link.hidden = true;
      link.after(form);
      yes.focus();
      function cancel() {
        form.remove();
        link.hidden = false;
        link.focus();
      }
      no.addEventListener("click", cancel);
      form.addEventListener("keydown", function (e) { if (e.key === "Escape") cancel(); });
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        post(form).then(function (result) {
          if (!result) return;
          if (!result.ok) { question.textContent = result.data.error; announce(result.data.error); return; }
          form.remove();
          link.hidden = false;
          showUndo(item, result.data.undo, token.value);
        });
      });
    });
  });
  function showUndo(item, action, token) {
    var kept = document.createDocumentFragment();
    while (item.firstChild) kept.appendChild(item.firstChild);
    var note = document.createElement("span");
    note.textContent = "Comment deleted.";
    var undo = smallForm(action, token);
    var button = linkButton("Undo", "submit");
    undo.appendChild(button);
    item.append(note, " ", undo);
    item.classList.add("comment-undo");
    button.focus();
    announce("Comment deleted. Press Undo to bring it back.");
    undo.addEventListener("submit", function (e) {
      e.preventDefault();
      post(undo).then(function (result) {
        if (!result) return;
        if (!result.ok) { note.textContent = result.data.error; announce(result.data.error); return; }
        item.textContent = "";
        item.appendChild(kept);
        item.classList.remove("comment-undo");
        var again = item.querySelector("a.comment-delete");
        if (again) again.focus();
        announce("Comment restored.");
      });
    });
  }

  // Flagging in place: the Flag link opens the flag page's own form under the post or the
  // comment, and sends it in the background. Without this, the link opens that page.
  document.querySelectorAll("a.flag-link").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      if (link.dataset.open) return;
      link.dataset.open = "1";
      fetch(link.href, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      }).then(function (html) {
        var found = new DOMParser().parseFromString(html, "text/html").querySelector("form.flag-form");
        if (!found) throw new Error("no form");
        openFlagForm(link, document.importNode(found, true));
      }).catch(function () {
        delete link.dataset.open;
        window.location.href = link.href;  // the page says what went wrong
      });
    });
  });
  function openFlagForm(link, form) {
    form.classList.add("flag-inline");
    var comment = link.closest("li");
    if (comment) comment.appendChild(form);
    else link.closest(".post-actions").after(form);
    var out = document.createElement("p");
    out.className = "field-errors";
    out.setAttribute("role", "alert");
    form.prepend(out);
    function close() {
      form.remove();
      delete link.dataset.open;
      link.focus();
    }
    form.querySelector(".flag-cancel").addEventListener("click", function (e) { e.preventDefault(); close(); });
    form.addEventListener("keydown", function (e) { if (e.key === "Escape") close(); });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      post(form).then(function (result) {
        if (!result) return;
        if (!result.ok) { out.textContent = result.data.error; return; }
        var done = document.createElement("p");
        done.setAttribute("role", "status");
        done.tabIndex = -1;
        done.textContent = result.data.message + (result.data.hidden ? " It is hidden until a moderator reviews it." : "");
        form.replaceWith(done);
        link.remove();
        done.focus();
      });
    });
    var first = form.querySelector("input[type=radio]");
    if (first) first.focus();
  }

  // A draft of the ask form that survives a reload; cleared once the question is sent.
  document.querySelectorAll("form[data-draft]").forEach(function (form) {
    var key = "mindwell-draft-" + form.dataset.draft;
    var fields = ["title", "body", "category", "tags"];
    var status = form.querySelector(".draft-status");
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
    var restored = false;
    fields.forEach(function (name) {
      var el = form.elements[name];
      if (el && saved && saved[name] && !el.value) { el.value = saved[name]; restored = true; }
    });
    if (restored && status) status.textContent = "Your unsent draft is back.";
    function save() {
      var draft = {};
      fields.forEach(function (name) { if (form.elements[name]) draft[name] = form.elements[name].value; });
      try { localStorage.setItem(key, JSON.stringify(draft)); } catch (e) { /* storage full or off */ }
    }
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    form.addEventListener("submit", function (event) {
      if (!event.submitter || event.submitter.name !== "preview") {
        try { localStorage.removeItem(key); } catch (e) { /* storage off */ }
      }
    });
    // Sent back with errors: keep what is in the form as the draft again.
    if (form.querySelector(".field-error")) save();
  });

  // Live Markdown preview under the body field (rendered and sanitised by the server).
  document.querySelectorAll("form[data-preview-url]").forEach(function (form) {
    var body = form.querySelector("textarea[name=body]");
    var box = form.querySelector(".live-preview");
    if (!body || !box) return;
    var out = box.querySelector(".post-body");
    var timer = null, sent = 0;
    function render() {
      var data = new FormData();
      data.append("body", body.value);
      var mine = ++sent;
      fetch(form.dataset.previewUrl, {
        method: "POST", body: data, credentials: "same-origin",
        headers: { "X-CSRFToken": csrf(form), Accept: "application/json" },
      }).then(function (r) { return r.json(); }).then(function (d) {
        if (mine !== sent) return;  // an older answer arriving late
        out.innerHTML = d.html;
        box.hidden = !body.value.trim();
      }).catch(function () { /* offline: the Preview button still works */ });
    }
    body.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(render, 300); });
    if (body.value.trim()) render();
  });

  // Questions that look like the draft, asked as the title is typed (the Preview button
  // shows the same list without JavaScript). The draft is kept (above), so following a
  // link and coming back loses nothing.
  document.querySelectorAll(".similar-hints[data-similar-url]").forEach(function (hints) {
    var form = hints.closest("form");
    var title = form && form.elements.title;
    if (!title || !hints.dataset.similarUrl) return;
    var body = form.elements.body;
    var timer = null, sent = 0, lastQuery = "";
    function show(questions) {
      hints.textContent = "";
      if (!questions.length) return;
      var heading = document.createElement("h2");
      heading.className = "similar-heading";
      heading.textContent = "Already asked? These look alike";
      var list = document.createElement("ul");
      list.className = "similar-list";
      questions.forEach(function (q) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = q.url;
        link.textContent = q.title;
        var count = document.createElement("span");
        count.className = "muted";
        count.textContent = " (" + q.answer_count + (q.answer_count === 1 ? " answer" : " answers") +
          (q.has_accepted_answer ? ", one accepted)" : ")");
        item.append(link, count);
        list.append(item);
      });
      hints.append(heading, list);
    }
    function ask() {
      var text = title.value.trim();
      if (text.length < 15) { lastQuery = ""; show([]); return; }
      var query = "title=" + encodeURIComponent(text) +
        "&body=" + encodeURIComponent((body ? body.value : "").slice(0, 1500));
      if (query === lastQuery) return;
      lastQuery = query;
      var mine = ++sent;
      fetch(hints.dataset.similarUrl + "?" + query, {
        credentials: "same-origin", headers: { Accept: "application/json" },
      }).then(function (r) { return r.json(); }).then(function (d) {
        if (mine === sent) show(d.questions || []);
      }).catch(function () { /* offline: the Preview button still works */ });
    }
    title.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(ask, 400); });
    if (title.value.trim() && !hints.querySelector("li")) ask();
  });

  // A guest's private link: select it all on focus, and a button to copy it.
  var privateLink = document.getElementById("private-link");
  if (privateLink) {
    privateLink.addEventListener("focus", function () { privateLink.select(); });
    if (navigator.clipboard) {
      var copy = document.createElement("button");
      copy.type = "button";
      copy.className = "copy-link";
      copy.textContent = "Copy link";
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(privateLink.value).then(function () {
          copy.textContent = "Copied";
          announce("The link is copied. Keep it somewhere private.");
        });
      });
      privateLink.parentNode.appendChild(copy);
    }
  }

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
  // The bell's count in the header, after notifications were marked read in place.
  function showUnread(count) {
    var bell = document.querySelector("a.bell");
    if (!bell) return;
    var label = bell.querySelector(".visually-hidden");
    if (label) label.textContent = "Notifications" + (count ? ", " + count + " unread" : "");
    var badge = bell.querySelector(".bell-count");
    if (!count) { if (badge) badge.remove(); return; }
    if (!badge) {
      badge = document.createElement("span");
      badge.className = "bell-count";
      badge.setAttribute("aria-hidden", "true");
      bell.appendChild(badge);
    }
    badge.textContent = count > 99 ? "99+" : String(count);
  }

  // Marking notifications read without a reload: one, a question's group, or all of them.
  document.querySelectorAll(".mark-read-form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      post(form).then(function (result) {
        if (!result) return;
        if (!result.ok) { announce(result.data.error); return; }
        var scope = form.dataset.mark;
        var box = scope === "one" ? form.closest("li") : scope === "group" ? form.closest("[data-group]") : document;
        var items = scope === "one" ? [box] : Array.prototype.slice.call(box.querySelectorAll("li.notification"));
        items.forEach(function (item) {
          item.classList.remove("is-unread");
          var badge = item.querySelector(".new-badge");
          if (badge) badge.remove();
        });
        var focusTo = items[0] && items[0].querySelector("a");
        box.querySelectorAll(".mark-read-form").forEach(function (done) { done.remove(); });
        if (scope !== "one") form.remove();
        if (!result.data.unread) {
          var all = document.querySelector(".mark-all-form");
          if (all) all.remove();
        }
        showUnread(result.data.unread);
        if (focusTo) focusTo.focus();
        announce("Marked read. " + (result.data.unread ? result.data.unread + " unread." : "Nothing unread."));
      });
    });
  });

  // Following and unfollowing in place: a toggle button (aria-pressed) on question, tag,
  // category and profile pages; on the list of what a member follows, Unfollow and
  // Follow again.
  document.querySelectorAll("form.follow-form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      post(form).then(function (result) {
        if (!result) return;
        if (!result.ok) { announce(result.data.error); return; }
        var on = result.data.following;
        var button = form.querySelector("button");
        form.querySelector("input[name=follow]").value = on ? "no" : "yes";
        if (button.hasAttribute("aria-pressed")) {
          button.setAttribute("aria-pressed", on ? "true" : "false");
        } else {
          var label = button.querySelector(".follow-label");
          if (label) label.textContent = on ? button.dataset.unfollow : button.dataset.follow;
        }
        announce(result.data.message);
      });
    });
  });

  // Email settings: a time zone still at its default takes this device's own, to be saved.
  document.querySelectorAll("select[data-guess-timezone]").forEach(function (select) {
    var zone = "";
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
    if (!zone || zone === "UTC" || select.value !== "UTC") return;
    var known = Array.prototype.some.call(select.options, function (option) { return option.value === zone; });
    if (!known) return;
    select.value = zone;
    var note = select.form && select.form.querySelector(".timezone-note");
    if (note) note.textContent = "Set to this device's time zone, " + zone.replace(/_/g, " ") + ". Save to keep it.";
  });

  // Names after "@" in the answer and comment boxes: who wrote in this thread under their
  // name, offered as a list to pick from with the arrow keys and Enter (Escape closes it).
  // Without this, typing the name does the same.
  var mentionLists = 0;
  function mentionBox(area, url, cache) {
    var list = document.createElement("ul");
    list.id = "mention-list-" + (++mentionLists);
    list.className = "mention-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Names in this thread");
    list.hidden = true;
    area.parentNode.classList.add("mention-box");
    area.after(list);
    area.setAttribute("aria-autocomplete", "list");
    area.setAttribute("aria-controls", list.id);
    var names = [], active = -1, start = 0, sent = 0, timer = null;
    function select(i) {
      active = i;
      Array.prototype.forEach.call(list.children, function (option, n) {
        option.setAttribute("aria-selected", n === i ? "true" : "false");
      });
      area.setAttribute("aria-activedescendant", list.id + "-" + i);
    }
    function close() {
      list.hidden = true;
      list.textContent = "";
      names = [];
      active = -1;
      area.removeAttribute("aria-activedescendant");
    }
    function choose(i) {
      var item = names[i];
      if (!item) return;
      var end = area.selectionStart;
      area.value = area.value.slice(0, start) + item.username + " " + area.value.slice(end);
      var caret = start + item.username.length + 1;
      area.setSelectionRange(caret, caret);
      close();
      area.dispatchEvent(new Event("input", { bubbles: true }));  // the preview and the draft
      announce("@" + item.username + " inserted.");
    }
    function show(found) {
      var opening = list.hidden || found.length !== names.length;
      close();
      names = found;
      if (!names.length) return;
      names.forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.textContent = "@" + item.username;
        if (item.name !== item.username) {
          var shown = document.createElement("span");
          shown.className = "mention-name";
          shown.textContent = item.name;
          option.appendChild(shown);
        }
        option.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
        list.appendChild(option);
      });
      list.hidden = false;
      select(0);
      if (opening) {
        announce(names.length + (names.length === 1 ? " name" : " names") +
          " from this thread. Up and down arrows to choose, Enter to insert, Escape to close.");
      }
    }
    function lookUp() {
      var before = area.value.slice(0, area.selectionStart);
      var found = /(^|[^\w@.])@([\w.+-]{0,40})$/.exec(before);
      if (!found) { sent++; close(); return; }
      var prefix = found[2];
      start = area.selectionStart - prefix.length;
      var key = prefix.toLowerCase();
      var mine = ++sent;
      if (cache[key]) { show(cache[key]); return; }
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch(url + "?q=" + encodeURIComponent(prefix), {
          credentials: "same-origin", headers: { Accept: "application/json" },
        }).then(function (r) { return r.ok ? r.json() : { names: [] }; }).then(function (d) {
          cache[key] = d.names || [];
          if (mine === sent) show(cache[key]);
        }).catch(function () { close(); });
      }, 150);
    }
    area.addEventListener("input", lookUp);
    area.addEventListener("blur", function () { sent++; close(); });
    area.addEventListener("keydown", function (e) {
      if (list.hidden || !names.length) return;
      if (e.key === "ArrowDown") { e.preventDefault(); select((active + 1) % names.length); }
      else if (e.key === "ArrowUp") { e.preventDefault(); select((active - 1 + names.length) % names.length); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(active); }
      else if (e.key === "Escape") { e.preventDefault(); sent++; close(); }
    });
  }
  document.querySelectorAll("[data-mention-url]").forEach(function (thread) {
    var cache = {};
    thread.querySelectorAll("textarea[name=body]").forEach(function (area) {
      mentionBox(area, thread.dataset.mentionUrl, cache);
    });
  });
})();
