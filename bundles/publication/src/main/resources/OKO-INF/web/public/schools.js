// The public school catalogue, no login: a search over the region's open schools (?q=, ?territory=) and a school's
// card (?school=<code>) with the results the region publishes. Everything comes from /api/public/schools.
import {moduleMessages, text, lang} from '/lib/i18n.js';

const t = await moduleMessages(import.meta.url);
const main = document.getElementById('main');
const params = new URLSearchParams(location.search);
const API = '/api/public/schools';
const number = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'ru-RU', {maximumFractionDigits: 1});

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(props).forEach(([k, v]) => {
    if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v != null) node.setAttribute(k, v);
  });
  children.flat().forEach((c) => c != null && node.append(c));
  return node;
}

/** Shows these parts in the page: arrays flattened, nothing for null. */
function show(...parts) {
  main.replaceChildren(...parts.flat().filter((part) => part != null));
}

async function json(path) {
  const answer = await fetch(path, {credentials: 'omit'});
  return answer.ok ? answer.json() : null;
}

function languageSwitch() {
  const other = lang === 'en' ? 'ru' : 'en';
  return el('button', {type: 'button', lang: other, text: t('public.language'), onclick: () => {
    localStorage.setItem('oko.lang', other);
    location.reload();
  }});
}

function header(title) {
  document.title = title;
  return el('div', {class: 'bar'}, el('h1', {text: title}), languageSwitch());
}

async function search() {
  const q = params.get('q') || '';
  const territory = params.get('territory') || '';
  const page = Number(params.get('page') || 0);
  const [territories, found] = await Promise.all([json(`${API}/territories`),
    json(`${API}?q=${encodeURIComponent(q)}&territory=${encodeURIComponent(territory)}&page=${page}&size=20`)]);
  const form = el('form', {class: 'search', role: 'search', method: 'get'},
    el('label', {}, t('public.search.query'), el('input', {type: 'search', name: 'q', value: q, autocomplete: 'off'})),
    el('label', {}, t('public.search.territory'), el('select', {name: 'territory'},
      el('option', {value: '', text: t('public.search.all')}),
      (territories || []).map((x) => el('option', {value: x.code, text: x.name, ...(x.code === territory ? {selected: 'selected'} : {})})))),
    el('button', {type: 'submit', text: t('public.search.find')}));
  const items = found ? found.items : [];
  const list = el('ul', {class: 'schools', id: 'schools'}, items.map((s) => el('li', {},
    el('a', {href: `?school=${encodeURIComponent(s.code)}`, text: s.name}),
    el('div', {class: 'muted', text: [s.territory, s.address].filter(Boolean).join(' · ')}),
    s.levels.length ? el('div', {class: 'hint', text: t('public.card.levels') + ': ' + s.levels.join(', ')}) : null)));
  const more = [];
  if (found && page > 0) more.push(el('a', {href: `?q=${encodeURIComponent(q)}&territory=${encodeURIComponent(territory)}&page=${page - 1}`, text: t('public.search.previous')}));
  if (found && (page + 1) * found.size < found.total) more.push(el('a', {href: `?q=${encodeURIComponent(q)}&territory=${encodeURIComponent(territory)}&page=${page + 1}`, text: t('public.search.next')}));
  show(header(t('public.title')), form,
    el('p', {role: 'status', id: 'found', text: found ? t('public.search.found', {count: found.total}) : t('public.failed')}),
    list, more.length ? el('nav', {'aria-label': t('public.search.pages'), class: 'bar'}, more) : null, await compendia());
}

/** The region's published statistical compendia (the compendium module's public list), newest year first; nothing when none. */
async function compendia() {
  const published = await json('/api/public/compendium');
  if (!published || !published.length) return null;
  const base = (year) => `/api/public/compendium/${year}/compendium`;
  return el('section', {id: 'compendia', 'aria-labelledby': 'compendia-title'},
    el('h2', {id: 'compendia-title', text: t('public.compendium.title')}),
    el('ul', {}, published.map((c) => el('li', {},
      el('span', {text: t('public.compendium.year', {year: String(c.year)}) + ': '}),
      el('a', {href: `${base(c.year)}.pdf${lang === 'en' ? '?lang=en' : ''}`, text: 'PDF'}), ' · ',
      el('a', {href: `${base(c.year)}.html${lang === 'en' ? '?lang=en' : ''}`, text: 'HTML'}), ' · ',
      el('a', {href: `${base(c.year)}.xlsx${lang === 'en' ? '?lang=en' : ''}`, text: 'XLSX'})))));
}

/** A cell: a number in the reader's format, a text in the reader's language, a dash for nothing. */
function cell(value) {
  if (value == null) return '—';
  return typeof value === 'number' ? number.format(value) : text(value);
}

function table(tableData) {
  return el('div', {class: 'scroll'}, el('table', {},
    el('caption', {text: text(tableData.title)}),
    el('thead', {}, el('tr', {}, el('th', {scope: 'col', text: ''}), tableData.columns.map((c) => el('th', {scope: 'col', text: text(c)})))),
    el('tbody', {}, tableData.rows.map((row) => el('tr', {}, el('th', {scope: 'row', text: text(row.label)}),
      row.values.map((v) => el('td', {text: cell(v)})))))),
  tableData.note ? el('p', {class: 'hint', text: text(tableData.note)}) : null);
}

async function card(code) {
  const school = await json(`${API}/${encodeURIComponent(code)}`);
  if (!school) {
    show(header(t('public.title')), el('p', {text: t('public.card.none')}), el('a', {href: '?', text: t('public.card.back')}));
    return;
  }
  const fact = (label, value) => (value ? [el('dt', {text: label}), el('dd', {text: value})] : []);
  // Contacts as links: a phone to call, an address to write to, the school's site (only http(s) ones, the server checks too).
  const link = (label, value, href, more = {}) => (value && href ? [el('dt', {text: label}), el('dd', {}, el('a', {href, ...more, text: value}))] : []);
  const phone = school.phone ? 'tel:' + school.phone.replace(/[^\d+]/g, '') : null;
  const website = /^https?:\/\//i.test(school.website || '') ? school.website : null;
  const sections = school.results.map((section) => el('section', {'aria-labelledby': `results-${section.procedure}`},
    el('h2', {id: `results-${section.procedure}`, text: text(section.title)}), section.tables.map(table)));
  show(header(school.fullName), el('p', {}, el('a', {href: '?', text: t('public.card.back')})),
    el('dl', {class: 'facts card'}, fact(t('public.card.code'), school.code), fact(t('public.card.address'), school.address),
      fact(t('public.card.territory'), school.territory), fact(t('public.card.founder'), school.founder),
      fact(t('public.card.levels'), school.levels.join(', ')),
      link(t('public.card.phone'), school.phone, phone),
      link(t('public.card.email'), school.email, school.email ? 'mailto:' + school.email : null),
      link(t('public.card.website'), school.website, website, {rel: 'noopener'})),
    sections.length ? sections : el('p', {class: 'muted', id: 'no-results', text: t('public.card.noResults')}));
}

if (params.get('school')) await card(params.get('school')); else await search();
main.focus();
