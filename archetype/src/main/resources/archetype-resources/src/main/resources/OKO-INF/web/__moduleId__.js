// The module's screen: the aggregate of a round per territory beside the region, its workbook, and
// the import of a results file (the centre). Only the platform's UI kit is imported (docs/web.md).
import {h, clear, field, table, busy, add} from '/lib/dom.js';
import {get, query, upload} from '/lib/api.js';
import {tr} from '/lib/i18n.js';
import {has} from '/lib/session.js';
import {errorBox, successBox, download} from '/lib/ui.js';

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
  add(main, h('div', {class: 'heading'}, h('h1', {}, tr('${moduleTitle}', '${moduleTitle}')), field(tr('Описание', 'Spec'), spec)), body);
  if (has(...IMPORTERS)) add(main, importer(() => spec.value, show));
  if (!specs.length) { clear(body, h('p', {}, tr('Нет описаний.', 'No specs.'))); return; }
  await show();
}

async function summary(body, key) {
  const answer = await get(API + '/specs/' + encodeURIComponent(key) + '/summary');
  const row = (v, name) => line([name || v.code, v.participants, num(v.mean), num(v.passedPercent)]);
  const headers = [tr('Территория', 'Territory'), tr('Участников', 'Participants'), tr('Средний балл', 'Mean score'), tr('Прошли, %', 'Passed, %')];
  clear(body,
    h('div', {class: 'actions'}, download(API + '/specs/' + encodeURIComponent(key) + '/export.xlsx', tr('Таблицы в Excel', 'Tables in Excel'))),
    table(headers, [row(answer.region, tr('Регион', 'Region')), ...Object.values(answer.territories).map((v) => row(v))],
      tr('Итоги по территориям', 'Summary by territory')));
}

function importer(keyOf, done) {
  const file = h('input', {type: 'file', id: '${moduleId}-file', accept: '.csv,.xlsx'});
  const result = h('div', {'aria-live': 'polite'});
  const button = h('button', {type: 'button', id: '${moduleId}-import'}, tr('Загрузить', 'Import'));
  button.addEventListener('click', () => busy(button, async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    try {
      let job = await upload(API + '/imports' + query({spec: keyOf(), name: chosen.name}), chosen,
        chosen.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/octet-stream');
      while (!job.finished) {
        clear(result, h('p', {role: 'status'}, tr('Проверено строк: ', 'Rows checked: ') + (job.rowsRead || 0)));
        await new Promise((r) => setTimeout(r, 500));
        job = await get(API + '/imports/' + job.id);
      }
      if (job.state === 'FAILED') {
        clear(result, errorBox({message: job.error}), table([tr('Строка', 'Row'), tr('Столбец', 'Column'), tr('Ошибка', 'Problem')],
          (job.problems || []).map((p) => line([p.row, p.column || '', p.message]))));
      } else {
        clear(result, successBox(tr('Загружено результатов: ', 'Results imported: ') + job.results));
        await done();
      }
    } catch (error) {
      clear(result, errorBox(error));
    }
  }));
  return h('section', {}, h('h2', {}, tr('Загрузка результатов', 'Import results')),
    h('p', {class: 'muted'}, tr('CSV или XLSX: Код ОО, Код участника, Балл.', 'CSV or XLSX: school code, participant code, score.')),
    field(tr('Файл', 'File'), file), h('div', {class: 'actions'}, button), result);
}
