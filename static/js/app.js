// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Nothing typed is ever lost: every textarea marked data-keep is copied to this
  // browser's storage as it changes, and offered back if the page comes back without it
  // (a session that expired, a crash, a closed tab).
  function storageKey(el) { return "countersign:" + document.body.dataset.user + ":" + el.dataset.keep; }

  function keepTyping(el) {
    var key = storageKey(el);
    var stored = null;
    try { stored = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { stored = null; }
    if (stored && stored.text && stored.text !== el.value) {
      if (!el.value.trim()) {
        el.value = stored.text;
        notice(el, "We restored the text you were typing before you were signed out.");
        el.dispatchEvent(new Event("input", { bubbles: true }));
      } else {
        var button = document.createElement("button");
        button.type = "button"; button.className = "small"; button.textContent = "Restore it";
        button.addEventListener("click", function () {
          el.value = stored.text; el.dispatchEvent(new Event("input", { bubbles: true })); button.parentNode.remove();
        });
        notice(el, "This browser kept newer text you typed earlier. ", button);
      }
    } else if (stored && stored.text === el.value) {
      localStorage.removeItem(key); // the server has it now
    }
    el.addEventListener("input", function () {
      try { localStorage.setItem(key, JSON.stringify({ text: el.value, at: Date.now() })); } catch (e) { /* full */ }
    });
  }

  function notice(el, text, extra) {
    var p = document.createElement("p");
    p.className = "message restored"; p.setAttribute("role", "status"); p.textContent = text;
    if (extra) p.appendChild(extra);
    el.parentNode.insertBefore(p, el);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea[data-keep]").forEach(keepTyping);
    // Signing out on purpose (a shared computer): drafts may be confidential, so the
    // copies kept in this browser go too. An expired session keeps them.
    document.querySelectorAll("form[data-signout]").forEach(function (form) {
      form.addEventListener("submit", function () {
        Object.keys(localStorage).filter(function (k) { return k.indexOf("countersign:") === 0; })
          .forEach(function (k) { localStorage.removeItem(k); });
      });
    });
  });

  // A live check or autosave answered 401/403: the session ended. Say so; the text is
  // safe in this browser and comes back after signing in.
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    var target = document.getElementById("feedback");
    if (!target) return;
    if (status === 401 || status === 403) {
      target.innerHTML = "";
      var p = document.createElement("p");
      p.className = "message error"; p.setAttribute("role", "alert");
      p.append("You have been signed out. Your text is kept in this browser: ");
      var a = document.createElement("a");
      a.href = "/signin/?next=" + encodeURIComponent(location.pathname); a.textContent = "sign in again";
      p.append(a, " and it will be here.");
      target.appendChild(p);
    } else {
      var q = document.createElement("p");
      q.className = "message error"; q.setAttribute("role", "alert");
      q.textContent = event.detail.xhr.responseText.slice(0, 300) || "The check could not run. Your text is kept in this browser.";
      target.replaceChildren(q);
    }
  });
})();
