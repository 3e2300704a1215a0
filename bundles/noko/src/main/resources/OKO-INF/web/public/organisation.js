// An organisation's published НОКО results and its approved remedy plan with the reports (?org=<code>&year=<year>),
// for anyone: what the public school catalogue shows of НОКО.
import {moduleMessages} from '/lib/i18n.js';
import {date} from '/lib/format.js';

const t = await moduleMessages(new URL('../noko.js', import.meta.url));
const main = document.getElementById('main');
const params = new URLSearchParams(location.search);
const num = (v) => (v == null ? '—' : String(v).replace('.', ','));

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(props).forEach(([k, v]) => { if (k === 'text') node.textContent = v; else node.setAttribute(k, v); });
  children.flat().forEach((c) => c != null && node.append(c));
  return node;
}

function table(caption, headers, rows) {
  return el('div', {class: 'scroll'}, el('table', {}, el('caption', {text: caption}),
    el('thead', {}, el('tr', {}, headers.map((x) => el('th', {scope: 'col', text: x})))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {text: String(c)})))))));
}

const answer = await fetch(`/api/noko/public/organisations/${encodeURIComponent(params.get('org') || '')}?year=${encodeURIComponent(params.get('year') || '')}`);
if (!answer.ok) {
  main.replaceChildren(el('h1', {text: t('noko.page.title')}), el('p', {class: 'muted', text: t('noko.page.nothing')}));
} else {
  const page = await answer.json();
  const r = page.result;
  const parts = [el('h1', {text: page.name}), el('p', {id: 'noko-page-score', text: t('noko.page.score', {year: page.year, score: num(r.total), band: r.band})}),
    r.reliable ? null : el('p', {class: 'hint', text: t('noko.page.unreliable', {respondents: r.respondents})}),
    table(t('noko.page.criteria'), [t('noko.page.criterion'), t('noko.page.points')], page.criteria.map((c) => [c.name, num(r.criteria[c.code])]))];
  if (page.plan) {
    parts.push(table(t('noko.page.plan'), [t('noko.shortcoming'), t('noko.measure'), t('noko.deadline'), t('noko.report')],
      page.plan.measures.map((m) => [m.shortcoming, m.measure, date(m.deadline), m.result ? `${m.result} (${date(m.doneOn)})` : t('noko.page.inProgress')])));
  }
  main.replaceChildren(...parts);
}
