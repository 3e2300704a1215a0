// «Назначить ОО»: pick a form period (a campaign step, or any installed form with a period), tick
// schools — one by one, all shown, or by filter — and assign or withdraw in one transaction.
import {h, clear, field, table, busy, add} from '../lib/dom.js';
import {get, post, query} from '../lib/api.js';
import {t, text, stateLabel, founderTypes, founderTypeLabel} from '../lib/i18n.js';
import {date} from '../lib/format.js';
import {errorBox, successBox, badge} from '../lib/ui.js';
import {formSteps} from '../lib/deadlines.js';


export async function render(main, params, q) {
  const [forms, deadlines, territories] = await Promise.all([get('/api/forms'), formSteps(), get('/api/catalog/territories')]);
  const latest = new Map();
  for (const f of forms.filter((x) => x.available)) if (!latest.has(f.id) || latest.get(f.id).version < f.version) latest.set(f.id, f);

  const target = h('select', {id: 'assign-target'},
    h('option', {value: ''}, t('assign.choose')),
    deadlines.roadmaps.map((r) => h('optgroup', {label: r.title}, r.steps.filter((s) => s.form).map((s) =>
      h('option', {value: `step|${r.code}|${s.id}`}, `${s.title} — ${s.period}${s.deadline ? ', ' + t('common.due', {date: date(s.deadline)}) : ''}`)))),
    h('optgroup', {label: t('assign.everyInstalledForm')},
      [...latest.values()].map((f) => h('option', {value: `form|${f.id}`}, `${text(f.title)} (${f.id})`))));
  const period = h('input', {id: 'assign-period', size: 10, placeholder: `${new Date().getFullYear()}-1`});
  const periodField = field(t('assign.period'), period, t('assign.periodExample'));
  periodField.hidden = true;
  const territory = h('select', {id: 'assign-territory'}, h('option', {value: ''}, t('common.all')),
    territories.map((t) => h('option', {value: t.code}, `${t.code} ${t.name}`)));
  const founderType = h('select', {id: 'assign-founder-type'}, h('option', {value: ''}, t('common.all')),
    founderTypes.map((k) => h('option', {value: k}, founderTypeLabel(k))));
  const settlement = h('select', {id: 'assign-settlement'}, h('option', {value: ''}, t('common.all')),
    h('option', {value: 'CITY'}, t('assign.urban')), h('option', {value: 'RURAL'}, t('assign.rural')));
  const search = h('input', {id: 'assign-q', type: 'search', placeholder: t('assign.codeOrName')});
  const list = h('div', {id: 'assign-list', 'aria-busy': 'true'});
  const result = h('div', {id: 'assign-result', 'aria-live': 'polite'});
  const ticked = new Set();
  let schools = [];
  let states = new Map();
  const count = h('span', {id: 'ticked-count'});
  const assignButton = h('button', {type: 'button', id: 'assign-submit'});
  const withdrawButton = h('button', {type: 'button', id: 'withdraw-submit', class: 'secondary'});

  const chosen = () => {
    const [kind, a, b] = target.value.split('|');
    if (kind === 'step') {
      const step = deadlines.roadmaps.find((r) => r.code === a).steps.find((s) => s.id === b);
      return {kind, campaign: a, step: b, formId: step.form, period: step.period};
    }
    if (kind === 'form') return {kind, formId: a, period: period.value.trim()};
    return null;
  };

  function refreshButtons() {
    const what = chosen();
    const ready = what && what.period && ticked.size > 0;
    count.textContent = t('assign.ticked', {count: ticked.size});
    assignButton.textContent = t('assign.assign', {count: ticked.size});
    withdrawButton.textContent = t('assign.withdraw', {count: ticked.size});
    assignButton.disabled = !ready;
    withdrawButton.disabled = !ready;
  }

  async function loadSchools() {
    clear(list, h('p', {class: 'muted'}, t('common.loading')));
    list.setAttribute('aria-busy', 'true');
    try {
      const filters = {kind: 'SCHOOL', status: 'ACTIVE', territory: territory.value, founderType: founderType.value, q: search.value.trim(), size: 1000};
      schools = [];
      for (let page = 0; ; page++) {
        const data = await get('/api/catalog/organisations' + query({...filters, page}));
        schools.push(...data.items.filter((o) => !o.parentCode && (!settlement.value || o.settlementType === settlement.value)));
        if ((page + 1) * 1000 >= data.total) break;
      }
      await loadStates();
    } catch (error) {
      clear(list, errorBox(error));
      list.setAttribute('aria-busy', 'false');
    }
  }

  // Loads may overlap (the user changes the period while schools load): only the latest one draws.
  let generation = 0;
  async function loadStates() {
    const mine = ++generation;
    const what = chosen();
    list.setAttribute('aria-busy', 'true');
    const next = new Map();
    try {
      if (what && what.period) {
        const subs = await get('/api/submissions' + query({formId: what.formId, period: what.period}));
        for (const s of subs) next.set(s.organisationCode, s);
      }
    } catch (error) {
      clear(result, errorBox(error));
    }
    if (mine !== generation) return;
    states = next;
    drawList();
    list.setAttribute('aria-busy', 'false');
  }

  function drawList() {
    const all = h('input', {type: 'checkbox', id: 'tick-all', 'aria-label': t('assign.tickAllShown')});
    const shownTicked = schools.filter((o) => ticked.has(o.code)).length;
    all.checked = schools.length > 0 && shownTicked === schools.length;
    all.indeterminate = shownTicked > 0 && shownTicked < schools.length;
    all.addEventListener('change', () => {
      for (const o of schools) if (all.checked) ticked.add(o.code); else ticked.delete(o.code);
      drawList();
    });
    clear(list, h('p', {class: 'muted', role: 'status'}, t('assign.schoolsMatching', {count: schools.length})),
      h('div', {class: 'scroll tall'}, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, all), [t('common.code'), t('assign.name'), t('common.territory'),
          t('common.founder'), t('assign.assignment')].map((x) => h('th', {scope: 'col'}, x)))),
        h('tbody', {}, schools.map((o) => {
          const box = h('input', {type: 'checkbox', id: `tick-${o.code}`, checked: ticked.has(o.code), dataset: {code: o.code}});
          box.addEventListener('change', () => { if (box.checked) ticked.add(o.code); else ticked.delete(o.code); refreshButtons(); });
          const s = states.get(o.code);
          return h('tr', {}, h('td', {}, box), h('td', {}, h('label', {for: box.id}, o.code)), h('td', {}, o.shortName || o.fullName),
            h('td', {}, o.territoryCode || ''), h('td', {}, founderTypeLabel(o.founderType)),
            h('td', {}, s ? h('a', {href: `#/submissions/${s.id}`}, stateLabel(s.state)) : h('span', {class: 'muted'}, t('assign.notAssigned'))));
        })))));
    refreshButtons();
  }

  async function run(button, withdraw) {
    const what = chosen();
    const codes = [...ticked];
    clear(result, h('p', {role: 'status'}, t('assign.working'), ' ', h('progress', {})));
    await busy(button, async () => {
      try {
        const report = what.kind === 'step'
          ? await post(`/api/campaigns/${encodeURIComponent(what.campaign)}/steps/${encodeURIComponent(what.step)}/${withdraw ? 'withdrawals' : 'assignments'}`, {codes})
          : await post(`/api/submissions/${withdraw ? 'withdrawals' : 'assignments'}`, {formId: what.formId, period: what.period, organisationCodes: codes});
        const refused = report.outcomes.filter((o) => o.result === 'REFUSED');
        clear(result, successBox(withdraw
          ? t('assign.withdrawnNotAssigned', {done: report.done, unchanged: report.unchanged, refused: report.refused})
          : t('assign.assignedAlreadyRefused', {done: report.done, unchanged: report.unchanged, refused: report.refused})),
        refused.length ? table([t('common.code'), t('assign.whyRefused')],
          refused.map((o) => h('tr', {}, h('td', {}, o.code), h('td', {}, o.message))), t('assign.refused')) : null);
        ticked.clear();
        await loadStates();
      } catch (error) {
        clear(result, errorBox(error));
      }
    });
  }

  target.addEventListener('change', () => { periodField.hidden = !target.value.startsWith('form|'); clear(result); loadStates(); });
  period.addEventListener('change', () => loadStates());
  assignButton.addEventListener('click', () => run(assignButton, false));
  withdrawButton.addEventListener('click', () => {
    if (confirm(t('assign.confirmWithdraw'))) run(withdrawButton, true);
  });
  const filters = h('form', {class: 'filters', onSubmit: (e) => { e.preventDefault(); loadSchools(); }},
    field(t('common.territory'), territory), field(t('assign.founderType'), founderType),
    field(t('assign.settlement'), settlement), field(t('common.search'), search),
    h('button', {type: 'submit', class: 'secondary'}, t('assign.show')));

  if (q.get('target')) target.value = q.get('target');
  add(main, h('h1', {}, t('assign.title')),
    h('div', {class: 'card'}, field(t('assign.whatToAssign'), target), periodField),
    filters, list,
    h('div', {class: 'sticky-bottom actions'}, count, assignButton, withdrawButton), result);
  periodField.hidden = !target.value.startsWith('form|');
  await loadSchools();
}
