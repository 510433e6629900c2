/* Links inside tables sent as HTML (app/markup.py, the overview's pages) open their view the
   way a dcc.Link does: in place, through the address, without reloading the page. A link
   marked data-stay (sorting, paging) keeps the scroll position. */
document.addEventListener('click', function (event) {
  var link = event.target.closest ? event.target.closest('.markup a[data-view]') : null;
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey ||
      event.ctrlKey || event.shiftKey || event.altKey) { return; }
  event.preventDefault();
  window.history.pushState({}, '', link.getAttribute('href'));
  window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
  if (!link.hasAttribute('data-stay')) { window.scrollTo(0, 0); }
});
