// Long operations (imports, uploads) run at the level of the application, not of a screen: the
// user may move to another screen, the work goes on and the tray in the header shows its
// progress and outcome, with a link back to where it was started.
import {h, clear} from './dom.js';
import {t} from './i18n.js';

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
    clear(box, shown.map((task) => h('a', {href: task.link, class: `task ${task.state}`, title: task.note || task.title},
      task.state === 'running' ? (task.progress == null ? h('progress', {'aria-label': task.title}) : h('progress', {max: 1, value: task.progress, 'aria-label': task.title})) : null,
      ' ', task.title, ': ',
      task.state === 'running' ? (task.note || t('tasks.working')) : task.state === 'done' ? t('tasks.done') : t('tasks.failed'))));
  };
  listeners.add(draw);
  draw();
  return box;
}
