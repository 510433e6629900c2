// dcc.Upload draws a file input with no name of its own (axe rule "label", WCAG 4.1.2); it
// takes the visible words of its drop box ("Dra en fil hit eller välj en fil") as its name.
new MutationObserver(function () {
  document.querySelectorAll(".upload-box input[type=file]:not([aria-label])").forEach(
    function (input) {
      input.setAttribute("aria-label", input.closest(".upload-box").innerText.trim());
    });
}).observe(document.documentElement, {childList: true, subtree: true});
