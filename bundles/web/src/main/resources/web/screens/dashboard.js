// Completion of one form period: the region by territory, a territory by school, a school's form.
import {h, table, add} from '../lib/dom.js';
import {get, query} from '../lib/api.js';
import {tr, stateLabel} from '../lib/i18n.js';
import {date} from '../lib/format.js';
import {progress, badge, download} from '../lib/ui.js';

const COLUMNS = [
  ['assigned', 'Назначено', 'Assigned'], ['notStarted', 'Не начато', 'Not started'], ['inProgress', 'Заполняется', 'In progress'],
  ['submitted', 'Отправлено', 'Submitted'], ['returned', 'Возвращено', 'Returned'], ['verified', 'Проверено', 'Verified'],
  ['confirmed', 'Подтверждено', 'Confirmed'], ['overdue', 'Просрочено', 'Overdue'], ['confirmationOverdue', 'Письмо просрочено', 'Letter overdue'],
];

export async function render(main, [campaign, step], q) {
  const territory = q.get('territory') || '';
  const base = `/api/campaigns/${encodeURIComponent(campaign)}/steps/${encodeURIComponent(step)}/dashboard`;
  const view = await get(base + query({territory}));
  const here = `#/campaigns/${encodeURIComponent(campaign)}/steps/${encodeURIComponent(step)}/dashboard`;
  const cells = (counts) => [...COLUMNS.map(([key]) => h('td', {class: 'num' + (key === 'overdue' && counts[key] ? ' bad' : '')}, counts[key])),
    h('td', {}, progress(counts.completion))];
  const headers = [territory ? tr('ОО', 'School') : tr('Территория', 'Territory'), ...COLUMNS.map(([, ru, en]) => tr(ru, en)), tr('Готовность', 'Completion')];
  add(main, 
    h('p', {class: 'crumbs'}, h('a', {href: '#/campaigns'}, tr('Кампании', 'Campaigns')), ' › ',
      h('a', {href: `#/campaigns/${encodeURIComponent(campaign)}`}, campaign), ' › ',
      territory ? [h('a', {href: here}, tr('Регион', 'Region')), ' › ', view.territoryName || territory] : tr('Регион', 'Region')),
    h('div', {class: 'heading'}, h('h1', {}, view.stepTitle),
      download(`/api/campaigns/${encodeURIComponent(campaign)}/steps/${encodeURIComponent(step)}/dashboard.xlsx` + query({territory}),
        tr('Общий отчёт по районам (XLSX)', 'General report by district (XLSX)'))),
    h('p', {class: 'muted'}, tr('Форма ', 'Form '), view.form, ' · ', tr('период ', 'period '), view.period, ' · ',
      tr('срок ', 'due '), date(view.deadline), ' · ', tr('на ', 'as of '), date(view.today)),
    h('div', {class: 'scroll'}, table(headers, [
      ...view.rows.slice().sort((a, b) => a.code.localeCompare(b.code)).map((row) => h('tr', {},
        h('th', {scope: 'row'}, territory
          ? [row.submissionId ? h('a', {href: `#/submissions/${row.submissionId}`}, row.code) : row.code, ' ', row.name,
            row.state ? h('div', {}, badge(stateLabel(row.state)), row.confirmationDue ? h('span', {class: 'muted'}, tr(' письмо до ', ' letter by '), date(row.confirmationDue)) : null) : null]
          : h('a', {href: `${here}?territory=${encodeURIComponent(row.code)}`}, `${row.code} ${row.name}`)),
        cells(row.counts))),
      h('tr', {class: 'total'}, h('th', {scope: 'row'}, tr('Итого', 'Total')), cells(view.total)),
    ], tr('Ход сбора по ', 'Progress by ') + (territory ? tr('школам', 'school') : tr('территориям', 'territory')))));
}
