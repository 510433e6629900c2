/* The menu of views and the skip link, kept within the page.
   Menu links are plain <a> elements (so they can carry aria-current, which dcc.Link
   does not take); a plain click on one moves to its view the way dcc.Link does: the
   address changes without a reload and Dash's location component is told of it.
   The skip link moves keyboard focus to the main part without changing the address. */
document.addEventListener('click', function (event) {
  var link = event.target.closest && event.target.closest('a.nav-link, a.skip-link');
  if (!link || event.defaultPrevented || event.button !== 0 ||
      event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  if (link.classList.contains('skip-link')) {
    var main = document.getElementById('main');
    if (main) { main.focus(); main.scrollIntoView(); }
    return;
  }
  window.history.pushState({}, '', link.getAttribute('href'));
  window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
  window.scrollTo(0, 0);
});
