// The audit log (administrator): who changed what — modules, the catalog, campaigns, assignments,
// the workflow of forms (GET /api/audit) — and the security events: logins and failures, lockouts,
// password and role changes, activations, accounts created (GET /api/users/events). Values typed
// into a form are in that form's own history.
import {h, clear, field, table, add} from '../lib/dom.js';
import {get, query} from '../lib/api.js';
import {tr} from '../lib/i18n.js';
import {moment} from '../lib/format.js';
import {errorBox, badge, download} from '../lib/ui.js';

const SECURITY = {
  LOGIN_SUCCESS: ['вход', 'login', ''], LOGIN_FAILURE: ['неудачный вход', 'failed login', 'warn'], LOCKOUT: ['блокировка', 'lockout', 'bad'],
  LOGOUT: ['выход', 'logout', ''], PASSWORD_CHANGE: ['смена пароля', 'password change', ''], ROLE_CHANGE: ['смена ролей', 'role change', 'warn'],
  ACTIVATION: ['активация', 'activation', ''], DEACTIVATION: ['отключение', 'deactivation', 'warn'], ACCOUNT_CREATED: ['создана учётная запись', 'account created', ''],
};
const AREAS = {'module.': ['модули', 'modules'], 'catalog.': ['каталог', 'catalog'], 'campaign.': ['кампании', 'campaigns'],
  'submission.': ['формы ОО', 'submissions'], 'form.': ['описания форм', 'form definitions']};

export async function render(main) {
  const actionsBox = h('section', {id: 'audit-actions'});
  const securityBox = h('section', {id: 'audit-security', hidden: true});
  const tabs = [['actions', tr('Действия', 'Actions'), actionsBox], ['security', tr('Безопасность', 'Security'), securityBox]];
  const tabBar = h('div', {class: 'actions', role: 'group', 'aria-label': tr('Журнал', 'Log')}, tabs.map(([key, title, box], i) =>
    h('button', {type: 'button', class: i ? 'secondary' : '', 'aria-pressed': i ? 'false' : 'true', id: `audit-tab-${key}`, onClick: (e) => {
      tabs.forEach(([, , other]) => { other.hidden = other !== box; });
      tabBar.querySelectorAll('button').forEach((b) => { b.setAttribute('aria-pressed', String(b === e.target)); b.className = b === e.target ? '' : 'secondary'; });
    }}, title)));
  add(main, h('div', {class: 'heading'}, h('h1', {}, tr('Журнал аудита', 'Audit log')), tabBar), actionsBox, securityBox);
  await Promise.all([actions(actionsBox), security(securityBox)]);
}

async function actions(box) {
  const area = h('select', {id: 'audit-area'}, h('option', {value: ''}, tr('все', 'all')),
    Object.entries(AREAS).map(([k, v]) => h('option', {value: k}, tr(v[0], v[1]))));
  const actor = h('input', {id: 'audit-actor', type: 'search', placeholder: tr('логин', 'login'), size: 14});
  const list = h('div', {});
  async function show() {
    try {
      const entries = await get('/api/audit' + query({action: area.value, actor: actor.value.trim(), max: 1000}));
      clear(list, h('p', {class: 'muted', role: 'status'}, tr(`Записей: ${entries.length}`, `Entries: ${entries.length}`)),
        entries.length ? table([tr('Когда', 'When'), tr('Кто', 'Who'), tr('Действие', 'Action'), tr('Что', 'What'), tr('Подробности', 'Details')],
          entries.map((e) => h('tr', {}, h('td', {}, moment(e.at)), h('td', {}, e.actor), h('td', {}, h('code', {}, e.action)),
            h('td', {}, e.target || ''), h('td', {}, e.details || '')))) : null);
    } catch (error) {
      clear(list, errorBox(error));
    }
  }
  area.addEventListener('change', show);
  actor.addEventListener('change', show);
  add(box, h('p', {class: 'hint'}, tr('Кто и когда менял модули, каталог, кампании, назначения и прохождение форм (последние 1000 записей).',
    'Who changed modules, the catalog, campaigns, assignments and the workflow of forms, and when (the latest 1,000).')),
  h('div', {class: 'filters'}, field(tr('Область', 'Area'), area), field(tr('Кто', 'Who'), actor)), list);
  await show();
}

async function security(box) {
  const type = h('select', {id: 'audit-type'}, h('option', {value: ''}, tr('все', 'all')),
    Object.entries(SECURITY).map(([k, v]) => h('option', {value: k}, tr(v[0], v[1]))));
  const who = h('input', {id: 'audit-login', type: 'search', placeholder: tr('логин', 'login'), size: 14});
  const list = h('div', {});
  let events = [];
  const draw = () => {
    const login = who.value.trim().toLowerCase();
    const shown = events.filter((e) => (!type.value || e.type === type.value)
      && (!login || (e.login || '').toLowerCase().includes(login) || (e.actor || '').toLowerCase().includes(login)));
    clear(list, h('p', {class: 'muted', role: 'status'}, tr(`Событий: ${shown.length}`, `Events: ${shown.length}`)),
      table([tr('Когда', 'When'), tr('Событие', 'Event'), tr('Учётная запись', 'Account'), tr('Кто', 'By'), tr('Адрес', 'Address'), tr('Подробности', 'Details')],
        shown.map((e) => {
          const [ru, en, kind] = SECURITY[e.type] || [e.type, e.type, ''];
          return h('tr', {}, h('td', {}, moment(e.at)), h('td', {}, badge(tr(ru, en), kind)), h('td', {}, e.login || ''),
            h('td', {}, e.actor || ''), h('td', {}, e.address || ''), h('td', {}, e.details || ''));
        })));
  };
  type.addEventListener('change', draw);
  who.addEventListener('input', draw);
  add(box, h('div', {class: 'heading'}, h('p', {class: 'hint'}, tr('События безопасности (последние 2000).', 'Security events (the latest 2,000).')),
    download('/api/users/events.xlsx', tr('Выгрузить (XLSX)', 'Export (XLSX)'))),
  h('div', {class: 'filters'}, field(tr('Событие', 'Event'), type), field(tr('Логин', 'Login'), who)), list);
  try {
    events = await get('/api/users/events?max=2000');
    draw();
  } catch (error) {
    clear(list, errorBox(error));
  }
}
