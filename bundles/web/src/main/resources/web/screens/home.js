// The home page: what this user has to do now, by role.
import {h, table, add} from '../lib/dom.js';
import {get} from '../lib/api.js';
import {t, text, stateLabel, roleLabel} from '../lib/i18n.js';
import {date, moment} from '../lib/format.js';
import {session, has, CENTRE} from '../lib/session.js';
import {badge, progress, errorBox} from '../lib/ui.js';
import {formSteps, withSchool} from '../lib/deadlines.js';

export async function render(main) {
  const me = session.me;
  add(main, h('h1', {}, t('home.myTasks')),
    h('p', {class: 'muted'}, me.roles.map(roleLabel).join(', '), me.organisationCode ? ` · ${me.organisationCode}` : ''));
  const sections = [];
  try {
    const [forms, deadlines, notes] = await Promise.all([
      has('ADMINISTRATOR', 'REGIONAL_COORDINATOR', 'MINISTRY_OFFICIAL', 'FOUNDER_COORDINATOR', 'SCHOOL_COORDINATOR')
        ? get('/api/forms') : Promise.resolve([]),
      formSteps().catch(() => ({steps: new Map(), today: new Date().toISOString().slice(0, 10), roadmaps: [], step: () => null})),
      get('/api/notifications').catch(() => ({items: []})),
    ]);
    const titles = new Map(forms.map((f) => [`${f.id}|${f.version}`, text(f.title)]));
    const title = (s) => titles.get(`${s.formId}|${s.formVersion}`) || s.formId;
    if (has('SCHOOL_COORDINATOR')) sections.push(await schoolTasks(title, deadlines));
    if (has(...CENTRE, 'FOUNDER_COORDINATOR')) sections.push(await verifierTasks(title, deadlines));
    sections.push(roadmapTasks(deadlines));
    if (has('ADMINISTRATOR')) sections.unshift(await systemState());
    if (notes.items && notes.items.length) {
      const latest = notes.items.slice(0, 5).map((n) => h('li', {class: n.readAt ? '' : 'unread'},
        h('strong', {}, n.title), ' ', h('span', {class: 'muted'}, moment(n.createdAt))));
      sections.push(h('section', {class: 'card'}, h('h2', {}, t('home.notifications')),
        h('ul', {class: 'plain'}, latest), h('a', {href: '#/notifications'}, t('home.allNotifications'))));
    }
  } catch (error) {
    sections.push(errorBox(error));
  }
  add(main, h('div', {class: 'grid'}, sections));
}

async function schoolTasks(title, deadlines) {
  const mine = await get(`/api/submissions?organisation=${encodeURIComponent(session.me.organisationCode)}`);
  const schools = await withSchool();
  const open = mine.filter((s) => schools.includes(s.state));
  const rows = open.map((s) => {
    const step = deadlines.step(s.formId, s.period);
    const late = step && step.deadline < deadlines.today;
    return h('tr', {class: late ? 'late' : ''},
      h('td', {}, h('a', {href: `#/submissions/${s.id}`}, title(s)), h('div', {class: 'muted'}, s.period)),
      h('td', {}, stateLabel(s.state), s.state === 'RETURNED' ? ' ' : null, s.state === 'RETURNED' ? badge(t('home.fix'), 'warn') : null),
      h('td', {}, step ? date(step.deadline) : '—', late ? ' ' : null, late ? badge(t('home.overdue'), 'bad') : null),
      h('td', {}, progress(s.completion)));
  });
  return h('section', {class: 'card wide'}, h('h2', {}, t('home.formsToFill')),
    rows.length ? table([t('common.form'), t('common.state'), t('home.due'), t('common.completion')], rows)
      : h('p', {}, t('home.allSubmitted')),
    h('a', {href: '#/submissions'}, t('home.allTheSchool')));
}

async function verifierTasks(title, deadlines) {
  const [submitted, verified, all, schools] = await Promise.all([
    get('/api/submissions?state=SUBMITTED'), get('/api/submissions?state=VERIFIED'), get('/api/submissions'), withSchool(),
  ]);
  const overdue = all.filter((s) => {
    const step = deadlines.step(s.formId, s.period);
    return schools.includes(s.state) && step && step.deadline < deadlines.today;
  });
  const list = (items, empty) => items.length
    ? h('ul', {class: 'plain'}, items.slice(0, 8).map((s) => h('li', {},
      h('a', {href: `#/submissions/${s.id}`}, `${s.organisationCode} ${s.organisationName}`), ' — ', title(s), ', ', s.period)),
    items.length > 8 ? h('li', {class: 'muted'}, t('home.andMore', {count: items.length - 8})) : null)
    : h('p', {class: 'muted'}, empty);
  return h('section', {class: 'card wide'}, h('h2', {}, t('home.verification')),
    h('div', {class: 'stats'},
      h('a', {href: '#/submissions?state=SUBMITTED', class: 'stat'}, h('b', {id: 'to-verify'}, submitted.length), t('home.toVerifyCount')),
      h('a', {href: '#/submissions?state=VERIFIED', class: 'stat'}, h('b', {}, verified.length), t('home.awaitTheLetter')),
      h('a', {href: '#/submissions?overdue=1', class: 'stat bad'}, h('b', {}, overdue.length), t('home.overdueAtSchools'))),
    h('h3', {}, t('home.toVerifyTitle')), list(submitted, t('home.nothingSubmitted')));
}

/** The administrator's first concern: is every module up? */
async function systemState() {
  const health = await fetch('/api/health').then((r) => r.json()).catch(() => null);
  if (!health) return h('div', {class: 'alert error wide', role: 'alert'}, t('home.serverDown'));
  const troubled = (health.modules || []).filter((m) => m.state !== 'ACTIVE' || (m.problems || []).length);
  return health.status === 'UP' && !troubled.length
    ? h('div', {class: 'alert ok wide'}, t('home.systemUp', {count: health.modules.length}))
    : h('div', {class: 'alert warn wide', role: 'alert'}, t('home.systemState', {status: health.status}), ' ',
      health.storage && health.storage.problem ? h('div', {}, health.storage.problem, ' ',
        t('home.freeSpace', {megabytes: Math.floor(health.storage.usableBytes / 1048576), folder: health.storage.folder})) : null,
      troubled.map((m) => h('div', {}, `${m.name || m.symbolicName}: ${m.state} ${(m.problems || []).join('; ')}`)),
      h('a', {href: '#/modules'}, t('common.modules')));
}

function roadmapTasks(deadlines) {
  const mine = [];
  for (const roadmap of deadlines.roadmaps) {
    for (const step of roadmap.steps) {
      if ((step.state === 'OPEN' || step.state === 'LATE') && has(step.responsible)) mine.push({...step, campaign: roadmap.code});
    }
  }
  mine.sort((a, b) => (a.deadline || '9999').localeCompare(b.deadline || '9999'));
  return h('section', {class: 'card'}, h('h2', {}, t('home.roadmap')),
    mine.length ? h('ul', {class: 'plain'}, mine.slice(0, 8).map((s) => h('li', {class: s.state === 'LATE' ? 'late' : ''},
      h('a', {href: `#/campaigns/${encodeURIComponent(s.campaign)}`}, s.title), ' — ', s.deadline ? date(s.deadline) : t('home.noDateYet'),
      s.state === 'LATE' ? [' ', badge(t('home.late'), 'bad')] : null)))
      : h('p', {class: 'muted'}, t('home.noOpenSteps')));
}
