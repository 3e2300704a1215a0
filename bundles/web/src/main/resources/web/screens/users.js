// Users: accounts within reach (activate, deactivate, new one-time password), the coordinators'
// registry, and the electronic folders (administrator) generated in the background with progress.
import {h, clear, field, table, busy, add} from '../lib/dom.js';
import {get, post, put} from '../lib/api.js';
import {t, tx, text, roleLabel} from '../lib/i18n.js';
import {date, moment} from '../lib/format.js';
import {has} from '../lib/session.js';
import {errorBox, successBox, badge, download, toast} from '../lib/ui.js';

export async function render(main) {
  const list = h('div', {});
  const q = h('input', {id: 'users-q', type: 'search', placeholder: t('users.searchPlaceholder')});
  const onlyInactive = h('input', {type: 'checkbox', id: 'users-inactive'});
  const secret = h('div', {'aria-live': 'assertive'});
  let accounts = [];

  function draw() {
    const words = q.value.trim().toLowerCase().replace(/ё/g, 'е').split(/\s+/).filter(Boolean);
    const shown = accounts.filter((a) => (!onlyInactive.checked || !a.active) && words.every((w) =>
      `${a.login} ${a.fullName || ''} ${a.organisationCode || ''}`.toLowerCase().replace(/ё/g, 'е').includes(w)));
    clear(list, h('p', {class: 'muted', role: 'status'}, t('users.accounts', {count: shown.length})),
      table([t('common.login'), t('users.name'), t('users.organisation'), t('users.roles'),
        t('common.state'), t('common.actions')],
      shown.slice(0, 500).map((a) => h('tr', {dataset: {login: a.login}},
        h('td', {}, a.login), h('td', {}, a.fullName || ''), h('td', {}, a.organisationCode || ''),
        h('td', {}, a.roles.map(roleLabel).join(', '),
          a.roles.includes('OBSERVER') ? h('div', {class: 'muted'}, t('users.observes',
            {codes: (a.observed || []).length ? a.observed.join(', ') : t('users.nothingAssigned')})) : null),
        h('td', {}, a.active ? t('users.active') : badge(t('users.inactive'), 'warn'),
          a.mustChangePassword ? h('div', {class: 'muted'}, t('users.oneTimePasswordState')) : null),
        h('td', {class: 'actions'},
          a.login === 'admin' ? null : h('button', {type: 'button', class: 'secondary small', onClick: (e) => act(e.target, a, a.active ? 'deactivate' : 'activate')},
            a.active ? t('users.deactivate') : t('users.activate')),
          a.login === 'admin' ? null : h('button', {type: 'button', class: 'secondary small', onClick: (e) => reset(e.target, a)},
            t('users.newPassword')),
          a.roles.includes('OBSERVER') ? h('button', {type: 'button', class: 'secondary small', onClick: (e) => observe(e.target, a)},
            t('users.observed')) : null)))));
  }

  // An observer reads the subtrees of the organisations assigned to it: codes separated by commas or spaces.
  async function observe(button, account) {
    const answer = prompt(t('users.observedPrompt', {login: account.login}), (account.observed || []).join(', '));
    if (answer === null) return;
    await busy(button, async () => {
      try {
        await put(`/api/users/${encodeURIComponent(account.login)}/observed`,
          {organisations: answer.split(/[\s,;]+/).filter(Boolean)});
        toast(t('users.assignmentsSaved', {login: account.login}));
        await reload();
      } catch (error) {
        toast(error.message, 'error');
      }
    });
  }

  async function act(button, account, action) {
    await busy(button, async () => {
      try {
        await post(`/api/users/${encodeURIComponent(account.login)}/${action}`);
        toast(action === 'activate' ? t('users.activated', {login: account.login}) : t('users.deactivated', {login: account.login}));
        await reload();
      } catch (error) {
        toast(error.message, 'error');
      }
    });
  }

  async function reset(button, account) {
    if (!confirm(t('users.confirmNewPassword', {login: account.login}))) return;
    await busy(button, async () => {
      try {
        const answer = await post(`/api/users/${encodeURIComponent(account.login)}/reset-password`);
        clear(secret, h('div', {class: 'alert ok', role: 'alert'}, tx('users.passwordFor',
          {login: h('b', {}, account.login), password: h('code', {class: 'secret'}, answer.oneTimePassword)})));
        await reload();
      } catch (error) {
        toast(error.message, 'error');
      }
    });
  }

  async function reload() {
    try {
      accounts = await get('/api/users');
      draw();
    } catch (error) {
      clear(list, errorBox(error));
    }
  }

  // A new account: the administrator gives any role; a founder coordinator creates school coordinators.
  async function creator() {
    const login = h('input', {id: 'new-login', required: true, autocomplete: 'off', pattern: '[A-Za-z0-9._-]{3,64}'});
    const fullName = h('input', {id: 'new-name', required: true});
    const organisation = h('input', {id: 'new-organisation', required: true, size: 10});
    // The roles are the server's (Role), so a new one appears here without a change to the UI.
    const roles = has('ADMINISTRATOR') ? await get('/api/ui/roles') : ['SCHOOL_COORDINATOR'];
    const role = h('select', {id: 'new-role'}, roles.map((r) => h('option', {value: r}, roleLabel(r))));
    role.value = 'SCHOOL_COORDINATOR';
    const email = h('input', {id: 'new-email', type: 'email'});
    const outcome = h('div', {'aria-live': 'polite'});
    const create = h('button', {type: 'submit', id: 'new-create'}, t('users.create'));
    return h('details', {class: 'card', id: 'new-account'}, h('summary', {}, t('users.newAccount')),
      h('form', {class: 'filters', onSubmit: (e) => { e.preventDefault(); busy(create, async () => {
        clear(outcome);
        try {
          const made = await post('/api/users', {login: login.value.trim(), fullName: fullName.value.trim(),
            organisationCode: organisation.value.trim(), roles: [role.value], email: email.value.trim() || null, active: true});
          clear(outcome, h('div', {class: 'alert ok', role: 'alert'}, tx('users.created', {
            login: h('b', {}, made.account ? made.account.login : login.value),
            password: h('code', {class: 'secret', id: 'new-one-time'}, made.oneTimePassword)})));
          await reload();
        } catch (error) {
          clear(outcome, errorBox(error));
        }
      }); }},
      field(t('common.login'), login), field(t('users.fullName'), fullName),
      field(t('users.organisationCode'), organisation), field(t('users.role'), role),
      field(t('users.email'), email), create), outcome);
  }

  q.addEventListener('input', draw);
  onlyInactive.addEventListener('change', draw);
  add(main, h('div', {class: 'heading'}, h('h1', {}, t('users.users')),
    h('div', {class: 'actions'}, download('/api/users/registry.xlsx', t('users.coordinatorsRegistry')))),
  has('ADMINISTRATOR') ? await folders() : null,
  await creator(),
  secret,
  h('div', {class: 'filters'}, field(t('common.search'), q),
    h('div', {class: 'field check'}, onlyInactive, h('label', {for: 'users-inactive'}, t('users.inactiveOnly')))),
  list);
  await reload();
}

/** Electronic folders: generation runs on the server; this panel follows its progress, also after coming back. */
async function folders() {
  const status = h('div', {id: 'folders-status', 'aria-live': 'polite'});
  const ready = h('div', {});
  const generate = h('button', {type: 'button', id: 'folders-generate'}, t('users.generateFolders'));
  let timer = null;

  async function poll(fromTimer = false) {
    clearTimeout(timer);
    if (fromTimer && !status.isConnected) return; // the page was left: the server goes on, we stop asking
    try {
      const {job, folders: list} = await get('/api/users/folders');
      const running = job.state === 'RUNNING' || job.state === 'QUEUED';
      generate.disabled = running;
      clear(status,
        running ? h('div', {role: 'status'}, t('users.generating', {done: job.done, total: job.total}),
          ' ', h('progress', {max: job.total || 1, value: job.done})) : null,
        job.state === 'DONE' ? successBox(t('users.foldersDone', {at: moment(job.finished), folders: job.folders, total: job.total})) : null,
        job.state === 'FAILED' ? errorBox(new Error(text(job.errorMessages || job.error))) : null);
      clear(ready, list.length ? table([t('common.founder'), t('users.coordinator'), t('users.schools'),
        t('users.issued'), t('users.files')], list.map((f) => h('tr', {},
        h('td', {}, f.founderCode, ' ', f.founderName), h('td', {}, f.coordinatorLogin), h('td', {}, f.schools),
        h('td', {}, date(f.issuedOn)),
        h('td', {class: 'actions'}, download(`/api/users/folders/${encodeURIComponent(f.founderCode)}.xlsx`, 'XLSX'),
          h('a', {class: 'button secondary', target: '_blank', rel: 'noopener', href: `/api/users/folders/${encodeURIComponent(f.founderCode)}.html`},
            t('users.printable'))))))
        : h('p', {class: 'muted'}, t('users.noFolders')));
      timer = running ? setTimeout(() => poll(true), 1000) : 0;
    } catch (error) {
      clear(status, errorBox(error));
    }
  }

  generate.addEventListener('click', () => busy(generate, async () => {
    if (!confirm(t('users.confirmFolders'))) return;
    try {
      await post('/api/users/folders', {});
      await poll();
    } catch (error) {
      clear(status, errorBox(error));
    }
  }));
  await poll();
  return h('section', {class: 'card'}, h('h2', {}, t('users.electronicFolders')),
    h('p', {class: 'hint'}, t('users.foldersHint')),
    h('div', {class: 'actions'}, generate), status, ready);
}
