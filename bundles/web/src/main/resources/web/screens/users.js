// Users: accounts within reach (activate, deactivate, new one-time password), the coordinators'
// registry, and the electronic folders (administrator) generated in the background with progress.
import {h, clear, field, table, busy, add} from '../lib/dom.js';
import {get, post, put} from '../lib/api.js';
import {tr, roleLabel, ROLES} from '../lib/i18n.js';
import {date, moment} from '../lib/format.js';
import {has} from '../lib/session.js';
import {errorBox, successBox, badge, download, toast} from '../lib/ui.js';

export async function render(main) {
  const list = h('div', {});
  const q = h('input', {id: 'users-q', type: 'search', placeholder: tr('логин, ФИО, код ОО', 'login, name, organisation code')});
  const onlyInactive = h('input', {type: 'checkbox', id: 'users-inactive'});
  const secret = h('div', {'aria-live': 'assertive'});
  let accounts = [];

  function draw() {
    const words = q.value.trim().toLowerCase().replace(/ё/g, 'е').split(/\s+/).filter(Boolean);
    const shown = accounts.filter((a) => (!onlyInactive.checked || !a.active) && words.every((w) =>
      `${a.login} ${a.fullName || ''} ${a.organisationCode || ''}`.toLowerCase().replace(/ё/g, 'е').includes(w)));
    clear(list, h('p', {class: 'muted', role: 'status'}, tr(`Учётных записей: ${shown.length}`, `Accounts: ${shown.length}`)),
      table([tr('Логин', 'Login'), tr('ФИО', 'Name'), tr('Организация', 'Organisation'), tr('Роли', 'Roles'),
        tr('Состояние', 'State'), tr('Действия', 'Actions')],
      shown.slice(0, 500).map((a) => h('tr', {dataset: {login: a.login}},
        h('td', {}, a.login), h('td', {}, a.fullName || ''), h('td', {}, a.organisationCode || ''),
        h('td', {}, a.roles.map(roleLabel).join(', '),
          a.roles.includes('OBSERVER') ? h('div', {class: 'muted'}, tr('наблюдает: ', 'observes: '),
            (a.observed || []).length ? a.observed.join(', ') : tr('ничего не назначено', 'nothing assigned')) : null),
        h('td', {}, a.active ? tr('активна', 'active') : badge(tr('не активна', 'inactive'), 'warn'),
          a.mustChangePassword ? h('div', {class: 'muted'}, tr('одноразовый пароль', 'one-time password')) : null),
        h('td', {class: 'actions'},
          a.login === 'admin' ? null : h('button', {type: 'button', class: 'secondary small', onClick: (e) => act(e.target, a, a.active ? 'deactivate' : 'activate')},
            a.active ? tr('Отключить', 'Deactivate') : tr('Активировать', 'Activate')),
          a.login === 'admin' ? null : h('button', {type: 'button', class: 'secondary small', onClick: (e) => reset(e.target, a)},
            tr('Новый пароль', 'New password')),
          a.roles.includes('OBSERVER') ? h('button', {type: 'button', class: 'secondary small', onClick: (e) => observe(e.target, a)},
            tr('Что наблюдает', 'Observed')) : null)))));
  }

  // An observer reads the subtrees of the organisations assigned to it: codes separated by commas or spaces.
  async function observe(button, account) {
    const answer = prompt(tr(`Коды организаций, которые наблюдает ${account.login} (через запятую; пусто — ничего):`,
      `Organisation codes ${account.login} observes (comma-separated; empty for none):`), (account.observed || []).join(', '));
    if (answer === null) return;
    await busy(button, async () => {
      try {
        await put(`/api/users/${encodeURIComponent(account.login)}/observed`,
          {organisations: answer.split(/[\s,;]+/).filter(Boolean)});
        toast(tr(`${account.login}: назначения сохранены`, `${account.login}: assignments saved`));
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
        toast(action === 'activate' ? tr(`${account.login}: активирована`, `${account.login}: activated`) : tr(`${account.login}: отключена`, `${account.login}: deactivated`));
        await reload();
      } catch (error) {
        toast(error.message, 'error');
      }
    });
  }

  async function reset(button, account) {
    if (!confirm(tr(`Выдать ${account.login} новый одноразовый пароль? Старый перестанет действовать.`,
      `Issue a new one-time password to ${account.login}? The old one stops working.`))) return;
    await busy(button, async () => {
      try {
        const answer = await post(`/api/users/${encodeURIComponent(account.login)}/reset-password`);
        clear(secret, h('div', {class: 'alert ok', role: 'alert'}, tr('Одноразовый пароль для ', 'One-time password for '), h('b', {}, account.login), ': ',
          h('code', {class: 'secret'}, answer.oneTimePassword), ' ', tr('— передайте его конфиденциально; он показан один раз.',
            '— hand it over confidentially; it is shown once.')));
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
  function creator() {
    const login = h('input', {id: 'new-login', required: true, autocomplete: 'off', pattern: '[A-Za-z0-9._-]{3,64}'});
    const fullName = h('input', {id: 'new-name', required: true});
    const organisation = h('input', {id: 'new-organisation', required: true, size: 10});
    const roles = has('ADMINISTRATOR') ? Object.keys(ROLES) : ['SCHOOL_COORDINATOR'];
    const role = h('select', {id: 'new-role'}, roles.map((r) => h('option', {value: r}, roleLabel(r))));
    role.value = 'SCHOOL_COORDINATOR';
    const email = h('input', {id: 'new-email', type: 'email'});
    const outcome = h('div', {'aria-live': 'polite'});
    const create = h('button', {type: 'submit', id: 'new-create'}, tr('Создать', 'Create'));
    return h('details', {class: 'card', id: 'new-account'}, h('summary', {}, tr('Новая учётная запись', 'New account')),
      h('form', {class: 'filters', onSubmit: (e) => { e.preventDefault(); busy(create, async () => {
        clear(outcome);
        try {
          const made = await post('/api/users', {login: login.value.trim(), fullName: fullName.value.trim(),
            organisationCode: organisation.value.trim(), roles: [role.value], email: email.value.trim() || null, active: true});
          clear(outcome, h('div', {class: 'alert ok', role: 'alert'}, tr('Создана учётная запись ', 'Created '), h('b', {}, made.account ? made.account.login : login.value),
            tr('. Одноразовый пароль: ', '. One-time password: '), h('code', {class: 'secret', id: 'new-one-time'}, made.oneTimePassword),
            tr(' — показан один раз; при первом входе пароль нужно сменить.', ' — shown once; it must be changed at first login.')));
          await reload();
        } catch (error) {
          clear(outcome, errorBox(error));
        }
      }); }},
      field(tr('Логин', 'Login'), login), field(tr('ФИО', 'Full name'), fullName),
      field(tr('Код организации', 'Organisation code'), organisation), field(tr('Роль', 'Role'), role),
      field(tr('E-mail', 'E-mail'), email), create), outcome);
  }

  q.addEventListener('input', draw);
  onlyInactive.addEventListener('change', draw);
  add(main, h('div', {class: 'heading'}, h('h1', {}, tr('Пользователи', 'Users')),
    h('div', {class: 'actions'}, download('/api/users/registry.xlsx', tr('Реестр координаторов', 'Coordinators\' registry')))),
  has('ADMINISTRATOR') ? await folders() : null,
  creator(),
  secret,
  h('div', {class: 'filters'}, field(tr('Поиск', 'Search'), q),
    h('div', {class: 'field check'}, onlyInactive, h('label', {for: 'users-inactive'}, tr('только неактивные', 'inactive only')))),
  list);
  await reload();
}

/** Electronic folders: generation runs on the server; this panel follows its progress, also after coming back. */
async function folders() {
  const status = h('div', {id: 'folders-status', 'aria-live': 'polite'});
  const ready = h('div', {});
  const generate = h('button', {type: 'button', id: 'folders-generate'}, tr('Сформировать электронные папки', 'Generate the electronic folders'));
  let timer = null;

  async function poll(fromTimer = false) {
    clearTimeout(timer);
    if (fromTimer && !status.isConnected) return; // the page was left: the server goes on, we stop asking
    try {
      const {job, folders: list} = await get('/api/users/folders');
      const running = job.state === 'RUNNING' || job.state === 'QUEUED';
      generate.disabled = running;
      clear(status,
        running ? h('div', {role: 'status'}, tr(`Формирование: ${job.done} из ${job.total} учётных записей`, `Generating: ${job.done} of ${job.total} accounts`),
          ' ', h('progress', {max: job.total || 1, value: job.done})) : null,
        job.state === 'DONE' ? successBox(tr(`Готово ${moment(job.finished)}: папок ${job.folders}, учётных записей ${job.total}.`,
          `Done ${moment(job.finished)}: ${job.folders} folders, ${job.total} accounts.`)) : null,
        job.state === 'FAILED' ? errorBox(new Error(job.error)) : null);
      clear(ready, list.length ? table([tr('Учредитель', 'Founder'), tr('Координатор', 'Coordinator'), tr('Школ', 'Schools'),
        tr('Выдана', 'Issued'), tr('Файлы', 'Files')], list.map((f) => h('tr', {},
        h('td', {}, f.founderCode, ' ', f.founderName), h('td', {}, f.coordinatorLogin), h('td', {}, f.schools),
        h('td', {}, date(f.issuedOn)),
        h('td', {class: 'actions'}, download(`/api/users/folders/${encodeURIComponent(f.founderCode)}.xlsx`, 'XLSX'),
          h('a', {class: 'button secondary', target: '_blank', rel: 'noopener', href: `/api/users/folders/${encodeURIComponent(f.founderCode)}.html`},
            tr('Для печати', 'Printable'))))))
        : h('p', {class: 'muted'}, tr('Папки ещё не сформированы с последнего запуска.', 'No folders generated since the last start.')));
      timer = running ? setTimeout(() => poll(true), 1000) : 0;
    } catch (error) {
      clear(status, errorBox(error));
    }
  }

  generate.addEventListener('click', () => busy(generate, async () => {
    if (!confirm(tr('Сформировать папки: всем координаторам учредителей и школам будут выданы новые одноразовые пароли. Продолжить?',
      'Generate folders: every founder coordinator and school gets a new one-time password. Continue?'))) return;
    try {
      await post('/api/users/folders', {});
      await poll();
    } catch (error) {
      clear(status, errorBox(error));
    }
  }));
  await poll();
  return h('section', {class: 'card'}, h('h2', {}, tr('Электронные папки', 'Electronic folders')),
    h('p', {class: 'hint'}, tr('Логины и одноразовые пароли для координаторов учредителей и их школ: один файл на учредителя. Формирование идёт на сервере и продолжается, если уйти со страницы.',
      'Logins and one-time passwords for founder coordinators and their schools, one file per founder. Generation runs on the server and goes on if you leave the page.')),
    h('div', {class: 'actions'}, generate), status, ready);
}
