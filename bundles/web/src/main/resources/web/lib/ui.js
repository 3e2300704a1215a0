import {h, clear} from './dom.js';
import {t, text} from './i18n.js';

/** A short message in the corner that screen readers announce. */
export function toast(message, kind = 'ok') {
  const box = document.getElementById('toasts');
  const note = h('div', {class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status'}, message);
  box.append(note);
  setTimeout(() => note.remove(), kind === 'error' ? 9000 : 4000);
}

/** An error shown where the action happened, and announced. */
export function errorBox(error) {
  const message = error && error.message ? error.message : String(error);
  const problems = error && error.details && Array.isArray(error.details.problems) ? error.details.problems : [];
  return h('div', {class: 'alert error', role: 'alert'}, message,
    problems.length ? h('ul', {}, problems.map((p) => h('li', {}, problemLine(p)))) : null);
}

/** One problem of a refused request: a text, or a file's row problem {row, column, message, messages} in the UI's language. */
function problemLine(p) {
  if (typeof p === 'string') return p;
  if (p && (p.messages || p.message)) {
    const where = [p.row ? t('problem.row', {row: p.row}) : null, p.column || p.field].filter(Boolean).join(', ');
    return (where ? `${where}: ` : '') + text(p.messages || p.message);
  }
  return JSON.stringify(p);
}

export function successBox(message) {
  return h('div', {class: 'alert ok', role: 'status'}, message);
}

export function progress(value, label) {
  const pct = Math.max(0, Math.min(100, Math.round(value || 0)));
  return h('span', {class: 'progress', title: `${pct} %`},
    h('progress', {max: 100, value: pct, 'aria-label': label || t('common.completion')}), ` ${pct} %`);
}

export function heading(title, ...actions) {
  return h('div', {class: 'heading'}, h('h1', {}, title), actions.length ? h('div', {class: 'actions'}, actions) : null);
}

/** Loads data into a screen, showing a loading line and then the result or the error. */
export async function load(container, producer) {
  clear(container, h('p', {class: 'muted', role: 'status'}, t('common.loading')));
  try {
    const content = await producer();
    clear(container, content);
  } catch (error) {
    clear(container, errorBox(error));
  }
}

export function badge(text, kind = '') {
  return h('span', {class: `badge ${kind}`}, text);
}

/** A link that downloads a server file (the session cookie goes along). */
export function download(href, label) {
  return h('a', {class: 'button secondary', href, download: ''}, '⤓ ', label);
}
