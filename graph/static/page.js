/* Tawasul page script: the two views, search, filters, the counter and the side panel.

   Data comes from the JSON block #tw-data (written by graph/page.py). Article text
   and names only ever reach the document through textContent or createTextNode,
   never as markup; links are made only from http(s) URLs. The edge rule in
   edgeStyle() is the one of page.py's edge_style(), applied to the contacts that
   pass the filters. `nodes`, `edges`, `options` and `network` are page globals
   (vis-network's objects), so the page can be inspected from a browser console. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("tw-data").textContent);
  var contacts = data.contacts;
  var actors = data.actors;
  var root = document.documentElement;
  var MODES = data.modeOrder;  // JSON objects lose their key order; lists keep it
  var STATUSES = data.statusOrder;
  var TEXT = {
    ar: {
      shown: function (n, m) { return "يُعرض " + n + " من " + m + " اتصالا"; },
      hidden: function (k) {
        return "أُخفيت " + k + " جهة ليس لها إلا شريك واحد، لتبقى الشبكة مقروءة.";
      },
      showAll: "أظهرها", hideAgain: "أخفها",
      shownAll: function (k) { return "تظهر كل الجهات، ومنها " + k + " جهة لها شريك واحد."; },
      search: "اسم بالعربية أو الإنجليزية",
      contacts: function (n) { return n + " اتصال"; },
      none: "لا اتصال يطابق المرشحات الحالية.",
      undated: "بلا تاريخ", via: "عبر", mediated: "بوساطة", source: "المصدر",
      open: "فتح المقال", actsFor: "يمثل", partners: "الشركاء", dateFrom: "تاريخ المقال",
      hint: "انقر على جهة أو خط لرؤية الاتصالات ونصوصها."
    },
    en: {
      shown: function (n, m) { return n + " of " + m + " contacts shown"; },
      hidden: function (k) {
        return k + " actors with a single partner are hidden to keep the network readable.";
      },
      showAll: "show them", hideAgain: "hide them",
      shownAll: function (k) { return "All actors are shown, " + k + " of them with a single partner."; },
      search: "name in Arabic or English",
      contacts: function (n) { return n + (n === 1 ? " contact" : " contacts"); },
      none: "No contact matches the current filters.",
      undated: "undated", via: "via", mediated: "mediated", source: "source",
      open: "open the article", actsFor: "acts for", partners: "partners",
      dateFrom: "article date",
      hint: "Click an actor or a line to see its contacts and their evidence."
    }
  };

  // Static structure: the edges of each view, and the edges at each actor per view.
  var meta = {};
  var byView = { person: [], state: [], actsfor: [] };
  var incident = { person: {}, state: {} };
  edges.get().forEach(function (e) {
    var m = { id: e.id, from: e.from, to: e.to, view: e.view, c: e.c };
    meta[e.id] = m;
    byView[e.view].push(m);
    var at = incident[e.view === "actsfor" ? "person" : e.view];
    (at[e.from] = at[e.from] || []).push(m);
    (at[e.to] = at[e.to] || []).push(m);
  });

  var members = {};        // state or organisation -> the persons folded into it
  Object.keys(actors).forEach(function (a) {
    var fold = actors[a].fold;
    if (fold !== a) (members[fold] = members[fold] || []).push(a);
  });

  var state = {};
  var shownContacts = {};  // edge id -> indices of the contacts it shows now
  var nodeOn = {};
  var current = {};        // item id -> last applied look, to update only what changed
  var lastPanel = null;
  var hiddenMinor = 0;
  var large = false;

  function defaults() {
    state.query = "";
    state.from = "";
    state.to = "";
    state.modes = new Set(MODES);
    state.statuses = new Set(STATUSES);
    state.mediated = "all";
  }

  function lang() { return root.lang === "en" ? "en" : "ar"; }
  function t(key) { return TEXT[lang()][key]; }

  /* The same folds as tawasul.extract.arabic.norm: hamza seats, ta marbuta, alef
     maqsura, diacritics and tatweel; then lower case for the English names. */
  function normalise(text) {
    var out = "";
    var folded = String(text).normalize("NFKC");
    for (var i = 0; i < folded.length; i++) {
      var ch = folded[i];
      out += Object.prototype.hasOwnProperty.call(data.fold, ch) ? data.fold[ch] : ch;
    }
    return out.toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }

  function bound(date, end) {
    if (date.length === 4) return date + (end ? "-12-31" : "-01-01");
    if (date.length === 7) return date + (end ? "-31" : "-01");
    return date.slice(0, 10);
  }

  function passes(c, query, matches) {
    if (!state.modes.has(c.mode) || !state.statuses.has(c.status)) return false;
    if (state.mediated === "mediated" && !c.mediated) return false;
    if (state.mediated === "direct" && c.mediated) return false;
    if (state.from || state.to) {
      if (!c.date) return false;
      if (state.from && bound(c.date, true) < state.from) return false;
      if (state.to && bound(c.date, false) > state.to) return false;
    }
    if (query) {
      return c.p.some(function (p) {
        return matches(p) || (state.view === "state" && matches(actors[p].fold));
      });
    }
    return true;
  }

  function edgeStyle(list) {
    var count = {};
    var statuses = new Set();
    var mediated = false;
    list.forEach(function (i) {
      var c = contacts[i];
      count[c.mode] = (count[c.mode] || 0) + 1;
      statuses.add(c.status);
      mediated = mediated || c.mediated;
    });
    var best = "unspecified";
    var most = 0;
    MODES.forEach(function (mode) {
      if ((count[mode] || 0) > most) { best = mode; most = count[mode]; }
    });
    var denied = statuses.size === 1 && statuses.has("denied");
    var prospective = statuses.size > 0 && Array.from(statuses).every(function (s) {
      return s === "planned" || s === "offered";
    });
    return {
      width: 1 + 1.5 * Math.min(list.length, 8),
      label: list.length > 1 ? String(list.length) : "",
      color: denied ? data.colors.denied : data.modes[best].color,
      dashes: prospective,
      arrows: { middle: { enabled: mediated, type: "circle", scaleFactor: 0.7 } }
    };
  }

  function nodeSize(degree) { return 12 + 4 * Math.min(degree, 10); }

  function changed(id, look) {
    var key = JSON.stringify(look);
    if (current[id] === key) return false;
    current[id] = key;
    return true;
  }

  /* Recompute what is shown from the filters: contacts → edges → actors. */
  function apply() {
    var query = normalise(state.query);
    var cache = {};
    var matches = function (actor) {
      if (!(actor in cache)) cache[actor] = !!actors[actor] && actors[actor].key.indexOf(query) >= 0;
      return cache[actor];
    };
    var pass = new Uint8Array(contacts.length);
    for (var i = 0; i < contacts.length; i++) pass[i] = passes(contacts[i], query, matches) ? 1 : 0;

    var viewEdges = byView[state.view];
    var degree = {};
    shownContacts = {};
    viewEdges.forEach(function (e) {
      var list = e.c.filter(function (i) { return pass[i]; });
      if (!list.length) return;
      shownContacts[e.id] = list;
      degree[e.from] = (degree[e.from] || 0) + 1;
      degree[e.to] = (degree[e.to] || 0) + 1;
    });
    nodeOn = {};
    Object.keys(degree).forEach(function (a) { nodeOn[a] = true; });
    large = Object.keys(nodeOn).length > data.large;
    hiddenMinor = 0;
    if (large) {
      Object.keys(nodeOn).forEach(function (a) {
        if (degree[a] < 2) {
          hiddenMinor++;
          if (!state.showAll) nodeOn[a] = false;
        }
      });
    }
    var edgeOn = {};
    var drawn = new Uint8Array(contacts.length);
    var count = 0;
    var final = {};
    viewEdges.forEach(function (e) {
      var list = shownContacts[e.id];
      if (!list || !nodeOn[e.from] || !nodeOn[e.to]) return;
      edgeOn[e.id] = true;
      final[e.from] = (final[e.from] || 0) + 1;
      final[e.to] = (final[e.to] || 0) + 1;
      list.forEach(function (i) { if (!drawn[i]) { drawn[i] = 1; count++; } });
    });
    if (state.view === "person") {
      byView.actsfor.forEach(function (e) {
        if (nodeOn[e.from]) {
          edgeOn[e.id] = true;
          nodeOn[e.to] = true;
        }
      });
    }

    var nodeChanges = [];
    nodes.getIds().forEach(function (id) {
      var on = !!nodeOn[id];
      var look = { id: id, hidden: !on, physics: on };
      if (on) look.size = nodeSize(final[id] || 0);
      if (changed(id, look)) nodeChanges.push(look);
    });
    var edgeChanges = [];
    Object.keys(meta).forEach(function (id) {
      var on = !!edgeOn[id];
      var look = { id: id, hidden: !on, physics: on };
      if (on && meta[id].view !== "actsfor") Object.assign(look, edgeStyle(shownContacts[id]));
      if (changed("e:" + id, look)) edgeChanges.push(look);
    });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);

    var shown = document.getElementById("tw-shown");
    shown.dataset.shown = count;
    shown.dataset.total = contacts.length;
    shown.textContent = t("shown")(count, contacts.length);
    var notice = document.getElementById("tw-notice");
    notice.hidden = !(large && hiddenMinor > 0);
    document.getElementById("tw-notice-text").textContent =
      state.showAll ? t("shownAll")(hiddenMinor) : t("hidden")(hiddenMinor);
    document.getElementById("tw-show-all").textContent = state.showAll ? t("hideAgain") : t("showAll");
    ["state", "person"].forEach(function (v) {
      document.getElementById("tw-view-" + v).setAttribute("aria-pressed", String(v === state.view));
    });
    document.body.dataset.view = state.view;
    if (network) {
      var found = query ? Object.keys(nodeOn).filter(function (a) {
        return nodeOn[a] && (matches(a) ||
          (state.view === "state" && (members[a] || []).some(matches)));
      }) : [];
      network.unselectAll();
      if (found.length) {
        network.selectNodes(found, false);
        network.fit({ nodes: found, animation: false });
      }
      if (lastPanel) lastPanel();
    }
  }

  /* ---------- side panel: built from elements and text nodes only ---------- */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "className") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function name(actor) {
    var a = actors[actor];
    if (!a) return el("bdi", { text: actor });
    var label = lang() === "en" ? (a.en || a.ar) : a.ar;
    return el("bdi", { lang: lang() === "en" && a.en ? "en" : "ar", text: label });
  }

  function word(table, key) {
    var entry = data[table][key];
    return entry ? entry[lang()] : key;
  }

  /* The sentence as text, with the actors' names in <mark> (found by exact match). */
  function highlight(text, names) {
    var taken = new Uint8Array(text.length);
    var spans = [];
    names.forEach(function (n) {
      if (!n || n.length < 2) return;
      var at = text.indexOf(n);
      while (at >= 0) {
        var free = true;
        for (var i = at; i < at + n.length; i++) if (taken[i]) { free = false; break; }
        if (free) {
          for (var j = at; j < at + n.length; j++) taken[j] = 1;
          spans.push([at, at + n.length]);
        }
        at = text.indexOf(n, at + n.length);
      }
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var out = el("p", { className: "tw-evidence", dir: "rtl", lang: "ar" });
    var pos = 0;
    spans.forEach(function (s) {
      out.appendChild(document.createTextNode(text.slice(pos, s[0])));
      out.appendChild(el("mark", { text: text.slice(s[0], s[1]) }));
      pos = s[1];
    });
    out.appendChild(document.createTextNode(text.slice(pos)));
    return out;
  }

  function namesOf(c) {
    var names = [];
    c.p.concat(c.via).forEach(function (p) {
      [p, actors[p] && actors[p].fold].forEach(function (a) {
        if (a && actors[a]) names = names.concat(actors[a].names);
      });
    });
    return names.sort(function (a, b) { return b.length - a.length; });
  }

  function contactCard(i) {
    var c = contacts[i];
    var facts = el("p", { className: "tw-facts" }, [
      el("span", { className: "tw-swatch", style: "background:" + data.modes[c.mode].color }),
      word("modes", c.mode), " · ", word("statuses", c.status), " · ",
      el("time", { datetime: c.date || "", text: c.date || t("undated") })
    ]);
    if (c.date && c.dateSource === "article") facts.appendChild(el("small", { text: " (" + t("dateFrom") + ")" }));
    if (c.via.length) {
      facts.appendChild(document.createTextNode(" · " + t("via") + " "));
      c.via.forEach(function (v, k) {
        if (k) facts.appendChild(document.createTextNode("، "));
        facts.appendChild(name(v));
      });
    } else if (c.mediated) {
      facts.appendChild(document.createTextNode(" · " + t("mediated")));
    }
    var card = el("div", { className: "tw-contact", "data-contact": c.id }, [facts]);
    if (c.dateText.length) {
      card.appendChild(el("p", { className: "tw-source", dir: "rtl", lang: "ar",
        text: c.dateText.map(function (d) { return "«" + d + "»"; }).join(" ") }));
    }
    var names = namesOf(c);
    c.sources.forEach(function (s) {
      card.appendChild(highlight(s.evidence, names));
      var source = el("p", { className: "tw-source" }, [t("source") + ": ", el("bdi", { text: s.article })]);
      if (s.url && /^https?:\/\//i.test(s.url)) {
        var link = el("a", { href: s.url, target: "_blank", rel: "noopener noreferrer nofollow",
          text: t("open") });
        source.appendChild(document.createTextNode(" · "));
        source.appendChild(link);
      }
      card.appendChild(source);
    });
    return card;
  }

  function byDate(a, b) {
    var x = contacts[a].date || "9999", y = contacts[b].date || "9999";
    return x < y ? -1 : x > y ? 1 : (contacts[a].id < contacts[b].id ? -1 : 1);
  }

  function panel(children) {
    var box = document.getElementById("tw-panel");
    delete box.dataset.edge;  // what the panel shows: set again by showEdge / showNode
    delete box.dataset.node;
    box.replaceChildren.apply(box, children);
  }

  function showEdge(id) {
    var e = meta[id];
    if (!e) return;
    lastPanel = function () { showEdge(id); };
    if (e.view === "actsfor") {
      panel([el("h2", {}, [name(e.from), " → ", name(e.to)]),
             el("p", { className: "tw-sub", text: t("actsFor") })]);
      return;
    }
    var list = (shownContacts[id] || []).slice().sort(byDate);
    var children = [el("h2", {}, [name(e.from), " — ", name(e.to)]),
                    el("p", { className: "tw-sub", text: t("contacts")(list.length) })];
    if (!list.length) children.push(el("p", { className: "tw-hint", text: t("none") }));
    list.forEach(function (i) { children.push(contactCard(i)); });
    panel(children);
    document.getElementById("tw-panel").dataset.edge = id;
  }

  function showNode(id) {
    var a = actors[id];
    if (!a) return;
    lastPanel = function () { showNode(id); };
    var facts = [word("kinds", a.kind)];
    if (a.aff) facts.push(" · " + a.aff);
    if (a.wd) facts.push(" · Wikidata " + a.wd);
    var heading = el("h2", {}, [el("bdi", { lang: "ar", text: a.ar })]);
    if (a.en) heading.appendChild(el("span", { lang: "en", text: " · " + a.en }));
    var rows = (incident[state.view === "state" ? "state" : "person"][id] || [])
      .filter(function (e) { return e.view === state.view || (state.view === "person" && e.view === "actsfor"); })
      .filter(function (e) { return e.view === "actsfor" ? nodeOn[e.from] : !!shownContacts[e.id] && nodeOn[e.from] && nodeOn[e.to]; })
      .map(function (e) {
        var other = e.from === id ? e.to : e.from;
        var n = e.view === "actsfor" ? t("actsFor") : t("contacts")(shownContacts[e.id].length);
        var button = el("button", { type: "button", "data-edge": e.id }, [name(other)]);
        button.addEventListener("click", function () {
          network.selectEdges([e.id]);
          showEdge(e.id);
        });
        return el("li", {}, [button, " — " + n]);
      });
    panel([heading, el("p", { className: "tw-sub" }, facts),
           el("h3", { text: t("partners") }), el("ul", { className: "tw-partners" }, rows)]);
    document.getElementById("tw-panel").dataset.node = id;
  }

  function showHint() {
    lastPanel = null;
    panel([el("p", { className: "tw-hint", text: t("hint") })]);
  }

  /* ---------- controls ---------- */

  function translate() {
    document.getElementById("tw-search").placeholder = t("search");
    Array.prototype.forEach.call(document.querySelectorAll("option[data-ar]"), function (o) {
      o.textContent = o.dataset[lang()];
    });
  }

  function readControls() {
    state.query = document.getElementById("tw-search").value;
    state.from = document.getElementById("tw-from").value;
    state.to = document.getElementById("tw-to").value;
    state.mediated = document.getElementById("tw-mediated").value;
    state.modes = new Set(Array.prototype.map.call(
      document.querySelectorAll("#tw-modes input:checked"), function (i) { return i.value; }));
    state.statuses = new Set(Array.prototype.map.call(
      document.querySelectorAll("#tw-statuses input:checked"), function (i) { return i.value; }));
  }

  function relayout() {
    document.body.dataset.ready = "false";
    network.setOptions({ physics: { enabled: true } });
    network.once("stabilizationIterationsDone", ready);
    network.stabilize(options.physics.stabilization.iterations);
  }

  function ready() {
    network.setOptions({ physics: { enabled: false } });
    network.once("afterDrawing", function () {
      document.body.dataset.readyAt = String(Math.round(performance.now()));  // ms since load
      document.body.dataset.ready = "true";
    });
    network.redraw();
  }

  var timer = null;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(function () { readControls(); apply(); }, 120);
  }

  function wire() {
    ["state", "person"].forEach(function (v) {
      document.getElementById("tw-view-" + v).addEventListener("click", function () {
        if (state.view === v) return;
        state.view = v;
        apply();
        showHint();
        relayout();
      });
    });
    document.getElementById("tw-search").addEventListener("input", later);
    ["tw-from", "tw-to", "tw-mediated"].forEach(function (id) {
      document.getElementById(id).addEventListener("change", function () { readControls(); apply(); });
    });
    Array.prototype.forEach.call(document.querySelectorAll("#tw-modes input, #tw-statuses input"),
      function (box) { box.addEventListener("change", function () { readControls(); apply(); }); });
    document.getElementById("tw-reset").addEventListener("click", function () {
      document.getElementById("tw-toolbar").reset();
      defaults();
      apply();
      showHint();
      network.fit({ animation: false });
    });
    document.getElementById("tw-show-all").addEventListener("click", function () {
      state.showAll = !state.showAll;
      apply();
      relayout();
    });
    document.getElementById("tw-lang").addEventListener("click", function () {
      var next = lang() === "ar" ? "en" : "ar";
      root.lang = next;
      root.dir = next === "ar" ? "rtl" : "ltr";
      this.lang = next === "ar" ? "en" : "ar";
      translate();
      apply();
    });
    network.on("click", function (params) {
      if (params.nodes.length) showNode(params.nodes[0]);
      else if (params.edges.length) showEdge(params.edges[0]);
      else showHint();
    });
  }

  state.view = data.view;
  state.showAll = false;
  defaults();
  if (data.dates) {
    ["tw-from", "tw-to"].forEach(function (id) {
      var input = document.getElementById(id);
      input.min = data.dates[0];
      input.max = data.dates[1];
    });
  }
  translate();
  apply();  // before drawing: the first layout only moves what is shown
  network = new vis.Network(document.getElementById("mynetwork"), { nodes: nodes, edges: edges }, options);
  wire();
  if (nodes.length === 0) ready();
  else network.once("stabilizationIterationsDone", ready);
})();
