"""The Ask tab's script and styles, given to `launch(head=…, css=…)` beside the renderers' own CSS.

What Gradio leaves to the page: the question box's direction follows what is typed (`dir="auto"`, put back
whenever Gradio resets it); [n] markers jump to their passage in the sources panel and highlight it (or
open the passage inside the bubble when the panel shows a later answer); the copy buttons put the answer's
Markdown (the `data-copy` each message carries, rendered once in `render/html.py`) on the clipboard,
never the message's HTML; and the interface language sets the page's `lang` and `dir`.
"""
from __future__ import annotations

SCRIPT = r"""
<script>
(() => {
  if (window.paPage) return;
  window.paPage = true;

  // Copy: our messages carry their Markdown; everything else is copied as it was.
  function cleanCopy(text) {
    if (typeof text !== "string" || text.indexOf("pa-msg") < 0) return text;
    const doc = new DOMParser().parseFromString(text, "text/html");
    doc.querySelectorAll(".pa-msg").forEach((el) => {
      const plain = el.hasAttribute("data-copy") ? el.getAttribute("data-copy") : el.textContent;
      el.replaceWith(doc.createTextNode(plain));
    });
    return doc.body.textContent;
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text) => write(cleanCopy(text));
  }
  document.addEventListener("copy", (ev) => {  // Gradio's fallback copies from a textarea it makes
    const el = document.activeElement;
    if (el && el.tagName === "TEXTAREA" && el.value.indexOf("pa-msg") >= 0 && ev.clipboardData) {
      ev.clipboardData.setData("text/plain", cleanCopy(el.value));
      ev.preventDefault();
    }
  }, true);

  // [n] markers: jump to and highlight the passage's entry in the sources panel.
  function openPanel(entry) {
    let node = entry;
    while (node && node !== document.body) {
      if (node.classList && node.classList.contains("pa-panel")) break;
      node = node.parentElement;
    }
    const toggle = node && node.querySelector(".label-wrap");
    if (toggle && !toggle.classList.contains("open")) toggle.click();
  }
  function highlight(scope, entry, n) {
    scope.querySelectorAll(".pa-hit").forEach((el) => el.classList.remove("pa-hit"));
    entry.classList.add("pa-hit");
    entry.querySelectorAll("mark.pa-n-" + n).forEach((m) => m.classList.add("pa-hit"));
    if (!entry.hasAttribute("tabindex")) entry.setAttribute("tabindex", "-1");
    // centred, unless it is taller than the window: then from its top, where its document and page are named
    const tall = entry.getBoundingClientRect().height > window.innerHeight * 0.9;
    entry.scrollIntoView({block: tall ? "start" : "center"});
    entry.focus({preventScroll: true});
  }
  // The cited page follows the citation clicked (the latest answer's): its number goes to a hidden box the
  // app listens to, which picks that citation in the Cited page panel; the panel opens if it is closed.
  function showPage(n) {
    const panel = document.getElementById("cited-page-panel");
    const toggle = panel && panel.querySelector(".label-wrap");
    if (toggle && !toggle.classList.contains("open")) toggle.click();
    const box = document.querySelector("#cited-n textarea, #cited-n input");
    if (!box) return;
    box.value = n + ":" + Date.now();  // a new value each click, so the same [n] clicked again still counts
    box.dispatchEvent(new Event("input", {bubbles: true}));
  }
  // Gradio's sanitiser keeps a link's href and classes (not data-*): "#pa-src-<key>-<n>" names both.
  document.addEventListener("click", (ev) => {
    const a = ev.target.closest && ev.target.closest(".pa-cite a");
    if (!a) return;
    const m = /^#pa-src-(?:(\w+)-)?(\d+)$/.exec(a.getAttribute("href") || "");
    if (!m) return;
    ev.preventDefault();
    ev.stopPropagation();
    const key = m[1] || "", n = m[2];
    const panel = document.querySelector("#sources .pa-sources.pa-key-" + key);
    const entry = panel && panel.querySelector(".pa-source.pa-n-" + n);
    if (entry) {
      openPanel(entry);
      setTimeout(() => highlight(document.getElementById("sources"), entry, n), 50);
      showPage(n);
      return;
    }
    // The panel shows a later answer: open the passage inside this answer's bubble instead.
    const msg = a.closest(".pa-msg");
    const inBubble = msg && msg.querySelector("details.pa-citation.pa-n-" + n);
    if (inBubble) {
      inBubble.open = true;
      highlight(msg, inBubble, n);
    }
  }, true);

  // The question box follows the typed text's direction; Gradio sets dir="ltr" on each of its updates.
  // A message's accessible name is Gradio's "user's message: " + its raw value: our HTML, so read it as text.
  function fix() {
    document.querySelectorAll("#question textarea").forEach((t) => {
      if (t.getAttribute("dir") !== "auto") t.setAttribute("dir", "auto");
    });
    document.querySelectorAll("#chat [aria-label*='pa-msg']").forEach((el) => {
      el.setAttribute("aria-label", cleanCopy(el.getAttribute("aria-label")));
    });
  }
  new MutationObserver(fix).observe(document.documentElement,
    {subtree: true, childList: true, attributes: true, attributeFilter: ["dir", "aria-label"]});
  fix();
})();
</script>
"""

CSS = """
#cited-n { display: none !important; }
.pa-hit { outline: 3px solid #e8a400; outline-offset: 2px; border-radius: 4px; scroll-margin-top: 8px; }
mark.pa-hit { background: #ffc94d; outline: none; }
.pa-cite a { text-decoration: none; }
.pa-cite a:hover, .pa-cite a:focus { text-decoration: underline; }
/* A phone: the chat grows with its answer (no tall empty box), the sources follow below it, folded as the
   reader likes; the tab bar scrolls sideways rather than hiding tabs behind a menu. */
@media (max-width: 640px) {
  #chat { max-height: 75vh !important; }
  .tab-wrapper .tab-container, [role=tablist] { overflow-x: auto !important; flex-wrap: nowrap !important; }
  .tab-wrapper .tab-container button, [role=tablist] button { flex: 0 0 auto; }
}
"""


def head() -> str:
    """The `<head>` addition for `launch(head=…)`."""
    return SCRIPT
