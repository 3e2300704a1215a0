// The catalog: browse and search organisations; import with a dry run first; export.
import {h, clear, field, table, busy, add} from '../lib/dom.js';
import {get, query, upload} from '../lib/api.js';
import {startTask, latest} from '../lib/tasks.js';
import {tr, founderTypes, founderTypeLabel} from '../lib/i18n.js';
import {date} from '../lib/format.js';
import {has, CENTRE} from '../lib/session.js';
import {errorBox, successBox, badge, download} from '../lib/ui.js';
import {columnChoice} from '../lib/columns.js';

const KINDS = {SCHOOL: ['ОО', 'school'], MINISTRY: ['министерство', 'ministry'], REGIONAL_CENTRE: ['региональный центр', 'regional centre'],
  MUNICIPAL_AUTHORITY: ['МОУО', 'municipal authority'], OTHER: ['иная', 'other']};
const LEVELS = {NOO: 'НОО', OOO: 'ООО', SOO: 'СОО'};
const label = (map, key) => (map[key] ? tr(map[key][0], map[key][1]) : key || '');
const PAGE = 50;

export async function render(main) {
  const territories = await get('/api/catalog/territories');
  const q = h('input', {id: 'catalog-q', type: 'search', placeholder: tr('название, код, адрес, ИНН', 'name, code, address, INN')});
  const territory = h('select', {id: 'catalog-territory'}, h('option', {value: ''}, tr('все', 'all')),
    territories.map((t) => h('option', {value: t.code}, `${t.code} ${t.name}`)));
  const founderType = h('select', {id: 'catalog-founder-type'}, h('option', {value: ''}, tr('все', 'all')),
    founderTypes.map((k) => h('option', {value: k}, founderTypeLabel(k))));
  const status = h('select', {id: 'catalog-status'}, h('option', {value: 'ACTIVE'}, tr('действующие', 'active')),
    h('option', {value: 'CLOSED'}, tr('закрытые', 'closed')), h('option', {value: ''}, tr('все', 'all')));
  const results = h('div', {});
  let page = 0;
  const filters = () => ({q: q.value.trim(), territory: territory.value, founderType: founderType.value, status: status.value});

  async function show() {
    clear(results, h('p', {class: 'muted'}, tr('Загрузка…', 'Loading…')));
    try {
      const data = await get('/api/catalog/organisations' + query({...filters(), page, size: PAGE}));
      const pages = Math.max(1, Math.ceil(data.total / PAGE));
      clear(results,
        h('p', {role: 'status', class: 'muted'}, tr(`Найдено: ${data.total}`, `Found: ${data.total}`)),
        table([tr('Код', 'Code'), tr('Краткое название', 'Short name'), tr('Вид', 'Kind'), tr('Учредитель', 'Founder'),
          tr('Территория', 'Territory'), tr('Местность', 'Settlement'), tr('Уровни', 'Levels'), tr('Статус', 'Status')],
        data.items.map((o) => h('tr', {},
          h('td', {}, o.code, o.parentCode ? h('div', {class: 'muted'}, tr('филиал ', 'branch of '), o.parentCode) : null),
          h('td', {title: o.fullName}, o.shortName || o.fullName),
          h('td', {}, label(KINDS, o.kind)),
          h('td', {}, founderTypeLabel(o.founderType), o.founderCode ? h('div', {class: 'muted'}, o.founderCode) : null),
          h('td', {}, o.territoryCode || ''),
          h('td', {}, o.settlementType === 'RURAL' ? tr('сельская', 'rural') : o.settlementType === 'CITY' ? tr('городская', 'urban') : ''),
          h('td', {}, (o.levels || []).map((l) => LEVELS[l] || l).join(', ')),
          h('td', {}, o.status === 'CLOSED' ? badge(tr(`закрыта ${date(o.closedOn)}`, `closed ${date(o.closedOn)}`), 'bad') : tr('действует', 'active'))))),
        h('nav', {class: 'pager', 'aria-label': tr('Страницы', 'Pages')},
          h('button', {type: 'button', class: 'secondary', disabled: page === 0, onClick: () => { page--; show(); }}, '‹ ', tr('Назад', 'Previous')),
          h('span', {}, tr(`Страница ${page + 1} из ${pages}`, `Page ${page + 1} of ${pages}`)),
          h('button', {type: 'button', class: 'secondary', disabled: page + 1 >= pages, onClick: () => { page++; show(); }}, tr('Вперёд', 'Next'), ' ›')));
    } catch (error) {
      clear(results, errorBox(error));
    }
  }

  const exportLinks = h('span', {class: 'actions'});
  const refreshExport = () => clear(exportLinks,
    download('/api/catalog/export' + query({...filters(), format: 'xlsx'}), 'XLSX'),
    download('/api/catalog/export' + query({...filters(), format: 'csv'}), 'CSV'));
  const search = h('form', {class: 'filters', role: 'search', onSubmit: (e) => { e.preventDefault(); page = 0; refreshExport(); show(); }},
    field(tr('Поиск', 'Search'), q), field(tr('Территория', 'Territory'), territory),
    field(tr('Тип учредителя', 'Founder type'), founderType), field(tr('Статус', 'Status'), status),
    h('button', {type: 'submit', id: 'catalog-search'}, tr('Найти', 'Search')));
  refreshExport();
  add(main, h('div', {class: 'heading'}, h('h1', {}, tr('Каталог ОО', 'Catalog of organisations')), exportLinks),
    search, has(...CENTRE) ? importPanel(show) : null, results);
  await show();
}

/** Import: the file is checked first (dry run) and applied only after the user has seen the report. */
function importPanel(afterApply) {
  const file = h('input', {type: 'file', id: 'import-file', accept: '.xlsx,.csv'});
  const report = h('div', {id: 'import-report', 'aria-live': 'polite'});
  const check = h('button', {type: 'button', id: 'import-check'}, tr('Проверить файл', 'Check the file'));
  let checked = null;
  // What the person chose a file's column to mean (header → catalogue column id, '' = leave out).
  let mapping = {};

  // The check and the import run as application tasks: they go on, with their progress in the
  // header, if the user leaves this screen; coming back shows the report.
  async function run(dryRun, button) {
    const chosen = file.files[0] || (!dryRun && checked);
    if (!chosen) { clear(report, errorBox(new Error(tr('Выберите файл XLSX или CSV', 'Choose an XLSX or CSV file')))); return; }
    if (!/\.(xlsx|csv)$/i.test(chosen.name)) { clear(report, errorBox(new Error(tr('Нужен файл .xlsx или .csv', 'An .xlsx or .csv file is needed')))); return; }
    if (chosen.size > 20 * 1024 * 1024) { clear(report, errorBox(new Error(tr('Файл больше 20 МБ', 'The file is larger than 20 MB')))); return; }
    const type = chosen.name.toLowerCase().endsWith('.csv') ? 'text/csv'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const title = (dryRun ? tr('Проверка ', 'Checking ') : tr('Импорт ', 'Importing ')) + chosen.name;
    const task = startTask(title, '#/catalog', (progress) => upload(
      // Territories the file names that the catalog lacks are created with it: the check lists them first.
      `/api/catalog/import?dryRun=${dryRun}&createTerritories=true&name=${encodeURIComponent(chosen.name)}`
        + (Object.keys(mapping).length ? `&columns=${encodeURIComponent(JSON.stringify(mapping))}` : ''), chosen, type, (share) => progress({
        progress: share < 1 ? share : null,
        note: share < 1 ? tr(`передача ${Math.round(share * 100)} %`, `uploading ${Math.round(share * 100)} %`) : tr('сервер проверяет строки…', 'the server checks the rows…')})));
    task.kind = 'catalog-import';
    task.file = chosen;
    task.dryRun = dryRun;
    await busy(button, () => follow(task));
  }

  async function follow(task) {
    const status = h('p', {class: 'muted', role: 'status'}, task.title, ' ', h('progress', {'aria-label': task.title}));
    clear(report, status);
    try {
      const result = await task.promise;
      checked = task.dryRun ? task.file : null;
      if (report.isConnected) showReport(result);
      if (!task.dryRun && result.applied) afterApply();
    } catch (error) {
      if (!report.isConnected) return;
      clear(report, errorBox(error));
      if (error.body && error.body.errors) showReport(error.body);
    }
  }

  function showReport(r) {
    const errors = r.errors || [];
    const changes = (r.outcomes || []).filter((o) => o.action !== 'UNCHANGED');
    const apply = h('button', {type: 'button', id: 'import-apply'}, tr('Загрузить в каталог', 'Apply to the catalog'));
    apply.addEventListener('click', () => run(false, apply));
    const columns = columnsOf(r);
    clear(report, columns,
      errors.length ? h('div', {class: 'alert error', role: 'alert'},
        tr(`В файле ошибки (${errors.length}): ничего не изменено. Исправьте файл и проверьте снова.`,
          `The file has errors (${errors.length}): nothing changed. Fix the file and check again.`),
        table([tr('Строка', 'Row'), tr('Столбец', 'Column'), tr('Ошибка', 'Error')],
          errors.slice(0, 200).map((e) => h('tr', {}, h('td', {}, e.row), h('td', {}, e.column || ''), h('td', {}, e.message)))))
        : r.applied ? successBox(tr(`Загружено: создано ${r.created}, изменено ${r.changed}, без изменений ${r.unchanged}.`,
          `Imported: ${r.created} created, ${r.changed} changed, ${r.unchanged} unchanged.`))
          : h('div', {class: 'alert ok', role: 'status'},
            tr(`Проверка пройдена: строк ${r.rows}; будет создано ${r.created}, изменено ${r.changed}, без изменений ${r.unchanged}.`,
              `The file is good: ${r.rows} rows; ${r.created} to create, ${r.changed} to change, ${r.unchanged} unchanged.`),
            changes.length ? table([tr('Строка', 'Row'), tr('Код', 'Code'), tr('Действие', 'Action'), tr('Поля', 'Fields')],
              changes.slice(0, 200).map((o) => h('tr', {}, h('td', {}, o.row), h('td', {}, o.code),
                h('td', {}, o.action === 'CREATED' ? tr('создать', 'create') : tr('изменить', 'change')),
                h('td', {}, (o.changedFields || []).join(', '))))) : null,
            newTerritoriesOf(r),
            checked && (r.created || r.changed) ? h('div', {class: 'actions'}, apply) : null),
      warningsOf(r));
  }

  // How each column of the file is read, with a choice of what it means; a change checks the file again.
  function columnsOf(r) {
    return r.applied ? null : columnChoice(r.columns, '/api/catalog/columns', (header, column) => { mapping[header] = column; run(true, check); });
  }

  // The territories the file names that the catalog does not know yet: created with the import.
  function newTerritoriesOf(r) {
    const created = r.newTerritories || [];
    return created.length ? h('div', {id: 'import-territories'},
      h('p', {}, r.applied ? tr(`Созданы территории (${created.length}):`, `Territories created (${created.length}):`)
        : tr(`Будут созданы территории (${created.length}):`, `Territories to be created (${created.length}):`)),
      table([tr('Код', 'Code'), tr('Территория', 'Territory'), tr('Орган управления образованием', 'Education authority'),
        tr('Организаций в файле', 'Organisations in the file')],
        created.map((t) => h('tr', {}, h('td', {}, t.code), h('td', {}, t.name),
          h('td', {}, t.authorityCode || tr('из файла', 'from the file')), h('td', {}, t.organisations))))) : null;
  }

  // What the import decided or what will be missing: shown, blocking nothing.
  function warningsOf(r) {
    const warnings = r.warnings || [];
    return warnings.length ? h('div', {class: 'alert warn', id: 'import-warnings', role: 'status'},
      tr(`Предупреждения (${warnings.length}):`, `Warnings (${warnings.length}):`),
      table([tr('Строка', 'Row'), tr('Столбец', 'Column'), tr('Предупреждение', 'Warning')],
        warnings.slice(0, 200).map((w) => h('tr', {}, h('td', {}, w.row), h('td', {}, w.column || ''), h('td', {}, w.message))))) : null;
  }

  check.addEventListener('click', () => run(true, check));
  file.addEventListener('change', () => { checked = null; mapping = {}; clear(report); });
  const earlier = latest((t) => t.kind === 'catalog-import');
  if (earlier) follow(earlier); // started before the user left this screen
  return h('details', {class: 'card', id: 'import', open: earlier ? true : null}, h('summary', {}, tr('Импорт из Excel или CSV', 'Import from Excel or CSV')),
    h('p', {class: 'hint'}, tr('Столбцы по русским заголовкам, как в выгрузке. Сначала файл проверяется; каталог меняется только после подтверждения и только если в файле нет ни одной ошибки.',
      'Columns by their Russian headers, as in the export. The file is checked first; the catalog changes only after you confirm, and only if the file has no error at all.')),
    field(tr('Файл (XLSX или CSV, UTF-8 или Windows-1251)', 'File (XLSX or CSV, UTF-8 or Windows-1251)'), file),
    h('div', {class: 'actions'}, check), report);
}
