// The public questionnaire of an organisation (?t=<token>): no login; the questions, and which follow a yes,
// come from the method the server publishes. One answer per browser: the server refuses a second one, and
// this page remembers it was sent. Nothing about the respondent is sent or kept.
import {moduleMessages} from '/lib/i18n.js';

const t = await moduleMessages(new URL('../noko.js', import.meta.url));
const main = document.getElementById('main');
const token = new URLSearchParams(location.search).get('t') || '';
const API = `/api/noko/public/surveys/${encodeURIComponent(token)}`;
const DONE = `oko.noko.answered.${token}`;

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(props).forEach(([k, v]) => {
    if (k === 'text') node.textContent = v; else if (v !== false && v != null) node.setAttribute(k, v === true ? '' : v);
  });
  children.flat().forEach((c) => c != null && node.append(c));
  return node;
}

function show(...children) {
  main.replaceChildren(...children);
  main.focus();
}

function message(kind, text) {
  return el('div', {class: `alert ${kind}`, role: kind === 'error' ? 'alert' : 'status', text});
}

async function load() {
  const answer = await fetch(API, {credentials: 'same-origin', cache: 'no-store'});
  const body = await answer.json().catch(() => ({}));
  if (!answer.ok) {
    show(el('h1', {text: t('noko.public.title')}), message('error', body.message || t('noko.public.failed')));
    return;
  }
  const heading = [el('h1', {text: body.title}), el('p', {class: 'hint', text: t('noko.public.about', {organisation: body.organisation})})];
  if (body.answered || localStorage.getItem(DONE)) {
    show(...heading, message('ok', t('noko.public.already')));
    return;
  }
  if (!body.open) {
    show(...heading, message('error', t('noko.public.closed')));
    return;
  }
  form(heading, body);
}

function form(heading, survey) {
  const answers = {};
  const sets = new Map();
  const questions = survey.questions.map((q) => {
    const name = `answer-${q.code}`;
    const radio = (value, label) => el('label', {}, el('input', {type: 'radio', name, value, id: `${name}-${value}`}), label);
    const set = el('fieldset', {class: 'question', id: `question-${q.code}`},
      el('legend', {text: q.text}),
      el('div', {class: 'yes-no'}, radio('yes', t('noko.public.yes')), radio('no', t('noko.public.no'))));
    set.addEventListener('change', (e) => {
      answers[q.code] = e.target.value === 'yes';
      refresh();
    });
    sets.set(q.code, {q, set});
    return set;
  });
  // A question asked only after a yes: hidden (and its answer dropped) while that yes is not given.
  // The questions shown are numbered in order, so a hidden follow-up leaves no gap.
  function refresh() {
    let number = 0;
    sets.forEach(({q, set}) => {
      const asked = !q.askIf || answers[q.askIf] === true;
      set.hidden = !asked;
      if (!asked) {
        delete answers[q.code];
        set.querySelectorAll('input').forEach((input) => { input.checked = false; });
      } else {
        set.querySelector('legend').textContent = `${++number}. ${q.text}`;
      }
    });
  }
  refresh();
  const trap = el('div', {class: 'trap', 'aria-hidden': 'true'},
    el('label', {for: 'website', text: 'Website'}), el('input', {id: 'website', name: 'website', tabindex: '-1', autocomplete: 'off'}));
  const status = el('div', {id: 'survey-status', 'aria-live': 'polite'});
  const send = el('button', {type: 'submit', id: 'survey-send', text: t('noko.public.send')});
  const formElement = el('form', {id: 'survey-form', novalidate: true}, questions, trap, send, status);
  formElement.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!Object.keys(answers).length) {
      status.replaceChildren(message('error', t('noko.public.answerSomething')));
      return;
    }
    send.disabled = true;
    try {
      const answer = await fetch(API, {method: 'POST', credentials: 'same-origin', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({ballot: survey.ballot, answers, website: document.getElementById('website').value})});
      const body = await answer.json().catch(() => ({}));
      if (answer.ok) {
        localStorage.setItem(DONE, '1');
        show(...heading, message('ok', t('noko.public.thanks')));
      } else {
        status.replaceChildren(message('error', body.message || t('noko.public.failed')));
        send.disabled = answer.status === 409;
      }
    } catch {
      status.replaceChildren(message('error', t('noko.public.offline')));
      send.disabled = false;
    }
  });
  show(...heading, el('p', {class: 'hint', text: t('noko.public.anonymous')}), formElement);
}

load().catch(() => show(message('error', t('noko.public.failed'))));
