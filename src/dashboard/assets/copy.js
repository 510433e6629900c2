// Copy buttons of the share boxes (app/components.py _copyable): a click copies the text of
// the element named by data-copy and says so in the status beside the button.
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
  if (!button) { return; }
  var source = document.getElementById(button.getAttribute("data-copy"));
  var status = button.parentElement.querySelector(".copy-status");
  if (!source || !navigator.clipboard) { return; }
  navigator.clipboard.writeText(source.textContent).then(function () {
    if (status) { status.textContent = button.getAttribute("data-done"); }
  });
});
