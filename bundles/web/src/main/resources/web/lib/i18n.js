// UI texts are message keys: t('modules.install'), t('modules.installed', {name, version}). The texts
// live in web/messages/<lang>.json (docs/web.md); Russian is the default and the fallback.
const KEY = 'oko.lang';

export const lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'ru';
document.documentElement.lang = lang;

async function bundle(url) {
  const answer = await fetch(url, {credentials: 'same-origin'});
  if (!answer.ok) throw new Error(`${url}: ${answer.status}`);
  return answer.json();
}

/** Russian, then the current language over it: a key missing in English shows the Russian text. */
async function load(base) {
  const ru = await bundle(new URL('ru.json', base));
  return lang === 'ru' ? ru : {...ru, ...(await bundle(new URL(`${lang}.json`, base)))};
}

// Top-level await: every screen imports this module, so none renders (or builds a table of labels at
// its own top level) before the texts are here.
const core = await load(new URL('../messages/', import.meta.url));

function format(messages, key, params) {
  const message = messages[key];
  if (message == null) return key; // shown as is, so a missing text is noticed
  return params ? message.replace(/\{(\w+)\}/g, (all, name) => (name in params ? String(params[name] ?? '') : all)) : message;
}

/** The text of a message key, with {name} placeholders filled from params. */
export function t(key, params) {
  return format(core, key, params);
}

/**
 * A text with elements inside it, for h() and add(): the message's {name} placeholders filled with
 * strings or DOM nodes (a login in bold, a link), so that each language orders its words itself.
 */
export function tx(key, params) {
  const message = core[key];
  if (message == null) return [key];
  return message.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 0 ? part : (part in params ? params[part] : `{${part}}`)))
    .filter((part) => part !== '');
}

/**
 * The texts of a module's screen: its own messages/<lang>.json next to the screen's module, over the
 * core's. In the screen: const t = await moduleMessages(import.meta.url);
 */
export async function moduleMessages(screenUrl) {
  let own = {};
  try {
    own = await load(new URL('messages/', screenUrl));
  } catch {
    // a module without its own texts uses the core's keys only
  }
  const messages = {...core, ...own};
  return (key, params) => format(messages, key, params);
}

/** A text from the API or a form definition: a string (Russian) or {ru, en}. */
export function text(value) {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  return (lang === 'en' && value.en) || value.ru || value.en || '';
}

export function switchLanguage() {
  localStorage.setItem(KEY, lang === 'en' ? 'ru' : 'en');
  location.reload();
}

/** A submission state (SubmissionState on the server): state.<STATE>. */
export function stateLabel(state) {
  return ('state.' + state) in core ? t('state.' + state) : state;
}

/** A role (Role on the server): role.<ROLE>; the list of roles is the server's (/api/ui/roles). */
export function roleLabel(role) {
  return ('role.' + role) in core ? t('role.' + role) : role;
}

// The catalog's founder types, as the catalog and the assignment screens show them.
export const founderTypes = ['MUNICIPAL', 'STATE', 'FEDERAL', 'PRIVATE'];

export function founderTypeLabel(type) {
  return ('founderType.' + type) in core ? t('founderType.' + type) : type || '';
}
