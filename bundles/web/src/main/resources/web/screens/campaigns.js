// Campaigns and their roadmaps: every step with its state, deadline and who is responsible;
// the centre marks steps done, records events, copies a campaign to the next year, edits its JSON.
import {h, clear, field, table, busy, add} from '../lib/dom.js';
import {get, post, put, api} from '../lib/api.js';
import {tr, roleLabel} from '../lib/i18n.js';
import {date, moment, parseDate} from '../lib/format.js';
import {has, CENTRE, ASSIGNERS} from '../lib/session.js';
import {errorBox, successBox, badge, toast} from '../lib/ui.js';

const STEP_STATES = {DONE: ['выполнен', 'done', 'ok'], LATE: ['просрочен', 'late', 'bad'], OPEN: ['открыт', 'open', ''],
  WAITING: ['ждёт события', 'waiting', 'muted']};

export async function render(main, [code]) {
  if (code) return roadmap(main, code);
  const list = await get('/api/campaigns');
  add(main, h('h1', {}, tr('Кампании мониторинга', 'Monitoring campaigns')),
    list.length ? table([tr('Код', 'Code'), tr('Название', 'Title'), tr('Год', 'Year'), tr('Шагов', 'Steps')],
      list.map((c) => h('tr', {}, h('td', {}, h('a', {href: `#/campaigns/${encodeURIComponent(c.code)}`}, c.code)),
        h('td', {}, c.title), h('td', {}, c.year), h('td', {}, c.steps))))
      : h('p', {class: 'muted'}, tr('Кампаний пока нет.', 'No campaigns yet.')),
    has(...CENTRE) ? editor(null) : null);
}

async function roadmap(main, code) {
  const box = h('div', {});
  add(main, h('p', {class: 'crumbs'}, h('a', {href: '#/campaigns'}, tr('Кампании', 'Campaigns')), ' › ', code), box);

  async function show() {
    try {
      const r = await get(`/api/campaigns/${encodeURIComponent(code)}/roadmap`);
      const centre = has(...CENTRE);
      clear(box,
        h('h1', {}, r.title),
        h('p', {class: 'muted'}, tr('Дорожная карта', 'Roadmap'), ' · ', tr('сегодня ', 'today '), date(r.today),
          Object.keys(r.events || {}).length ? [' · ', tr('события: ', 'events: '), Object.entries(r.events).map(([k, v]) => `${k} ${date(v)}`).join(', ')] : null),
        h('div', {class: 'scroll'}, table([tr('Шаг', 'Step'), tr('Ответственный', 'Responsible'), tr('Срок', 'Deadline'),
          tr('Состояние', 'State'), tr('Форма', 'Form'), ''],
        r.steps.map((s) => {
          const [ru, en, kind] = STEP_STATES[s.state] || [s.state, s.state, ''];
          return h('tr', {class: s.state === 'LATE' ? 'late' : '', dataset: {step: s.id}},
            h('td', {}, s.title),
            h('td', {}, s.responsibleLabel || roleLabel(s.responsible)),
            h('td', {}, s.deadline ? date(s.deadline) : h('span', {class: 'muted'}, tr('после события', 'after an event'))),
            h('td', {}, badge(tr(ru, en), kind), s.doneAt ? h('div', {class: 'muted'}, `${s.doneBy}, ${moment(s.doneAt)}`) : null),
            h('td', {}, s.form ? [s.form, ' · ', s.period, s.assigned != null ? h('div', {class: 'muted'},
              tr(`назначено ${s.assigned}, отправлено ${s.submitted}`, `${s.assigned} assigned, ${s.submitted} submitted`)) : null] : ''),
            h('td', {class: 'actions'},
              s.form ? h('a', {href: `#/campaigns/${encodeURIComponent(code)}/steps/${encodeURIComponent(s.id)}/dashboard`}, tr('Ход сбора', 'Progress')) : null,
              s.form && has(...ASSIGNERS) ? h('a', {href: `#/assign?target=${encodeURIComponent(`step|${code}|${s.id}`)}`}, tr('Назначить', 'Assign')) : null,
              !s.form && centre ? h('button', {type: 'button', class: 'secondary small', onClick: (e) => busy(e.target, async () => {
                try {
                  await api(s.state === 'DONE' ? 'DELETE' : 'POST', `/api/campaigns/${encodeURIComponent(code)}/steps/${encodeURIComponent(s.id)}/done`);
                  await show();
                } catch (error) { toast(error.message, 'error'); }
              })}, s.state === 'DONE' ? tr('Снять отметку', 'Undo') : tr('Выполнено', 'Mark done')) : null));
        }))),
        centre ? centreTools(code, show) : null);
    } catch (error) {
      clear(box, errorBox(error));
    }
  }
  await show();
}

function centreTools(code, refresh) {
  const eventName = h('input', {id: 'event-name', placeholder: 'vpr-results'});
  const eventDate = h('input', {id: 'event-date', placeholder: 'ДД.ММ.ГГГГ', size: 10});
  const eventResult = h('div', {'aria-live': 'polite'});
  const record = h('button', {type: 'submit'}, tr('Записать событие', 'Record the event'));
  const copyCode = h('input', {id: 'copy-code'});
  const copyYear = h('input', {id: 'copy-year', inputmode: 'numeric', size: 6});
  const copyResult = h('div', {'aria-live': 'polite'});
  const copy = h('button', {type: 'submit'}, tr('Скопировать', 'Copy'));
  return h('div', {class: 'grid'},
    h('form', {class: 'card', onSubmit: (e) => { e.preventDefault(); busy(record, async () => {
      const iso = parseDate(eventDate.value);
      if (!iso) { clear(eventResult, errorBox(new Error(tr('Дата в формате ДД.ММ.ГГГГ', 'A date as DD.MM.YYYY')))); return; }
      try {
        await post(`/api/campaigns/${encodeURIComponent(code)}/events`, {name: eventName.value.trim(), date: iso});
        clear(eventResult, successBox(tr('Событие записано: сроки от него пересчитаны.', 'Recorded: deadlines after it are set.')));
        await refresh();
      } catch (error) { clear(eventResult, errorBox(error)); }
    }); }}, h('h2', {}, tr('Событие', 'Event')),
    h('p', {class: 'hint'}, tr('Например, пришли результаты ВПР: шаги «N дней после события» получают срок.', 'E.g. the ВПР results arrived: steps "N days after the event" get their deadline.')),
    field(tr('Событие', 'Event'), eventName), field(tr('Дата', 'Date'), eventDate), record, eventResult),
    h('form', {class: 'card', onSubmit: (e) => { e.preventDefault(); busy(copy, async () => {
      try {
        const made = await post(`/api/campaigns/${encodeURIComponent(code)}/copy`, {code: copyCode.value.trim(), year: Number(copyYear.value) || null});
        clear(copyResult, successBox([tr('Создана кампания ', 'Created '), h('a', {href: `#/campaigns/${encodeURIComponent(copyCode.value.trim())}`}, copyCode.value.trim())]));
        return made;
      } catch (error) { clear(copyResult, errorBox(error)); }
    }); }}, h('h2', {}, tr('Копия на следующий год', 'Copy to the next year')),
    h('p', {class: 'hint'}, tr('Даты сдвигаются на год, периоды переименовываются.', 'Dates move by a year; periods are renamed.')),
    field(tr('Код новой кампании', 'New campaign code'), copyCode), field(tr('Год', 'Year'), copyYear), copy, copyResult),
    editor(code));
}

/** The campaign as JSON (docs/scheduling.md): create a new one or edit this one with its version. */
function editor(code) {
  const area = h('textarea', {id: 'campaign-json', rows: 14, spellcheck: 'false', class: 'code'});
  const result = h('div', {'aria-live': 'polite'});
  const save = h('button', {type: 'submit'}, code ? tr('Сохранить', 'Save') : tr('Создать кампанию', 'Create the campaign'));
  let version = null;
  const details = h('details', {class: 'card wide', onToggle: async (e) => {
    if (!e.target.open || !code || version != null) return;
    try {
      const current = await get(`/api/campaigns/${encodeURIComponent(code)}`);
      version = current.version;
      area.value = JSON.stringify(current.definition, null, 2);
    } catch (error) { clear(result, errorBox(error)); }
  }},
  h('summary', {}, code ? tr('Редактировать (JSON)', 'Edit (JSON)') : tr('Новая кампания (JSON)', 'New campaign (JSON)')),
  h('form', {onSubmit: (e) => { e.preventDefault(); busy(save, async () => {
    let body;
    try { body = JSON.parse(area.value); } catch (error) {
      clear(result, errorBox(new Error(tr('Это не JSON: ', 'Not JSON: ') + error.message))); return;
    }
    try {
      if (code) {
        const saved = await put(`/api/campaigns/${encodeURIComponent(code)}?version=${version}`, body);
        version = saved.version;
        clear(result, successBox(tr('Сохранено.', 'Saved.')));
      } else {
        await post('/api/campaigns', body);
        location.hash = `#/campaigns/${encodeURIComponent(body.code)}`;
      }
    } catch (error) { clear(result, errorBox(error)); }
  }); }}, h('label', {for: 'campaign-json'}, tr('Описание кампании: шаги, ответственные, сроки (см. docs/scheduling.md)', 'The campaign: steps, responsible roles, deadlines (see docs/scheduling.md)')),
  area, save, result));
  return details;
}
