// The OKO web application: session, navigation per role, hash routes, notifications.
import {h, clear, add} from './lib/dom.js';
import {get, post, setCsrf, whenSessionLost} from './lib/api.js';
import {t, text, lang, switchLanguage, roleLabel} from './lib/i18n.js';
import {session, has, READERS, CENTRE, ASSIGNERS} from './lib/session.js';
import {errorBox} from './lib/ui.js';
import {tray} from './lib/tasks.js';
import * as login from './screens/login.js';
import * as home from './screens/home.js';
import * as submissions from './screens/submissions.js';
import * as form from './screens/form.js';
import * as catalog from './screens/catalog.js';
import * as users from './screens/users.js';
import * as campaigns from './screens/campaigns.js';
import * as assign from './screens/assign.js';
import * as dashboard from './screens/dashboard.js';
import * as modules from './screens/modules.js';
import * as audit from './screens/audit.js';
import * as notifications from './screens/notifications.js';

// Readers and observers: an observer reads what it is assigned, and never writes.
const VIEWERS = [...READERS, 'OBSERVER'];
const ALL = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR', 'MINISTRY_OFFICIAL', 'FOUNDER_COORDINATOR', 'SCHOOL_COORDINATOR', 'EXPERT', 'OBSERVER'];

// Routes: pattern, screen, roles allowed, and a menu title when it belongs in the menu.
const ROUTES = [
  {path: /^$/, screen: home, roles: ALL, menu: () => t('app.home')},
  {path: /^submissions$/, screen: submissions, roles: VIEWERS, menu: () => has('SCHOOL_COORDINATOR') && !has(...CENTRE, 'FOUNDER_COORDINATOR') ? t('app.myForms') : t('common.submissions')},
  {path: /^submissions\/(\d+)$/, screen: form, roles: VIEWERS},
  {path: /^assign$/, screen: assign, roles: ASSIGNERS, menu: () => t('app.assignment')},
  {path: /^campaigns$/, screen: campaigns, roles: VIEWERS, menu: () => t('common.campaigns')},
  {path: /^campaigns\/([^/]+)$/, screen: campaigns, roles: VIEWERS},
  {path: /^campaigns\/([^/]+)\/steps\/([^/]+)\/dashboard$/, screen: dashboard, roles: VIEWERS},
  {path: /^catalog$/, screen: catalog, roles: ALL, menu: () => t('app.catalog')},
  {path: /^users$/, screen: users, roles: ['ADMINISTRATOR', 'FOUNDER_COORDINATOR'], menu: () => t('app.users')},
  {path: /^modules$/, screen: modules, roles: ['ADMINISTRATOR'], menu: () => t('common.modules')},
  {path: /^audit$/, screen: audit, roles: ['ADMINISTRATOR'], menu: () => t('app.auditLog')},
  {path: /^notifications$/, screen: notifications, roles: ALL},
];

// Screens that installed modules add (OKO-INF/web/screens.json), at #/x/<path>.
let extensions = [];

async function loadExtensions() {
  try {
    extensions = await get('/api/ui/extensions');
  } catch {
    extensions = [];
  }
}

function extensionRoute(path) {
  const match = /^x\/([a-z][a-z0-9-]*)(?:\/(.*))?$/.exec(path);
  const ext = match && extensions.find((e) => e.path === match[1]);
  if (!ext) return null;
  const screen = {render: async (main, params, query) => (await import(ext.url)).render(main, params, query)};
  return {route: {screen, roles: ext.roles}, params: match[2] ? match[2].split('/') : [], query: null};
}

const main = document.getElementById('main');
const top = document.getElementById('top');
let leave = null; // the current screen's clean-up (timers, pending saves)

async function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  const [path, queryString] = hash.split('?');
  const query = new URLSearchParams(queryString || '');
  for (const r of ROUTES) {
    const match = r.path.exec(path);
    if (match) return {route: r, params: match.slice(1), query};
  }
  let found = extensionRoute(path);
  if (!found && path.startsWith('x/')) { // a module may have arrived since we last asked
    await loadExtensions();
    drawHeader();
    found = extensionRoute(path);
  }
  return found && {...found, query};
}

async function render() {
  if (leave) {
    try { leave(); } catch { /* a screen's clean-up never blocks navigation */ }
    leave = null;
  }
  if (!session.me || session.me.mustChangePassword) {
    top.hidden = true;
    clear(main);
    login.render(main, {onLoggedIn: started});
    return;
  }
  drawHeader();
  const found = await route();
  clear(main);
  if (!found || !has(...found.route.roles)) {
    add(main, h('h1', {}, t('app.pageNotFound')),
      h('p', {}, h('a', {href: '#/'}, t('app.toHome'))));
    return;
  }
  try {
    leave = (await found.route.screen.render(main, found.params, found.query)) || null;
  } catch (error) {
    add(main, errorBox(error));
  }
  main.focus({preventScroll: true});
}

function drawHeader() {
  const current = '#/' + location.hash.replace(/^#\/?/, '').split('?')[0];
  const menu = ROUTES.filter((r) => r.menu && has(...r.roles))
    .map((r) => ({href: '#/' + r.path.source.replace(/^\^|\$$/g, ''), title: r.menu()}))
    .concat(extensions.map((e) => ({href: `#/x/${e.path}`, title: text(e.title)})));
  const me = session.me;
  clear(top,
    h('a', {class: 'brand', href: '#/'}, h('img', {src: 'favicon.svg', alt: ''}), 'ОКО'),
    h('nav', {'aria-label': t('app.sections')},
      h('ul', {}, menu.map(({href, title}) => {
        const active = href === current || (href !== '#/' && current.startsWith(href));
        return h('li', {}, h('a', {href, 'aria-current': active ? 'page' : null}, title));
      }))),
    h('div', {class: 'me'},
      tray(),
      notifications.bell(),
      h('span', {class: 'who', title: me.roles.map(roleLabel).join(', ')}, me.login,
        me.organisationCode ? h('small', {}, ` · ${me.organisationCode}`) : null),
      h('button', {class: 'link', type: 'button', onClick: switchLanguage, 'aria-label': t('app.switchLanguage')},
        lang === 'en' ? 'RU' : 'EN'),
      h('button', {class: 'link', type: 'button', id: 'logout', onClick: logout}, t('app.logOut'))));
  top.hidden = false;
}

async function logout() {
  try { await post('/api/auth/logout'); } catch { /* the session may already be gone */ }
  session.me = null;
  setCsrf(null);
  location.hash = '#/';
  render();
}

async function started(me) {
  session.me = me;
  setCsrf(me.csrfToken);
  if (!me.mustChangePassword) await loadExtensions();
  render();
}

whenSessionLost(() => {
  if (session.me) {
    session.me = null;
    render();
  }
});

window.addEventListener('hashchange', render);
// The modules screen announces installs and removals: the menu follows without a reload.
window.addEventListener('oko:modules-changed', async () => {
  await loadExtensions();
  drawHeader();
});

(async function boot() {
  try {
    const me = await get('/api/auth/session');
    session.me = me;
    setCsrf(me.csrfToken);
    await loadExtensions();
  } catch {
    session.me = null;
  }
  render();
})();
