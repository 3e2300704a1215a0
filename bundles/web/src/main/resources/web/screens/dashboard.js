// Completion of one form period: the region by territory, a territory by school, a school's form.
import {h, table, add} from '../lib/dom.js';
import {get, query} from '../lib/api.js';
import {t, stateLabel} from '../lib/i18n.js';
import {date} from '../lib/format.js';
import {progress, badge, download} from '../lib/ui.js';

// The counts of the dashboard, in this order; headers are dashboard.column.<count>.
const COLUMNS = ['assigned', 'notStarted', 'inProgress', 'submitted', 'returned', 'verified', 'confirmed', 'overdue', 'confirmationOverdue'];

export async function render(main, [campaign, step], q) {
  const territory = q.get('territory') || '';
  const base = `/api/campaigns/${encodeURIComponent(campaign)}/steps/${encodeURIComponent(step)}/dashboard`;
  const view = await get(base + query({territory}));
  const here = `#/campaigns/${encodeURIComponent(campaign)}/steps/${encodeURIComponent(step)}/dashboard`;
  const cells = (counts) => [...COLUMNS.map((key) => h('td', {class: 'num' + (key === 'overdue' && counts[key] ? ' bad' : '')}, counts[key])),
    h('td', {}, progress(counts.completion))];
  const headers = [territory ? t('dashboard.school') : t('common.territory'), ...COLUMNS.map((key) => t('dashboard.column.' + key)), t('dashboard.completion')];
  add(main, 
    h('p', {class: 'crumbs'}, h('a', {href: '#/campaigns'}, t('common.campaigns')), ' › ',
      h('a', {href: `#/campaigns/${encodeURIComponent(campaign)}`}, campaign), ' › ',
      territory ? [h('a', {href: here}, t('dashboard.region')), ' › ', view.territoryName || territory] : t('dashboard.region')),
    h('div', {class: 'heading'}, h('h1', {}, view.stepTitle),
      download(`/api/campaigns/${encodeURIComponent(campaign)}/steps/${encodeURIComponent(step)}/dashboard.xlsx` + query({territory}),
        t('dashboard.reportByDistrict'))),
    h('p', {class: 'muted'}, t('dashboard.form', {form: view.form}), ' · ', t('dashboard.period', {period: view.period}), ' · ',
      t('common.due', {date: date(view.deadline)}), ' · ', t('dashboard.asOf', {date: date(view.today)})),
    h('div', {class: 'scroll'}, table(headers, [
      ...view.rows.slice().sort((a, b) => a.code.localeCompare(b.code)).map((row) => h('tr', {},
        h('th', {scope: 'row'}, territory
          ? [row.submissionId ? h('a', {href: `#/submissions/${row.submissionId}`}, row.code) : row.code, ' ', row.name,
            row.state ? h('div', {}, badge(stateLabel(row.state)), row.confirmationDue ? h('span', {class: 'muted'}, ' ', t('dashboard.letterBy', {date: date(row.confirmationDue)})) : null) : null]
          : h('a', {href: `${here}?territory=${encodeURIComponent(row.code)}`}, `${row.code} ${row.name}`)),
        cells(row.counts))),
      h('tr', {class: 'total'}, h('th', {scope: 'row'}, t('dashboard.total')), cells(view.total)),
    ], territory ? t('dashboard.progressBySchool') : t('dashboard.progressByTerritory'))));
}
