/* The browser's half of the path from a click to a chart (see app/callbacks.py). */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  view: {
    /* Ask for a whole view only when the address is not the view already drawn. */
    gate: function (pathname, search, view) {
      if (view && view.path === pathname && view.search === (search || '')) {
        return window.dash_clientside.no_update;
      }
      return {pathname: pathname, search: search || '', at: Date.now()};
    },
    /* Pass on a user's change of a control or a click on a chart, and nothing else: Dash
       also reports every control a redraw inserts, with the value it was drawn with. */
    intent: function () {
      var view = arguments[arguments.length - 1];
      var triggered = window.dash_clientside.callback_context.triggered || [];
      if (!view) { return window.dash_clientside.no_update; }
      var shown = view.controls || {};
      var asked = [];
      triggered.forEach(function (t) {
        var cut = t.prop_id.lastIndexOf('.');
        var raw = t.prop_id.slice(0, cut);
        var id = raw.charAt(0) === '{' ? JSON.parse(raw) : {type: 'shared', name: raw};
        if (id.type === 'graph') {
          var points = (t.value && t.value.points) || [];
          if (points.length && typeof points[0].customdata === 'string') {
            asked.push({kind: 'click', name: id.name, value: points[0].customdata});
          }
        } else if (JSON.stringify(t.value) !== JSON.stringify(shown[id.name])) {
          asked.push({kind: 'control', name: id.name, value: t.value});
        }
      });
      if (asked.length !== 1) { return window.dash_clientside.no_update; }
      asked[0].at = Date.now();
      return asked[0];
    },
    /* After a view is drawn or changed: the address shows its canonical form, the
       document its language and title, and every download, link and embed code follows
       the whole view (a part not redrawn keeps links of the state it was drawn with). */
    follow: function (view, keys, paths) {
      var noUpdate = window.dash_clientside.no_update;
      if (!view) { return [noUpdate, noUpdate]; }
      var target = view.path + view.search;
      if (window.location.pathname + window.location.search !== target) {
        window.history.replaceState(window.history.state, '', target);
      }
      document.documentElement.lang = view.lang;
      document.title = view.title;
      document.querySelectorAll('a.download').forEach(function (a) {
        var url = new URL(a.getAttribute('href'), window.location.origin);
        var extra = new URLSearchParams();
        url.searchParams.forEach(function (v, k) {
          if (keys.indexOf(k) < 0) { extra.append(k, v); }
        });
        var rest = extra.toString();
        var joined = rest ? (view.search ? '&' : '?') + rest : '';
        a.setAttribute('href', url.pathname + view.search + joined);
      });
      document.querySelectorAll('.copy-link').forEach(function (c) {
        if (c.firstChild) { c.firstChild.nodeValue = window.location.origin + target; }
      });
      document.querySelectorAll('.copy-embed').forEach(function (c) {
        if (c.firstChild) {
          c.firstChild.nodeValue = c.firstChild.nodeValue.replace(
            /(src="[^"?]*)(\?[^"]*)?"/, '$1' + view.search + '"');
        }
      });
      var outputs = window.dash_clientside.callback_context.outputs_list[0] || [];
      var nav = outputs.map(function (o) { return paths[o.id.name] + view.state; });
      var other = new URLSearchParams(view.state);
      other.set('lang', view.lang === 'sv' ? 'en' : 'sv');
      return [nav, view.path + '?' + other.toString().replace(/%2C/g, ',')];
    }
  }
});
