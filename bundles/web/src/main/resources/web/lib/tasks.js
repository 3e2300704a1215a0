// Long operations (imports, uploads) run at the level of the application, not of a screen: the
// user may move to another screen, the work goes on and the tray in the header shows its
// progress and outcome, with a link back to where it was started.
import {h, clear} from './dom.js';
import {tr} from './i18n.js';

const tasks = [];
const listeners = new Set();
let next = 0;

/**
 * Starts work(report) where report({progress: 0..1 | null, note}) updates the tray; returns the task,
 * whose promise resolves with the work's result.
 */
export function startTask(title, link, work) {
  const task = {id: ++next, title, link, state: 'running', progress: null, note: '', result: null, error: null};
  tasks.unshift(task);
  tasks.splice(5);
  const report = (update) => { Object.assign(task, update); changed(); };
  task.promise = work(report).then((result) => {
    Object.assign(task, {state: 'done', result, progress: 1});
    changed();
    return result;
  }, (error) => {
    Object.assign(task, {state: 'failed', error});
    changed();
    throw error;
  });
  changed();
  return task;
}

export function latest(predicate) {
  return tasks.find(predicate) || null;
}

export function onTasksChanged(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed() {
  for (const listener of listeners) listener();
}

/** The tray in the header: running tasks with progress, finished ones with their outcome. */
export function tray() {
  const box = h('div', {class: 'tasks', 'aria-live': 'polite'});
  const draw = () => {
    if (!box.isConnected && box.dataset.drawn) { listeners.delete(draw); return; }
    box.dataset.drawn = '1';
    const shown = tasks.filter((t) => t.state === 'running' || Date.now() - (t.shownSince ||= Date.now()) < 60000);
    clear(box, shown.map((t) => h('a', {href: t.link, class: `task ${t.state}`, title: t.note || t.title},
      t.state === 'running' ? (t.progress == null ? h('progress', {'aria-label': t.title}) : h('progress', {max: 1, value: t.progress, 'aria-label': t.title})) : null,
      ' ', t.title, ': ',
      t.state === 'running' ? (t.note || tr('идёт…', 'working…')) : t.state === 'done' ? tr('готово', 'done') : tr('ошибка', 'failed'))));
  };
  listeners.add(draw);
  draw();
  return box;
}
