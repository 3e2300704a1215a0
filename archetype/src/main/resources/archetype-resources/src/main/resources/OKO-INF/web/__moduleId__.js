// The module's screen: the aggregate of a round per territory beside the region, its workbook, and
// the import of a results file (the centre). Only the platform's UI kit is imported (docs/web.md).
import {h, clear, field, table, busy, add} from '/lib/dom.js';
import {get, query, upload} from '/lib/api.js';
import {moduleMessages} from '/lib/i18n.js';
import {has} from '/lib/session.js';
import {errorBox, successBox, download} from '/lib/ui.js';

// The module's own texts (messages/ru.json, messages/en.json next to this file) over the core's.
const t = await moduleMessages(import.meta.url);
const API = '/api/${moduleId}';
const IMPORTERS = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR'];
const num = (v) => (v == null ? '—' : String(v).replace('.', ','));
const line = (cells) => h('tr', {}, cells.map((c) => h('td', {}, String(c))));

export async function render(main) {
  const specs = await get(API + '/specs');
  const spec = h('select', {id: '${moduleId}-spec'}, specs.map((s) => h('option', {value: s.key}, s.title + ' (v' + s.version + ')')));
  const body = h('div', {id: '${moduleId}-body'});
  const show = () => summary(body, spec.value).catch((error) => clear(body, errorBox(error)));
  spec.addEventListener('change', show);
  add(main, h('div', {class: 'heading'}, h('h1', {}, t('module.title')), field(t('module.spec'), spec)), body);
  if (has(...IMPORTERS)) add(main, importer(() => spec.value, show));
  if (!specs.length) { clear(body, h('p', {}, t('module.noSpecs'))); return; }
  await show();
}

async function summary(body, key) {
  const answer = await get(API + '/specs/' + encodeURIComponent(key) + '/summary');
  const row = (v, name) => line([name || v.code, v.participants, num(v.mean), num(v.passedPercent)]);
  const headers = [t('module.territory'), t('module.participants'), t('module.meanScore'), t('module.passed')];
  clear(body,
    h('div', {class: 'actions'}, download(API + '/specs/' + encodeURIComponent(key) + '/export.xlsx', t('module.tablesInExcel'))),
    table(headers, [row(answer.region, t('module.region')), ...Object.values(answer.territories).map((v) => row(v))],
      t('module.summaryByTerritory')));
}

function importer(keyOf, done) {
  const file = h('input', {type: 'file', id: '${moduleId}-file', accept: '.csv,.xlsx'});
  const result = h('div', {'aria-live': 'polite'});
  const button = h('button', {type: 'button', id: '${moduleId}-import'}, t('module.import'));
  button.addEventListener('click', () => busy(button, async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    try {
      let job = await upload(API + '/imports' + query({spec: keyOf(), name: chosen.name}), chosen,
        chosen.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/octet-stream');
      while (!job.finished) {
        clear(result, h('p', {role: 'status'}, t('module.rowsChecked', {count: job.rowsRead || 0})));
        await new Promise((r) => setTimeout(r, 500));
        job = await get(API + '/imports/' + job.id);
      }
      if (job.state === 'FAILED') {
        clear(result, errorBox({message: job.error}), table([t('module.row'), t('module.column'), t('module.problem')],
          (job.problems || []).map((p) => line([p.row, p.column || '', p.message]))));
      } else {
        clear(result, successBox(t('module.resultsImported', {count: job.results})));
        await done();
      }
    } catch (error) {
      clear(result, errorBox(error));
    }
  }));
  return h('section', {}, h('h2', {}, t('module.importResults')),
    h('p', {class: 'muted'}, t('module.csvOrXlsx')),
    field(t('module.file'), file), h('div', {class: 'actions'}, button), result);
}
