/* The what-if page: switch measures on or off and see what the set does, in the browser.
 *
 * speelveld.evaluate(ids[, portfolio]) judges a set of measures with the portfolio rules of
 * the project, as `speelveld check` judges a scenario with that set: the coverage per
 * domain and the findings, the measures' own findings included, accepted ones marked; and,
 * where the project has interactions between domains, the sum of the measures' indirect
 * effects per domain (indicatief), as speelveld/interactions.py computes them.
 * The rules are those of speelveld/rules/portfolio in Python, written a second time here;
 * the tests run both on every portfolio case and on random sets of a large project.
 * `portfolio` names the option whose own acceptances apply (an acceptance can be limited
 * to one portfolio); without it only the acceptances that hold everywhere do.
 *
 * The data come from the page (render/whatif.py): measures as lists, partners,
 * instruments and owners by their position. Nothing is sent anywhere; the chosen set
 * lives in the address (#maatregelen=id1,id2) so that a link reproduces it. */
(function () {
  "use strict";

  var M = { id: 0, title: 1, inForce: 2, owner: 3, governance: 4, partners: 5,
    instruments: 6, effects: 7, hours: 8, findings: 9 };
  var GOVERNANCE = ["hierarchical", "network", "mixed"];
  var GOVERNANCE_NL = { hierarchical: "hiërarchisch", network: "netwerkgericht", mixed: "gemengd" };
  var LEVELS = ["error", "warning", "info"];

  /* Judge sets of measures against `data`: the pure part, also used by the tests. */
  function model(data) {
    var byId = {};
    data.measures.forEach(function (m, n) { byId[m[M.id]] = n; });
    var settings = data.settings;

    function enabled(rule) { return Object.prototype.hasOwnProperty.call(data.rules, rule); }

    /* Per domain, the domains that work through in it and how: [from, score]. */
    var into = data.domains.map(function () { return []; });
    (data.interactions || []).forEach(function (i) { into[i[1]].push([i[0], i[2]]); });

    /* A sum of products of two scores back on the scale: divided by 3, rounded toward 0. */
    function towardZero(total) {
      var quotient = Math.floor(Math.abs(total) / 3);
      return total >= 0 ? quotient : 0 - quotient;
    }

    /* The indirect effect of one measure on domain `b`, as speelveld/interactions.py has it. */
    function indirectOn(m, b) {
      var total = 0;
      into[b].forEach(function (pair) {
        var direct = m[M.effects][pair[0]];
        if (direct) { total += direct * pair[1]; }
      });
      return towardZero(total);
    }

    function evaluate(ids, portfolio) {
      var chosen = {};
      (ids || []).forEach(function (id) { chosen[id] = true; });
      var set = data.measures.filter(function (m) { return chosen[m[M.id]] === true; });
      var sums = data.domains.map(function () { return [0, 0, 0, 0]; });
      var partnerUse = data.partners.map(function () { return 0; });
      var instrumentUse = data.instruments.map(function () { return 0; });
      var governance = { hierarchical: 0, network: 0, mixed: 0 };
      var owners = [], ownerCount = {};
      var hours = 0;
      set.forEach(function (m) {
        m[M.effects].forEach(function (score, d) {
          if (score === null) { return; }
          var cell = sums[d];
          if (score > 0) { cell[0] += 1; }
          if (score < 0) { cell[1] += 1; }
          cell[2] += score;
          cell[3] += Math.max(score, 0);
        });
        m[M.partners].forEach(function (p) { partnerUse[p] += 1; });
        m[M.instruments].forEach(function (i) { instrumentUse[i] += 1; });
        governance[m[M.governance]] += 1;
        var owner = m[M.owner];
        if (!(owner in ownerCount)) { ownerCount[owner] = 0; owners.push(owner); }
        ownerCount[owner] += 1;
        hours += m[M.hours];
      });
      var allPositive = sums.reduce(function (total, cell) { return total + cell[3]; }, 0);
      var coverage = {};
      var indirect = {};
      data.domains.forEach(function (domain, d) {
        var cell = sums[d];
        coverage[domain[0]] = { positive: cell[0], negative: cell[1], total: cell[2],
          share: allPositive ? cell[3] / allPositive : 0, points: cell[3] };
        indirect[domain[0]] = into[d].length ?
          set.reduce(function (total, m) { return total + indirectOn(m, d); }, 0) : 0;
      });

      var findings = [];
      function add(rule, subject, domain) {
        if (enabled(rule)) {
          findings.push({ rule: rule, level: data.rules[rule], subject: subject, domain: domain });
        }
      }
      var minimum = settings.min_measures_per_domain;
      data.domains.forEach(function (domain) {
        var cover = coverage[domain[0]];
        if (cover.positive < minimum) { add("domain-uncovered", "domain:" + domain[0], domain[0]); }
      });
      if (allPositive) {
        data.domains.forEach(function (domain) {
          var cover = coverage[domain[0]];
          if (cover.positive >= minimum && cover.share < settings.min_domain_share) {
            add("domain-underserved", "domain:" + domain[0], domain[0]);
          }
        });
      }
      data.domains.forEach(function (domain) {
        if (coverage[domain[0]].total < 0) {
          add("domain-net-negative", "domain:" + domain[0], domain[0]);
        }
      });
      data.partners.forEach(function (partner, p) {
        if (!partnerUse[p] && partner[2]) { add("stakeholder-unengaged", "stakeholder:" + partner[0], ""); }
      });
      data.instruments.forEach(function (instrument, i) {
        if (!instrumentUse[i] && instrument[2]) {
          add("instrument-unused", "instrument:" + instrument[0], "");
        }
      });
      var count = set.length;
      ["hierarchical", "network"].forEach(function (kind) {
        var share = count ? governance[kind] / count : 0;
        if (share > settings.max_governance_share) { add("governance-imbalance", "portfolio", ""); }
      });
      var most = null;
      owners.forEach(function (owner) {
        if (most === null || ownerCount[owner] > ownerCount[most]) { most = owner; }
      });
      if (most !== null && ownerCount[most] / count > settings.max_owner_share) {
        add("owner-concentration", "stakeholder:" + data.partners[most][0], "");
      }
      if (owners.length < settings.min_owner_count) { add("owner-concentration", "portfolio", ""); }
      var available = settings.police_hours_available;
      if (available !== null && hours > available) { add("capacity-exceeded", "portfolio", ""); }

      findings.forEach(function (finding) {
        var entry = null;
        for (var n = 0; n < data.accepted.length && entry === null; n += 1) {
          var a = data.accepted[n];
          if (a[0] === finding.rule && a[1] === finding.subject &&
              (a[2] === null || a[2] === finding.domain) && (a[3] === null || a[3] === portfolio)) {
            entry = a;
          }
        }
        finding.accepted = entry !== null && entry[4] === 1;
        delete finding.domain;
      });
      set.forEach(function (m) {
        m[M.findings].forEach(function (f) {
          findings.push({ rule: f[0], level: f[1], subject: "measure:" + m[M.id], accepted: f[2] === 1 });
        });
      });
      return { coverage: coverage, indirect: indirect, findings: findings, governance: governance,
        owners: owners.map(function (o) { return [o, ownerCount[o]]; }), hours: hours,
        measures: set };
    }

    /* What each segment of the rings stands for with this set, as figures.views does in
     * Python: how many of the measures use it, and whether any of those is in force. */
    function view(ids, refs) {
      var chosen = {};
      ids.forEach(function (id) { chosen[id] = true; });
      var set = data.measures.filter(function (m) { return chosen[m[M.id]] === true; });
      var position = { domain: {}, stakeholder: {}, instrument: {} };
      data.domains.forEach(function (d, n) { position.domain[d[0]] = n; });
      data.partners.forEach(function (p, n) { position.stakeholder[p[0]] = n; });
      data.instruments.forEach(function (i, n) { position.instrument[i[0]] = n; });
      function uses(m, ref) {
        var n = position[ref[0]][ref[1]];
        if (n === undefined) { return false; }
        if (ref[0] === "domain") { return (m[M.effects][n] || 0) > 0; }
        return m[ref[0] === "stakeholder" ? M.partners : M.instruments].indexOf(n) >= 0;
      }
      var counts = [], states = [];
      refs.forEach(function (ring) {
        var ringCounts = [], ringStates = [];
        ring.forEach(function (ref) {
          if (ref === null) { ringCounts.push(0); ringStates.push(2); return; }
          var users = set.filter(function (m) { return uses(m, ref); });
          ringCounts.push(users.length);
          ringStates.push(!users.length ? 0 : users.some(function (m) { return m[M.inForce] === 1; }) ? 2 : 1);
        });
        counts.push(ringCounts);
        states.push(ringStates);
      });
      var result = evaluate(ids);
      var uncovered = result.findings.filter(function (f) { return f.rule === "domain-uncovered"; })
        .map(function (f) { return f.subject.slice("domain:".length); }).sort();
      return { counts: counts, states: states, uncovered: uncovered };
    }

    return { evaluate: evaluate, view: view, byId: byId };
  }

  window.speelveld = window.speelveld || {};
  window.speelveld.model = model;

  /* ---- the page ------------------------------------------------------------------- */

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function plural(count, one, many) { return count + " " + (count === 1 ? one : many); }

  function percent(part, whole) { return whole ? Math.round(100 * part / whole) + "%" : "—"; }

  function signed(value) { return value > 0 ? "+" + value : value < 0 ? "\u2212" + (-value) : "0"; }

  function pageLink(data, kind, id) {
    var page = id === "index" ? "index_" : id; /* as render/paths.py names an entity page */
    return window.speelveld.pageUrl(data.pages[kind] + "/" + page);
  }

  function setUp(container, data) {
    var judge = model(data);
    window.speelveld.evaluate = judge.evaluate;
    var names = {};
    data.domains.forEach(function (d) { names["domain:" + d[0]] = d[2]; });
    data.partners.forEach(function (p) { names["stakeholder:" + p[0]] = p[1]; });
    data.instruments.forEach(function (i) { names["instrument:" + i[0]] = i[1]; });
    data.measures.forEach(function (m) { names["measure:" + m[M.id]] = m[M.title]; });
    var portfolios = data.portfolios.map(function (p) {
      return { id: p[0], title: p[1], ids: p[2].map(function (n) { return data.measures[n][M.id]; }) };
    });
    var figureId = container.getAttribute("data-figure");

    container.textContent = "";
    var choose = element("div", { "class": "speelveld-wat-als__kiezen" });
    var result = element("div", { "class": "speelveld-wat-als__uitkomst" });

    /* Where to begin: one of the options. */
    var start = element("fieldset", { "class": "speelveld-wat-als__begin" });
    start.appendChild(element("legend", {}, "Begin bij"));
    portfolios.forEach(function (p, n) {
      var label = element("label");
      var radio = element("input", { type: "radio", name: "speelveld-begin", value: p.id });
      if (n === 0) { radio.checked = true; }
      radio.addEventListener("change", function () { if (radio.checked) { choose_(p.ids, p.id); } });
      label.appendChild(radio);
      label.appendChild(document.createTextNode(" " + p.title));
      start.appendChild(label);
    });
    choose.appendChild(start);

    var status = element("p", { "class": "speelveld-wat-als__stand", role: "status",
      "aria-live": "polite", id: "speelveld-wat-als-stand" });
    container.appendChild(status);

    /* The measures, grouped by the domain each serves most (or none). */
    choose.appendChild(element("h2", { id: "maatregelen-kiezen" }, "Maatregelen"));
    choose.appendChild(element("p", {}, "Zet een geldende maatregel uit of een voorstel aan; " +
      "de uitkomst verandert meteen."));
    var boxes = {};
    var groups = data.domains.map(function (d) { return { legend: d[1], measures: [] }; });
    var rest = { legend: "Zonder positief effect op een domein", measures: [] };
    data.measures.forEach(function (m) {
      var best = -1, score = 0;
      m[M.effects].forEach(function (s, d) { if (s !== null && s > score) { score = s; best = d; } });
      (best >= 0 ? groups[best] : rest).measures.push(m);
    });
    groups.concat([rest]).forEach(function (group) {
      if (!group.measures.length) { return; }
      var fieldset = element("fieldset", { "class": "speelveld-wat-als__groep" });
      fieldset.appendChild(element("legend", {}, group.legend));
      group.measures.forEach(function (m) {
        var label = element("label");
        var box = element("input", { type: "checkbox", value: m[M.id] });
        box.addEventListener("change", function () { update(null); });
        boxes[m[M.id]] = box;
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + m[M.title] + " "));
        label.appendChild(element("span", { "class": "speelveld-wat-als__soort" },
          m[M.inForce] ? "(geldend)" : "(voorstel)"));
        fieldset.appendChild(label);
      });
      choose.appendChild(fieldset);
    });

    /* What the set does. */
    result.appendChild(element("h2", { id: "uitkomst" }, "Wat deze keuze doet"));
    var compared = element("p");
    result.appendChild(compared);
    result.appendChild(element("h3", {}, "Dekking per domein"));
    var interacting = (data.interactions || []).length > 0;
    var coverageTable = table(["Domein", "Maatregelen positief", "negatief", "Positief effect",
      "Saldo"].concat(interacting ? ["Indirect (indicatief)"] : []));
    coverageTable.node.id = "speelveld-wat-als-dekking";
    result.appendChild(coverageTable.wrap);
    if (interacting) {
      result.appendChild(element("p", {}, "Indirect: de som van de indirecte effecten van de " +
        "gekozen maatregelen, via de interacties tussen domeinen (zie de Matrix). Indicatief: " +
        "één stap, geen kringloop."));
    }
    result.appendChild(element("h3", {}, "Open punten"));
    var open = element("ul", { "class": "speelveld-wat-als__punten", id: "speelveld-wat-als-punten" });
    result.appendChild(open);
    result.appendChild(element("h3", {}, "Sturing"));
    var governanceTable = table(["Sturing", "Maatregelen", "Aandeel"]);
    result.appendChild(governanceTable.wrap);
    result.appendChild(element("h3", {}, "Eigenaren"));
    var ownersTable = table(["Eigenaar", "Maatregelen", "Aandeel"]);
    result.appendChild(ownersTable.wrap);
    var hoursLine = element("p");
    result.appendChild(hoursLine);
    var chart = document.getElementById("speelveld-wat-als-figuur");
    if (chart) { result.appendChild(chart); }

    var layout = element("div", { "class": "speelveld-wat-als__indeling" });
    layout.appendChild(choose);
    layout.appendChild(result);
    container.appendChild(layout);

    function table(headers) {
      var wrap = element("div", { "class": "md-typeset__scrollwrap" });
      var inner = element("div", { "class": "md-typeset__table" });
      var node = element("table");
      var head = element("thead"), row = element("tr");
      headers.forEach(function (h) { row.appendChild(element("th", { scope: "col" }, h)); });
      head.appendChild(row);
      node.appendChild(head);
      var body = element("tbody");
      node.appendChild(body);
      inner.appendChild(node);
      wrap.appendChild(inner);
      return { wrap: wrap, node: node, body: body };
    }

    function fill(target, rows) {
      target.body.textContent = "";
      rows.forEach(function (cells) {
        var row = element("tr");
        cells.forEach(function (cell, n) {
          var td = element(n === 0 ? "th" : "td", n === 0 ? { scope: "row" } : {});
          if (cell && cell.href) {
            td.appendChild(element("a", { href: cell.href }, cell.text));
          } else {
            td.textContent = cell;
          }
          row.appendChild(td);
        });
        target.body.appendChild(row);
      });
    }

    function chosenIds() {
      return data.measures.filter(function (m) { return boxes[m[M.id]].checked; })
        .map(function (m) { return m[M.id]; });
    }

    function same(a, b) { return a.length === b.length && a.every(function (x, n) { return x === b[n]; }); }

    function matching(ids) {
      return portfolios.filter(function (p) { return same(p.ids, ids); })[0] || null;
    }

    function label(finding) {
      var title = data.titles[finding.rule] || finding.rule;
      var name = names[finding.subject];
      return title + (name ? " (" + name + ")" : "");
    }

    function problems(findings) {
      var keyed = {};
      findings.forEach(function (f) {
        if (!f.accepted && f.level !== "info") { keyed[f.rule + " " + f.subject] = f; }
      });
      return keyed;
    }

    var begin = portfolios[0];

    function choose_(ids, portfolioId) {
      begin = portfolios.filter(function (p) { return p.id === portfolioId; })[0] || begin;
      Object.keys(boxes).forEach(function (id) { boxes[id].checked = ids.indexOf(id) >= 0; });
      update(null);
    }

    function update(fromAddress) {
      var ids = chosenIds();
      var match = matching(ids);
      var evaluation = judge.evaluate(ids, match ? match.id : undefined);
      var counts = { error: 0, warning: 0, info: 0 };
      evaluation.findings.forEach(function (f) { if (!f.accepted) { counts[f.level] += 1; } });
      var covered = data.domains.filter(function (d) { return evaluation.coverage[d[0]].positive > 0; });
      var inForce = evaluation.measures.filter(function (m) { return m[M.inForce] === 1; }).length;
      status.textContent = "Uw keuze: " + plural(ids.length, "maatregel", "maatregelen") + " (" +
        inForce + " geldend, " + (ids.length - inForce) + " voorstel" +
        (ids.length - inForce === 1 ? "" : "len") + ")" + (match ? ", gelijk aan " + match.title : "") +
        ". " + plural(counts.error, data.levels.error[0].toLowerCase(), data.levels.error[1].toLowerCase()) +
        ", " + plural(counts.warning, data.levels.warning[0].toLowerCase(), data.levels.warning[1].toLowerCase()) +
        "; " + covered.length + " van de " + data.domains.length + " domeinen positief gediend.";

      var before = problems(judge.evaluate(begin.ids, begin.id).findings);
      var after = problems(evaluation.findings);
      var solved = Object.keys(before).filter(function (k) { return !(k in after); });
      var added = Object.keys(after).filter(function (k) { return !(k in before); });
      compared.textContent = "Tegenover " + begin.title + ": " +
        (solved.length ? "opgelost: " + solved.map(function (k) { return label(before[k]); }).join("; ") : "niets opgelost") +
        ". " + (added.length ? "Nieuw: " + added.map(function (k) { return label(after[k]); }).join("; ") : "Niets nieuws") + ".";

      open.textContent = "";
      var shown = evaluation.findings.slice().sort(function (a, b) {
        return LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level);
      });
      var lists = {};
      shown.forEach(function (f) {
        var key = f.rule + " " + f.level + " " + f.accepted;
        if (data.listed.indexOf(f.rule) >= 0 && lists[key]) {
          lists[key].names.push(names[f.subject] || f.subject);
          lists[key].text.textContent = ": " + (data.titles[f.rule] || f.rule) + ": " +
            lists[key].names.join(", ") + (f.accepted ? " (bewust aanvaard)" : "");
          return;
        }
        var item = element("li", { "data-rule": f.rule, "data-subject": f.subject });
        item.appendChild(element("strong", {}, data.levels[f.level][0]));
        var text = document.createTextNode(": " + label(f) + (f.accepted ? " (bewust aanvaard)" : ""));
        item.appendChild(text);
        lists[key] = { names: [names[f.subject] || f.subject], text: text };
        open.appendChild(item);
      });
      if (!shown.length) { open.appendChild(element("li", {}, "Geen open punten.")); }

      var points = data.domains.reduce(function (t, d) { return t + evaluation.coverage[d[0]].points; }, 0);
      fill(coverageTable, data.domains.map(function (d) {
        var c = evaluation.coverage[d[0]];
        return [{ href: pageLink(data, "domain", d[0]), text: d[1] }, String(c.positive), String(c.negative),
          c.points + " van " + points + " punten (" + percent(c.points, points) + ")", signed(c.total)]
          .concat(interacting ? [signed(evaluation.indirect[d[0]])] : []);
      }));
      fill(governanceTable, GOVERNANCE.map(function (kind) {
        return [GOVERNANCE_NL[kind], String(evaluation.governance[kind]), percent(evaluation.governance[kind], ids.length)];
      }));
      fill(ownersTable, evaluation.owners.slice().sort(function (a, b) { return b[1] - a[1]; }).map(function (o) {
        var partner = data.partners[o[0]];
        return [{ href: pageLink(data, "stakeholder", partner[0]), text: partner[1] }, String(o[1]), percent(o[1], ids.length)];
      }));
      var available = data.settings.police_hours_available;
      hoursLine.textContent = (available !== null || evaluation.hours) ?
        "Politie-uren per jaar: " + evaluation.hours + (available !== null ? " van de " + available + " beschikbare" : "") + "." : "";

      var figure = window.speelveld.figure && window.speelveld.figure(figureId);
      if (figure && figure.rings) {
        window.speelveld.paint(figureId, judge.view(ids, figure.rings.segments));
      }
      if (!fromAddress) {
        var address = "#maatregelen=" + ids.join(",");
        if (window.location.hash !== address) { window.history.replaceState(null, "", address); }
      }
    }

    function fromHash() {
      var match = /(?:^#|&)maatregelen=([^&]*)/.exec(window.location.hash);
      if (!match) { return false; }
      var ids = decodeURIComponent(match[1]).split(",").filter(function (id) { return id in judge.byId; });
      Object.keys(boxes).forEach(function (id) { boxes[id].checked = ids.indexOf(id) >= 0; });
      var equal = matching(chosenIds());
      if (equal) {
        begin = equal;
        Array.prototype.forEach.call(start.querySelectorAll("input"), function (radio) {
          radio.checked = radio.value === equal.id;
        });
      }
      update(true);
      return true;
    }

    window.addEventListener("hashchange", fromHash);
    if (!fromHash()) { choose_(portfolios[0].ids, portfolios[0].id); }
  }

  function start() {
    var container = document.getElementById("speelveld-wat-als");
    var source = document.getElementById("speelveld-wat-als-data");
    if (container && source) { setUp(container, JSON.parse(source.textContent)); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
