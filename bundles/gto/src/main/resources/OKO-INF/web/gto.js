// The ГТО module's screen: a year's counts of a school beside its territory and the region with a chart,
// the schools' counts, a school's participants with their badges explained, the import of results
// files, and the editions of the norms.
import {h, clear, field, table, busy, add} from '/lib/dom.js';
import {get, post, query, upload, turns} from '/lib/api.js';
import {moduleMessages, text} from '/lib/i18n.js';
import {date} from '/lib/format.js';
import {has, session} from '/lib/session.js';
import {errorBox, successBox, badge, download} from '/lib/ui.js';
import {bars} from '/lib/charts.js';
import {importCard} from '/lib/imports.js';

// The module's own texts (messages/ next to this file) over the core's.
const t = await moduleMessages(import.meta.url);
const IMPORTERS = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR', 'SCHOOL_COORDINATOR'];
const PUBLISHERS = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR'];
const LEVELS = ['gold', 'silver', 'bronze'];
const pct = (v) => (v == null ? '—' : String(v).replace('.', ',') + ' %');

export async function render(main, params, q) {
  const thisYear = new Date().getFullYear();
  const year = h('select', {id: 'gto-year'}, [0, 1, 2, 3, 4].map((back) => h('option', {value: thisYear - back}, String(thisYear - back))));
  if (q && q.get('year')) year.value = q.get('year');
  const body = h('div', {id: 'gto-body'});
  const ownSchool = has('SCHOOL_COORDINATOR') && session.me ? session.me.organisationCode : null;
  const tabs = [['counts', t('gto.counts'), counts]];
  if (!ownSchool) tabs.push(['schools', t('gto.schools'), schools]);
  tabs.push(['participants', t('gto.participants'), participants]);
  if (has(...IMPORTERS)) tabs.push(['import', t('gto.importResults'), importer]);
  tabs.push(['norms', t('gto.norms'), norms]);
  let current = q && q.get('tab') || 'counts';
  const bar = h('div', {class: 'actions', role: 'group', 'aria-label': t('gto.sections')});
  function show() {
    clear(bar, tabs.map(([key, title]) => h('button', {type: 'button', id: `gto-tab-${key}`, class: key === current ? '' : 'secondary',
      'aria-pressed': String(key === current), onClick: () => { current = key; show(); }}, title)));
    const tab = tabs.find(([key]) => key === current) || tabs[0];
    clear(body, h('p', {class: 'muted'}, t('gto.loading')));
    tab[2](body, Number(year.value), ownSchool).catch((error) => clear(body, errorBox(error)));
  }
  year.addEventListener('change', show);
  add(main, h('div', {class: 'heading'}, h('h1', {}, t('gto.title')), field(t('gto.year'), year)), bar, body);
  show();
}

async function counts(body, year, ownSchool) {
  const school = h('input', {id: 'gto-school', size: 10, value: ownSchool || '', readOnly: !!ownSchool, 'aria-label': t('gto.schoolCode')});
  const out = h('div', {id: 'gto-counts'});
  const turn = turns();
  async function draw() {
    const current = turn();
    const c = await get('/api/gto/counts' + query({year, school: school.value.trim()}));
    if (!current()) return;
    const groups = [['school', t('gto.school')], ['territory', t('gto.territory')], ['region', t('gto.region')]].filter(([k]) => c[k]);
    const row = (label, pick) => h('tr', {}, h('th', {scope: 'row'}, label), groups.map(([k]) => h('td', {class: 'num'}, pick(c[k]))));
    clear(out,
      h('div', {class: 'scroll'}, h('table', {}, h('caption', {}, t('gto.countsTitle', {year})),
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, ''), groups.map(([, name]) => h('th', {scope: 'col'}, name)))),
        h('tbody', {},
          row(t('gto.tested'), (g) => g.tested),
          row(t('gto.registered'), (g) => g.registered),
          LEVELS.map((level) => row(t('gto.badge.' + level), (g) => g.badges[level])),
          row(t('gto.badgeShare'), (g) => pct(g.badgeShare))))),
      h('figure', {class: 'card'}, h('figcaption', {}, t('gto.badgesChart')),
        bars(LEVELS.map((level) => t('gto.badge.' + level)), groups.map(([k, name]) => ({name,
          values: LEVELS.map((level) => (c[k].tested ? Math.round(c[k].badges[level] * 1000 / c[k].tested) / 10 : 0))})))));
  }
  const show = h('button', {type: 'button', id: 'gto-show', class: 'secondary'}, t('gto.show'));
  show.addEventListener('click', () => busy(show, () => draw().catch((e) => clear(out, errorBox(e)))));
  clear(body, h('div', {class: 'actions'}, field(t('gto.schoolCode'), school), ownSchool ? null : show,
    download('/api/gto/counts.xlsx' + query({year}), t('gto.tablesInExcel'))), out);
  await draw();
}

async function schools(body, year) {
  const lines = await get('/api/gto/schools' + query({year}));
  clear(body, h('div', {class: 'actions'}, download('/api/gto/counts.xlsx' + query({year}), t('gto.tablesInExcel'))),
    lines.length ? table([t('gto.schoolCode'), t('gto.tested'), t('gto.registered'), ...LEVELS.map((l) => t('gto.badge.' + l)), t('gto.badgeShare')],
      lines.map((l) => h('tr', {}, h('td', {}, l.code), h('td', {class: 'num'}, l.tested), h('td', {class: 'num'}, l.registered),
        LEVELS.map((level) => h('td', {class: 'num'}, l.badges[level])), h('td', {class: 'num'}, pct(l.badgeShare)))), t('gto.schoolsTitle', {year}))
      : h('p', {class: 'muted'}, t('gto.nothingYet')));
}

async function participants(body, year, ownSchool) {
  const school = h('input', {id: 'gto-participants-school', size: 10, value: ownSchool || '', readOnly: !!ownSchool,
    'aria-label': t('gto.schoolCode')});
  const out = h('div', {id: 'gto-participants'});
  const turn = turns();
  async function draw() {
    const current = turn();
    if (!school.value.trim()) { clear(out, h('p', {class: 'muted'}, t('gto.giveSchool'))); return; }
    const lines = await get(`/api/gto/schools/${encodeURIComponent(school.value.trim())}/participants` + query({year}));
    if (!current()) return;
    clear(out, lines.length ? table([t('gto.participant'), t('gto.gtoId'), t('gto.sex'), t('gto.testDate'), t('gto.stage'), t('gto.badge'),
      t('gto.why')], lines.map((l) => h('tr', {}, h('td', {}, l.code), h('td', {}, l.gtoId || '—'), h('td', {}, t('gto.sex.' + l.sex)),
      h('td', {}, date(l.testDate)), h('td', {class: 'num'}, l.assessment.stage),
      h('td', {}, l.assessment.badge ? badge(t('gto.badge.' + l.assessment.badge.toLowerCase()), 'ok') : '—'),
      h('td', {}, l.assessment.explanation.map((e) => h('div', {}, text(e))),
        Object.values(l.assessment.events).filter((e) => e.problem).map((e) => h('div', {class: 'muted'}, text(e.problem)))))))
      : h('p', {class: 'muted'}, t('gto.nothingYet')));
  }
  const show = h('button', {type: 'button', id: 'gto-participants-show', class: 'secondary'}, t('gto.show'));
  show.addEventListener('click', () => busy(show, () => draw().catch((e) => clear(out, errorBox(e)))));
  clear(body, h('div', {class: 'actions'}, field(t('gto.schoolCode'), school), ownSchool ? null : show),
    has(...IMPORTERS) ? await entry(() => school.value.trim(), draw) : null, out);
  await draw();
}

/**
 * One participant's results typed in: sent as a one-row file through the same import as a file (the same
 * checks, the norms, all or nothing), so that typing and importing never differ.
 */
async function entry(schoolCode, onDone) {
  const columns = await get('/api/gto/columns');
  const fixed = {participant: 'text', gtoId: 'text', sex: 'sex', birthDate: 'date', testDate: 'date'};
  const inputs = columns.filter((c) => c.id !== 'school').map((c) => {
    const id = `gto-entry-${c.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    const control = fixed[c.id] === 'sex'
      ? h('select', {id}, h('option', {value: 'м'}, t('gto.sex.BOYS')), h('option', {value: 'ж'}, t('gto.sex.GIRLS')))
      : h('input', {id, size: fixed[c.id] === 'date' ? 10 : 8, placeholder: fixed[c.id] === 'date' ? t('gto.datePlaceholder') : ''});
    return {column: c, control};
  });
  const send = h('button', {type: 'button', id: 'gto-entry-save'}, t('gto.entrySave'));
  const result = h('div', {id: 'gto-entry-result', 'aria-live': 'polite'});
  const csv = (v) => String(v).replace(/[;"\r\n]/g, ' ');
  send.addEventListener('click', () => busy(send, async () => {
    const header = ['Код ОО', ...inputs.map((i) => i.column.header)];
    const row = [schoolCode(), ...inputs.map((i) => i.control.value.trim())];
    const file = new Blob([header.map(csv).join(';') + '\n' + row.map(csv).join(';') + '\n'], {type: 'text/csv'});
    try {
      let job = await upload('/api/gto/imports' + query({name: t('gto.entryFile')}), file, 'text/csv');
      while (!['DONE', 'FAILED'].includes(job.state)) {
        await new Promise((r) => setTimeout(r, 300));
        job = await get(`/api/gto/imports/${job.id}`);
      }
      if (job.state === 'DONE') {
        clear(result, successBox(t('gto.entrySaved')));
        inputs.filter((i) => !fixed[i.column.id]).forEach((i) => { i.control.value = ''; });
        await onDone();
      } else {
        clear(result, errorBox(new Error(text(job.errorMessages || job.error))),
          h('ul', {}, (job.problems || []).map((p) => h('li', {}, (p.column ? `${p.column}: ` : '') + text(p.messages || p.message)))));
      }
    } catch (error) {
      clear(result, errorBox(error));
    }
  }));
  return h('details', {class: 'card', id: 'gto-entry'}, h('summary', {}, t('gto.entryTitle')),
    h('p', {class: 'hint'}, t('gto.entryHint')),
    h('div', {class: 'grid'}, inputs.map((i) => field(i.column.header + (i.column.required ? ' *' : ''), i.control))), send, result);
}

async function importer(body) {
  clear(body, importCard({
    id: 'gto', task: t('gto.taskPrefix'), link: '#/x/gto?tab=import',
    imports: '/api/gto/imports', job: (id) => `/api/gto/imports/${id}`, columns: '/api/gto/columns',
    done: (job) => t('gto.imported', {tests: job.tests}), hint: t('gto.importHint')}));
}

async function norms(body) {
  const editions = await get('/api/gto/norms');
  const list = editions.length ? table([t('gto.edition'), t('gto.version'), t('gto.validFrom'), t('gto.stages'), t('gto.source')],
    editions.map((n) => h('tr', {}, h('td', {}, n.title || n.key), h('td', {class: 'num'}, n.version), h('td', {}, date(n.validFrom)),
      h('td', {}, n.stages.map((s) => `${s.stage} (${s.minAge}–${s.maxAge})`).join(', ')), h('td', {}, n.source))))
    : h('p', {class: 'muted'}, t('gto.noNorms'));
  let publish = null;
  if (has(...PUBLISHERS)) {
    const json = h('textarea', {id: 'gto-norms-json', rows: 8, cols: 80, 'aria-label': t('gto.normsJson')});
    const send = h('button', {type: 'button', id: 'gto-norms-publish'}, t('gto.publish'));
    const result = h('div', {'aria-live': 'polite'});
    send.addEventListener('click', () => busy(send, async () => {
      try {
        const published = await post('/api/gto/norms', JSON.parse(json.value));
        clear(result, successBox(t('gto.published', {key: published.key, version: published.version})));
      } catch (error) {
        clear(result, errorBox(error));
      }
    }));
    publish = h('div', {class: 'card'}, h('h2', {}, t('gto.publishTitle')), h('p', {class: 'hint'}, t('gto.publishHint')),
      field(t('gto.normsJson'), json), send, result);
  }
  clear(body, list, publish);
}
