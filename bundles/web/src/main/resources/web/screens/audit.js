// The audit log (administrator): who changed what — modules, the catalog, campaigns, assignments,
// the workflow of forms (GET /api/audit) — and the security events: logins and failures, lockouts,
// password and role changes, activations, accounts created (GET /api/users/events). Values typed
// into a form are in that form's own history.
import {h, clear, field, table, add} from '../lib/dom.js';
import {get, query} from '../lib/api.js';
import {t} from '../lib/i18n.js';
import {moment} from '../lib/format.js';
import {errorBox, badge, download} from '../lib/ui.js';

// Security event types and the colour of their badge; labels are audit.event.<TYPE>.
const SECURITY = {LOGIN_SUCCESS: '', LOGIN_FAILURE: 'warn', LOCKOUT: 'bad', LOGOUT: '', PASSWORD_CHANGE: '',
  ROLE_CHANGE: 'warn', ACTIVATION: '', DEACTIVATION: 'warn', ACCOUNT_CREATED: ''};
// Prefixes of audit actions; labels are audit.area.<prefix>.
const AREAS = ['module.', 'catalog.', 'campaign.', 'submission.', 'form.'];

export async function render(main) {
  const actionsBox = h('section', {id: 'audit-actions'});
  const securityBox = h('section', {id: 'audit-security', hidden: true});
  const tabs = [['actions', t('common.actions'), actionsBox], ['security', t('audit.security'), securityBox]];
  const tabBar = h('div', {class: 'actions', role: 'group', 'aria-label': t('audit.log')}, tabs.map(([key, title, box], i) =>
    h('button', {type: 'button', class: i ? 'secondary' : '', 'aria-pressed': i ? 'false' : 'true', id: `audit-tab-${key}`, onClick: (e) => {
      tabs.forEach(([, , other]) => { other.hidden = other !== box; });
      tabBar.querySelectorAll('button').forEach((b) => { b.setAttribute('aria-pressed', String(b === e.target)); b.className = b === e.target ? '' : 'secondary'; });
    }}, title)));
  add(main, h('div', {class: 'heading'}, h('h1', {}, t('audit.auditLog')), tabBar), actionsBox, securityBox);
  await Promise.all([actions(actionsBox), security(securityBox)]);
}

async function actions(box) {
  const area = h('select', {id: 'audit-area'}, h('option', {value: ''}, t('common.all')),
    AREAS.map((k) => h('option', {value: k}, t('audit.area.' + k.slice(0, -1)))));
  const actor = h('input', {id: 'audit-actor', type: 'search', placeholder: t('audit.loginPlaceholder'), size: 14});
  const list = h('div', {});
  async function show() {
    try {
      const entries = await get('/api/audit' + query({action: area.value, actor: actor.value.trim(), max: 1000}));
      clear(list, h('p', {class: 'muted', role: 'status'}, t('audit.entries', {count: entries.length})),
        entries.length ? table([t('common.when'), t('common.who'), t('common.action'), t('audit.what'), t('audit.details')],
          entries.map((e) => h('tr', {}, h('td', {}, moment(e.at)), h('td', {}, e.actor), h('td', {}, h('code', {}, e.action)),
            h('td', {}, e.target || ''), h('td', {}, e.details || '')))) : null);
    } catch (error) {
      clear(list, errorBox(error));
    }
  }
  area.addEventListener('change', show);
  actor.addEventListener('change', show);
  add(box, h('p', {class: 'hint'}, t('audit.actionsHint')),
  h('div', {class: 'filters'}, field(t('audit.area'), area), field(t('common.who'), actor)), list);
  await show();
}

async function security(box) {
  const type = h('select', {id: 'audit-type'}, h('option', {value: ''}, t('common.all')),
    Object.keys(SECURITY).map((k) => h('option', {value: k}, t('audit.event.' + k))));
  const who = h('input', {id: 'audit-login', type: 'search', placeholder: t('audit.loginPlaceholder'), size: 14});
  const list = h('div', {});
  let events = [];
  const draw = () => {
    const login = who.value.trim().toLowerCase();
    const shown = events.filter((e) => (!type.value || e.type === type.value)
      && (!login || (e.login || '').toLowerCase().includes(login) || (e.actor || '').toLowerCase().includes(login)));
    clear(list, h('p', {class: 'muted', role: 'status'}, t('audit.events', {count: shown.length})),
      table([t('common.when'), t('audit.event'), t('audit.account'), t('audit.by'), t('audit.address'), t('audit.details')],
        shown.map((e) => {
          const known = e.type in SECURITY;
          return h('tr', {}, h('td', {}, moment(e.at)), h('td', {}, badge(known ? t('audit.event.' + e.type) : e.type, known ? SECURITY[e.type] : '')), h('td', {}, e.login || ''),
            h('td', {}, e.actor || ''), h('td', {}, e.address || ''), h('td', {}, e.details || ''));
        })));
  };
  type.addEventListener('change', draw);
  who.addEventListener('input', draw);
  add(box, h('div', {class: 'heading'}, h('p', {class: 'hint'}, t('audit.securityHint')),
    download('/api/users/events.xlsx', t('audit.exportXlsx'))),
  h('div', {class: 'filters'}, field(t('audit.event'), type), field(t('common.login'), who)), list);
  try {
    events = await get('/api/users/events?max=2000');
    draw();
  } catch (error) {
    clear(list, errorBox(error));
  }
}
