// The analytics module's screen, for the region, a territory or a school: a year's indicators beside the territory's
// and the region's with baselines, targets and the share of schools reaching them (the centre sets them here); an
// indicator's dynamics with its chart; the cluster model's schools with why and last year's cluster; the risk flags
// per territory and school. Which schools a reader sees is the server's scope (a founder its territory, a school
// coordinator its school); the screen only preselects them.
import {h, clear, field, table, busy} from '/lib/dom.js';
import {get, put, post, query, turns} from '/lib/api.js';
import {moduleMessages} from '/lib/i18n.js';
import {has, session} from '/lib/session.js';
import {errorBox, successBox, badge, download} from '/lib/ui.js';
import {lines, bars, scatter} from '/lib/echart.js';

// The module's own texts (messages/ next to this file) over the core's.
const t = await moduleMessages(import.meta.url);
const CENTRE = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR'];
const FLAG_READERS = [...CENTRE, 'MINISTRY_OFFICIAL', 'FOUNDER_COORDINATOR']; // as the server's risk flags allow
const num = (v) => (v == null || v === '' ? '—' : String(v).replace('.', ','));
const decimal = (text) => text.trim().replace(',', '.');
/** School code → short name, filled as territories' schools are listed. */
const names = new Map();
const schoolName = (code) => (names.has(code) ? `${code} ${names.get(code)}` : code);
/** Territory code → the codes of its schools, as listed for the school chooser. */
const schoolsOf = new Map();

export async function render(main, params, q) {
  const year = h('input', {id: 'analytics-year', type: 'number', min: 2000, max: 2100, size: 6,
    value: (q && q.get('year')) || String(new Date().getFullYear())});
  const place = await placeOf(q);
  const body = h('div', {id: 'analytics-body'});
  const tabs = [['indicators', t('analytics.indicators'), indicators], ['dynamics', t('analytics.dynamics'), dynamics],
    ['clusters', t('analytics.clusters'), clusters]];
  if (has(...FLAG_READERS)) tabs.push(['flags', t('analytics.flags'), flags]);
  let current = (q && q.get('tab')) || 'indicators';
  const bar = h('div', {class: 'actions', role: 'group', 'aria-label': t('analytics.sections')});
  const context = () => ({year: Number(year.value) || new Date().getFullYear(), territory: place.territory.value,
    school: place.school.value, q});
  function show() {
    clear(bar, tabs.map(([key, title]) => h('button', {type: 'button', id: `analytics-tab-${key}`, class: key === current ? '' : 'secondary',
      'aria-pressed': String(key === current), onClick: () => { current = key; show(); }}, title)));
    const tab = tabs.find(([key]) => key === current) || tabs[0];
    clear(body, h('p', {class: 'muted', role: 'status'}, t('analytics.loading')));
    tab[2](body, context()).catch((error) => clear(body, errorBox(error)));
  }
  year.addEventListener('change', show);
  place.school.addEventListener('change', show);
  place.territory.addEventListener('change', async () => {
    await place.listSchools();
    show();
  });
  main.append(h('div', {class: 'heading'}, h('h1', {}, t('analytics.title'))),
    h('div', {class: 'filters'}, field(t('analytics.year'), year), place.controls), bar, body);
  show();
}

/**
 * The territory and school choosers as the reader's role allows: the centre, the ministry and observers choose both;
 * a founder its territory's schools; a school coordinator sees its own school only.
 */
async function placeOf(q) {
  const me = session.me || {};
  const territory = h('select', {id: 'analytics-territory'}, h('option', {value: ''}, t('analytics.wholeRegion')));
  const school = h('select', {id: 'analytics-school'}, h('option', {value: ''}, t('analytics.noSchool')));
  const place = {territory, school, controls: []};
  if (has('SCHOOL_COORDINATOR') && !has(...CENTRE, 'MINISTRY_OFFICIAL', 'FOUNDER_COORDINATOR', 'OBSERVER')) {
    clear(school, h('option', {value: me.organisationCode}, me.organisationCode));
    place.controls = [field(t('analytics.school'), school)];
    place.listSchools = async () => {};
    return place;
  }
  if (has('FOUNDER_COORDINATOR') && !has(...CENTRE, 'MINISTRY_OFFICIAL')) {
    const own = await get(`/api/catalog/organisations/${encodeURIComponent(me.organisationCode)}`);
    clear(territory, h('option', {value: own.territoryCode}, own.territoryCode));
  } else {
    const territories = await get('/api/catalog/territories');
    territories.forEach((x) => territory.append(h('option', {value: x.code}, `${x.code} ${x.name}`)));
    if (q && q.get('territory')) territory.value = q.get('territory');
  }
  place.listSchools = async () => {
    clear(school, h('option', {value: ''}, t('analytics.noSchool')));
    if (!territory.value) return;
    const page = await get('/api/catalog/organisations' + query({territory: territory.value, kind: 'SCHOOL', status: 'ACTIVE', size: 1000}));
    schoolsOf.set(territory.value, new Set(page.items.map((o) => o.code)));
    page.items.forEach((o) => {
      names.set(o.code, o.shortName || o.fullName);
      school.append(h('option', {value: o.code}, `${o.code} ${o.shortName || o.fullName}`));
    });
  };
  await place.listSchools();
  if (q && q.get('school')) school.value = q.get('school');
  place.controls = [field(t('analytics.territory'), territory), field(t('analytics.school'), school)];
  return place;
}

/** The levels a baseline and target are set at: region, the chosen territory, every school, the chosen school. */
function levels(c) {
  return [['region', 'region', '', t('analytics.level.region')],
    c.territory ? ['territory', 'territory', c.territory, t('analytics.level.territory', {code: c.territory})] : null,
    ['all', 'school', '*', t('analytics.level.all')],
    c.school ? ['school', 'school', c.school, t('analytics.level.school', {code: c.school})] : null].filter(Boolean);
}

async function indicators(body, c) {
  const ask = {year: c.year, school: c.school, territory: c.territory};
  let [report, targets] = await Promise.all([get('/api/analytics/indicators' + query(ask)), get('/api/analytics/targets' + query({year: c.year}))]);
  const centre = has(...CENTRE);
  const level = h('select', {id: 'analytics-level'}, levels(c).map(([key, , , label]) => h('option', {value: key}, label)));
  const result = h('div', {id: 'analytics-targets-result', 'aria-live': 'polite'});
  const out = h('div', {id: 'analytics-indicators'});
  const withSchool = !!c.school;
  const withTerritory = !!c.territory || report.some((l) => l.territory != null);
  const reachingCells = new Map();
  let queue = Promise.resolve(); // saves go one after another, each after the answer to the one before
  const reaching = (l) => (l.schoolsWithTarget ? `${l.schoolsReaching} / ${l.schoolsWithTarget} (${num(Math.round(1000 * l.schoolsReaching
    / l.schoolsWithTarget) / 10)} %)` : '—');

  function draw() {
    const [, kind, code] = levels(c).find(([key]) => key === level.value) || levels(c)[0];
    const held = (indicator) => targets.find((x) => x.indicator === indicator && x.kind === kind && x.code === code) || {};
    const themes = [...new Set(report.map((l) => l.theme))];
    const headers = [t('analytics.code'), t('analytics.indicator'), t('analytics.unit'), withSchool ? t('analytics.atSchool') : null,
      withTerritory ? t('analytics.atTerritory') : null, t('analytics.atRegion'), t('analytics.baseline'), t('analytics.target'),
      t('analytics.reaching')].filter(Boolean);
    const rows = [];
    for (const theme of themes) {
      rows.push(h('tr', {}, h('th', {scope: 'colgroup', colspan: headers.length}, theme || t('analytics.noTheme'))));
      for (const l of report.filter((x) => x.theme === theme)) {
        const own = held(l.code);
        const cells = centre ? editors(l, own, kind, code) : [h('td', {class: 'num'}, num(own.baseline)), h('td', {class: 'num'}, num(own.target))];
        const reachingCell = h('td', {class: 'num'}, reaching(l));
        reachingCells.set(l.code, reachingCell);
        rows.push(h('tr', {dataset: {code: l.code}}, h('td', {}, l.code), h('td', {}, l.name), h('td', {}, l.unit || ''),
          withSchool ? h('td', {class: 'num'}, num(l.school)) : null, withTerritory ? h('td', {class: 'num'}, num(l.territory)) : null,
          h('td', {class: 'num'}, num(l.region)), cells, reachingCell));
      }
    }
    clear(out, h('div', {class: 'scroll tall'}, table(headers, rows, t('analytics.indicatorsTitle', {year: c.year}))));
  }

  /** The centre's baseline and target of one indicator at the level: typed in, shown at once, saved, put back when refused. */
  function editors(l, own, kind, code) {
    const baseline = h('input', {size: 6, inputmode: 'decimal', value: num(own.baseline).replace('—', ''),
      'aria-label': t('analytics.baselineOf', {name: l.name})});
    const target = h('input', {size: 6, inputmode: 'decimal', value: num(own.target).replace('—', ''),
      'aria-label': t('analytics.targetOf', {name: l.name})});
    let saved = [baseline.value, target.value];
    const save = () => {
      queue = queue.then(async () => {
        const typed = [baseline.value, target.value];
        if (typed[0] === saved[0] && typed[1] === saved[1]) return;
        [baseline, target].forEach((input) => { input.removeAttribute('aria-invalid'); input.setAttribute('aria-busy', 'true'); });
        try {
          targets = await put('/api/analytics/targets' + query({year: c.year}), {targets: [{indicator: l.code, kind, code,
            baseline: decimal(typed[0]), target: decimal(typed[1])}]});
          saved = typed;
          clear(result, successBox(t('analytics.targetsSaved', {code: l.code})));
          report = await get('/api/analytics/indicators' + query(ask));
          report.forEach((x) => reachingCells.has(x.code) && clear(reachingCells.get(x.code), reaching(x)));
        } catch (error) {
          [baseline.value, target.value] = saved; // the server refused: its value stands, its reason is shown
          baseline.setAttribute('aria-invalid', 'true');
          target.setAttribute('aria-invalid', 'true');
          clear(result, errorBox(error));
        } finally {
          [baseline, target].forEach((input) => input.removeAttribute('aria-busy'));
        }
      });
    };
    baseline.addEventListener('change', save);
    target.addEventListener('change', save);
    return [h('td', {class: 'num'}, baseline), h('td', {class: 'num'}, target)];
  }

  level.addEventListener('change', draw);
  clear(body, h('div', {class: 'actions'}, field(t('analytics.level'), level),
    download('/api/analytics/indicators.xlsx' + query(ask), t('analytics.inExcel'))),
  centre ? h('p', {class: 'hint'}, t('analytics.targetsHint')) : null, result, out);
  draw();
}

async function dynamics(body, c) {
  const catalogues = await get('/api/analytics/catalogues');
  const list = catalogues.length ? catalogues[0].indicators : [];
  const indicator = h('select', {id: 'analytics-indicator'}, list.map((i) => h('option', {value: i.code}, `${i.code} ${i.name}`)));
  if (c.q && c.q.get('indicator')) indicator.value = c.q.get('indicator');
  const from = h('input', {id: 'analytics-from', type: 'number', size: 6, value: c.year - 4});
  const to = h('input', {id: 'analytics-to', type: 'number', size: 6, value: c.year});
  const out = h('div', {id: 'analytics-dynamics'});
  const turn = turns();
  async function draw() {
    const current = turn();
    const code = indicator.value;
    const chosen = list.find((i) => i.code === code) || {name: code, unit: ''};
    const ask = query({from: from.value, to: to.value, school: c.school, territory: c.territory});
    const points = await get(`/api/analytics/indicators/${encodeURIComponent(code)}/dynamics` + ask);
    if (!current()) return; // the first indicator's answer after the chosen one's
    const years = points.map((p) => p.year);
    const series = [['school', t('analytics.atSchool')], ['territory', t('analytics.atTerritory')], ['region', t('analytics.atRegion')],
      ['regionTarget', t('analytics.regionTarget')]].filter(([k]) => points.some((p) => p[k] != null))
      .map(([k, name]) => ({key: k, name, values: points.map((p) => p[k]), dashed: k === 'regionTarget'}));
    clear(out,
      h('div', {class: 'actions'}, download(`/api/analytics/indicators/${encodeURIComponent(code)}/dynamics.xlsx` + ask, t('analytics.inExcel'))),
      h('div', {class: 'scroll'}, table([t('analytics.yearColumn'), ...series.map((s) => s.name), t('analytics.regionBaseline')],
        points.map((p) => h('tr', {}, h('th', {scope: 'row'}, p.year), series.map((s) => h('td', {class: 'num'}, num(p[s.key]))),
          h('td', {class: 'num'}, num(p.regionBaseline)))), `${chosen.code} ${chosen.name}${chosen.unit ? `, ${chosen.unit}` : ''}`)),
      h('figure', {class: 'card'}, h('figcaption', {}, t('analytics.dynamicsChart', {name: chosen.name})),
        series.length ? lines(t('analytics.dynamicsChart', {name: chosen.name}), years, series, {unit: chosen.unit})
          : h('p', {class: 'muted'}, t('analytics.noValues'))));
  }
  const showButton = h('button', {type: 'button', id: 'analytics-dynamics-show', class: 'secondary'}, t('analytics.show'));
  showButton.addEventListener('click', () => busy(showButton, () => draw().catch((e) => clear(out, errorBox(e)))));
  indicator.addEventListener('change', () => draw().catch((e) => clear(out, errorBox(e))));
  clear(body, h('div', {class: 'filters'}, field(t('analytics.indicator'), indicator), field(t('analytics.from'), from),
    field(t('analytics.to'), to), showButton), out);
  if (list.length) await draw();
}

async function clusters(body, c) {
  const models = await get('/api/analytics/models');
  if (!models.length) { clear(body, h('p', {class: 'muted'}, t('analytics.noModels'))); return; }
  const model = h('select', {id: 'analytics-model'}, models.map((m) => h('option', {value: m.key}, m.title || m.key)));
  if (c.q && c.q.get('model')) model.value = c.q.get('model');
  const result = h('div', {id: 'analytics-assign-result', 'aria-live': 'polite'});
  const out = h('div', {id: 'analytics-clusters'});
  const xlsx = h('span', {});
  function draw(placed) {
    const m = models.find((x) => x.key === model.value) || models[0];
    // A territory chosen: its schools only (the server has already kept each reader to its scope).
    const inTerritory = c.territory && !c.school ? schoolsOf.get(c.territory) : null;
    const shown = placed.filter((p) => (c.school ? p.assignment.school === c.school : !inTerritory || inTerritory.has(p.assignment.school)));
    const label = (a) => (!a.cluster ? t('analytics.unplaced') : a.name && a.name !== a.cluster ? `${a.cluster} ${a.name}` : a.cluster);
    const groups = new Map();
    shown.forEach((p) => groups.set(label(p.assignment), [...(groups.get(label(p.assignment)) || []), p]));
    const codes = m.indicators.map((w) => w.code);
    const why = (a) => codes.map((code) => `${code} = ${num(a.values[code])}` + (a.against[code] == null ? ''
      : m.method === 'rules' ? ` (${a.against[code]})` : ` (${t('analytics.centre')} ${num(a.against[code])})`)).join('; ');
    clear(xlsx, download('/api/analytics/clusters.xlsx' + query({year: c.year, model: m.key}), t('analytics.inExcel')));
    clear(out,
      h('p', {class: 'hint'}, m.method === 'rules' ? t('analytics.rulesHint') : t('analytics.kmeansHint', {k: m.k})),
      shown.length ? h('div', {class: 'scroll tall'}, table([t('analytics.school'), t('analytics.cluster'), t('analytics.why'),
        t('analytics.previous')], shown.map((p) => h('tr', {}, h('td', {}, schoolName(p.assignment.school)),
        h('td', {}, p.assignment.cluster ? label(p.assignment) : badge(label(p.assignment), 'warn')), h('td', {}, why(p.assignment)),
        h('td', {}, p.previous == null ? '—' : p.previous === p.assignment.cluster ? p.previous
          : badge(t('analytics.moved', {from: p.previous}), 'warn')))), t('analytics.clustersTitle', {year: c.year, count: shown.length})))
        : h('p', {class: 'muted'}, t('analytics.noSchools')),
      shown.length ? h('div', {class: 'grid'},
        h('figure', {class: 'card'}, h('figcaption', {}, t('analytics.sizesChart')),
          bars(t('analytics.sizesChart'), [...groups.keys()], [{name: t('analytics.schoolsCount'), values: [...groups.values()].map((g) => g.length)}])),
        codes.length > 1 ? h('figure', {class: 'card'}, h('figcaption', {}, t('analytics.scatterChart', {x: codes[0], y: codes[1]})),
          scatter(t('analytics.scatterChart', {x: codes[0], y: codes[1]}), [...groups.entries()].map(([name, members]) => ({name,
            points: members.filter((p) => p.assignment.values[codes[0]] != null && p.assignment.values[codes[1]] != null)
              .map((p) => ({name: p.assignment.school, x: p.assignment.values[codes[0]], y: p.assignment.values[codes[1]]}))})),
          {x: codes[0], y: codes[1]})) : null) : null);
  }
  const load = async () => draw(await get('/api/analytics/clusters' + query({year: c.year, model: model.value})));
  model.addEventListener('change', () => { clear(result); load().catch((e) => clear(out, errorBox(e))); });
  let assign = null;
  if (has(...CENTRE)) {
    assign = h('button', {type: 'button', id: 'analytics-assign'}, t('analytics.assign', {year: c.year}));
    assign.addEventListener('click', () => busy(assign, async () => {
      try {
        const placed = await post('/api/analytics/clusters' + query({year: c.year, model: model.value}));
        draw(placed);
        clear(result, successBox(t('analytics.assigned', {count: placed.length, year: c.year})));
      } catch (error) {
        clear(result, errorBox(error));
      }
    }));
  }
  clear(body, h('div', {class: 'actions'}, field(t('analytics.model'), model), assign, xlsx), result, out);
  await load();
}

async function flags(body, c) {
  const ask = {year: c.year, territory: c.territory};
  const data = await get('/api/analytics/flags' + query(ask));
  const rule = h('select', {id: 'analytics-rule'}, h('option', {value: ''}, t('analytics.allRules')),
    data.rules.map((r) => h('option', {value: r.key}, r.title)));
  const out = h('div', {id: 'analytics-flagged'});
  const territories = data.territories || [];
  function draw() {
    const flagged = data.schools.map((s) => ({...s, flags: s.flags.filter((f) => !rule.value || f.rule === rule.value)}))
      .filter((s) => s.flags.length);
    clear(out, flagged.length ? h('div', {class: 'scroll tall'}, table([t('analytics.school'), t('analytics.territory'), t('analytics.flag'),
      t('analytics.explanation')], flagged.flatMap((s) => s.flags.map((f, i) => h('tr', {},
      i === 0 ? h('td', {rowspan: s.flags.length}, `${s.school} ${s.name || ''}`) : null,
      i === 0 ? h('td', {rowspan: s.flags.length}, s.territory || '—') : null,
      h('td', {}, f.title), h('td', {}, f.explanation)))), t('analytics.flaggedTitle', {count: flagged.length})))
      : h('p', {class: 'muted'}, t('analytics.noFlags')));
  }
  rule.addEventListener('change', draw);
  clear(body,
    h('div', {class: 'actions'}, field(t('analytics.rule'), rule), download('/api/analytics/flags.xlsx' + query(ask), t('analytics.inExcel'))),
    h('dl', {class: 'hint'}, data.rules.flatMap((r) => [h('dt', {}, r.title), h('dd', {}, r.description)])),
    territories.length ? h('div', {class: 'scroll'}, table([t('analytics.territory'), t('analytics.schoolsCount'), ...data.rules.map((r) => r.title)],
      territories.map((x) => h('tr', {}, h('th', {scope: 'row'}, `${x.code} ${x.name || ''}`), h('td', {class: 'num'}, x.schools),
        data.rules.map((r) => h('td', {class: 'num'}, (x.counts || {})[r.key] || 0)))), t('analytics.byTerritory', {year: c.year}))) : null,
    territories.length ? h('figure', {class: 'card'}, h('figcaption', {}, t('analytics.flagsChart')),
      bars(t('analytics.flagsChart'), territories.map((x) => x.name || x.code),
        data.rules.map((r) => ({name: r.title, values: territories.map((x) => (x.counts || {})[r.key] || 0)})), {stacked: true})) : null,
    out);
  draw();
}
