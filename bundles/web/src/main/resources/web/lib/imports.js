// A results file imported as every procedure module's screen offers it: the file, its upload with
// progress in the task tray, the server's job followed until it ends, and on failure the reason, a
// choice of what each column holds (/lib/columns.js) and the problems by row and column in the
// reader's language. The module gives its URLs and its words for a success.
import {h, clear, field, busy, table} from './dom.js';
import {get, query, upload} from './api.js';
import {t, text} from './i18n.js';
import {errorBox, successBox} from './ui.js';
import {startTask} from './tasks.js';
import {columnChoice} from './columns.js';

/**
 * @param o.id         prefix of the elements' ids: `${id}-file`, `${id}-import`, `${id}-import-result`,
 *                     `${id}-columns`, `${id}-import-again`
 * @param o.task       the task's title in the tray, before the file's name ("ВПР: ")
 * @param o.link       where the tray's task links to
 * @param o.imports    the import's URL (POST, the file as the body); `name` and `columns` are added
 * @param o.params     more query parameters of the import, as a function read at each start (e.g. a checkbox)
 * @param o.job        (id) => the job's URL
 * @param o.columns    the URL listing the import's columns
 * @param o.done       (job) => the success text
 * @param o.controls   more controls shown above the button (e.g. a "replace" checkbox)
 * @param o.hint       a line of help above the file
 * @param o.onDone     called after a successful import
 */
export function importCard(o) {
  const file = h('input', {type: 'file', id: `${o.id}-file`, accept: '.xlsx,.csv'});
  const start = h('button', {type: 'button', id: `${o.id}-import`}, t('import.start'));
  const result = h('div', {id: `${o.id}-import-result`, 'aria-live': 'polite'});
  // What the person chose a file's column to mean (header → column id, '' = leave out); remembered by the server once the file imports.
  let mapping = {};
  file.addEventListener('change', () => { mapping = {}; clear(result); });
  start.addEventListener('click', () => busy(start, async () => {
    const chosen = file.files[0];
    if (!chosen) { clear(result, errorBox(new Error(t('import.chooseFile')))); return; }
    if (!/\.(xlsx|csv)$/i.test(chosen.name)) { clear(result, errorBox(new Error(t('import.xlsxOrCsv')))); return; }
    const url = o.imports + query({...(o.params ? o.params() : {}), name: chosen.name,
      columns: Object.keys(mapping).length ? JSON.stringify(mapping) : ''});
    const task = startTask(o.task + chosen.name, o.link, async (progress) => {
      let job = await upload(url, chosen, chosen.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/octet-stream',
        (share) => progress({progress: share < 1 ? share : null, note: t('import.uploading', {percent: Math.round(share * 100)})}));
      while (!['DONE', 'FAILED'].includes(job.state)) {
        const written = job.state === 'WRITING';
        progress({progress: null, note: written ? t('import.checkedWritten', {rowsRead: job.rowsRead, rowsWritten: job.rowsWritten})
          : t('import.rowsChecked', {rowsRead: job.rowsRead || 0})});
        if (result.isConnected) {
          clear(result, h('p', {role: 'status'}, written ? t('import.rowsCheckedWritten', {rowsRead: job.rowsRead, rowsWritten: job.rowsWritten})
            : t('import.checking', {rowsRead: job.rowsRead || 0}), ' ', h('progress', {})));
        }
        await new Promise((r) => setTimeout(r, 700));
        job = await get(o.job(job.id));
      }
      return job;
    });
    try {
      const job = await task.promise;
      if (!result.isConnected) return;
      if (job.state === 'DONE') {
        clear(result, successBox(o.done(job)));
        if (o.onDone) await o.onDone(job);
      } else {
        const again = h('button', {type: 'button', id: `${o.id}-import-again`, hidden: true}, t('import.withColumns'));
        again.addEventListener('click', () => start.click());
        const problems = job.problems || [];
        clear(result, errorBox(new Error(text(job.errorMessages || job.error))),
          columnChoice(job.columns, o.columns, (header, column) => { mapping[header] = column; again.hidden = false; }, `${o.id}-columns`),
          again,
          problems.length ? table([t('import.row'), t('import.column'), t('import.problem')],
            problems.slice(0, 300).map((p) => h('tr', {}, h('td', {}, p.row || ''), h('td', {}, p.column || ''),
              h('td', {}, text(p.messages || p.message))))) : null);
      }
    } catch (error) {
      clear(result, errorBox(error));
    }
  }));
  return h('div', {class: 'card'}, o.hint ? h('p', {class: 'hint'}, o.hint) : null, field(t('import.file'), file),
    ...(o.controls || []), start, result);
}
