// Submissions in the caller's scope, with filters: the school's forms, the founder's queue.
import {h, clear, field, table, add} from '../lib/dom.js';
import {get, query} from '../lib/api.js';
import {tr, text, stateLabel} from '../lib/i18n.js';
import {date, moment} from '../lib/format.js';
import {badge, progress, errorBox} from '../lib/ui.js';
import {formSteps, WITH_SCHOOL} from '../lib/deadlines.js';

const STATES = ['ASSIGNED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'CONFIRMED', 'LOCKED'];

export async function render(main, params, q) {
  const forms = await get('/api/forms');
  const deadlines = await formSteps().catch(() => null);
  const formSelect = h('select', {id: 'filter-form'}, h('option', {value: ''}, tr('все', 'all')),
    [...new Set(forms.map((f) => f.id))].map((id) => h('option', {value: id}, text(forms.find((f) => f.id === id).title))));
  const stateSelect = h('select', {id: 'filter-state'}, h('option', {value: ''}, tr('все', 'all')),
    STATES.map((s) => h('option', {value: s}, stateLabel(s))));
  const period = h('input', {id: 'filter-period', size: 8, placeholder: '2026-1'});
  const search = h('input', {id: 'filter-q', type: 'search', placeholder: tr('код или название ОО', 'school code or name')});
  const overdueOnly = h('input', {type: 'checkbox', id: 'filter-overdue'});
  formSelect.value = q.get('formId') || '';
  stateSelect.value = q.get('state') || '';
  period.value = q.get('period') || '';
  overdueOnly.checked = q.get('overdue') === '1';
  const results = h('div', {});
  const titles = new Map(forms.map((f) => [`${f.id}|${f.version}`, text(f.title)]));

  async function show() {
    clear(results, h('p', {class: 'muted'}, tr('Загрузка…', 'Loading…')));
    try {
      let items = await get('/api/submissions' + query({formId: formSelect.value, state: stateSelect.value, period: period.value.trim()}));
      const words = search.value.trim().toLowerCase().replace(/ё/g, 'е').split(/\s+/).filter(Boolean);
      if (words.length) {
        items = items.filter((s) => {
          const hay = `${s.organisationCode} ${s.organisationName}`.toLowerCase().replace(/ё/g, 'е');
          return words.every((w) => hay.includes(w));
        });
      }
      const stepOf = (s) => deadlines && deadlines.step(s.formId, s.period);
      const isLate = (s) => WITH_SCHOOL.includes(s.state) && stepOf(s) && stepOf(s).deadline < deadlines.today;
      if (overdueOnly.checked) items = items.filter(isLate);
      const shown = items.slice(0, 500);
      const rows = shown.map((s) => h('tr', {class: isLate(s) ? 'late' : ''},
        h('td', {}, h('a', {href: `#/submissions/${s.id}`}, s.organisationCode), ' ', s.organisationName),
        h('td', {}, titles.get(`${s.formId}|${s.formVersion}`) || s.formId, h('span', {class: 'muted'}, ` v${s.formVersion}`)),
        h('td', {}, s.period),
        h('td', {}, stateLabel(s.state)),
        h('td', {}, stepOf(s) ? date(stepOf(s).deadline) : '—', isLate(s) ? [' ', badge(tr('просрочено', 'overdue'), 'bad')] : null),
        h('td', {}, progress(s.completion)),
        h('td', {}, moment(s.changedAt))));
      clear(results,
        h('p', {class: 'muted', role: 'status'}, tr(`Найдено: ${items.length}`, `Found: ${items.length}`),
          items.length > shown.length ? tr(` (показаны первые ${shown.length})`, ` (first ${shown.length} shown)`) : ''),
        rows.length ? table([tr('ОО', 'School'), tr('Форма', 'Form'), tr('Период', 'Period'), tr('Состояние', 'State'),
          tr('Срок', 'Due'), tr('Заполнено', 'Completion'), tr('Изменено', 'Changed')], rows) : null);
    } catch (error) {
      clear(results, errorBox(error));
    }
  }

  const form = h('form', {class: 'filters', onSubmit: (e) => { e.preventDefault(); show(); }},
    field(tr('Форма', 'Form'), formSelect), field(tr('Состояние', 'State'), stateSelect),
    field(tr('Период', 'Period'), period), field(tr('Поиск', 'Search'), search),
    h('div', {class: 'field check'}, overdueOnly, h('label', {for: 'filter-overdue'}, tr('только просроченные', 'overdue only'))),
    h('button', {type: 'submit'}, tr('Показать', 'Show')),
    formSelect.value && period.value ? h('a', {class: 'button secondary', download: '',
      href: '/api/submissions/export.xlsx' + query({formId: formSelect.value, period: period.value,
        version: Math.max(...forms.filter((f) => f.id === formSelect.value).map((f) => f.version))})}, '⤓ XLSX') : null);
  add(main, h('h1', {}, tr('Формы ОО', 'Submissions')), form, results);
  await show();
}
