// The catalog: browse and search organisations, see and edit an organisation's contacts; import with a dry run first; export.
import {h, clear, field, table, busy, add} from '../lib/dom.js';
import {get, put, query, upload} from '../lib/api.js';
import {startTask, latest} from '../lib/tasks.js';
import {t, founderTypes, founderTypeLabel} from '../lib/i18n.js';
import {date} from '../lib/format.js';
import {has, CENTRE} from '../lib/session.js';
import {errorBox, successBox, badge, download} from '../lib/ui.js';
import {columnChoice} from '../lib/columns.js';

// Organisation kinds the catalog knows; labels are catalog.kind.<KIND>.
const KINDS = ['SCHOOL', 'MINISTRY', 'REGIONAL_CENTRE', 'MUNICIPAL_AUTHORITY', 'OTHER'];
const LEVELS = {NOO: 'НОО', OOO: 'ООО', SOO: 'СОО'};
const kindLabel = (kind) => (KINDS.includes(kind) ? t('catalog.kind.' + kind) : kind || '');
const PAGE = 50;
// Who may change contacts: the centre anywhere, founders and schools within their scope (the server checks the scope).
const CONTACT_EDITORS = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR', 'FOUNDER_COORDINATOR', 'SCHOOL_COORDINATOR'];

export async function render(main) {
  const territories = await get('/api/catalog/territories');
  const q = h('input', {id: 'catalog-q', type: 'search', placeholder: t('catalog.searchPlaceholder')});
  const territory = h('select', {id: 'catalog-territory'}, h('option', {value: ''}, t('common.all')),
    territories.map((t) => h('option', {value: t.code}, `${t.code} ${t.name}`)));
  const founderType = h('select', {id: 'catalog-founder-type'}, h('option', {value: ''}, t('common.all')),
    founderTypes.map((k) => h('option', {value: k}, founderTypeLabel(k))));
  const status = h('select', {id: 'catalog-status'}, h('option', {value: 'ACTIVE'}, t('catalog.activeOnes')),
    h('option', {value: 'CLOSED'}, t('catalog.closedOnes')), h('option', {value: ''}, t('common.all')));
  const results = h('div', {});
  const contacts = h('section', {id: 'contacts', class: 'card', hidden: true, 'aria-labelledby': 'contacts-title'});
  let page = 0;
  const filters = () => ({q: q.value.trim(), territory: territory.value, founderType: founderType.value, status: status.value});

  async function show() {
    clear(results, h('p', {class: 'muted'}, t('common.loading')));
    try {
      const data = await get('/api/catalog/organisations' + query({...filters(), page, size: PAGE}));
      const pages = Math.max(1, Math.ceil(data.total / PAGE));
      clear(results,
        h('p', {role: 'status', class: 'muted'}, t('catalog.found', {total: data.total})),
        table([t('common.code'), t('catalog.shortName'), t('catalog.kind'), t('common.founder'),
          t('common.territory'), t('catalog.settlement'), t('catalog.levels'), t('catalog.status'), t('catalog.contacts')],
        data.items.map((o) => h('tr', {},
          h('td', {}, o.code, o.parentCode ? h('div', {class: 'muted'}, t('catalog.branchOf', {code: o.parentCode})) : null),
          h('td', {title: o.fullName}, o.shortName || o.fullName),
          h('td', {}, kindLabel(o.kind)),
          h('td', {}, founderTypeLabel(o.founderType), o.founderCode ? h('div', {class: 'muted'}, o.founderCode) : null),
          h('td', {}, o.territoryCode || ''),
          h('td', {}, o.settlementType === 'RURAL' ? t('catalog.rural') : o.settlementType === 'CITY' ? t('catalog.urban') : ''),
          h('td', {}, (o.levels || []).map((l) => LEVELS[l] || l).join(', ')),
          h('td', {}, o.status === 'CLOSED' ? badge(t('catalog.closedOn', {date: date(o.closedOn)}), 'bad') : t('catalog.isActive')),
          h('td', {}, h('button', {type: 'button', class: 'secondary', 'aria-label': t('catalog.contactsOf', {name: o.shortName || o.fullName}),
            onClick: () => showContacts(contacts, o)}, t('catalog.contacts')))))),
        h('nav', {class: 'pager', 'aria-label': t('catalog.pages')},
          h('button', {type: 'button', class: 'secondary', disabled: page === 0, onClick: () => { page--; show(); }}, '‹ ', t('catalog.previous')),
          h('span', {}, t('catalog.pageOf', {page: page + 1, pages})),
          h('button', {type: 'button', class: 'secondary', disabled: page + 1 >= pages, onClick: () => { page++; show(); }}, t('catalog.next'), ' ›')));
    } catch (error) {
      clear(results, errorBox(error));
    }
  }

  const exportLinks = h('span', {class: 'actions'});
  const refreshExport = () => clear(exportLinks,
    download('/api/catalog/export' + query({...filters(), format: 'xlsx'}), 'XLSX'),
    download('/api/catalog/export' + query({...filters(), format: 'csv'}), 'CSV'));
  const search = h('form', {class: 'filters', role: 'search', onSubmit: (e) => { e.preventDefault(); page = 0; refreshExport(); show(); }},
    field(t('common.search'), q), field(t('common.territory'), territory),
    field(t('catalog.founderType'), founderType), field(t('catalog.status'), status),
    h('button', {type: 'submit', id: 'catalog-search'}, t('catalog.find')));
  refreshExport();
  add(main, h('div', {class: 'heading'}, h('h1', {}, t('catalog.title')), exportLinks),
    search, has(...CENTRE) ? importPanel(show) : null, contacts, results);
  await show();
}

/** An organisation's contacts in the panel above the list: shown to every reader, editable by those who may. */
async function showContacts(panel, o) {
  panel.hidden = false;
  clear(panel, h('p', {class: 'muted', role: 'status'}, t('common.loading')));
  const path = `/api/catalog/organisations/${encodeURIComponent(o.code)}/contacts`;
  try {
    clear(panel, contactsForm(panel, o, path, await get(path)));
    panel.querySelector('h2').focus();
  } catch (error) {
    clear(panel, errorBox(error));
  }
}

function contactsForm(panel, o, path, current) {
  const editable = has(...CONTACT_EDITORS);
  const inputs = {
    phone: h('input', {id: 'contacts-phone', type: 'tel', value: current.phone || '', maxlength: 30, autocomplete: 'off', readonly: !editable}),
    email: h('input', {id: 'contacts-email', type: 'email', value: current.email || '', autocomplete: 'off', readonly: !editable}),
    website: h('input', {id: 'contacts-website', type: 'url', value: current.website || '', placeholder: 'https://', autocomplete: 'off',
      readonly: !editable}),
  };
  let version = current.version;
  const message = h('div', {id: 'contacts-message'});
  const save = h('button', {type: 'submit', id: 'contacts-save'}, t('catalog.saveContacts'));
  const close = h('button', {type: 'button', class: 'secondary', onClick: () => { clear(panel); panel.hidden = true; }}, t('catalog.closeContacts'));
  const form = h('form', {noValidate: true, onSubmit: async (e) => {
    e.preventDefault();
    Object.values(inputs).forEach((input) => input.removeAttribute('aria-invalid'));
    const body = {version};
    Object.entries(inputs).forEach(([name, input]) => { body[name] = input.value.trim() || null; });
    await busy(save, async () => {
      try {
        version = (await put(path, body)).version;
        clear(message, successBox(t('catalog.contactsSaved')));
      } catch (error) {
        clear(message, errorBox(error));
        const input = inputs[error.field];
        if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
      }
    });
  }},
  field(t('catalog.phone'), inputs.phone, editable ? t('catalog.phoneHint') : null),
  field(t('catalog.email'), inputs.email),
  field(t('catalog.website'), inputs.website, editable ? t('catalog.websiteHint') : null),
  h('div', {class: 'actions'}, editable ? save : null, close), message);
  return [h('h2', {id: 'contacts-title', tabindex: '-1'}, t('catalog.contactsOf', {name: o.shortName || o.fullName}),
    h('span', {class: 'muted'}, ` (${o.code})`)), form];
}

/** Import: the file is checked first (dry run) and applied only after the user has seen the report. */
function importPanel(afterApply) {
  const file = h('input', {type: 'file', id: 'import-file', accept: '.xlsx,.csv'});
  const report = h('div', {id: 'import-report', 'aria-live': 'polite'});
  const check = h('button', {type: 'button', id: 'import-check'}, t('catalog.checkTheFile'));
  let checked = null;
  // What the person chose a file's column to mean (header → catalogue column id, '' = leave out).
  let mapping = {};

  // The check and the import run as application tasks: they go on, with their progress in the
  // header, if the user leaves this screen; coming back shows the report.
  async function run(dryRun, button) {
    const chosen = file.files[0] || (!dryRun && checked);
    if (!chosen) { clear(report, errorBox(new Error(t('catalog.chooseFile')))); return; }
    if (!/\.(xlsx|csv)$/i.test(chosen.name)) { clear(report, errorBox(new Error(t('catalog.xlsxOrCsv')))); return; }
    if (chosen.size > 20 * 1024 * 1024) { clear(report, errorBox(new Error(t('catalog.fileIsLarger')))); return; }
    const type = chosen.name.toLowerCase().endsWith('.csv') ? 'text/csv'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const title = dryRun ? t('catalog.checking', {name: chosen.name}) : t('catalog.importing', {name: chosen.name});
    const task = startTask(title, '#/catalog', (progress) => upload(
      // Territories the file names that the catalog lacks are created with it: the check lists them first.
      `/api/catalog/import?dryRun=${dryRun}&createTerritories=true&name=${encodeURIComponent(chosen.name)}`
        + (Object.keys(mapping).length ? `&columns=${encodeURIComponent(JSON.stringify(mapping))}` : ''), chosen, type, (share) => progress({
        progress: share < 1 ? share : null,
        note: share < 1 ? t('catalog.uploading', {percent: Math.round(share * 100)}) : t('catalog.serverChecks')})));
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
    const apply = h('button', {type: 'button', id: 'import-apply'}, t('catalog.apply'));
    apply.addEventListener('click', () => run(false, apply));
    const columns = columnsOf(r);
    clear(report, columns,
      errors.length ? h('div', {class: 'alert error', role: 'alert'},
        t('catalog.fileHasErrors', {count: errors.length}),
        table([t('catalog.row'), t('catalog.column'), t('catalog.error')],
          errors.slice(0, 200).map((e) => h('tr', {}, h('td', {}, e.row), h('td', {}, e.column || ''), h('td', {}, e.message)))))
        : r.applied ? successBox(t('catalog.imported', {created: r.created, changed: r.changed, unchanged: r.unchanged}))
          : h('div', {class: 'alert ok', role: 'status'},
            t('catalog.checked', {rows: r.rows, created: r.created, changed: r.changed, unchanged: r.unchanged}),
            changes.length ? table([t('catalog.row'), t('common.code'), t('common.action'), t('catalog.fields')],
              changes.slice(0, 200).map((o) => h('tr', {}, h('td', {}, o.row), h('td', {}, o.code),
                h('td', {}, o.action === 'CREATED' ? t('catalog.create') : t('catalog.change')),
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
      h('p', {}, r.applied ? t('catalog.territoriesCreated', {count: created.length})
        : t('catalog.territoriesToCreate', {count: created.length})),
      table([t('common.code'), t('common.territory'), t('catalog.educationAuthority'),
        t('catalog.organisationsInFile')],
        created.map((territory) => h('tr', {}, h('td', {}, territory.code), h('td', {}, territory.name),
          h('td', {}, territory.authorityCode || t('catalog.fromTheFile')), h('td', {}, territory.organisations))))) : null;
  }

  // What the import decided or what will be missing: shown, blocking nothing.
  function warningsOf(r) {
    const warnings = r.warnings || [];
    return warnings.length ? h('div', {class: 'alert warn', id: 'import-warnings', role: 'status'},
      t('catalog.warnings', {count: warnings.length}),
      table([t('catalog.row'), t('catalog.column'), t('catalog.warning')],
        warnings.slice(0, 200).map((w) => h('tr', {}, h('td', {}, w.row), h('td', {}, w.column || ''), h('td', {}, w.message))))) : null;
  }

  check.addEventListener('click', () => run(true, check));
  file.addEventListener('change', () => { checked = null; mapping = {}; clear(report); });
  const earlier = latest((t) => t.kind === 'catalog-import');
  if (earlier) follow(earlier); // started before the user left this screen
  return h('details', {class: 'card', id: 'import', open: earlier ? true : null}, h('summary', {}, t('catalog.importFromExcel')),
    h('p', {class: 'hint'}, t('catalog.importHint')),
    field(t('catalog.fileLabel'), file),
    h('div', {class: 'actions'}, check), report);
}
