// Submissions in the caller's scope, with filters: the school's forms, the founder's queue.
import {h, clear, field, table, add} from '../lib/dom.js';
import {get, query} from '../lib/api.js';
import {t, text, stateLabel} from '../lib/i18n.js';
import {date, moment} from '../lib/format.js';
import {badge, progress, errorBox} from '../lib/ui.js';
import {formSteps, submissionStates} from '../lib/deadlines.js';

export async function render(main, params, q) {
  const forms = await get('/api/forms');
  const deadlines = await formSteps().catch(() => null);
  const states = await submissionStates();
  const withSchool = states.filter((s) => s.withSchool).map((s) => s.state);
  const formSelect = h('select', {id: 'filter-form'}, h('option', {value: ''}, t('common.all')),
    [...new Set(forms.map((f) => f.id))].map((id) => h('option', {value: id}, text(forms.find((f) => f.id === id).title))));
  const stateSelect = h('select', {id: 'filter-state'}, h('option', {value: ''}, t('common.all')),
    states.map((s) => h('option', {value: s.state}, stateLabel(s.state))));
  const period = h('input', {id: 'filter-period', size: 8, placeholder: '2026-1'});
  const search = h('input', {id: 'filter-q', type: 'search', placeholder: t('submissions.searchPlaceholder')});
  const overdueOnly = h('input', {type: 'checkbox', id: 'filter-overdue'});
  formSelect.value = q.get('formId') || '';
  stateSelect.value = q.get('state') || '';
  period.value = q.get('period') || '';
  overdueOnly.checked = q.get('overdue') === '1';
  const results = h('div', {});
  const titles = new Map(forms.map((f) => [`${f.id}|${f.version}`, text(f.title)]));

  async function show() {
    clear(results, h('p', {class: 'muted'}, t('common.loading')));
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
      const isLate = (s) => withSchool.includes(s.state) && stepOf(s) && stepOf(s).deadline < deadlines.today;
      if (overdueOnly.checked) items = items.filter(isLate);
      const shown = items.slice(0, 500);
      const rows = shown.map((s) => h('tr', {class: isLate(s) ? 'late' : ''},
        h('td', {}, h('a', {href: `#/submissions/${s.id}`}, s.organisationCode), ' ', s.organisationName),
        h('td', {}, titles.get(`${s.formId}|${s.formVersion}`) || s.formId, h('span', {class: 'muted'}, ` v${s.formVersion}`)),
        h('td', {}, s.period),
        h('td', {}, stateLabel(s.state)),
        h('td', {}, stepOf(s) ? date(stepOf(s).deadline) : '—', isLate(s) ? [' ', badge(t('submissions.overdue'), 'bad')] : null),
        h('td', {}, progress(s.completion)),
        h('td', {}, moment(s.changedAt))));
      clear(results,
        h('p', {class: 'muted', role: 'status'}, t('submissions.found', {count: items.length}),
          items.length > shown.length ? ' ' + t('submissions.firstShown', {count: shown.length}) : ''),
        rows.length ? table([t('submissions.school'), t('common.form'), t('submissions.period'), t('common.state'),
          t('submissions.due'), t('common.completion'), t('submissions.changed')], rows) : null);
    } catch (error) {
      clear(results, errorBox(error));
    }
  }

  const form = h('form', {class: 'filters', onSubmit: (e) => { e.preventDefault(); show(); }},
    field(t('common.form'), formSelect), field(t('common.state'), stateSelect),
    field(t('submissions.period'), period), field(t('common.search'), search),
    h('div', {class: 'field check'}, overdueOnly, h('label', {for: 'filter-overdue'}, t('submissions.overdueOnly'))),
    h('button', {type: 'submit'}, t('submissions.show')),
    formSelect.value && period.value ? h('a', {class: 'button secondary', download: '',
      href: '/api/submissions/export.xlsx' + query({formId: formSelect.value, period: period.value,
        version: Math.max(...forms.filter((f) => f.id === formSelect.value).map((f) => f.version))})}, '⤓ XLSX') : null);
  add(main, h('h1', {}, t('common.submissions')), form, results);
  await show();
}
