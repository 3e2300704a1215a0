// The ВПР module's screen: form 7 of a school beside its territory and the region with charts, the
// schools' figures, the signs of non-objective results, and the import of results files.
import {h, clear, field, table, busy, add} from '/lib/dom.js';
import {get, post, put, query, upload} from '/lib/api.js';
import {tr, text} from '/lib/i18n.js';
import {moment} from '/lib/format.js';
import {has} from '/lib/session.js';
import {errorBox, successBox, badge, download} from '/lib/ui.js';
import {startTask} from '/lib/tasks.js';
import {columnChoice} from '/lib/columns.js';

const IMPORTERS = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR'];
const ANALYSTS = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR', 'MINISTRY_OFFICIAL', 'FOUNDER_COORDINATOR'];
const RULES = {TOP_MARKS: ['много «5»', 'top marks'], JOURNAL_RAISED: ['выше журнала', 'above journal'],
  JOURNAL_LOWERED: ['ниже журнала', 'below journal'], TASK_PROFILE: ['профиль заданий', 'task profile'], YEAR_JUMP: ['рост за год', 'year jump']};
const pct = (v) => (v == null ? '—' : String(v).replace('.', ',') + ' %');
const num = (v) => (v == null ? '—' : String(v).replace('.', ','));

const READERS = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR', 'MINISTRY_OFFICIAL', 'FOUNDER_COORDINATOR', 'SCHOOL_COORDINATOR', 'OBSERVER'];
const REPORT_READERS = ['ADMINISTRATOR', 'REGIONAL_COORDINATOR', 'MINISTRY_OFFICIAL'];

export async function render(main, params, q) {
  if (!has(...READERS)) { // an expert: only the works assigned to them
    add(main, h('h1', {}, tr('ВПР: мои работы на перепроверку', 'VPR: my works to re-mark')));
    const box = h('div', {});
    add(main, box);
    await expertWorks(box);
    return;
  }
  const specs = await get('/api/vpr/specs');
  const test = h('select', {id: 'vpr-test'}, specs.map((s) => h('option', {value: s.key || `${s.year}-${s.subject}-${s.grade}`},
    `${s.year} · ${s.subjectName} · ${s.grade} ${tr('класс', 'grade')} (v${s.version})`)));
  const body = h('div', {id: 'vpr-body'});
  const tabs = [['stats', tr('Форма 7', 'Form 7'), statistics], ['schools', tr('Школы', 'Schools'), schools]];
  if (has(...ANALYSTS)) tabs.push(['flags', tr('Признаки необъективности', 'Signs of non-objectivity'), flags]);
  if (has(...REPORT_READERS)) tabs.push(['remarking', tr('Перепроверка', 'Re-marking'), remarking]);
  if (has(...IMPORTERS)) tabs.push(['import', tr('Загрузка результатов', 'Import results'), importer]);
  let current = q && q.get('tab') || 'stats';
  const bar = h('div', {class: 'actions', role: 'group', 'aria-label': tr('Разделы ВПР', 'VPR sections')});
  const specOf = () => specs.find((s) => `${s.year}-${s.subject}-${s.grade}` === test.value);
  function show() {
    clear(bar, tabs.map(([key, title]) => h('button', {type: 'button', id: `vpr-tab-${key}`, class: key === current ? '' : 'secondary',
      'aria-pressed': String(key === current), onClick: () => { current = key; show(); }}, title)));
    const tab = tabs.find(([key]) => key === current) || tabs[0];
    clear(body, h('p', {class: 'muted'}, tr('Загрузка…', 'Loading…')));
    tab[2](body, specOf()).catch((error) => clear(body, errorBox(error)));
  }
  test.addEventListener('change', show);
  add(main, h('div', {class: 'heading'}, h('h1', {}, tr('ВПР', 'VPR')), field(tr('Работа', 'Test'), test)), bar, body);
  if (!specs.length) { clear(body, h('p', {}, tr('Нет описаний ВПР.', 'No VPR specs.'))); return; }
  show();
}

const keyOf = (spec) => `${spec.year}-${spec.subject}-${spec.grade}`;

async function statistics(body, spec) {
  const lines = await get(`/api/vpr/tests/${keyOf(spec)}/schools`);
  const school = h('select', {id: 'vpr-school'}, h('option', {value: ''}, tr('— регион и территории —', '— region and territories —')),
    lines.map((l) => h('option', {value: l.figures.code}, `${l.figures.code} ${l.figures.name}`)));
  if (lines.length === 1) school.value = lines[0].figures.code;
  const out = h('div', {id: 'vpr-form7'});
  async function draw() {
    const f7 = await get(`/api/vpr/tests/${keyOf(spec)}/form7` + query({school: school.value}));
    const groups = [f7.school, f7.territory, f7.region].filter(Boolean);
    const row = (label, pick) => h('tr', {}, h('th', {scope: 'row'}, label), groups.map((g) => h('td', {class: 'num'}, pick(g))));
    clear(out,
      h('div', {class: 'scroll'}, h('table', {}, h('caption', {}, tr('Шаблон статистического отчёта по результатам ВПР (форма 7)', 'VPR statistical report (form 7)')),
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, ''), groups.map((g) => h('th', {scope: 'col'}, g.name)))),
        h('tbody', {},
          row(tr('Участников', 'Participants'), (g) => g.participants),
          [2, 3, 4, 5].map((m) => row(tr(`«${m}»`, `Mark ${m}`), (g) => pct(g.marks[m]))),
          row(tr('Качество (4+5)', 'Quality (4+5)'), (g) => pct(g.quality)),
          row(tr('Успеваемость (3+4+5)', 'Pass rate (3+4+5)'), (g) => pct(g.success)),
          row(tr('Средний первичный балл', 'Mean primary score'), (g) => num(g.meanScore)),
          row(tr('Понизили (ВПР < журнала)', 'Lowered (VPR < journal)'), (g) => pct(g.lowered)),
          row(tr('Подтвердили', 'Confirmed'), (g) => pct(g.confirmed)),
          row(tr('Повысили (ВПР > журнала)', 'Raised (VPR > journal)'), (g) => pct(g.raised))))),
      h('div', {class: 'grid'},
        h('figure', {class: 'card'}, h('figcaption', {}, tr('Распределение отметок, %', 'Marks, %')),
          bars(['2', '3', '4', '5'], groups.map((g) => ({name: g.name, values: [2, 3, 4, 5].map((m) => g.marks[m] || 0)})))),
        h('figure', {class: 'card'}, h('figcaption', {}, tr('Выполнение заданий, %', 'Task success, %')),
          bars(spec.tasks.map((t) => t.label), groups.map((g) => ({name: g.name, values: g.taskSuccess.map((v) => v || 0)}))))),
      f7.flags.length ? h('div', {class: 'alert warn'}, h('strong', {}, tr('Признаки необъективности', 'Signs of non-objectivity')),
        h('ul', {}, f7.flags.map((f) => h('li', {}, h('b', {}, f.title), ': ', f.explanation)))) : null);
  }
  school.addEventListener('change', () => draw().catch((e) => clear(out, errorBox(e))));
  clear(body, field(tr('Школа', 'School'), school), out);
  await draw();
}

/** Grouped bars in plain SVG: one colour per group, values 0–100. */
function bars(labels, series) {
  const colours = ['#1d4f91', '#c98a00', '#6b7785'];
  const ns = 'http://www.w3.org/2000/svg';
  const width = Math.max(320, labels.length * (series.length * 10 + 14) + 40);
  const height = 180;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height + 40}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', series.map((s) => `${s.name}: ${s.values.map((v, i) => `${labels[i]} ${v}`).join(', ')}`).join('; '));
  const el = (name, attrs, content) => {
    const node = document.createElementNS(ns, name);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
    if (content != null) node.textContent = content;
    svg.append(node);
  };
  el('line', {x1: 30, y1: height, x2: width, y2: height, stroke: '#8a96a3'});
  [0, 50, 100].forEach((v) => el('text', {x: 0, y: height - v * 1.6 + 4, 'font-size': 10, fill: '#55606b'}, v));
  const group = series.length * 10 + 14;
  labels.forEach((label, i) => {
    series.forEach((s, j) => {
      const v = Math.max(0, Math.min(100, Number(s.values[i]) || 0));
      el('rect', {x: 34 + i * group + j * 10, y: height - v * 1.6, width: 9, height: v * 1.6, fill: colours[j % colours.length]},
        null);
    });
    el('text', {x: 34 + i * group, y: height + 14, 'font-size': 10, fill: '#1b1f24'}, label);
  });
  series.forEach((s, j) => {
    el('rect', {x: 34 + j * 110, y: height + 24, width: 10, height: 10, fill: colours[j % colours.length]});
    el('text', {x: 48 + j * 110, y: height + 33, 'font-size': 10, fill: '#1b1f24'}, s.name.slice(0, 18));
  });
  return svg;
}

async function schools(body, spec) {
  const lines = await get(`/api/vpr/tests/${keyOf(spec)}/schools`);
  const rows = lines.map((l) => h('tr', {},
    h('td', {}, l.figures.code, ' ', l.figures.name),
    h('td', {class: 'num'}, l.figures.participants),
    [2, 3, 4, 5].map((m) => h('td', {class: 'num'}, pct(l.figures.marks[m]))),
    h('td', {class: 'num'}, pct(l.figures.quality)),
    h('td', {class: 'num'}, pct(l.figures.lowered)),
    h('td', {class: 'num'}, pct(l.figures.raised)),
    h('td', {}, l.flags.map((f) => badge(RULES[f] ? tr(...RULES[f]) : f, 'bad')))));
  clear(body, h('div', {class: 'actions'}, download(`/api/vpr/tests/${keyOf(spec)}/export.xlsx`, tr('Таблицы в Excel', 'Tables in Excel'))),
    lines.length ? table([tr('ОО', 'School'), tr('Участников', 'Participants'), '«2»', '«3»', '«4»', '«5»',
      tr('Качество', 'Quality'), tr('Понизили', 'Lowered'), tr('Повысили', 'Raised'), tr('Признаки', 'Signs')], rows)
      : h('p', {class: 'muted'}, tr('Результатов этой работы пока нет.', 'No results of this test yet.')));
}

async function flags(body, spec) {
  const list = await get(`/api/vpr/tests/${keyOf(spec)}/flags`);
  clear(body, h('p', {class: 'hint'}, tr('Пороги — решение региона (etc/org.oko.vpr.cfg). Признак — повод для методической помощи и перепроверки, не вывод.',
    'Thresholds are the region\'s decision (etc/org.oko.vpr.cfg). A sign is a reason for help and re-marking, not a verdict.')),
  list.length ? table([tr('ОО', 'School'), tr('Признак', 'Sign'), tr('Почему', 'Why')],
    list.map((f) => h('tr', {}, h('td', {}, f.school), h('td', {}, badge(f.title, 'bad')), h('td', {}, f.explanation))))
    : h('p', {}, tr('Признаков необъективности не найдено.', 'No signs of non-objectivity.')));
}

async function importer(body, spec) {
  const file = h('input', {type: 'file', id: 'vpr-file', accept: '.xlsx,.csv'});
  const replace = h('input', {type: 'checkbox', id: 'vpr-replace'});
  const start = h('button', {type: 'button', id: 'vpr-import'}, tr('Загрузить', 'Import'));
  const result = h('div', {id: 'vpr-import-result', 'aria-live': 'polite'});
  const history = h('div', {});
  // What the person chose a file's column to mean (header → column id, '' = leave out); remembered by the server once the file imports.
  let mapping = {};
  file.addEventListener('change', () => { mapping = {}; clear(result); });
  async function drawHistory() {
    const data = await get('/api/vpr/imports');
    clear(history, h('h2', {}, tr('Загруженные файлы', 'Imported files')), data.history.length ? table(
      [tr('Когда', 'When'), tr('Работа', 'Test'), tr('Файл', 'File'), tr('Кто', 'Who'), tr('Работ', 'Works'), tr('Заменено', 'Replaced')],
      data.history.map((l) => h('tr', {}, h('td', {}, moment(l.at)), h('td', {}, l.testKey), h('td', {}, l.fileName), h('td', {}, l.actor),
        h('td', {class: 'num'}, l.works), h('td', {class: 'num'}, l.replaced)))) : h('p', {class: 'muted'}, tr('Пока ничего.', 'Nothing yet.')));
  }
  start.addEventListener('click', () => busy(start, async () => {
    const chosen = file.files[0];
    if (!chosen) { clear(result, errorBox(new Error(tr('Выберите файл XLSX или CSV', 'Choose an XLSX or CSV file')))); return; }
    if (!/\.(xlsx|csv)$/i.test(chosen.name)) { clear(result, errorBox(new Error(tr('Нужен файл .xlsx или .csv', 'An .xlsx or .csv file is needed')))); return; }
    const url = '/api/vpr/imports' + query({test: keyOf(spec), name: chosen.name, replace: replace.checked ? 'true' : '',
      columns: Object.keys(mapping).length ? JSON.stringify(mapping) : ''});
    const task = startTask(tr('ВПР: ', 'VPR: ') + chosen.name, '#/x/vpr?tab=import', async (progress) => {
      let job = await upload(url, chosen, chosen.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/octet-stream',
        (share) => progress({progress: share < 1 ? share : null, note: tr(`передача ${Math.round(share * 100)} %`, `uploading ${Math.round(share * 100)} %`)}));
      while (!['DONE', 'FAILED'].includes(job.state)) {
        progress({progress: null, note: job.state === 'WRITING' ? tr(`проверено ${job.rowsRead}, записано ${job.rowsWritten}`, `checked ${job.rowsRead}, written ${job.rowsWritten}`)
          : tr(`проверено строк: ${job.rowsRead}`, `rows checked: ${job.rowsRead}`)});
        if (result.isConnected) clear(result, h('p', {role: 'status'}, job.state === 'WRITING' ? tr(`Проверено строк: ${job.rowsRead}; записано работ (фиксируются в конце): ${job.rowsWritten}`, `Rows checked: ${job.rowsRead}; works written (committed at the end): ${job.rowsWritten}`)
          : tr(`Проверка: прочитано строк ${job.rowsRead}`, `Checking: ${job.rowsRead} rows read`), ' ', h('progress', {})));
        await new Promise((r) => setTimeout(r, 700));
        job = await get(`/api/vpr/imports/${job.id}`);
      }
      return job;
    });
    try {
      const job = await task.promise;
      if (!result.isConnected) return;
      if (job.state === 'DONE') {
        clear(result, successBox(tr(`Загружено работ: ${job.works}` + (job.replaced ? `, заменено ${job.replaced}` : ''),
          `Imported works: ${job.works}` + (job.replaced ? `, replaced ${job.replaced}` : ''))));
        await drawHistory();
      } else {
        const again = h('button', {type: 'button', id: 'vpr-import-again', hidden: true}, tr('Загрузить с выбранными столбцами', 'Import with the chosen columns'));
        again.addEventListener('click', () => start.click());
        clear(result, errorBox(new Error(job.error)),
          columnChoice(job.columns, '/api/vpr/columns' + query({test: keyOf(spec)}), (header, column) => { mapping[header] = column; again.hidden = false; }, 'vpr-columns'),
          again,
          job.problems.length ? table([tr('Строка', 'Row'), tr('Столбец', 'Column'), tr('Ошибка', 'Error')],
            job.problems.slice(0, 300).map((p) => h('tr', {}, h('td', {}, p.row || ''), h('td', {}, p.column || ''), h('td', {}, p.message))))
            : null);
      }
    } catch (error) {
      clear(result, errorBox(error));
    }
  }));
  clear(body, h('div', {class: 'card'},
    h('p', {class: 'hint'}, tr(`Файл выгрузки ФИС ОКО по работе «${spec.subjectName}, ${spec.grade} класс, ${spec.year}»: строка на участника, задания — столбцы (${spec.tasks.map((t) => t.label).join(', ')}). Файл с любой ошибкой не загружается целиком.`,
      `The federal export for "${spec.subjectName}, grade ${spec.grade}, ${spec.year}": a row per participant, tasks as columns. A file with any error is not imported at all.`)),
    field(tr('Файл (XLSX или CSV)', 'File (XLSX or CSV)'), file),
    h('div', {class: 'field check'}, replace, h('label', {for: 'vpr-replace'}, tr('заменить ранее загруженные результаты этих школ', 'replace the earlier results of these schools'))),
    start, result), history);
  await drawHistory();
}

/** Re-marking: the centre sends a sample of flagged schools' works to experts and reads what they found. */
async function remarking(body, spec) {
  const [overview, flagged] = await Promise.all([get(`/api/vpr/tests/${keyOf(spec)}/remarking`), get(`/api/vpr/tests/${keyOf(spec)}/flags`)]);
  const r = overview.report;
  const schools = [...new Set(flagged.map((f) => f.school))];
  const result = h('div', {id: 'vpr-remark-result', 'aria-live': 'polite'});
  const groupTable = (title, groups) => table([title, tr('Назначено', 'Assigned'), tr('Проверено', 'Done'), tr('Балл школы', 'School score'),
    tr('Балл эксперта', 'Expert score'), tr('Разница', 'Difference'), tr('Отметка изменилась', 'Mark changed')],
  groups.map((g) => h('tr', {}, h('td', {}, g.key), h('td', {class: 'num'}, g.assigned), h('td', {class: 'num'}, g.done),
    h('td', {class: 'num'}, num(g.meanOriginal)), h('td', {class: 'num'}, num(g.meanRemarked)), h('td', {class: 'num'}, num(g.meanDifference)),
    h('td', {class: 'num'}, `${g.marksChanged} (${pct(g.marksChangedShare)})`))));
  let organiser = null;
  if (has(...IMPORTERS)) {
    const schoolBoxes = schools.map((code) => h('input', {type: 'checkbox', id: `rm-school-${code}`, value: code, checked: true}));
    const expertBoxes = overview.experts.map((login) => h('input', {type: 'checkbox', id: `rm-expert-${login}`, value: login, checked: true}));
    const sample = h('input', {id: 'rm-sample', inputmode: 'numeric', size: 4, value: '20'});
    const assign = h('button', {type: 'button', id: 'rm-assign'}, tr('Назначить экспертам', 'Assign to experts'));
    assign.addEventListener('click', () => busy(assign, async () => {
      try {
        const done = await post(`/api/vpr/tests/${keyOf(spec)}/remarking`, {
          schools: schoolBoxes.filter((b) => b.checked).map((b) => b.value), sample: Number(sample.value),
          experts: expertBoxes.filter((b) => b.checked).map((b) => b.value)});
        clear(result, successBox(tr(`Назначено работ: ${done.works}`, `Works assigned: ${done.works}`) + ' — ' +
          Object.entries(done.byExpert).map(([e, n]) => `${e}: ${n}`).join(', ')));
      } catch (error) {
        clear(result, errorBox(error));
      }
    }));
    organiser = h('div', {class: 'card'}, h('h2', {}, tr('Новая перепроверка', 'New re-marking')),
      schools.length ? h('fieldset', {class: 'choices'}, h('legend', {}, tr('Школы с признаками необъективности', 'Schools with signs')),
        schoolBoxes.map((b) => h('label', {for: b.id, class: 'check'}, b, ' ', b.value)))
        : h('p', {class: 'muted'}, tr('Школ с признаками нет.', 'No schools with signs.')),
      overview.experts.length ? h('fieldset', {class: 'choices'}, h('legend', {}, tr('Эксперты', 'Experts')),
        expertBoxes.map((b) => h('label', {for: b.id, class: 'check'}, b, ' ', b.value)))
        : h('p', {class: 'muted'}, tr('Нет активных экспертов: создайте учётные записи с ролью «Эксперт».', 'No active experts: create accounts with the Expert role.')),
      field(tr('Работ на школу', 'Works per school'), sample), assign, result);
  }
  const taskRows = r.tasks.map((t) => h('tr', {}, h('td', {}, t.task), h('td', {class: 'num'}, t.max),
    h('td', {class: 'num'}, num(t.meanOriginal)), h('td', {class: 'num'}, num(t.meanRemarked)), h('td', {class: 'num'}, num(t.meanDifference))));
  const taskTable = table([tr('Задание', 'Task'), tr('Максимум', 'Max'), tr('Балл школы', 'School score'), tr('Балл эксперта', 'Expert score'),
    tr('Разница', 'Difference')], taskRows);
  clear(body, organiser, h('h2', {}, tr('Итоги перепроверки', 'Re-marking results')),
    r.total.assigned ? [groupTable(tr('ОО', 'School'), r.schools), groupTable(tr('Эксперт', 'Expert'), r.experts), taskTable]
      : h('p', {class: 'muted'}, tr('Перепроверка по этой работе ещё не назначалась.', 'No re-marking for this test yet.')));
}

/** The expert's own works: a score per task, saved work by work. */
async function expertWorks(box) {
  const works = await get('/api/vpr/remarking/mine');
  clear(box, works.length ? works.map((w) => {
    const inputs = w.tasks.map((t, i) => h('input', {size: 2, inputmode: 'numeric', value: w.scores[i] == null ? '' : String(w.scores[i]),
      'aria-label': tr(`Задание ${t.label}, максимум ${t.max}`, `Task ${t.label}, max ${t.max}`)}));
    const state = h('span', {'aria-live': 'polite'}, w.done ? badge(tr('проверена', 'done'), 'ok') : '');
    const save = h('button', {type: 'button', class: 'secondary small'}, tr('Сохранить', 'Save'));
    save.addEventListener('click', () => busy(save, async () => {
      try {
        await put(`/api/vpr/remarking/${w.id}`, {scores: inputs.map((x) => Number(x.value.trim() || 'NaN'))});
        clear(state, badge(tr('проверена', 'done'), 'ok'));
      } catch (error) {
        clear(state, errorBox(error));
      }
    }));
    return h('div', {class: 'card'}, h('h2', {}, `${w.subjectName}, ${w.grade} ${tr('класс', 'grade')} · ${tr('работа', 'work')} ${w.participant}`),
      h('div', {class: 'actions'}, w.tasks.map((t, i) => h('label', {class: 'task-score'}, `${t.label} (≤${t.max}) `, inputs[i]))), save, ' ', state);
  }) : h('p', {}, tr('Работ на перепроверку вам не назначено.', 'No works are assigned to you.')));
}
