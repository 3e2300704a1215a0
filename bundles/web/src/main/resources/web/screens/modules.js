// Module management (administrator): installed modules and their state, problems of form
// definitions; install by upload or by feature; start, stop, remove at runtime; module repositories.
import {h, clear, field, table, busy, add} from '../lib/dom.js';
import {api, get, post, del} from '../lib/api.js';
import {tr} from '../lib/i18n.js';
import {errorBox, successBox, badge} from '../lib/ui.js';
import {repositoriesPanel} from './module-repositories.js';

const KINDS = {core: ['ядро', 'core'], form: ['форма', 'form'], procedure: ['процедура', 'procedure'], module: ['модуль', 'module']};

export async function render(main) {
  const list = h('div', {});
  const result = h('div', {id: 'module-result', 'aria-live': 'polite'});
  const problems = h('div', {});

  async function show() {
    window.dispatchEvent(new Event('oko:modules-changed'));
    try {
      const [modules, formProblems] = await Promise.all([get('/api/modules'), get('/api/forms/problems')]);
      clear(list, table([tr('Модуль', 'Module'), tr('Вид', 'Kind'), tr('Версия', 'Version'), tr('Состояние', 'State'),
        tr('Компоненты', 'Components'), tr('Действия', 'Actions')],
      modules.map((m) => h('tr', {dataset: {module: m.symbolicName}},
        h('td', {}, h('b', {}, m.name || m.symbolicName), h('div', {class: 'muted'}, m.symbolicName),
          (m.problems || []).length ? h('ul', {class: 'problems'}, m.problems.map((p) => h('li', {}, p))) : null),
        h('td', {}, KINDS[m.kind] ? tr(...KINDS[m.kind]) : m.kind),
        h('td', {}, m.version),
        h('td', {}, badge(m.state, m.state === 'ACTIVE' ? 'ok' : 'warn')),
        h('td', {}, m.componentsTotal ? `${m.componentsSatisfied} / ${m.componentsTotal}` : '—'),
        h('td', {class: 'actions'}, m.kind === 'core' ? h('span', {class: 'muted'}, tr('часть платформы', 'part of the platform')) : [
          m.state === 'ACTIVE'
            ? h('button', {type: 'button', class: 'secondary small', onClick: (e) => act(e.target, () => post(`/api/modules/${m.symbolicName}/stop`), tr('остановлен', 'stopped'), m)}, tr('Остановить', 'Stop'))
            : h('button', {type: 'button', class: 'secondary small', onClick: (e) => act(e.target, () => post(`/api/modules/${m.symbolicName}/start`), tr('запущен', 'started'), m)}, tr('Запустить', 'Start')),
          h('button', {type: 'button', class: 'danger small', onClick: (e) => {
            if (confirm(tr(`Удалить модуль ${m.symbolicName}? Данные его форм сохранятся.`, `Remove ${m.symbolicName}? Its forms' data is kept.`))) {
              act(e.target, () => del(`/api/modules/${m.symbolicName}`), tr('удалён', 'removed'), m);
            }
          }}, tr('Удалить', 'Remove'))])))));
      clear(problems, formProblems.length ? h('div', {class: 'alert warn'}, h('strong', {}, tr('Отклонённые описания форм', 'Refused form definitions')),
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
  const upload = h('button', {type: 'button', id: 'module-upload'}, tr('Установить', 'Install'));
  upload.addEventListener('click', () => busy(upload, async () => {
    clear(result);
    const file = jar.files[0];
    if (!file) { clear(result, errorBox(new Error(tr('Выберите файл модуля (.jar)', 'Choose the module file (.jar)')))); return; }
    if (!file.name.toLowerCase().endsWith('.jar')) { clear(result, errorBox(new Error(tr('Модуль — это файл .jar', 'A module is a .jar file')))); return; }
    if (file.size > 50 * 1024 * 1024) { clear(result, errorBox(new Error(tr('Файл больше 50 МБ', 'The file is larger than 50 MB')))); return; }
    clear(result, h('p', {role: 'status'}, tr('Установка…', 'Installing…'), ' ', h('progress', {})));
    try {
      const m = await api('POST', '/api/modules', file, 'application/java-archive');
      clear(result, successBox(tr(`Модуль «${m.name || m.symbolicName}» ${m.version} установлен и запущен.`, `Module «${m.name || m.symbolicName}» ${m.version} is installed and running.`)));
      jar.value = '';
    } catch (error) {
      clear(result, errorBox(error));
    }
    await show();
  }));
  const feature = h('input', {id: 'module-feature', placeholder: 'oko-form-miac-1'});
  const installFeature = h('button', {type: 'submit', class: 'secondary'}, tr('Установить фичу', 'Install the feature'));

  add(main, h('h1', {}, tr('Модули', 'Modules')),
    h('div', {class: 'grid'},
      h('div', {class: 'card'}, h('h2', {}, tr('Загрузить модуль', 'Upload a module')),
        field(tr('Файл модуля (.jar, до 50 МБ)', 'Module file (.jar, up to 50 MB)'), jar),
        h('p', {class: 'hint'}, tr('Модуль устанавливается без перезапуска; ядро не перезапускается.', 'Installed at runtime; the core is not restarted.')), upload),
      h('form', {class: 'card', onSubmit: (e) => { e.preventDefault(); busy(installFeature, async () => {
        clear(result);
        try {
          const m = await post('/api/modules', {feature: feature.value.trim()});
          clear(result, successBox(tr(`Установлено: ${m.name || m.symbolicName}`, `Installed: ${m.name || m.symbolicName}`)));
        } catch (error) { clear(result, errorBox(error)); }
        await show();
      }); }}, h('h2', {}, tr('Фича Karaf', 'Karaf feature')), field(tr('Имя фичи', 'Feature name'), feature), installFeature)),
    result, problems, list, repositoriesPanel(show));
  await show();
}
