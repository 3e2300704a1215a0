// The ВсОШ module's screen: a year's counts of a school beside its territory and the region with a chart,
// the schools, a school's participations with their statuses, the import of a stage's results, the
// organisers' maximum and passing scores, the admission list to the next stage, the protocols' statuses
// the rules would not give, the signs on schools, and the olympiad years. Stages and subjects come from
// the year the server publishes, never from this file.
import {h, clear, field, table, busy, add} from '/lib/dom.js';
import {get, post, put, query, turns} from '/lib/api.js';
import {moduleMessages} from '/lib/i18n.js';
import {date, moment} from '/lib/format.js';
import {has, session} from '/lib/session.js';
import {errorBox, successBox, badge, download} from '/lib/ui.js';
import {bars} from '/lib/charts.js';
import {importCard} from '/lib/imports.js';

// The module's own texts (messages/ next to this file) over the core's.
const t = await moduleMessages(import.meta.url);
const CENTRE = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR'];
const IMPORTERS = [...CENTRE, 'FOUNDER_COORDINATOR', 'SCHOOL_COORDINATOR'];
const SCORE_SETTERS = [...CENTRE, 'FOUNDER_COORDINATOR'];
const ORGANISERS = [...CENTRE, 'MINISTRY_OFFICIAL', 'FOUNDER_COORDINATOR', 'SCHOOL_COORDINATOR'];
const FLAG_READERS = [...CENTRE, 'MINISTRY_OFFICIAL', 'FOUNDER_COORDINATOR'];
const STATUS = {WINNER: 'ok', PRIZE_WINNER: 'ok', PARTICIPANT: ''};
const pct = (v) => (v == null ? '—' : String(v).replace('.', ',') + ' %');
const num = (v) => (v == null ? '—' : String(v).replace('.', ','));
const status = (s) => (s ? badge(t('olympiad.status.' + s), STATUS[s]) : '—');

export async function render(main, params, q) {
  const years = await get('/api/olympiad/years');
  const year = h('select', {id: 'olympiad-year'}, years.map((y) => h('option', {value: y.academicYear},
    `${y.academicYear}/${String(y.academicYear + 1).slice(2)}`)));
  if (q && q.get('year')) year.value = q.get('year');
  const body = h('div', {id: 'olympiad-body'});
  const ownSchool = has('SCHOOL_COORDINATOR') && session.me ? session.me.organisationCode : null;
  const tabs = [['counts', t('olympiad.counts'), counts]];
  if (!ownSchool) tabs.push(['schools', t('olympiad.schools'), schools]);
  tabs.push(['participations', t('olympiad.participations'), participations]);
  if (has(...IMPORTERS)) tabs.push(['import', t('olympiad.importResults'), importer]);
  tabs.push(['scores', t('olympiad.scores'), scores]);
  if (has(...ORGANISERS)) tabs.push(['admission', t('olympiad.admission'), admission], ['checks', t('olympiad.checks'), checks]);
  if (has(...FLAG_READERS)) tabs.push(['flags', t('olympiad.flags'), flags]);
  tabs.push(['years', t('olympiad.years'), yearsTab]);
  let current = q && q.get('tab') || 'counts';
  const bar = h('div', {class: 'actions', role: 'group', 'aria-label': t('olympiad.sections')});
  function show() {
    clear(bar, tabs.map(([key, title]) => h('button', {type: 'button', id: `olympiad-tab-${key}`, class: key === current ? '' : 'secondary',
      'aria-pressed': String(key === current), onClick: () => { current = key; show(); }}, title)));
    const tab = tabs.find(([key]) => key === current) || tabs[0];
    const spec = years.find((y) => String(y.academicYear) === year.value);
    clear(body, h('p', {class: 'muted'}, t('olympiad.loading')));
    if (!spec && tab[0] !== 'years') { clear(body, h('p', {class: 'muted'}, t('olympiad.noYears'))); return; }
    tab[2](body, spec, ownSchool, years).catch((error) => clear(body, errorBox(error)));
  }
  year.addEventListener('change', show);
  add(main, h('div', {class: 'heading'}, h('h1', {}, t('olympiad.title')), field(t('olympiad.year'), year)), bar, body);
  show();
}

const subjectName = (spec, code) => (spec.subjects.find((s) => s.code === code) || {name: code}).name;
const stageName = (spec, code) => (spec.stages.find((s) => s.code === code) || {name: code}).name;
const stageSelect = (id, stages) => h('select', {id}, stages.map((s) => h('option', {value: s.code}, s.name)));

async function counts(body, spec, ownSchool) {
  const year = spec.academicYear;
  const school = h('input', {id: 'olympiad-school', size: 10, value: ownSchool || '', readOnly: !!ownSchool, 'aria-label': t('olympiad.schoolCode')});
  const out = h('div', {id: 'olympiad-counts'});
  const turn = turns();
  async function draw() {
    const current = turn();
    const c = await get('/api/olympiad/counts' + query({year, school: school.value.trim()}));
    if (!current()) return;
    const groups = [['school', t('olympiad.school')], ['territory', t('olympiad.territory')], ['region', t('olympiad.region')]].filter(([k]) => c[k]);
    const of = (g, stage) => (stage ? g.stages[stage] : g.all) || {participations: 0, participants: 0, winners: 0, prizeWinners: 0,
      awardedPeople: 0, awardShare: 0};
    const lines = [[t('olympiad.allStages'), null], ...spec.stages.map((s) => [s.name, s.code])];
    clear(out,
      h('div', {class: 'scroll'}, h('table', {}, h('caption', {}, t('olympiad.countsTitle', {year: `${year}/${year + 1}`})),
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('olympiad.stage')), groups.map(([, name]) =>
          h('th', {scope: 'col'}, name, h('br'), h('small', {}, t('olympiad.countsColumns')))))),
        h('tbody', {}, lines.map(([label, stage]) => h('tr', {}, h('th', {scope: 'row'}, label), groups.map(([k]) => {
          const x = of(c[k], stage);
          return h('td', {class: 'num'}, `${x.participations} / ${x.participants} / ${x.winners + x.prizeWinners} / ${x.awardedPeople}`);
        })))))),
      h('p', {class: 'hint'}, t('olympiad.countsHint')),
      h('figure', {class: 'card'}, h('figcaption', {}, t('olympiad.awardsChart')),
        bars(spec.stages.map((s) => s.name), groups.map(([k, name]) => ({name, values: spec.stages.map((s) => of(c[k], s.code).awardShare)})))));
  }
  const show = h('button', {type: 'button', id: 'olympiad-show', class: 'secondary'}, t('olympiad.show'));
  show.addEventListener('click', () => busy(show, () => draw().catch((e) => clear(out, errorBox(e)))));
  clear(body, h('div', {class: 'actions'}, field(t('olympiad.schoolCode'), school), ownSchool ? null : show,
    download('/api/olympiad/counts.xlsx' + query({year}), t('olympiad.tablesInExcel'))), out);
  await draw();
}

async function schools(body, spec) {
  const year = spec.academicYear;
  const lines = await get('/api/olympiad/schools' + query({year}));
  const cell = (c) => h('td', {class: 'num'}, c ? `${c.participations} / ${c.participants}` : '—');
  clear(body, h('div', {class: 'actions'}, download('/api/olympiad/counts.xlsx' + query({year}), t('olympiad.tablesInExcel'))),
    lines.length ? table([t('olympiad.schoolCode'), t('olympiad.allStages'), ...spec.stages.map((s) => s.name)],
      lines.map((l) => h('tr', {}, h('td', {}, l.code), cell(l.all), spec.stages.map((s) => cell(l.stages[s.code])))),
      t('olympiad.schoolsTitle'))
      : h('p', {class: 'muted'}, t('olympiad.nothingYet')));
}

async function participations(body, spec, ownSchool) {
  const school = h('input', {id: 'olympiad-participations-school', size: 10, value: ownSchool || '', readOnly: !!ownSchool,
    'aria-label': t('olympiad.schoolCode')});
  const out = h('div', {id: 'olympiad-participations'});
  const turn = turns();
  async function draw() {
    const current = turn();
    if (!school.value.trim()) { clear(out, h('p', {class: 'muted'}, t('olympiad.giveSchool'))); return; }
    const lines = await get(`/api/olympiad/schools/${encodeURIComponent(school.value.trim())}/participations` + query({year: spec.academicYear}));
    if (!current()) return;
    clear(out, lines.length ? table([t('olympiad.participant'), t('olympiad.stage'), t('olympiad.subject'), t('olympiad.grade'),
      t('olympiad.score'), t('olympiad.status'), t('olympiad.byRules')],
    lines.map((l) => h('tr', {}, h('td', {}, l.participant), h('td', {}, stageName(spec, l.stage)), h('td', {}, subjectName(spec, l.subject)),
      h('td', {class: 'num'}, l.grade), h('td', {class: 'num'}, num(l.score)), h('td', {}, status(l.status)),
      h('td', {}, l.computed ? (l.fileStatus && l.fileStatus !== l.computed ? badge(t('olympiad.status.' + l.computed), 'warn')
        : t('olympiad.status.' + l.computed)) : '—')))) : h('p', {class: 'muted'}, t('olympiad.nothingYet')));
  }
  const show = h('button', {type: 'button', id: 'olympiad-participations-show', class: 'secondary'}, t('olympiad.show'));
  show.addEventListener('click', () => busy(show, () => draw().catch((e) => clear(out, errorBox(e)))));
  clear(body, h('div', {class: 'actions'}, field(t('olympiad.schoolCode'), school), ownSchool ? null : show), out);
  await draw();
}

async function importer(body, spec) {
  const stage = stageSelect('olympiad-import-stage', spec.stages);
  clear(body, field(t('olympiad.stage'), stage), importCard({
    id: 'olympiad', task: t('olympiad.taskPrefix'), link: '#/x/olympiad?tab=import',
    imports: '/api/olympiad/imports', params: () => ({year: spec.academicYear, stage: stage.value}),
    job: (id) => `/api/olympiad/imports/${id}`, columns: '/api/olympiad/columns',
    done: (job) => t('olympiad.imported', {participations: job.participations, replaced: job.replaced}), hint: t('olympiad.importHint')}));
}

async function scores(body, spec) {
  const year = spec.academicYear;
  const settings = await get('/api/olympiad/scores' + query({year}));
  const list = settings.length ? table([t('olympiad.stage'), t('olympiad.subject'), t('olympiad.grade'), t('olympiad.territoryCode'),
    t('olympiad.max'), t('olympiad.passing'), t('olympiad.setBy')],
  settings.map((s) => h('tr', {}, h('td', {}, stageName(spec, s.stage)), h('td', {}, subjectName(spec, s.subject)), h('td', {class: 'num'}, s.grade),
    h('td', {}, s.territory || t('olympiad.wholeRegion')), h('td', {class: 'num'}, num(s.max)), h('td', {class: 'num'}, num(s.passing)),
    h('td', {}, `${s.setBy}, ${moment(s.setAt)}`))), t('olympiad.scoresTitle'))
    : h('p', {class: 'muted'}, t('olympiad.noScores'));
  if (!has(...SCORE_SETTERS)) { clear(body, list); return; }
  const stage = stageSelect('olympiad-scores-stage', spec.stages);
  const subject = h('select', {id: 'olympiad-scores-subject'}, spec.subjects.map((s) => h('option', {value: s.code}, s.name)));
  const grade = h('input', {id: 'olympiad-scores-grade', size: 3, inputmode: 'numeric'});
  const territory = h('input', {id: 'olympiad-scores-territory', size: 8});
  const max = h('input', {id: 'olympiad-scores-max', size: 6, inputmode: 'decimal'});
  const passing = h('input', {id: 'olympiad-scores-passing', size: 6, inputmode: 'decimal'});
  const save = h('button', {type: 'button', id: 'olympiad-scores-save'}, t('olympiad.setScores'));
  const result = h('div', {id: 'olympiad-scores-result', 'aria-live': 'polite'});
  save.addEventListener('click', () => busy(save, async () => {
    try {
      await put('/api/olympiad/scores' + query({year, stage: stage.value}), {scores: [{subject: subject.value, grade: grade.value.trim(),
        territory: territory.value.trim(), max: max.value.trim().replace(',', '.'), passing: passing.value.trim().replace(',', '.')}]});
      await scores(body, spec);
    } catch (error) {
      clear(result, errorBox(error));
    }
  }));
  const fileStage = stageSelect('olympiad-scores-file-stage', spec.stages);
  clear(body, list,
    h('div', {class: 'card'}, h('h2', {}, t('olympiad.setScoresTitle')), h('p', {class: 'hint'}, t('olympiad.setScoresHint')),
      h('div', {class: 'grid'}, field(t('olympiad.stage'), stage), field(t('olympiad.subject'), subject), field(t('olympiad.grade'), grade),
        field(t('olympiad.territoryCode'), territory), field(t('olympiad.max'), max), field(t('olympiad.passing'), passing)), save, result),
    h('div', {class: 'card'}, h('h2', {}, t('olympiad.scoresFile')), field(t('olympiad.stage'), fileStage), importCard({
      id: 'olympiad-scores', task: t('olympiad.taskPrefix'), link: '#/x/olympiad?tab=scores',
      imports: '/api/olympiad/scores/imports', params: () => ({year, stage: fileStage.value}),
      job: (id) => `/api/olympiad/scores/imports/${id}`, columns: '/api/olympiad/columns?kind=scores',
      done: (job) => t('olympiad.scoresImported', {set: job.set}), hint: t('olympiad.scoresFileHint'), onDone: () => scores(body, spec)})));
}

async function admission(body, spec) {
  const year = spec.academicYear;
  const stage = stageSelect('olympiad-admission-stage', spec.stages.slice(0, -1));
  const territory = h('input', {id: 'olympiad-admission-territory', size: 8});
  const out = h('div', {id: 'olympiad-admission'});
  const turn = turns();
  async function draw() {
    const current = turn();
    const a = await get('/api/olympiad/admission' + query({year, stage: stage.value, territory: territory.value.trim()}));
    if (!current()) return;
    clear(out,
      h('div', {class: 'actions'}, download('/api/olympiad/admission.xlsx' + query({year, stage: stage.value}), t('olympiad.admissionExcel'))),
      a.admitted.length ? table([t('olympiad.participant'), t('olympiad.schoolCode'), t('olympiad.territoryCode'), t('olympiad.subject'),
        t('olympiad.grade'), t('olympiad.score'), t('olympiad.passing'), t('olympiad.basis')],
      a.admitted.map((x) => h('tr', {}, h('td', {}, x.participant), h('td', {}, x.school), h('td', {}, x.territory || '—'),
        h('td', {}, subjectName(spec, x.subject)), h('td', {class: 'num'}, x.grade), h('td', {class: 'num'}, num(x.score)),
        h('td', {class: 'num'}, num(x.passing)), h('td', {}, x.bases.map((b) => t('olympiad.basis.' + b)).join(', ')))),
      t('olympiad.admissionTitle', {next: stageName(spec, a.next), count: a.admitted.length}))
        : h('p', {class: 'muted'}, t('olympiad.nobodyAdmitted')),
      a.noPassingScore.length ? h('div', {class: 'card'}, h('h2', {}, t('olympiad.noPassingTitle')),
        h('ul', {}, a.noPassingScore.map((m) => h('li', {}, t('olympiad.noPassingLine', {subject: subjectName(spec, m.subject), grade: m.grade,
          territory: m.territory || '—', participations: m.participations}))))) : null);
  }
  const show = h('button', {type: 'button', id: 'olympiad-admission-show', class: 'secondary'}, t('olympiad.show'));
  show.addEventListener('click', () => busy(show, () => draw().catch((e) => clear(out, errorBox(e)))));
  clear(body, h('p', {class: 'hint'}, t('olympiad.admissionHint')),
    h('div', {class: 'actions'}, field(t('olympiad.fromStage'), stage), field(t('olympiad.territoryCode'), territory), show), out);
  await draw();
}

async function checks(body, spec) {
  const year = spec.academicYear;
  const [disagreements, undecided] = await Promise.all([get('/api/olympiad/disagreements' + query({year})),
    get('/api/olympiad/undecided' + query({year}))]);
  clear(body,
    h('h2', {}, t('olympiad.disagreementsTitle')), h('p', {class: 'hint'}, t('olympiad.disagreementsHint')),
    disagreements.length ? table([t('olympiad.participant'), t('olympiad.schoolCode'), t('olympiad.stage'), t('olympiad.subject'),
      t('olympiad.grade'), t('olympiad.score'), t('olympiad.inProtocol'), t('olympiad.byRules')],
    disagreements.map((d) => h('tr', {}, h('td', {}, d.participant), h('td', {}, d.school), h('td', {}, stageName(spec, d.stage)),
      h('td', {}, subjectName(spec, d.subject)), h('td', {class: 'num'}, d.grade), h('td', {class: 'num'}, num(d.score)),
      h('td', {}, status(d.fileStatus)), h('td', {}, status(d.computed))))) : h('p', {class: 'muted'}, t('olympiad.noDisagreements')),
    h('h2', {}, t('olympiad.undecidedTitle')),
    undecided.length ? table([t('olympiad.stage'), t('olympiad.subject'), t('olympiad.grade'), t('olympiad.rankedWithin'), t('olympiad.why'),
      t('olympiad.participationsCount')],
    undecided.map((u) => h('tr', {}, h('td', {}, stageName(spec, u.stage)), h('td', {}, subjectName(spec, u.subject)),
      h('td', {class: 'num'}, u.grade), h('td', {}, u.unit || t('olympiad.wholeRegion')), h('td', {}, t('olympiad.undecided.' + u.reason)),
      h('td', {class: 'num'}, u.participations)))) : h('p', {class: 'muted'}, t('olympiad.nothingUndecided')));
}

async function flags(body, spec) {
  const list = await get('/api/olympiad/flags' + query({year: spec.academicYear}));
  clear(body, h('p', {class: 'hint'}, t('olympiad.flagsHint')),
    list.length ? table([t('olympiad.schoolCode'), t('olympiad.sign'), t('olympiad.explanation')],
      list.map((f) => h('tr', {}, h('td', {}, f.school), h('td', {}, f.title), h('td', {}, f.explanation))))
      : h('p', {class: 'muted'}, t('olympiad.noFlags')));
}

async function yearsTab(body, spec, ownSchool, years) {
  const list = years.length ? table([t('olympiad.year'), t('olympiad.version'), t('olympiad.stages'), t('olympiad.subjectsCount'), t('olympiad.source')],
    years.map((y) => h('tr', {}, h('td', {}, y.title || y.key), h('td', {class: 'num'}, y.version),
      h('td', {}, y.stages.map((s) => `${s.name}: ${date(s.from)}–${date(s.to)}`).join('; ')), h('td', {class: 'num'}, y.subjects.length),
      h('td', {}, y.source)))) : h('p', {class: 'muted'}, t('olympiad.noYears'));
  let publish = null;
  if (has(...CENTRE)) {
    const json = h('textarea', {id: 'olympiad-year-json', rows: 8, cols: 80, 'aria-label': t('olympiad.yearJson')});
    const send = h('button', {type: 'button', id: 'olympiad-year-publish'}, t('olympiad.publish'));
    const result = h('div', {'aria-live': 'polite'});
    send.addEventListener('click', () => busy(send, async () => {
      try {
        const published = await post('/api/olympiad/years', JSON.parse(json.value));
        clear(result, successBox(t('olympiad.published', {key: published.key, version: published.version})));
      } catch (error) {
        clear(result, errorBox(error));
      }
    }));
    publish = h('div', {class: 'card'}, h('h2', {}, t('olympiad.publishTitle')), h('p', {class: 'hint'}, t('olympiad.publishHint')),
      field(t('olympiad.yearJson'), json), send, result);
  }
  clear(body, list, publish);
}
