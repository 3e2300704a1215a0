// Module management (administrator): installed modules and their state, problems of form
// definitions; install by upload or by feature; start, stop, remove at runtime; module repositories.
import {h, clear, field, table, busy, add} from '../lib/dom.js';
import {api, get, post, del} from '../lib/api.js';
import {t} from '../lib/i18n.js';
import {errorBox, successBox, badge} from '../lib/ui.js';
import {repositoriesPanel} from './module-repositories.js';

// Module kinds; labels are modules.kind.<kind>.
const KINDS = ['core', 'form', 'procedure', 'module'];

export async function render(main) {
  const list = h('div', {});
  const result = h('div', {id: 'module-result', 'aria-live': 'polite'});
  const problems = h('div', {});

  async function show() {
    window.dispatchEvent(new Event('oko:modules-changed'));
    try {
      const [modules, formProblems] = await Promise.all([get('/api/modules'), get('/api/forms/problems')]);
      clear(list, table([t('modules.module'), t('modules.kind'), t('modules.version'), t('common.state'),
        t('modules.components'), t('common.actions')],
      modules.map((m) => h('tr', {dataset: {module: m.symbolicName}},
        h('td', {}, h('b', {}, m.name || m.symbolicName), h('div', {class: 'muted'}, m.symbolicName),
          (m.problems || []).length ? h('ul', {class: 'problems'}, m.problems.map((p) => h('li', {}, p))) : null),
        h('td', {}, KINDS.includes(m.kind) ? t('modules.kind.' + m.kind) : m.kind),
        h('td', {}, m.version),
        h('td', {}, badge(m.state, m.state === 'ACTIVE' ? 'ok' : 'warn')),
        h('td', {}, m.componentsTotal ? `${m.componentsSatisfied} / ${m.componentsTotal}` : '—'),
        h('td', {class: 'actions'}, m.kind === 'core' ? h('span', {class: 'muted'}, t('modules.partOfPlatform')) : [
          m.state === 'ACTIVE'
            ? h('button', {type: 'button', class: 'secondary small', onClick: (e) => act(e.target, () => post(`/api/modules/${m.symbolicName}/stop`), t('modules.stopped'), m)}, t('modules.stop'))
            : h('button', {type: 'button', class: 'secondary small', onClick: (e) => act(e.target, () => post(`/api/modules/${m.symbolicName}/start`), t('modules.started'), m)}, t('modules.start')),
          h('button', {type: 'button', class: 'danger small', onClick: (e) => {
            if (confirm(t('modules.confirmRemove', {name: m.symbolicName}))) {
              act(e.target, () => del(`/api/modules/${m.symbolicName}`), t('modules.removed'), m);
            }
          }}, t('modules.remove'))])))));
      clear(problems, formProblems.length ? h('div', {class: 'alert warn'}, h('strong', {}, t('modules.refusedDefinitions')),
        h('ul', {}, formProblems.map((p) => h('li', {}, `${p.source || ''} ${p.file || ''}: ${p.message}`)))) : null);
    } catch (error) {
      clear(list, errorBox(error));
    }
  }

  async function act(button, call, done, m) {
    await busy(button, async () => {
      clear(result);
      try {
        await call();
        clear(result, successBox(`${m.name || m.symbolicName}: ${done}`));
      } catch (error) {
        clear(result, errorBox(error));
      }
      await show();
    });
  }

  const jar = h('input', {type: 'file', id: 'module-file', accept: '.jar'});
  const upload = h('button', {type: 'button', id: 'module-upload'}, t('modules.install'));
  upload.addEventListener('click', () => busy(upload, async () => {
    clear(result);
    const file = jar.files[0];
    if (!file) { clear(result, errorBox(new Error(t('modules.chooseFile')))); return; }
    if (!file.name.toLowerCase().endsWith('.jar')) { clear(result, errorBox(new Error(t('modules.jarOnly')))); return; }
    if (file.size > 50 * 1024 * 1024) { clear(result, errorBox(new Error(t('modules.fileIsLarger')))); return; }
    clear(result, h('p', {role: 'status'}, t('modules.installing'), ' ', h('progress', {})));
    try {
      const m = await api('POST', '/api/modules', file, 'application/java-archive');
      clear(result, successBox(t('modules.moduleIsInstalled', {name: m.name || m.symbolicName, version: m.version})));
      jar.value = '';
    } catch (error) {
      clear(result, errorBox(error));
    }
    await show();
  }));
  const feature = h('input', {id: 'module-feature', placeholder: 'oko-form-miac-1'});
  const installFeature = h('button', {type: 'submit', class: 'secondary'}, t('modules.installTheFeature'));

  add(main, h('h1', {}, t('common.modules')),
    h('div', {class: 'grid'},
      h('div', {class: 'card'}, h('h2', {}, t('modules.uploadAModule')),
        field(t('modules.moduleFileJar'), jar),
        h('p', {class: 'hint'}, t('modules.uploadHint')), upload),
      h('form', {class: 'card', onSubmit: (e) => { e.preventDefault(); busy(installFeature, async () => {
        clear(result);
        try {
          const m = await post('/api/modules', {feature: feature.value.trim()});
          clear(result, successBox(t('modules.installed', {name: m.name || m.symbolicName})));
        } catch (error) { clear(result, errorBox(error)); }
        await show();
      }); }}, h('h2', {}, t('modules.karafFeature')), field(t('modules.featureName'), feature), installFeature)),
    result, problems, list, repositoriesPanel(show));
  await show();
}
