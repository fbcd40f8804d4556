// Broadsheet reader script: optional. Every feature here also works without it.
(function () {
  "use strict";
  var form = document.querySelector("form[data-text-size]");
  // The server lists the steps it knows on the form, so both sides agree on them.
  var steps = form ? form.getAttribute("data-steps").split(" ").map(Number) : [];
  var standard = steps.indexOf(100);
  var root = document.documentElement;
  if (!form || standard < 0) { steps = []; }

  function currentIndex() {
    var match = /(?:^|\s)text-size-(\d+)(?:\s|$)/.exec(root.className);
    var index = match ? parseInt(match[1], 10) : standard;
    return index >= 0 && index < steps.length ? index : standard;
  }

  function label(index) { return String(steps[index]) + "%"; }

  function apply(index) {
    root.className = root.className.replace(/(?:^|\s)text-size-\d+/g, "").trim();
    root.classList.add("text-size-" + index);
    var secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = "text_size=" + steps[index] + "; Path=/; Max-Age=31536000; SameSite=Lax" + secure;
    document.querySelectorAll("form[data-text-size]").forEach(function (form) {
      var output = form.querySelector("[data-text-size-label]");
      if (output) { output.textContent = label(index); }
      form.querySelectorAll("button[data-change]").forEach(function (button) {
        var change = button.getAttribute("data-change");
        button.disabled = (change === "smaller" && index === 0) ||
          (change === "larger" && index === steps.length - 1) ||
          (change === "reset" && index === standard);
      });
    });
  }

  // The same forms post to the server without JavaScript; here they act at once, with no reload.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("form[data-text-size] button[data-change]") : null;
    if (!button || steps.length === 0) { return; }
    event.preventDefault();
    var index = currentIndex();
    var change = button.getAttribute("data-change");
    if (change === "smaller") { index = Math.max(0, index - 1); }
    else if (change === "larger") { index = Math.min(steps.length - 1, index + 1); }
    else { index = standard; }
    apply(index);
    // Keep focus on a usable control when the pressed one becomes disabled.
    if (button.disabled) {
      var other = button.form.querySelector("button[data-change]:not([disabled])");
      if (other) { other.focus(); }
    }
  });

  // Keep "3 hours ago" true on a page that was rendered (or cached) a while back.
  function refreshRelativeTimes() {
    var now = Date.now();
    document.querySelectorAll("time[datetime] [data-relative]").forEach(function (span) {
      var then = Date.parse(span.parentNode.getAttribute("datetime"));
      if (isNaN(then)) { return; }
      var seconds = (now - then) / 1000;
      var text = null;
      if (seconds < -60) { text = null; }
      else if (seconds < 60) { text = "just now"; }
      else if (seconds < 3600) { var m = Math.floor(seconds / 60); text = m === 1 ? "1 minute ago" : m + " minutes ago"; }
      else if (seconds < 86400) { var h = Math.floor(seconds / 3600); text = h === 1 ? "1 hour ago" : h + " hours ago"; }
      else if (seconds < 604800) { var d = Math.floor(seconds / 86400); text = d === 1 ? "yesterday" : d + " days ago"; }
      if (text) { span.textContent = text; }
    });
  }
  refreshRelativeTimes();
  setInterval(refreshRelativeTimes, 60000);
})();
