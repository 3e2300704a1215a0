// The audit log (administrator): security events — logins and failures, lockouts, password and role
// changes, activations, accounts created — who, when, from where. Changes to a school's data are in
// each submission's history.
import {h, clear, field, table} from '../lib/dom.js';
import {get} from '../lib/api.js';
import {tr} from '../lib/i18n.js';
import {moment} from '../lib/format.js';
import {errorBox, badge, download} from '../lib/ui.js';

const TYPES = {
  LOGIN_SUCCESS: ['вход', 'login', ''], LOGIN_FAILURE: ['неудачный вход', 'failed login', 'warn'], LOCKOUT: ['блокировка', 'lockout', 'bad'],
  LOGOUT: ['выход', 'logout', ''], PASSWORD_CHANGE: ['смена пароля', 'password change', ''], ROLE_CHANGE: ['смена ролей', 'role change', 'warn'],
  ACTIVATION: ['активация', 'activation', ''], DEACTIVATION: ['отключение', 'deactivation', 'warn'], ACCOUNT_CREATED: ['создана учётная запись', 'account created', ''],
};

export async function render(main) {
  const type = h('select', {id: 'audit-type'}, h('option', {value: ''}, tr('все', 'all')),
    Object.entries(TYPES).map(([k, v]) => h('option', {value: k}, tr(v[0], v[1]))));
  const who = h('input', {id: 'audit-login', type: 'search', placeholder: tr('логин', 'login')});
  const list = h('div', {});
  let events = [];
  const draw = () => {
    const login = who.value.trim().toLowerCase();
    const shown = events.filter((e) => (!type.value || e.type === type.value)
      && (!login || (e.login || '').toLowerCase().includes(login) || (e.actor || '').toLowerCase().includes(login)));
    clear(list, h('p', {class: 'muted', role: 'status'}, tr(`Событий: ${shown.length}`, `Events: ${shown.length}`)),
      table([tr('Когда', 'When'), tr('Событие', 'Event'), tr('Учётная запись', 'Account'), tr('Кто', 'By'), tr('Адрес', 'Address'), tr('Подробности', 'Details')],
        shown.map((e) => {
          const [ru, en, kind] = TYPES[e.type] || [e.type, e.type, ''];
          return h('tr', {}, h('td', {}, moment(e.at)), h('td', {}, badge(tr(ru, en), kind)), h('td', {}, e.login || ''),
            h('td', {}, e.actor || ''), h('td', {}, e.address || ''), h('td', {}, e.details || ''));
        })));
  };
  type.addEventListener('change', draw);
  who.addEventListener('input', draw);
  main.append(h('div', {class: 'heading'}, h('h1', {}, tr('Журнал аудита', 'Audit log')),
    download('/api/users/events.xlsx', tr('Выгрузить (XLSX)', 'Export (XLSX)'))),
  h('p', {class: 'hint'}, tr('События безопасности за последнее время (до 2000). Изменения данных школ — в истории каждой формы.',
    'Recent security events (up to 2,000). Changes to schools\' data are in each form\'s history.')),
  h('div', {class: 'filters'}, field(tr('Событие', 'Event'), type), field(tr('Логин', 'Login'), who)), list);
  try {
    events = await get('/api/users/events?max=2000');
    draw();
  } catch (error) {
    clear(list, errorBox(error));
  }
}
