// Campaigns and their roadmaps: every step with its state, deadline and who is responsible;
// the centre marks steps done, records events, copies a campaign to the next year, edits its JSON.
import {h, clear, field, table, busy, add} from '../lib/dom.js';
import {get, post, put, api} from '../lib/api.js';
import {t, tx, roleLabel} from '../lib/i18n.js';
import {date, moment, parseDate} from '../lib/format.js';
import {has, CENTRE, ASSIGNERS} from '../lib/session.js';
import {errorBox, successBox, badge, toast} from '../lib/ui.js';

// Roadmap step states and the colour of their badge; labels are campaigns.stepState.<STATE>.
const STEP_STATES = {DONE: 'ok', LATE: 'bad', OPEN: '', WAITING: 'muted'};

export async function render(main, [code]) {
  if (code) return roadmap(main, code);
  const list = await get('/api/campaigns');
  add(main, h('h1', {}, t('campaigns.monitoringCampaigns')),
    list.length ? table([t('common.code'), t('campaigns.title'), t('campaigns.year'), t('campaigns.steps')],
      list.map((c) => h('tr', {}, h('td', {}, h('a', {href: `#/campaigns/${encodeURIComponent(c.code)}`}, c.code)),
        h('td', {}, c.title), h('td', {}, c.year), h('td', {}, c.steps))))
      : h('p', {class: 'muted'}, t('campaigns.noCampaignsYet')),
    has(...CENTRE) ? editor(null) : null);
}

async function roadmap(main, code) {
  const box = h('div', {});
  add(main, h('p', {class: 'crumbs'}, h('a', {href: '#/campaigns'}, t('common.campaigns')), ' › ', code), box);

  async function show() {
    try {
      const r = await get(`/api/campaigns/${encodeURIComponent(code)}/roadmap`);
      const centre = has(...CENTRE);
      clear(box,
        h('h1', {}, r.title),
        h('p', {class: 'muted'}, t('campaigns.roadmap'), ' · ', t('campaigns.today', {date: date(r.today)}),
          Object.keys(r.events || {}).length
            ? [' · ', t('campaigns.events', {events: Object.entries(r.events).map(([k, v]) => `${k} ${date(v)}`).join(', ')})] : null),
        h('div', {class: 'scroll'}, table([t('campaigns.step'), t('campaigns.responsible'), t('campaigns.deadline'),
          t('common.state'), t('common.form'), ''],
        r.steps.map((s) => {
          const known = s.state in STEP_STATES;
          return h('tr', {class: s.state === 'LATE' ? 'late' : '', dataset: {step: s.id}},
            h('td', {}, s.title),
            h('td', {}, s.responsibleLabel || roleLabel(s.responsible)),
            h('td', {}, s.deadline ? date(s.deadline) : h('span', {class: 'muted'}, t('campaigns.afterAnEvent'))),
            h('td', {}, badge(known ? t('campaigns.stepState.' + s.state) : s.state, known ? STEP_STATES[s.state] : ''), s.doneAt ? h('div', {class: 'muted'}, `${s.doneBy}, ${moment(s.doneAt)}`) : null),
            h('td', {}, s.form ? [s.form, ' · ', s.period, s.assigned != null ? h('div', {class: 'muted'},
              t('campaigns.assignedSubmitted', {assigned: s.assigned, submitted: s.submitted})) : null] : ''),
            h('td', {class: 'actions'},
              s.form ? h('a', {href: `#/campaigns/${encodeURIComponent(code)}/steps/${encodeURIComponent(s.id)}/dashboard`}, t('campaigns.progress')) : null,
              s.form && has(...ASSIGNERS) ? h('a', {href: `#/assign?target=${encodeURIComponent(`step|${code}|${s.id}`)}`}, t('campaigns.assign')) : null,
              !s.form && centre ? h('button', {type: 'button', class: 'secondary small', onClick: (e) => busy(e.target, async () => {
                try {
                  await api(s.state === 'DONE' ? 'DELETE' : 'POST', `/api/campaigns/${encodeURIComponent(code)}/steps/${encodeURIComponent(s.id)}/done`);
                  await show();
                } catch (error) { toast(error.message, 'error'); }
              })}, s.state === 'DONE' ? t('campaigns.undo') : t('campaigns.markDone')) : null));
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
  const record = h('button', {type: 'submit'}, t('campaigns.recordTheEvent'));
  const copyCode = h('input', {id: 'copy-code'});
  const copyYear = h('input', {id: 'copy-year', inputmode: 'numeric', size: 6});
  const copyResult = h('div', {'aria-live': 'polite'});
  const copy = h('button', {type: 'submit'}, t('campaigns.copy'));
  return h('div', {class: 'grid'},
    h('form', {class: 'card', onSubmit: (e) => { e.preventDefault(); busy(record, async () => {
      const iso = parseDate(eventDate.value);
      if (!iso) { clear(eventResult, errorBox(new Error(t('campaigns.dateFormat')))); return; }
      try {
        await post(`/api/campaigns/${encodeURIComponent(code)}/events`, {name: eventName.value.trim(), date: iso});
        clear(eventResult, successBox(t('campaigns.eventRecorded')));
        await refresh();
      } catch (error) { clear(eventResult, errorBox(error)); }
    }); }}, h('h2', {}, t('campaigns.event')),
    h('p', {class: 'hint'}, t('campaigns.eventExample')),
    field(t('campaigns.event'), eventName), field(t('campaigns.date'), eventDate), record, eventResult),
    h('form', {class: 'card', onSubmit: (e) => { e.preventDefault(); busy(copy, async () => {
      try {
        const made = await post(`/api/campaigns/${encodeURIComponent(code)}/copy`, {code: copyCode.value.trim(), year: Number(copyYear.value) || null});
        clear(copyResult, successBox(tx('campaigns.createdCampaign',
          {campaign: h('a', {href: `#/campaigns/${encodeURIComponent(copyCode.value.trim())}`}, copyCode.value.trim())})));
        return made;
      } catch (error) { clear(copyResult, errorBox(error)); }
    }); }}, h('h2', {}, t('campaigns.copyToNextYear')),
    h('p', {class: 'hint'}, t('campaigns.copyHint')),
    field(t('campaigns.newCampaignCode'), copyCode), field(t('campaigns.year'), copyYear), copy, copyResult),
    editor(code));
}

/** The campaign as JSON (docs/scheduling.md): create a new one or edit this one with its version. */
function editor(code) {
  const area = h('textarea', {id: 'campaign-json', rows: 14, spellcheck: 'false', class: 'code'});
  const result = h('div', {'aria-live': 'polite'});
  const save = h('button', {type: 'submit'}, code ? t('campaigns.save') : t('campaigns.createTheCampaign'));
  let version = null;
  const details = h('details', {class: 'card wide', onToggle: async (e) => {
    if (!e.target.open || !code || version != null) return;
    try {
      const current = await get(`/api/campaigns/${encodeURIComponent(code)}`);
      version = current.version;
      area.value = JSON.stringify(current.definition, null, 2);
    } catch (error) { clear(result, errorBox(error)); }
  }},
  h('summary', {}, code ? t('campaigns.editJson') : t('campaigns.newCampaignJson')),
  h('form', {onSubmit: (e) => { e.preventDefault(); busy(save, async () => {
    let body;
    try { body = JSON.parse(area.value); } catch (error) {
      clear(result, errorBox(new Error(t('campaigns.notJson', {error: error.message})))); return;
    }
    try {
      if (code) {
        const saved = await put(`/api/campaigns/${encodeURIComponent(code)}?version=${version}`, body);
        version = saved.version;
        clear(result, successBox(t('campaigns.saved')));
      } else {
        await post('/api/campaigns', body);
        location.hash = `#/campaigns/${encodeURIComponent(body.code)}`;
      }
    } catch (error) { clear(result, errorBox(error)); }
  }); }}, h('label', {for: 'campaign-json'}, t('campaigns.jsonHint')),
  area, save, result));
  return details;
}
