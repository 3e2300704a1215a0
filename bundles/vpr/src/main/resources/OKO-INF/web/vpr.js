// The ВПР module's screen: form 7 of a school beside its territory and the region with charts, the
// schools' figures, the signs of non-objective results, and the import of results files.
import {h, clear, field, table, busy, add} from '/lib/dom.js';
import {get, post, put, query, turns} from '/lib/api.js';
import {moduleMessages} from '/lib/i18n.js';
import {moment} from '/lib/format.js';
import {has} from '/lib/session.js';
import {errorBox, successBox, badge, download} from '/lib/ui.js';
import {bars} from '/lib/charts.js';
import {importCard} from '/lib/imports.js';

// The module's own texts (messages/ next to this file) over the core's.
const t = await moduleMessages(import.meta.url);
const IMPORTERS = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR'];
const ANALYSTS = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR', 'MINISTRY_OFFICIAL', 'FOUNDER_COORDINATOR'];
// Signs of non-objective results; labels are vpr.rule.<RULE>.
const RULES = ['TOP_MARKS', 'JOURNAL_RAISED', 'JOURNAL_LOWERED', 'TASK_PROFILE', 'YEAR_JUMP'];
const pct = (v) => (v == null ? '—' : String(v).replace('.', ',') + ' %');
const num = (v) => (v == null ? '—' : String(v).replace('.', ','));

const READERS = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR', 'MINISTRY_OFFICIAL', 'FOUNDER_COORDINATOR', 'SCHOOL_COORDINATOR', 'OBSERVER'];
const REPORT_READERS = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR', 'MINISTRY_OFFICIAL'];

export async function render(main, params, q) {
  if (!has(...READERS)) { // an expert: only the works assigned to them
    add(main, h('h1', {}, t('vpr.expertTitle')));
    const box = h('div', {});
    add(main, box);
    await expertWorks(box);
    return;
  }
  const specs = await get('/api/vpr/specs');
  const test = h('select', {id: 'vpr-test'}, specs.map((s) => h('option', {value: s.key || `${s.year}-${s.subject}-${s.grade}`},
    `${s.year} · ${s.subjectName} · ${s.grade} ${t('vpr.grade')} (v${s.version})`)));
  const body = h('div', {id: 'vpr-body'});
  const tabs = [['stats', t('vpr.form7'), statistics], ['schools', t('vpr.schools'), schools]];
  if (has(...ANALYSTS)) tabs.push(['flags', t('vpr.signsTitle'), flags]);
  if (has(...REPORT_READERS)) tabs.push(['remarking', t('vpr.reMarking'), remarking]);
  if (has(...IMPORTERS)) tabs.push(['import', t('vpr.importResults'), importer]);
  let current = q && q.get('tab') || 'stats';
  const bar = h('div', {class: 'actions', role: 'group', 'aria-label': t('vpr.vprSections')});
  const specOf = () => specs.find((s) => `${s.year}-${s.subject}-${s.grade}` === test.value);
  function show() {
    clear(bar, tabs.map(([key, title]) => h('button', {type: 'button', id: `vpr-tab-${key}`, class: key === current ? '' : 'secondary',
      'aria-pressed': String(key === current), onClick: () => { current = key; show(); }}, title)));
    const tab = tabs.find(([key]) => key === current) || tabs[0];
    clear(body, h('p', {class: 'muted'}, t('vpr.loading')));
    tab[2](body, specOf()).catch((error) => clear(body, errorBox(error)));
  }
  test.addEventListener('change', show);
  add(main, h('div', {class: 'heading'}, h('h1', {}, t('vpr.title')), field(t('vpr.test'), test)), bar, body);
  if (!specs.length) { clear(body, h('p', {}, t('vpr.noVprSpecs'))); return; }
  show();
}

const keyOf = (spec) => `${spec.year}-${spec.subject}-${spec.grade}`;

async function statistics(body, spec) {
  const lines = await get(`/api/vpr/tests/${keyOf(spec)}/schools`);
  const school = h('select', {id: 'vpr-school'}, h('option', {value: ''}, t('vpr.regionAndTerritories')),
    lines.map((l) => h('option', {value: l.figures.code}, `${l.figures.code} ${l.figures.name}`)));
  if (lines.length === 1) school.value = lines[0].figures.code;
  const out = h('div', {id: 'vpr-form7'});
  const turn = turns();
  async function draw() {
    const current = turn();
    const f7 = await get(`/api/vpr/tests/${keyOf(spec)}/form7` + query({school: school.value}));
    if (!current()) return;
    const groups = [f7.school, f7.territory, f7.region].filter(Boolean);
    const row = (label, pick) => h('tr', {}, h('th', {scope: 'row'}, label), groups.map((g) => h('td', {class: 'num'}, pick(g))));
    clear(out,
      h('div', {class: 'scroll'}, h('table', {}, h('caption', {}, t('vpr.form7Title')),
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, ''), groups.map((g) => h('th', {scope: 'col'}, g.name)))),
        h('tbody', {},
          row(t('vpr.participants'), (g) => g.participants),
          [2, 3, 4, 5].map((m) => row(t('vpr.mark', {mark: m}), (g) => pct(g.marks[m]))),
          row(t('vpr.quality45'), (g) => pct(g.quality)),
          row(t('vpr.passRate345'), (g) => pct(g.success)),
          row(t('vpr.meanPrimaryScore'), (g) => num(g.meanScore)),
          row(t('vpr.loweredTitle'), (g) => pct(g.lowered)),
          row(t('vpr.confirmed'), (g) => pct(g.confirmed)),
          row(t('vpr.raisedTitle'), (g) => pct(g.raised))))),
      h('div', {class: 'grid'},
        h('figure', {class: 'card'}, h('figcaption', {}, t('vpr.marks')),
          bars(['2', '3', '4', '5'], groups.map((g) => ({name: g.name, values: [2, 3, 4, 5].map((m) => g.marks[m] || 0)})))),
        h('figure', {class: 'card'}, h('figcaption', {}, t('vpr.taskSuccess')),
          bars(spec.tasks.map((t) => t.label), groups.map((g) => ({name: g.name, values: g.taskSuccess.map((v) => v || 0)}))))),
      f7.flags.length ? h('div', {class: 'alert warn'}, h('strong', {}, t('vpr.signsTitle')),
        h('ul', {}, f7.flags.map((f) => h('li', {}, h('b', {}, f.title), ': ', f.explanation)))) : null);
  }
  school.addEventListener('change', () => draw().catch((e) => clear(out, errorBox(e))));
  clear(body, field(t('vpr.school'), school), out);
  await draw();
}


async function schools(body, spec) {
  const lines = await get(`/api/vpr/tests/${keyOf(spec)}/schools`);
  const rows = lines.map((l) => h('tr', {},
    h('td', {}, l.figures.code, ' ', l.figures.name),
    h('td', {class: 'num'}, l.figures.participants),
    [2, 3, 4, 5].map((m) => h('td', {class: 'num'}, pct(l.figures.marks[m]))),
    h('td', {class: 'num'}, pct(l.figures.quality)),
    h('td', {class: 'num'}, pct(l.figures.lowered)),
    h('td', {class: 'num'}, pct(l.figures.raised)),
    h('td', {}, l.flags.map((f) => badge(RULES.includes(f) ? t('vpr.rule.' + f) : f, 'bad')))));
  clear(body, h('div', {class: 'actions'}, download(`/api/vpr/tests/${keyOf(spec)}/export.xlsx`, t('vpr.tablesInExcel'))),
    lines.length ? table([t('vpr.schoolShort'), t('vpr.participants'), '«2»', '«3»', '«4»', '«5»',
      t('vpr.quality'), t('vpr.lowered'), t('vpr.raised'), t('vpr.signs')], rows)
      : h('p', {class: 'muted'}, t('vpr.noResults')));
}

async function flags(body, spec) {
  const list = await get(`/api/vpr/tests/${keyOf(spec)}/flags`);
  clear(body, h('p', {class: 'hint'}, t('vpr.thresholdsHint')),
  list.length ? table([t('vpr.schoolShort'), t('vpr.sign'), t('vpr.why')],
    list.map((f) => h('tr', {}, h('td', {}, f.school), h('td', {}, badge(f.title, 'bad')), h('td', {}, f.explanation))))
    : h('p', {}, t('vpr.noSigns')));
}

async function importer(body, spec) {
  const replace = h('input', {type: 'checkbox', id: 'vpr-replace'});
  const history = h('div', {});
  async function drawHistory() {
    const data = await get('/api/vpr/imports');
    clear(history, h('h2', {}, t('vpr.importedFiles')), data.history.length ? table(
      [t('vpr.when'), t('vpr.test'), t('vpr.file'), t('vpr.who'), t('vpr.works'), t('vpr.replaced')],
      data.history.map((l) => h('tr', {}, h('td', {}, moment(l.at)), h('td', {}, l.testKey), h('td', {}, l.fileName), h('td', {}, l.actor),
        h('td', {class: 'num'}, l.works), h('td', {class: 'num'}, l.replaced)))) : h('p', {class: 'muted'}, t('vpr.nothingYet')));
  }
  clear(body, importCard({
    id: 'vpr', task: t('vpr.taskPrefix'), link: '#/x/vpr?tab=import',
    imports: '/api/vpr/imports', params: () => ({test: keyOf(spec), replace: replace.checked ? 'true' : ''}),
    job: (id) => `/api/vpr/imports/${id}`, columns: '/api/vpr/columns' + query({test: keyOf(spec)}),
    done: (job) => (job.replaced ? t('vpr.importedReplaced', {works: job.works, replaced: job.replaced}) : t('vpr.imported', {works: job.works})),
    hint: t('vpr.importHint', {subjectName: spec.subjectName, grade: spec.grade, year: spec.year, tasks: spec.tasks.map((t) => t.label).join(', ')}),
    controls: [h('div', {class: 'field check'}, replace, h('label', {for: 'vpr-replace'}, t('vpr.replaceEarlier')))],
    onDone: drawHistory}), history);
  await drawHistory();
}

/** Re-marking: the centre sends a sample of flagged schools' works to experts and reads what they found. */
async function remarking(body, spec) {
  const [overview, flagged] = await Promise.all([get(`/api/vpr/tests/${keyOf(spec)}/remarking`), get(`/api/vpr/tests/${keyOf(spec)}/flags`)]);
  const r = overview.report;
  const schools = [...new Set(flagged.map((f) => f.school))];
  const result = h('div', {id: 'vpr-remark-result', 'aria-live': 'polite'});
  const groupTable = (title, groups) => table([title, t('vpr.assigned'), t('vpr.done'), t('vpr.schoolScore'),
    t('vpr.expertScore'), t('vpr.difference'), t('vpr.markChanged')],
  groups.map((g) => h('tr', {}, h('td', {}, g.key), h('td', {class: 'num'}, g.assigned), h('td', {class: 'num'}, g.done),
    h('td', {class: 'num'}, num(g.meanOriginal)), h('td', {class: 'num'}, num(g.meanRemarked)), h('td', {class: 'num'}, num(g.meanDifference)),
    h('td', {class: 'num'}, `${g.marksChanged} (${pct(g.marksChangedShare)})`))));
  let organiser = null;
  if (has(...IMPORTERS)) {
    const schoolBoxes = schools.map((code) => h('input', {type: 'checkbox', id: `rm-school-${code}`, value: code, checked: true}));
    const expertBoxes = overview.experts.map((login) => h('input', {type: 'checkbox', id: `rm-expert-${login}`, value: login, checked: true}));
    const sample = h('input', {id: 'rm-sample', inputmode: 'numeric', size: 4, value: '20'});
    const assign = h('button', {type: 'button', id: 'rm-assign'}, t('vpr.assignToExperts'));
    assign.addEventListener('click', () => busy(assign, async () => {
      try {
        const done = await post(`/api/vpr/tests/${keyOf(spec)}/remarking`, {
          schools: schoolBoxes.filter((b) => b.checked).map((b) => b.value), sample: Number(sample.value),
          experts: expertBoxes.filter((b) => b.checked).map((b) => b.value)});
        clear(result, successBox(t('vpr.worksAssigned', {works: done.works}) + ' — ' +
          Object.entries(done.byExpert).map(([e, n]) => `${e}: ${n}`).join(', ')));
      } catch (error) {
        clear(result, errorBox(error));
      }
    }));
    organiser = h('div', {class: 'card'}, h('h2', {}, t('vpr.newReMarking')),
      schools.length ? h('fieldset', {class: 'choices'}, h('legend', {}, t('vpr.schoolsWithSigns')),
        schoolBoxes.map((b) => h('label', {for: b.id, class: 'check'}, b, ' ', b.value)))
        : h('p', {class: 'muted'}, t('vpr.noSchoolsWithSigns')),
      overview.experts.length ? h('fieldset', {class: 'choices'}, h('legend', {}, t('vpr.experts')),
        expertBoxes.map((b) => h('label', {for: b.id, class: 'check'}, b, ' ', b.value)))
        : h('p', {class: 'muted'}, t('vpr.noExperts')),
      field(t('vpr.worksPerSchool'), sample), assign, result);
  }
  const taskRows = r.tasks.map((t) => h('tr', {}, h('td', {}, t.task), h('td', {class: 'num'}, t.max),
    h('td', {class: 'num'}, num(t.meanOriginal)), h('td', {class: 'num'}, num(t.meanRemarked)), h('td', {class: 'num'}, num(t.meanDifference))));
  const taskTable = table([t('vpr.task'), t('vpr.max'), t('vpr.schoolScore'), t('vpr.expertScore'),
    t('vpr.difference')], taskRows);
  clear(body, organiser, h('h2', {}, t('vpr.reMarkingResults')),
    r.total.assigned ? [groupTable(t('vpr.schoolShort'), r.schools), groupTable(t('vpr.expert'), r.experts), taskTable]
      : h('p', {class: 'muted'}, t('vpr.noReMarking')));
}

/** The expert's own works: a score per task, saved work by work. */
async function expertWorks(box) {
  const works = await get('/api/vpr/remarking/mine');
  clear(box, works.length ? works.map((w) => {
    const inputs = w.tasks.map((task, i) => h('input', {size: 2, inputmode: 'numeric', value: w.scores[i] == null ? '' : String(w.scores[i]),
      'aria-label': t('vpr.taskMax', {label: task.label, max: task.max})}));
    const state = h('span', {'aria-live': 'polite'}, w.done ? badge(t('vpr.workDone'), 'ok') : '');
    const save = h('button', {type: 'button', class: 'secondary small'}, t('vpr.save'));
    save.addEventListener('click', () => busy(save, async () => {
      try {
        await put(`/api/vpr/remarking/${w.id}`, {scores: inputs.map((x) => Number(x.value.trim() || 'NaN'))});
        clear(state, badge(t('vpr.workDone'), 'ok'));
      } catch (error) {
        clear(state, errorBox(error));
      }
    }));
    return h('div', {class: 'card'}, h('h2', {}, `${w.subjectName}, ${w.grade} ${t('vpr.grade')} · ${t('vpr.work')} ${w.participant}`),
      h('div', {class: 'actions'}, w.tasks.map((t, i) => h('label', {class: 'task-score'}, `${t.label} (≤${t.max}) `, inputs[i]))), save, ' ', state);
  }) : h('p', {}, t('vpr.noWorksAssigned')));
}
