// The compendium's screen: the centre builds a year's edition (a background job whose progress the task tray shows),
// reads it as PDF, HTML or XLSX, approves and publishes it; the ministry reads every edition. Which chapters a build
// leaves out (their module not installed) the server says, from the spec and the sources installed.
import {h, clear, field, table, busy} from '/lib/dom.js';
import {get, post, del} from '/lib/api.js';
import {moduleMessages, text} from '/lib/i18n.js';
import {has} from '/lib/session.js';
import {errorBox, successBox, badge, heading, progress} from '/lib/ui.js';
import {moment} from '/lib/format.js';
import {startTask} from '/lib/tasks.js';

const t = await moduleMessages(import.meta.url);
const CENTRE = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR'];
const BADGES = {DRAFT: 'warn', APPROVED: '', PUBLISHED: 'ok', WITHDRAWN: 'muted'};

export async function render(main) {
  const list = h('div', {id: 'compendium-editions'});
  const status = h('div', {id: 'compendium-status', 'aria-live': 'polite'});
  main.append(heading(t('compendium.title')), h('p', {class: 'muted'}, t('compendium.lead')));
  if (has(...CENTRE)) main.append(await buildForm(status, () => show(list, status)));
  main.append(status, list);
  await show(list, status);
}

async function buildForm(status, reload) {
  const {specs, sources} = await get('/api/compendium/specs');
  const year = h('input', {id: 'compendium-year', type: 'number', min: 2000, max: 2100, size: 6, value: String(new Date().getFullYear())});
  const spec = h('select', {id: 'compendium-spec'}, specs.map((s) => h('option', {value: s.key}, `${text(s.title)} (v${s.version})`)));
  const missing = h('p', {class: 'muted', id: 'compendium-missing'});
  const showMissing = () => {
    const chosen = specs.find((s) => s.key === spec.value);
    const absent = chosen ? chosen.chapters.map((c) => c.source).filter((s) => !sources.includes(s)) : [];
    missing.textContent = absent.length ? t('compendium.missing', {sources: absent.join(', ')}) : '';
  };
  spec.addEventListener('change', showMissing);
  showMissing();
  const button = h('button', {type: 'button', id: 'compendium-build'}, t('compendium.build'));
  button.addEventListener('click', () => busy(button, async () => {
    try {
      const job = await post('/api/compendium/editions', {year: Number(year.value), spec: spec.value});
      const bar = h('div', {}, progress(0, t('compendium.building')));
      clear(status, h('p', {role: 'status'}, t('compendium.building')), bar);
      const task = startTask(t('compendium.task', {year: year.value}), '#/x/compendium', (report) => follow(job.id, (j) => {
        const share = j.total > 0 ? j.done / j.total : null;
        report({progress: share, note: j.chapter || ''});
        clear(bar, progress(share == null ? 0 : share * 100, t('compendium.building')));
      }));
      const done = await task.promise;
      clear(status, successBox(t('compendium.built', {edition: done.number})));
      await reload();
    } catch (error) {
      clear(status, errorBox(error));
    }
  }));
  return h('div', {class: 'filters'}, field(t('compendium.year'), year), field(t('compendium.spec'), spec), button, missing);
}

/** Polls the build until it ends; resolves with the job, or rejects with its reason. */
async function follow(id, onProgress) {
  for (;;) {
    const job = await get(`/api/compendium/jobs/${id}`);
    onProgress(job);
    if (job.state === 'DONE') return job;
    if (job.state === 'FAILED') throw new Error(job.errorMessages ? (document.documentElement.lang === 'en' ? job.errorMessages.en : job.errorMessages.ru) : job.error);
    await new Promise((resolve) => setTimeout(resolve, 700));
  }
}

async function show(list, status) {
  const editions = await get('/api/compendium/editions');
  if (!editions.length) {
    clear(list, h('p', {class: 'muted'}, t('compendium.none')));
    return;
  }
  const rows = editions.map((e) => {
    const base = `/api/compendium/editions/${e.id}/compendium`;
    const files = h('span', {class: 'files'},
      h('a', {href: `${base}.pdf`, target: '_blank', rel: 'noopener'}, 'PDF'), ' · ',
      h('a', {href: `${base}.html`, target: '_blank', rel: 'noopener'}, 'HTML'), ' · ',
      h('a', {href: `${base}.xlsx`, download: ''}, 'XLSX'), ' · ',
      h('a', {href: `${base}.pdf?lang=en`, target: '_blank', rel: 'noopener', lang: 'en'}, 'PDF (EN)'));
    const actions = h('span', {class: 'actions'});
    if (has(...CENTRE)) {
      const act = (label, path, confirmText) => {
        const b = h('button', {type: 'button', class: 'secondary', id: `compendium-${path}-${e.id}`}, label);
        b.addEventListener('click', () => busy(b, async () => {
          if (confirmText && !window.confirm(confirmText)) return;
          try {
            if (path === 'delete') await del(`/api/compendium/editions/${e.id}`);
            else await post(`/api/compendium/editions/${e.id}/${path}`);
            clear(status, successBox(t(`compendium.done.${path}`, {edition: e.edition, year: String(e.year)})));
            await show(list, status);
          } catch (error) {
            clear(status, errorBox(error));
          }
        }));
        return b;
      };
      if (e.status === 'DRAFT') actions.append(act(t('compendium.approve'), 'approve'), act(t('compendium.delete'), 'delete', t('compendium.delete-confirm')));
      if (e.status === 'APPROVED') actions.append(act(t('compendium.publish'), 'publish', t('compendium.publish-confirm')));
      if (e.status === 'PUBLISHED') actions.append(act(t('compendium.withdraw'), 'withdraw', t('compendium.withdraw-confirm')));
    }
    return h('tr', {id: `compendium-edition-${e.id}`},
      h('td', {}, String(e.year)), h('td', {}, String(e.edition)),
      h('td', {}, badge(t(`compendium.status.${e.status}`), BADGES[e.status] || '')),
      h('td', {}, `${e.builtBy}, ${moment(e.builtAt)}`),
      h('td', {}, e.approvedBy ? `${e.approverName ? `${e.approverName} (${e.approvedBy})` : e.approvedBy}, ${moment(e.approvedAt)}` : '—'),
      h('td', {}, e.publishedAt ? moment(e.publishedAt) : '—'),
      h('td', {}, files), h('td', {}, actions));
  });
  clear(list, table([t('compendium.col.year'), t('compendium.col.edition'), t('compendium.col.status'), t('compendium.col.built'),
    t('compendium.col.approved'), t('compendium.col.published'), t('compendium.col.files'), t('compendium.col.actions')], rows,
  t('compendium.editions')));
}
