// How an import read each column of a file, with a choice of what each column means: the same step
// for every tabular import (catalogue, ВПР, a module's own). The server matches headers and remembers
// choices (org.oko.tables.api); this only shows its answer and sends the person's choice back.
import {h, table} from './dom.js';
import {get} from './api.js';
import {t} from './i18n.js';
import {errorBox} from './ui.js';

/**
 * @param read      the import's answer: [{header, column, source}] in file order
 * @param available URL listing the import's columns: [{id, header, required}]
 * @param onChoice  called with (header, column id or '') when the person changes a column
 * @param id        the element's id; each select gets `${id}-${index}`
 */
export function columnChoice(read, available, onChoice, id = 'import-columns') {
  if (!read || !read.length) return null;
  const details = h('details', {id, open: read.some((c) => !c.column) || undefined},
    h('summary', {}, t('columns.fileColumns', {count: read.length})));
  get(available).then((columns) => {
    const source = {STANDARD: t('columns.knownHeader'), CHOSEN: t('columns.yourChoice'),
      REMEMBERED: t('columns.asLastTime'), NONE: t('columns.notRead')};
    details.append(table([t('columns.fileColumn'), t('columns.whatItHolds'), t('columns.how')],
      read.map((c, i) => {
        const select = h('select', {id: `${id}-${i}`, 'aria-label': c.header},
          h('option', {value: ''}, t('columns.leaveOut')),
          columns.map((a) => h('option', {value: a.id, selected: a.id === c.column || undefined}, a.header + (a.required ? ' *' : ''))));
        select.addEventListener('change', () => onChoice(c.header, select.value));
        return h('tr', {}, h('td', {}, c.header), h('td', {}, select), h('td', {class: 'muted'}, source[c.source] || c.source));
      })));
  }).catch((error) => details.append(errorBox(error)));
  return details;
}
