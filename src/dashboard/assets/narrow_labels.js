/* Map labels that fit the width the map is drawn at. A map's label trace carries, in
   meta.label_sets, its labels for graphs narrower than each width ("below"), made on the
   server (figures/map.py); the last set (below null) is for any wider graph. On a phone
   an area keeps its name where the name fits and shows its value alone where it does
   not; every name stays on tap and in the table under the map. */
(function () {
  function fit(gd) {
    if (!gd.data || !window.Plotly) { return; }
    var width = gd.clientWidth;
    gd.data.forEach(function (trace, index) {
      var sets = trace.meta && trace.meta.label_sets;
      if (!sets) { return; }
      var chosen = sets.find(function (set) {
        return set.below === null || width < set.below;
      });
      if (chosen && JSON.stringify(trace.text) !== JSON.stringify(chosen.text)) {
        window.Plotly.restyle(gd, {text: [chosen.text]}, [index]);
      }
    });
  }

  function watch(gd) {
    if (gd.dataset.labelsWatched) { return; }
    gd.dataset.labelsWatched = '1';
    gd.on('plotly_afterplot', function () { fit(gd); });
    fit(gd);
  }

  new MutationObserver(function () {
    document.querySelectorAll('.js-plotly-plot').forEach(function (gd) {
      if (typeof gd.on === 'function') { watch(gd); }
    });
  }).observe(document.documentElement, {childList: true, subtree: true});
  window.addEventListener('resize', function () {
    document.querySelectorAll('.js-plotly-plot').forEach(fit);
  });
}());
