// The НОКО module's screen: campaigns with the three-year coverage, each organisation's survey link and QR code,
// the operator's checklist with evidence, the results with ratings and a chart, and remedy plans (write, send,
// approve or return, report). Criteria, checklists and questions come from the method the server publishes.
import {h, clear, field, table, busy, add} from '/lib/dom.js';
import {get, post, put, query, upload, turns} from '/lib/api.js';
import {moduleMessages} from '/lib/i18n.js';
import {date, moment, parseDate} from '/lib/format.js';
import {has, session} from '/lib/session.js';
import {errorBox, successBox, badge, download} from '/lib/ui.js';
import {bars} from '/lib/charts.js';

const t = await moduleMessages(import.meta.url);
const CENTRE = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR'];
const AUTHORS = [...CENTRE, 'SCHOOL_COORDINATOR'];
const DECIDERS = [...CENTRE, 'FOUNDER_COORDINATOR'];
const num = (v) => (v == null ? '—' : String(v).replace('.', ','));

export async function render(main, params, q) {
  const campaigns = await get('/api/noko/campaigns');
  const year = h('select', {id: 'noko-year'}, campaigns.map((c) => h('option', {value: c.year}, `${c.year}`)));
  if (q && q.get('year')) year.value = q.get('year');
  const body = h('div', {id: 'noko-body'});
  const tabs = [['campaigns', t('noko.campaigns'), campaignsTab], ['organisations', t('noko.organisations'), organisationsTab],
    ['checks', t('noko.checks'), checksTab], ['results', t('noko.results'), resultsTab], ['plans', t('noko.plans'), plansTab]];
  let current = q && q.get('tab') || (campaigns.length ? 'organisations' : 'campaigns');
  const bar = h('div', {class: 'actions', role: 'group', 'aria-label': t('noko.sections')});
  function show() {
    clear(bar, tabs.map(([key, title]) => h('button', {type: 'button', id: `noko-tab-${key}`, class: key === current ? '' : 'secondary',
      'aria-pressed': String(key === current), onClick: () => { current = key; show(); }}, title)));
    const tab = tabs.find(([key]) => key === current) || tabs[0];
    const campaign = campaigns.find((c) => String(c.year) === year.value);
    if (!campaign && tab[0] !== 'campaigns') { clear(body, h('p', {class: 'muted'}, t('noko.noCampaigns'))); return; }
    clear(body, h('p', {class: 'muted'}, t('noko.loading')));
    tab[2](body, campaign).catch((error) => clear(body, errorBox(error)));
  }
  year.addEventListener('change', show);
  add(main, h('div', {class: 'heading'}, h('h1', {}, t('noko.title')), field(t('noko.year'), year)), bar, body);
  show();
}

async function campaignsTab(body) {
  const campaigns = await get('/api/noko/campaigns');
  const list = campaigns.length ? table([t('noko.year'), t('noko.campaignTitle'), t('noko.state'), t('noko.survey'), t('noko.checksBy'),
    t('noko.plansBy'), t('noko.operators')], campaigns.map((c) => h('tr', {}, h('td', {}, c.year), h('td', {}, c.title),
    h('td', {}, t('noko.state.' + c.state)), h('td', {}, `${date(c.surveyFrom)}–${date(c.surveyTo)}`), h('td', {}, date(c.checksBy)),
    h('td', {}, date(c.plansBy)), h('td', {}, c.operators.join(', ')))))
    : h('p', {class: 'muted'}, t('noko.noCampaigns'));
  if (!has(...CENTRE)) { clear(body, list); return; }
  const thisYear = new Date().getFullYear();
  const input = (id, value = '', size = 10) => h('input', {id: `noko-new-${id}`, value, size});
  const f = {year: input('year', String(thisYear), 6), title: input('title', '', 40), surveyFrom: input('surveyFrom'), surveyTo: input('surveyTo'),
    checksBy: input('checksBy'), plansBy: input('plansBy'), organisations: input('organisations', '', 40), operators: input('operators', '', 30)};
  const result = h('div', {id: 'noko-new-result', 'aria-live': 'polite'});
  const create = h('button', {type: 'button', id: 'noko-new-create'}, t('noko.create'));
  const codes = (v) => v.split(/[\s,;]+/).filter(Boolean);
  create.addEventListener('click', () => busy(create, async () => {
    try {
      const made = await post('/api/noko/campaigns', {year: Number(f.year.value), title: f.title.value.trim(),
        surveyFrom: parseDate(f.surveyFrom.value), surveyTo: parseDate(f.surveyTo.value), checksBy: parseDate(f.checksBy.value),
        plansBy: parseDate(f.plansBy.value), organisations: codes(f.organisations.value), operators: codes(f.operators.value)});
      clear(result, successBox(t('noko.created', {year: made.year})));
    } catch (error) {
      clear(result, errorBox(error));
    }
  }));
  const coverageOut = h('div', {id: 'noko-coverage'});
  const coverage = h('button', {type: 'button', id: 'noko-coverage-show', class: 'secondary'}, t('noko.showCoverage'));
  coverage.addEventListener('click', () => busy(coverage, async () => {
    const lines = await get('/api/noko/coverage' + query({year: f.year.value}));
    const due = lines.filter((l) => l.due);
    clear(coverageOut, h('p', {}, t('noko.coverageLine', {due: due.length, all: lines.length})),
      table([t('noko.code'), t('noko.name'), t('noko.territory'), t('noko.lastAssessed')], due.map((l) => h('tr', {}, h('td', {}, l.organisation),
        h('td', {}, l.name), h('td', {}, l.territory || '—'), h('td', {}, l.lastAssessed || t('noko.never'))))));
  }));
  clear(body, list, h('div', {class: 'card'}, h('h2', {}, t('noko.newCampaign')), h('p', {class: 'hint'}, t('noko.newCampaignHint')),
    h('div', {class: 'grid'}, field(t('noko.year'), f.year), field(t('noko.campaignTitle'), f.title),
      field(t('noko.surveyFrom'), f.surveyFrom), field(t('noko.surveyTo'), f.surveyTo), field(t('noko.checksBy'), f.checksBy),
      field(t('noko.plansBy'), f.plansBy), field(t('noko.organisationCodes'), f.organisations), field(t('noko.operatorLogins'), f.operators)),
    h('div', {class: 'actions'}, create, coverage), result, coverageOut));
}

async function organisationsTab(body, campaign) {
  const lines = await get(`/api/noko/campaigns/${campaign.year}/organisations`);
  const actions = [];
  if (has(...CENTRE)) {
    for (const [state, label] of [['CLOSED', t('noko.close')], ['PUBLISHED', t('noko.publish')]]) {
      const button = h('button', {type: 'button', id: `noko-state-${state}`, class: 'secondary'}, label);
      button.addEventListener('click', () => busy(button, async () => {
        await post(`/api/noko/campaigns/${campaign.year}/state`, {state});
        location.reload();
      }));
      actions.push(button);
    }
  }
  clear(body, h('p', {}, t('noko.stateLine', {state: t('noko.state.' + campaign.state)})), h('div', {class: 'actions'}, actions),
    h('p', {class: 'hint'}, t('noko.linksHint')),
    table([t('noko.code'), t('noko.name'), t('noko.territory'), t('noko.link'), t('noko.qr'), t('noko.publicPage')], lines.map((l) => h('tr', {},
      h('td', {}, l.code), h('td', {}, l.name), h('td', {}, l.territory || '—'),
      h('td', {}, h('a', {href: l.link, target: '_blank', rel: 'noopener'}, t('noko.openSurvey'))),
      h('td', {}, h('a', {href: `/api/noko/campaigns/${campaign.year}/organisations/${encodeURIComponent(l.code)}/qr.svg`, target: '_blank',
        rel: 'noopener'}, t('noko.qrCode'))),
      h('td', {}, campaign.state === 'PUBLISHED' ? h('a', {href: `/ext/org.oko.noko/public/organisation.html?org=${encodeURIComponent(l.code)}`
        + `&year=${campaign.year}`, target: '_blank', rel: 'noopener'}, t('noko.publicPage')) : '—')))));
}

async function checksTab(body, campaign) {
  const organisations = await get(`/api/noko/campaigns/${campaign.year}/organisations`);
  const org = h('select', {id: 'noko-checks-org'}, organisations.map((o) => h('option', {value: o.code}, `${o.code} — ${o.name}`)));
  const out = h('div', {id: 'noko-checks'});
  const turn = turns();
  async function draw() {
    const current = turn();
    const lines = await get(`/api/noko/campaigns/${campaign.year}/organisations/${encodeURIComponent(org.value)}/checks`);
    if (!current()) return;
    const rows = lines.map((l) => {
      const present = h('input', {type: 'checkbox', id: `noko-check-${l.item}`, checked: !!l.present});
      const link = h('input', {id: `noko-link-${l.item}`, value: l.link || '', size: 28, placeholder: 'https://…', 'aria-label': t('noko.evidenceLink')});
      const file = h('input', {type: 'file', id: `noko-file-${l.item}`, accept: '.pdf,.png,.jpg,.jpeg', 'aria-label': t('noko.evidenceFile')});
      file.addEventListener('change', () => busy(file, async () => {
        if (!file.files[0]) return;
        await upload(`/api/noko/campaigns/${campaign.year}/organisations/${encodeURIComponent(org.value)}/checks/${l.item}/evidence`
          + query({name: file.files[0].name}), file.files[0], file.files[0].type || 'application/octet-stream');
        await draw();
      }));
      const evidence = l.file ? h('a', {href: `/api/noko/campaigns/${campaign.year}/organisations/${encodeURIComponent(org.value)}/checks/${l.item}/evidence`,
        target: '_blank', rel: 'noopener'}, t('noko.evidenceStored')) : null;
      return {l, present, link, row: h('tr', {}, h('td', {}, h('label', {for: present.id}, l.name)), h('td', {}, present), h('td', {}, link),
        h('td', {}, file, evidence), h('td', {class: 'muted'}, l.checkedBy ? `${l.checkedBy}, ${moment(l.checkedAt)}` : ''))};
    });
    const save = h('button', {type: 'button', id: 'noko-checks-save'}, t('noko.saveChecks'));
    const result = h('div', {id: 'noko-checks-result', 'aria-live': 'polite'});
    save.addEventListener('click', () => busy(save, async () => {
      try {
        await put(`/api/noko/campaigns/${campaign.year}/organisations/${encodeURIComponent(org.value)}/checks`,
          {checks: rows.map((r) => ({item: r.l.item, present: r.present.checked, link: r.link.value.trim()}))});
        clear(result, successBox(t('noko.checksSaved')));
      } catch (error) {
        clear(result, errorBox(error));
      }
    }));
    const groups = [...new Map(lines.map((l) => [l.checklist, l.checklistName])).entries()];
    clear(out, groups.map(([g, name]) => h('div', {class: 'scroll'}, table([t('noko.item'), t('noko.present'), t('noko.evidenceLink'),
      t('noko.evidenceFile'), t('noko.checked')], rows.filter((r) => r.l.checklist === g).map((r) => r.row), name))), save, result);
  }
  org.addEventListener('change', () => draw().catch((e) => clear(out, errorBox(e))));
  clear(body, field(t('noko.organisation'), org), out);
  if (organisations.length) await draw();
}

async function resultsTab(body, campaign) {
  const r = await get(`/api/noko/campaigns/${campaign.year}/results`);
  const criteria = r.criteria;
  const region = r.summaries[0];
  const chart = region && region.score != null ? h('figure', {class: 'card'}, h('figcaption', {}, t('noko.criteriaChart')),
    bars(criteria.map((c) => c.name), r.summaries.slice(0, 6).map((s) => ({name: s.territory || t('noko.region'),
      values: criteria.map((c) => Number(s.criteria[c.code] || 0))})))) : null;
  clear(body,
    h('div', {class: 'actions'}, download(`/api/noko/campaigns/${campaign.year}/results.xlsx`, t('noko.resultsExcel'))),
    h('p', {class: 'hint'}, t('noko.resultsHint', {min: r.minRespondents})),
    r.organisations.length ? h('div', {class: 'scroll'}, table([t('noko.place'), t('noko.code'), t('noko.name'), t('noko.respondents'),
      ...criteria.map((c) => c.code.toUpperCase()), t('noko.score'), t('noko.band')], r.organisations.map((l) => h('tr', {},
      h('td', {class: 'num'}, l.regionRank || '—'), h('td', {}, l.organisation), h('td', {}, l.name),
      h('td', {class: 'num'}, l.result.respondents, l.result.reliable ? null : [' ', badge(t('noko.unreliable'), 'warn')]),
      criteria.map((c) => h('td', {class: 'num'}, num(l.result.criteria[c.code]))), h('td', {class: 'num'}, num(l.result.total)),
      h('td', {}, l.result.band))), t('noko.resultsTitle', {year: campaign.year}))) : h('p', {class: 'muted'}, t('noko.noResults')),
    table([t('noko.territory'), t('noko.assessed'), t('noko.respondents'), t('noko.score')], r.summaries.map((s) => h('tr', {},
      h('td', {}, s.territory || t('noko.region')), h('td', {class: 'num'}, `${s.organisations} (${s.reliable})`), h('td', {class: 'num'}, s.respondents),
      h('td', {class: 'num'}, num(s.score)))), t('noko.summaryTitle')),
    chart);
}

async function plansTab(body, campaign) {
  const organisations = await get(`/api/noko/campaigns/${campaign.year}/organisations`);
  const own = has('SCHOOL_COORDINATOR') && session.me ? session.me.organisationCode : null;
  const org = h('select', {id: 'noko-plan-org'}, organisations.map((o) => h('option', {value: o.code}, `${o.code} — ${o.name}`)));
  if (own) org.value = own;
  const out = h('div', {id: 'noko-plan'});
  const base = () => `/api/noko/campaigns/${campaign.year}/organisations/${encodeURIComponent(org.value)}/plan`;
  const turn = turns();
  async function draw() {
    const current = turn();
    const plan = await get(base());
    if (!current()) return;
    const result = h('div', {id: 'noko-plan-result', 'aria-live': 'polite'});
    const act = (id, label, run) => {
      const button = h('button', {type: 'button', id}, label);
      button.addEventListener('click', () => busy(button, async () => {
        try { await run(); await draw(); } catch (error) { clear(result, errorBox(error)); }
      }));
      return button;
    };
    const editable = has(...AUTHORS) && ['DRAFT', 'RETURNED'].includes(plan.state) && campaign.state !== 'OPEN';
    const editors = [];
    const measureRow = (m, i) => {
      const fields = {shortcoming: h('input', {id: `noko-m${i}-shortcoming`, value: m.shortcoming || '', size: 24}),
        measure: h('input', {id: `noko-m${i}-measure`, value: m.measure || '', size: 24}),
        deadline: h('input', {id: `noko-m${i}-deadline`, value: m.deadline ? date(m.deadline) : '', size: 10}),
        responsible: h('input', {id: `noko-m${i}-responsible`, value: m.responsible || '', size: 16})};
      editors.push(fields);
      return h('div', {class: 'grid'}, field(t('noko.shortcoming'), fields.shortcoming), field(t('noko.measure'), fields.measure),
        field(t('noko.deadline'), fields.deadline), field(t('noko.responsible'), fields.responsible));
    };
    const list = h('div', {}, (editable ? (plan.measures.length ? plan.measures : [{}]) : []).map(measureRow));
    const controls = [];
    if (editable) {
      const more = h('button', {type: 'button', id: 'noko-plan-add', class: 'secondary'}, t('noko.addMeasure'));
      more.addEventListener('click', () => list.append(measureRow({}, editors.length)));
      controls.push(more,
        act('noko-plan-save', t('noko.savePlan'), () => put(base(), {version: plan.version, measures: editors.map((e) => ({
          shortcoming: e.shortcoming.value.trim(), measure: e.measure.value.trim(), deadline: parseDate(e.deadline.value),
          responsible: e.responsible.value.trim()}))})));
      if (plan.version > 0) controls.push(act('noko-plan-submit', t('noko.submitPlan'), () => post(base() + '/submit', {version: plan.version})));
    }
    if (plan.state === 'SUBMITTED' && has(...DECIDERS)) {
      const note = h('input', {id: 'noko-plan-note', size: 40, 'aria-label': t('noko.note')});
      controls.push(act('noko-plan-approve', t('noko.approve'), () => post(base() + '/decision', {version: plan.version, approve: true})),
        field(t('noko.note'), note), act('noko-plan-return', t('noko.returnPlan'),
          () => post(base() + '/decision', {version: plan.version, approve: false, note: note.value.trim()})));
    }
    const view = plan.measures.length ? table([t('noko.shortcoming'), t('noko.measure'), t('noko.deadline'), t('noko.responsible'), t('noko.report')],
      plan.measures.map((m) => {
        let report = m.result ? `${m.result} (${date(m.doneOn)})` : '—';
        if (!m.result && plan.state === 'APPROVED' && has(...AUTHORS)) {
          const text = h('input', {id: `noko-report-${m.position}`, size: 20, 'aria-label': t('noko.result')});
          const done = h('input', {id: `noko-done-${m.position}`, size: 10, 'aria-label': t('noko.doneOn'), placeholder: t('noko.datePlaceholder')});
          report = h('div', {class: 'actions'}, text, done, act(`noko-report-send-${m.position}`, t('noko.sendReport'),
            () => put(`${base()}/measures/${m.position}/report`, {version: plan.version, result: text.value.trim(), doneOn: parseDate(done.value)})));
        }
        return h('tr', {}, h('td', {}, m.shortcoming), h('td', {}, m.measure), h('td', {}, date(m.deadline)), h('td', {}, m.responsible), h('td', {}, report));
      }), t('noko.planTitle', {state: t('noko.plan.' + plan.state)})) : h('p', {class: 'muted'}, t('noko.noPlan'));
    clear(out, h('p', {id: 'noko-plan-state'}, t('noko.planState', {state: t('noko.plan.' + plan.state)}), plan.note ? ` — ${plan.note}` : ''),
      editable ? null : view, editable ? h('div', {class: 'card'}, h('h2', {}, t('noko.editPlan')), list) : null, h('div', {class: 'actions'}, controls), result);
  }
  org.addEventListener('change', () => draw().catch((e) => clear(out, errorBox(e))));
  let overdue = null;
  if (has('ADMINISTRATOR', 'REGIONAL_COORDINATOR', 'MINISTRY_OFFICIAL', 'FOUNDER_COORDINATOR')) {
    const late = await get(`/api/noko/campaigns/${campaign.year}/overdue`);
    overdue = h('div', {class: 'card'}, h('h2', {}, t('noko.overdueTitle')), late.length ? table([t('noko.code'), t('noko.measure'), t('noko.deadline')],
      late.map((o) => h('tr', {}, h('td', {}, o.organisation), h('td', {}, o.measure.measure), h('td', {}, date(o.measure.deadline)))))
      : h('p', {class: 'muted'}, t('noko.nothingOverdue')));
  }
  clear(body, own ? null : field(t('noko.organisation'), org), out, overdue);
  if (organisations.length) await draw();
}
