// Module repositories on the administrator's module screen: repositories added by URL, the modules
// each offers with versions and descriptions, install / upgrade / rollback, the history of changes,
// and publishing a KAR into this installation's own repository for other regions.
import {h, clear, field, table, busy} from '../lib/dom.js';
import {get, post, del, query, upload} from '../lib/api.js';
import {t} from '../lib/i18n.js';
import {errorBox, successBox, badge, progress} from '../lib/ui.js';
import {moment} from '../lib/format.js';

// What an install did; labels are repositories.action.<action>.
const ACTIONS = ['install', 'upgrade', 'downgrade', 'rollback'];
const actionLabel = (action) => (ACTIONS.includes(action) ? t('repositories.action.' + action) : action);
function outcomeText(outcome) {
  const params = {feature: outcome.feature, version: outcome.version, action: actionLabel(outcome.action), previous: outcome.previousVersion};
  return outcome.previousVersion ? t('repositories.outcomeFrom', params) : t('repositories.outcome', params);
}
const OWN = `${location.origin}/api/module-repositories/published/`;

/** The panel; onChange runs after every install, upgrade or rollback (the module list above refreshes). */
export function repositoriesPanel(onChange) {
  const result = h('div', {id: 'repository-result', 'aria-live': 'polite'});
  const list = h('div', {id: 'repository-list'});
  const history = h('div', {});
  const url = h('input', {id: 'repository-url', type: 'url', placeholder: 'https://modules.example.ru/oko/', size: 50});
  const addButton = h('button', {type: 'submit'}, t('repositories.add'));

  async function show() {
    try {
      const repositories = await get('/api/module-repositories');
      clear(list, repositories.length ? repositories.map(repositoryCard)
        : h('p', {class: 'muted'}, t('repositories.none')));
      const changes = await get('/api/module-repositories/history');
      clear(history, changes.length ? table([t('common.when'), t('repositories.module'), t('repositories.version'),
        t('common.action'), t('common.who')], changes.slice(0, 20).map((c) => h('tr', {},
        h('td', {}, moment(c.at)), h('td', {}, c.feature), h('td', {}, c.version),
        h('td', {}, actionLabel(c.action)), h('td', {}, c.by))),
      t('repositories.history')) : null);
    } catch (error) {
      clear(list, errorBox(error));
    }
  }

  function repositoryCard(repository) {
    const offers = h('div', {});
    const showButton = h('button', {type: 'button', class: 'secondary small'}, t('repositories.showModules'));
    showButton.addEventListener('click', () => busy(showButton, () => showOffers(repository.url, offers)));
    const removeButton = h('button', {type: 'button', class: 'danger small'}, t('repositories.remove'));
    removeButton.addEventListener('click', () => busy(removeButton, async () => {
      if (!confirm(t('repositories.confirmRemove', {url: repository.url}))) return;
      await run(() => del(`/api/module-repositories${query({url: repository.url})}`), t('repositories.repositoryRemoved'));
    }));
    return h('div', {class: 'card', dataset: {repository: repository.url}},
      h('h3', {}, repository.url), h('p', {class: 'muted'}, t('repositories.addedBy', {by: repository.addedBy, at: moment(repository.addedAt)})),
      h('div', {class: 'actions'}, showButton, removeButton), offers);
  }

  async function showOffers(repositoryUrl, target) {
    try {
      const offers = await get(`/api/module-repositories/modules${query({url: repositoryUrl})}`);
      clear(target, table([t('repositories.module'), t('repositories.version'), t('repositories.description'),
        t('repositories.here'), t('common.actions')], offers.map((o) => h('tr', {dataset: {feature: o.feature, version: o.version}},
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
      const back = h('button', {type: 'button', class: 'secondary small'}, t('repositories.rollBack'));
      back.addEventListener('click', () => busy(back, async () => {
        if (!confirm(t('repositories.confirmRollback', {feature: o.feature, version: o.version}))) return;
        await run(() => post('/api/module-repositories/rollback', {feature: o.feature}), null);
        await showOffers(repositoryUrl, target);
      }));
      return back;
    }
    const label = o.installedVersion ? t('repositories.moveTo', {version: o.version}) : t('repositories.install');
    const button = h('button', {type: 'button', class: 'small'}, label);
    button.addEventListener('click', () => busy(button, async () => {
      await run(() => post('/api/module-repositories/install', {repository: repositoryUrl, feature: o.feature, version: o.version}), null);
      await showOffers(repositoryUrl, target);
    }));
    return button;
  }

  /** Runs a change and says what it did: the outcome of an install, or the text given. */
  async function run(call, done) {
    clear(result, h('p', {role: 'status'}, t('repositories.working'), ' ', h('progress', {})));
    try {
      const outcome = await call();
      const said = done || (outcome && outcome.action ? outcomeText(outcome) : '');
      clear(result, successBox(said));
    } catch (error) {
      clear(result, errorBox(error));
    }
    await show();
    onChange();
  }

  const kar = h('input', {type: 'file', id: 'repository-kar', accept: '.kar'});
  const publish = h('button', {type: 'button', id: 'repository-publish', class: 'secondary'}, t('repositories.publish'));
  publish.addEventListener('click', () => busy(publish, async () => {
    const file = kar.files[0];
    if (!file || !file.name.toLowerCase().endsWith('.kar')) {
      clear(result, errorBox(new Error(t('repositories.chooseFile'))));
      return;
    }
    const bar = progress(0, t('repositories.uploading'));
    clear(result, bar);
    try {
      const entries = await upload('/api/module-repositories/published', file, 'application/octet-stream',
        (share) => { bar.querySelector('progress').value = Math.round(share * 100); });
      clear(result, successBox(t('repositories.published', {entries: entries.map((e) => `${e.feature} ${e.version}`).join(', '), url: OWN})));
      kar.value = '';
    } catch (error) {
      clear(result, errorBox(error));
    }
  }));

  const form = h('form', {class: 'card', onSubmit: (e) => {
    e.preventDefault();
    busy(addButton, () => run(() => post('/api/module-repositories', {url: url.value.trim()}), t('repositories.repositoryAdded'))
      .then(() => { url.value = ''; }));
  }}, h('h2', {}, t('repositories.moduleRepositories')),
  h('p', {class: 'hint'}, t('repositories.hint')),
  field(t('repositories.repositoryUrl'), url), addButton);

  const publishCard = h('div', {class: 'card'}, h('h2', {}, t('repositories.publishAModule')),
    field(t('repositories.moduleArchiveKar'), kar,
      t('repositories.otherRegionsAdd', {url: OWN})), publish);

  show();
  return h('section', {id: 'module-repositories'}, h('div', {class: 'grid'}, form, publishCard), result, list, history);
}
