// Module repositories on the administrator's module screen: repositories added by URL, the modules
// each offers with versions and descriptions, install / upgrade / rollback, the history of changes,
// and publishing a KAR into this installation's own repository for other regions.
import {h, clear, field, table, busy} from '../lib/dom.js';
import {get, post, del, query, upload} from '../lib/api.js';
import {tr} from '../lib/i18n.js';
import {errorBox, successBox, badge, progress} from '../lib/ui.js';
import {moment} from '../lib/format.js';

const ACTIONS = {install: ['установлен', 'installed'], upgrade: ['обновлён', 'upgraded'],
  downgrade: ['возвращён к более ранней версии', 'downgraded'], rollback: ['откачен', 'rolled back']};
const OWN = `${location.origin}/api/module-repositories/published/`;

/** The panel; onChange runs after every install, upgrade or rollback (the module list above refreshes). */
export function repositoriesPanel(onChange) {
  const result = h('div', {id: 'repository-result', 'aria-live': 'polite'});
  const list = h('div', {id: 'repository-list'});
  const history = h('div', {});
  const url = h('input', {id: 'repository-url', type: 'url', placeholder: 'https://modules.example.ru/oko/', size: 50});
  const addButton = h('button', {type: 'submit'}, tr('Добавить', 'Add'));

  async function show() {
    try {
      const repositories = await get('/api/module-repositories');
      clear(list, repositories.length ? repositories.map(repositoryCard)
        : h('p', {class: 'muted'}, tr('Репозиториев пока нет: добавьте адрес, который дал другой регион.',
          'No repositories yet: add the URL another region gave you.')));
      const changes = await get('/api/module-repositories/history');
      clear(history, changes.length ? table([tr('Когда', 'When'), tr('Модуль', 'Module'), tr('Версия', 'Version'),
        tr('Действие', 'Action'), tr('Кто', 'Who')], changes.slice(0, 20).map((c) => h('tr', {},
        h('td', {}, moment(c.at)), h('td', {}, c.feature), h('td', {}, c.version),
        h('td', {}, ACTIONS[c.action] ? tr(...ACTIONS[c.action]) : c.action), h('td', {}, c.by))),
      tr('Установки, обновления и откаты', 'Installs, upgrades and rollbacks')) : null);
    } catch (error) {
      clear(list, errorBox(error));
    }
  }

  function repositoryCard(repository) {
    const offers = h('div', {});
    const showButton = h('button', {type: 'button', class: 'secondary small'}, tr('Показать модули', 'Show modules'));
    showButton.addEventListener('click', () => busy(showButton, () => showOffers(repository.url, offers)));
    const removeButton = h('button', {type: 'button', class: 'danger small'}, tr('Убрать', 'Remove'));
    removeButton.addEventListener('click', () => busy(removeButton, async () => {
      if (!confirm(tr(`Убрать репозиторий ${repository.url}? Установленные из него модули останутся.`,
        `Remove ${repository.url}? Modules installed from it stay.`))) return;
      await run(() => del(`/api/module-repositories${query({url: repository.url})}`), tr('Репозиторий убран', 'Repository removed'));
    }));
    return h('div', {class: 'card', dataset: {repository: repository.url}},
      h('h3', {}, repository.url), h('p', {class: 'muted'}, tr(`добавил ${repository.addedBy}, ${moment(repository.addedAt)}`,
        `added by ${repository.addedBy}, ${moment(repository.addedAt)}`)),
      h('div', {class: 'actions'}, showButton, removeButton), offers);
  }

  async function showOffers(repositoryUrl, target) {
    try {
      const offers = await get(`/api/module-repositories/modules${query({url: repositoryUrl})}`);
      clear(target, table([tr('Модуль', 'Module'), tr('Версия', 'Version'), tr('Описание', 'Description'),
        tr('Здесь', 'Here'), tr('Действия', 'Actions')], offers.map((o) => h('tr', {dataset: {feature: o.feature, version: o.version}},
        h('td', {}, h('b', {}, o.name || o.feature), h('div', {class: 'muted'}, o.feature)),
        h('td', {}, o.version), h('td', {}, o.description || ''),
        h('td', {}, o.installedVersion ? badge(o.installedVersion, o.installedVersion === o.version ? 'ok' : 'warn') : '—'),
        h('td', {class: 'actions'}, offerAction(repositoryUrl, o, target))))));
    } catch (error) {
      clear(target, errorBox(error));
    }
  }

  function offerAction(repositoryUrl, o, target) {
    if (o.installedVersion === o.version) {
      const back = h('button', {type: 'button', class: 'secondary small'}, tr('Откатить', 'Roll back'));
      back.addEventListener('click', () => busy(back, async () => {
        if (!confirm(tr(`Вернуть ${o.feature} к версии, установленной до ${o.version}? Данные сохранятся.`,
          `Return ${o.feature} to the version installed before ${o.version}? Data is kept.`))) return;
        await run(() => post('/api/module-repositories/rollback', {feature: o.feature}), null);
        await showOffers(repositoryUrl, target);
      }));
      return back;
    }
    const label = o.installedVersion ? tr(`Перейти на ${o.version}`, `Move to ${o.version}`) : tr('Установить', 'Install');
    const button = h('button', {type: 'button', class: 'small'}, label);
    button.addEventListener('click', () => busy(button, async () => {
      await run(() => post('/api/module-repositories/install', {repository: repositoryUrl, feature: o.feature, version: o.version}), null);
      await showOffers(repositoryUrl, target);
    }));
    return button;
  }

  /** Runs a change and says what it did: the outcome of an install, or the text given. */
  async function run(call, done) {
    clear(result, h('p', {role: 'status'}, tr('Выполняется…', 'Working…'), ' ', h('progress', {})));
    try {
      const outcome = await call();
      const said = done || (outcome && outcome.action ? tr(
        `${outcome.feature} ${outcome.version}: ${tr(...ACTIONS[outcome.action])}${outcome.previousVersion ? ` (было ${outcome.previousVersion})` : ''}.`,
        `${outcome.feature} ${outcome.version}: ${tr(...ACTIONS[outcome.action])}${outcome.previousVersion ? ` (was ${outcome.previousVersion})` : ''}.`) : '');
      clear(result, successBox(said));
    } catch (error) {
      clear(result, errorBox(error));
    }
    await show();
    onChange();
  }

  const kar = h('input', {type: 'file', id: 'repository-kar', accept: '.kar'});
  const publish = h('button', {type: 'button', id: 'repository-publish', class: 'secondary'}, tr('Опубликовать', 'Publish'));
  publish.addEventListener('click', () => busy(publish, async () => {
    const file = kar.files[0];
    if (!file || !file.name.toLowerCase().endsWith('.kar')) {
      clear(result, errorBox(new Error(tr('Выберите архив модуля (.kar)', 'Choose the module archive (.kar)'))));
      return;
    }
    const bar = progress(0, tr('Загрузка', 'Uploading'));
    clear(result, bar);
    try {
      const entries = await upload('/api/module-repositories/published', file, 'application/octet-stream',
        (share) => { bar.querySelector('progress').value = Math.round(share * 100); });
      clear(result, successBox(tr(`Опубликовано: ${entries.map((e) => `${e.feature} ${e.version}`).join(', ')}. Адрес репозитория для других регионов: ${OWN}`,
        `Published: ${entries.map((e) => `${e.feature} ${e.version}`).join(', ')}. Repository URL for other regions: ${OWN}`)));
      kar.value = '';
    } catch (error) {
      clear(result, errorBox(error));
    }
  }));

  const form = h('form', {class: 'card', onSubmit: (e) => {
    e.preventDefault();
    busy(addButton, () => run(() => post('/api/module-repositories', {url: url.value.trim()}), tr('Репозиторий добавлен', 'Repository added'))
      .then(() => { url.value = ''; }));
  }}, h('h2', {}, tr('Репозитории модулей', 'Module repositories')),
  h('p', {class: 'hint'}, tr('Модули других регионов: адрес http(s) или папка (file:), где лежит oko-modules.json. Модуль, собранный для другой версии ОКО, не устанавливается — причина будет названа.',
    'Modules of other regions: an http(s) URL or a folder (file:) holding oko-modules.json. A module built for another OKO version is refused with the reason.')),
  field(tr('Адрес репозитория', 'Repository URL'), url), addButton);

  const publishCard = h('div', {class: 'card'}, h('h2', {}, tr('Опубликовать модуль', 'Publish a module')),
    field(tr('Архив модуля (.kar, до 50 МБ)', 'Module archive (.kar, up to 50 MB)'), kar,
      tr(`Другие регионы добавляют адрес ${OWN}`, `Other regions add ${OWN}`)), publish);

  show();
  return h('section', {id: 'module-repositories'}, h('div', {class: 'grid'}, form, publishCard), result, list, history);
}
