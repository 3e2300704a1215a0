// One submission: the form generated from its definition, filled with autosave, checked by the
// server on every save; submit for the school; return, verify and the letter for the verifier.
import {h, clear, add, id, busy} from '../lib/dom.js';
import {api, get, post, put, patch, ApiError} from '../lib/api.js';
import {t, tx, text, stateLabel} from '../lib/i18n.js';
import {date, moment} from '../lib/format.js';
import {errorBox, successBox, progress, badge, toast} from '../lib/ui.js';
import {formSteps} from '../lib/deadlines.js';

const BREAKDOWNS = {
  GRADES: Array.from({length: 11}, (_, i) => ({key: String(i + 1), label: t('form.grade', {grade: i + 1})})),
  PROGRAMME_LEVEL: [{key: 'noo', label: t('form.primary')}, {key: 'ooo', label: t('form.basic')}, {key: 'soo', label: t('form.secondary')}],
  STUDY_FORM: [{key: 'full_time', label: t('form.fullTime')}, {key: 'part_time', label: t('form.partTime')},
    {key: 'distance', label: t('form.extramural')}],
};
const LETTER_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const LETTER_MAX = 10 * 1024 * 1024;
// A file indicator takes what the server checks by content: PDF, images, Excel and Word documents.
const FILE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.xlsx,.docx';
const FILE_EXTENSIONS = /\.(pdf|jpe?g|png|xlsx|docx)$/i;

export async function render(main, [submissionId]) {
  let view = await get(`/api/submissions/${submissionId}`);
  const definition = await get(`/api/forms/${encodeURIComponent(view.submission.formId)}/${view.submission.formVersion}`);
  const step = await formSteps().then((d) => d.step(view.submission.formId, view.submission.period)).catch(() => null);

  const inputs = new Map();      // value key → control
  const messageSlots = new Map(); // value key or item code → the element showing its messages
  const computedOutputs = new Map();
  const hideable = new Map();    // section/item code → element
  const fieldComments = new Map(); // key → the verifier's comment input
  // Saves run one after another: each answer is then the newest evaluation, and the revision a
  // save names is always the one the previous save returned.
  let queue = Promise.resolve();
  let pending = 0;
  let failed = 0;

  const saveState = h('span', {id: 'save-state', role: 'status', 'aria-live': 'polite', class: 'save-state'});
  const completion = h('span', {id: 'completion'});
  const stateBadge = h('span', {id: 'state'});
  const summary = h('div', {id: 'messages-summary'});
  const actions = h('div', {id: 'workflow', class: 'workflow'});
  // The outcome of the last action stays put while the action buttons are redrawn after it.
  const outcome = h('div', {id: 'workflow-result', 'aria-live': 'polite'});
  const returned = h('div', {id: 'return-comments'});
  const conflict = h('div', {'aria-live': 'assertive'});

  const editable = () => view.actions.includes('EDIT') && view.formAvailable;
  const verifying = () => view.actions.includes('RETURN');

  // ---- controls per indicator type -------------------------------------------------------
  function control(indicator, key, labelId) {
    if ((view.calculated || []).includes(key)) {
      // Filled by a module's calculator: shown like a computed value, never typed.
      const out = h('output', {id: 'v-' + key.replace(/[^A-Za-z0-9_-]/g, '_'), dataset: {key}, 'aria-labelledby': labelId,
        title: t('form.calculatedByModule')});
      computedOutputs.set(key, out);
      return out;
    }
    const stored = view.values[key] ? view.values[key].value : null;
    const common = {id: 'v-' + key.replace(/[^A-Za-z0-9_-]/g, '_'), dataset: {key}, 'aria-labelledby': labelId,
      disabled: !editable(), 'aria-required': indicator.required ? 'true' : null};
    let el;
    switch (indicator.type) {
      case 'integer': case 'decimal': case 'percent':
        el = h('input', {...common, inputmode: indicator.type === 'integer' ? 'numeric' : 'decimal', class: 'num',
          value: stored == null ? '' : String(stored).replace('.', ',')});
        break;
      case 'date':
        el = h('input', {...common, placeholder: 'ДД.ММ.ГГГГ', size: 10, value: stored ? date(stored) : ''});
        break;
      case 'boolean':
        el = h('select', {...common}, h('option', {value: ''}, '—'), h('option', {value: 'true'}, t('form.yes')),
          h('option', {value: 'false'}, t('form.no')));
        el.value = stored == null ? '' : String(stored);
        break;
      case 'choice':
        el = h('select', {...common}, h('option', {value: ''}, '—'),
          (indicator.options || []).map((o) => h('option', {value: o.value}, text(o.label))));
        el.value = stored == null ? '' : stored;
        break;
      case 'multi-choice': {
        const chosen = new Set(stored || []);
        el = h('fieldset', {...common, class: 'choices'}, (indicator.options || []).map((o) => {
          const box = h('input', {type: 'checkbox', value: o.value, checked: chosen.has(o.value), disabled: !editable(), id: id('mc')});
          return h('label', {for: box.id, class: 'check'}, box, ' ', text(o.label));
        }));
        el.readValue = () => [...el.querySelectorAll('input:checked')].map((b) => b.value);
        el.writeValue = (v) => el.querySelectorAll('input').forEach((b) => { b.checked = (v || []).includes(b.value); });
        break;
      }
      case 'file':
        return fileControl(key, common, stored);
      default:
        el = h('input', {...common, value: stored == null ? '' : stored});
    }
    el.readValue = el.readValue || (() => {
      const v = el.value.trim();
      if (v === '') return null;
      if (indicator.type === 'boolean') return v === 'true';
      return v; // numbers and dates go as typed: the server parses "1 234,5" and "01.04.2026"
    });
    el.writeValue = el.writeValue || ((v) => {
      if (indicator.type === 'date') el.value = v ? date(v) : '';
      else if (['integer', 'decimal', 'percent'].includes(indicator.type)) el.value = v == null ? '' : String(v).replace('.', ',');
      else el.value = v == null ? '' : String(v);
    });
    el.addEventListener('change', () => save(key, el));
    inputs.set(key, el);
    return el;
  }

  // A file indicator: the stored file as a link, a picker that uploads at once, and removal.
  function fileControl(key, common, stored) {
    const url = `/api/submissions/${submissionId}/files/${encodeURIComponent(key)}`;
    const link = h('a', {class: 'file-link', download: ''});
    const picker = h('input', {...common, type: 'file', accept: FILE_ACCEPT});
    const remove = h('button', {type: 'button', class: 'secondary', disabled: !editable(),
      'aria-label': t('form.removeFile', {key})}, t('form.remove'));
    const box = h('span', {class: 'file-value'}, link, ' ', picker, ' ', remove);
    let chosen = null;
    picker.readValue = () => (chosen ? chosen.name : null);
    picker.writeValue = (v) => {
      link.textContent = v || t('form.noFile');
      if (v) link.href = url; else link.removeAttribute('href');
      remove.hidden = !v;
      remove.disabled = !editable();
    };
    picker.writeValue(stored);
    picker.addEventListener('change', () => {
      chosen = picker.files[0] || null;
      if (!chosen) return;
      if (chosen.size > LETTER_MAX || !FILE_EXTENSIONS.test(chosen.name)) {
        toast(t('form.fileIndicatorLabel'), 'error');
        picker.value = '';
        return;
      }
      const file = chosen;
      save(key, picker, (revision) => api('PUT', `${url}?expectedRevision=${revision}&name=${encodeURIComponent(file.name)}`,
        file, file.type || 'application/octet-stream')).then(shown);
    });
    remove.addEventListener('click', () => { chosen = null; save(key, picker).then(shown); });
    // After the server answered (or refused), show what is stored now.
    function shown() {
      picker.value = '';
      chosen = null;
      picker.writeValue(view.values[key] ? view.values[key].value : null);
    }
    picker.labelTarget = picker;
    box.labelTarget = picker;
    inputs.set(key, picker);
    return box;
  }

  function messageSlot(key) {
    const slot = h('div', {class: 'messages', id: 'm-' + key.replace(/[^A-Za-z0-9_-]/g, '_')});
    messageSlots.set(key, slot);
    return slot;
  }

  function commentBox(key) {
    if (!verifying()) return null;
    const input = h('input', {class: 'field-comment', placeholder: t('form.commentPlaceholder'),
      'aria-label': t('form.commentOn', {key}), dataset: {commentFor: key}});
    fieldComments.set(key, input);
    return input;
  }

  function indicatorRow(indicator) {
    const labelId = id('l');
    const key = indicator.code;
    const value = indicator.computed
      ? (() => { const out = h('output', {id: 'v-' + key, dataset: {key}, 'aria-labelledby': labelId}); computedOutputs.set(key, out); return out; })()
      : control(indicator, key, labelId);
    const row = h('div', {class: 'indicator', dataset: {code: key}},
      h('div', {class: 'label'},
        h('label', {id: labelId, for: (value.labelTarget || value).id}, text(indicator.label), indicator.required ? h('span', {class: 'req', 'aria-hidden': 'true'}, ' *') : null),
        indicator.unit ? h('span', {class: 'unit'}, ` (${indicator.unit})`) : null,
        indicator.hint ? h('div', {class: 'hint'}, text(indicator.hint)) : null,
        indicator.computed ? h('div', {class: 'hint'}, t('form.computed')) : null),
      h('div', {class: 'value'}, value, messageSlot(key), indicator.computed ? null : commentBox(key)));
    hideable.set(key, row);
    return row;
  }

  function rowsOf(table) {
    const rows = table.rows || {};
    if (rows.fixed) return rows.fixed.map((r) => ({key: r.key, label: text(r.label)}));
    if (rows.breakdown === 'STRUCTURAL_UNIT') return view.structuralUnits.map((u) => ({key: u.key, label: text(u.label)}));
    if (rows.breakdown) return BREAKDOWNS[rows.breakdown] || [];
    // Open rows: the ones that hold values.
    const keys = new Set();
    for (const k of Object.keys(view.values)) {
      const m = /^([^.]+)\.[^[]+\[(.+)\]$/.exec(k);
      if (m && m[1] === table.table) keys.add(m[2]);
    }
    return [...keys].sort().map((k) => ({key: k, label: k}));
  }

  function tableBlock(table) {
    const body = h('tbody', {});
    const addRow = (row) => body.append(h('tr', {},
      h('th', {scope: 'row'}, row.label),
      table.columns.map((column) => {
        const key = `${table.table}.${column.code}[${row.key}]`;
        const labelId = id('l');
        const cell = column.computed
          ? (() => { const out = h('output', {dataset: {key}}); computedOutputs.set(key, out); return out; })()
          : control(column, key, labelId);
        return h('td', {}, h('span', {id: labelId, class: 'sr-only'}, `${text(table.label)}: ${row.label}, ${text(column.label)}`),
          cell, messageSlot(key), column.computed ? null : commentBox(key));
      })));
    rowsOf(table).forEach(addRow);
    let adder = null;
    if (table.rows && table.rows.open && editable()) {
      const keyInput = h('input', {size: 12, placeholder: t('form.rowCode'), 'aria-label': t('form.newRowCode')});
      adder = h('div', {class: 'add-row'}, keyInput, h('button', {type: 'button', class: 'secondary', onClick: () => {
        const k = keyInput.value.trim();
        if (!/^[A-Za-z0-9_-]{1,40}$/.test(k)) { toast(t('form.rowCodeLatin'), 'error'); return; }
        addRow({key: k, label: k});
        keyInput.value = '';
      }}, t('form.addARow')));
    }
    const block = h('div', {class: 'table-block', dataset: {code: table.table}},
      h('h3', {}, text(table.label)), table.hint ? h('p', {class: 'hint'}, text(table.hint)) : null,
      h('div', {class: 'scroll'}, h('table', {class: 'grid-input'},
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, ''), table.columns.map((c) => h('th', {scope: 'col'}, text(c.label),
          c.unit ? h('span', {class: 'unit'}, ` (${c.unit})`) : null)))), body)),
      messageSlot(table.table), adder);
    hideable.set(table.table, block);
    return block;
  }

  // ---- saving --------------------------------------------------------------------------
  // `send` replaces the JSON save for uploads; either way the revision the user started from goes along.
  function save(key, el, send) {
    const value = el.readValue();
    pending++;
    showSaveState();
    queue = queue.then(async () => {
      try {
        const revision = view.values[key] ? view.values[key].revision : 0;
        // The autosave asks only for what the save changed (Prefer: return=minimal) and merges it into the view it holds.
        const answer = send ? await send(revision)
          : withSaved(await patch(`/api/submissions/${submissionId}/values`, {values: [{key, value, expectedRevision: revision}]},
            {Prefer: 'return=minimal'}));
        failed = Math.max(0, failed - (el.dataset.failed ? 1 : 0));
        delete el.dataset.failed;
        if (el.dataset.refused) { delete el.dataset.refused; el.removeAttribute('aria-invalid'); el.removeAttribute('title'); }
        if (outcome.querySelector('.alert.error')) clear(outcome); // the refusal it showed may no longer hold
        apply(answer);
      } catch (error) {
        const details = error instanceof ApiError ? error.details : {};
        if (error instanceof ApiError && error.status === 409 && details.currentRevision != null) {
          // Someone else saved first: show theirs, keep nothing silently.
          view.values[key] = {value: details.currentValue, revision: details.currentRevision};
          el.writeValue(details.currentValue);
          clear(conflict, errorBox(new Error(t('form.changedByColleague', {key, by: details.changedBy, at: moment(details.changedAt), value: value ?? '—'}))));
        } else {
          if (!el.dataset.failed) failed++;
          el.dataset.failed = '1';
          if (error instanceof ApiError && error.field === key) {
            // The refusal is about this field: mark it, with the reason on the field itself.
            el.dataset.refused = '1';
            el.setAttribute('aria-invalid', 'true');
            el.setAttribute('title', error.message);
          }
          toast(error.message, 'error');
        }
      } finally {
        pending--;
        showSaveState();
      }
    });
    return queue;
  }

  /** The view after a save, from the part of it the save changed (the server's `Saved`). */
  function withSaved(saved) {
    const values = {...view.values};
    for (const [k, v] of Object.entries(saved.values)) {
      if (v == null) delete values[k]; else values[k] = v;
    }
    return {...view, submission: saved.submission, values, computed: saved.computed, hidden: saved.hidden,
      messages: saved.messages, actions: saved.actions};
  }

  function showSaveState() {
    saveState.className = 'save-state ' + (pending ? 'saving' : failed ? 'failed' : 'saved');
    saveState.textContent = pending ? t('form.saving')
      : failed ? t('form.unsaved')
        : t('form.allChangesSaved');
  }

  async function settled() {
    await queue;
  }

  // ---- showing the server's evaluation -------------------------------------------------
  function apply(next) {
    view = next;
    for (const [key, out] of computedOutputs) {
      const v = view.computed[key];
      out.textContent = v == null ? '—' : String(v).replace('.', ',');
    }
    const hidden = new Set(view.hidden);
    for (const [code, el] of hideable) el.hidden = hidden.has(code);
    for (const slot of messageSlots.values()) clear(slot);
    for (const el of inputs.values()) el.removeAttribute('aria-invalid');
    const loose = [];
    for (const m of view.messages) {
      const slot = m.field && messageSlots.get(m.field);
      const line = messageLine(m);
      if (slot) {
        slot.append(line);
        const el = inputs.get(m.field);
        if (el && m.severity === 'ERROR') el.setAttribute('aria-invalid', 'true');
      } else {
        loose.push(line);
      }
    }
    const errors = view.messages.filter((m) => m.severity === 'ERROR').length;
    const warnings = view.messages.filter((m) => m.severity === 'WARNING').length;
    clear(summary, loose.length || errors || warnings ? h('div', {class: 'alert ' + (errors ? 'error' : 'warn')},
      h('strong', {}, t('form.errorsWarnings', {errors, warnings})),
      loose.length ? h('ul', {}, loose.map((l) => h('li', {}, l))) : null) : null);
    clear(completion, progress(view.submission.completion));
    clear(stateBadge, badge(stateLabel(view.submission.state), view.submission.state.toLowerCase()));
    drawReturnComments();
    drawActions();
    for (const el of inputs.values()) {
      const off = !editable();
      if (el.tagName === 'FIELDSET') el.querySelectorAll('input').forEach((b) => { b.disabled = off; }); else el.disabled = off;
    }
  }

  function messageLine(m) {
    const kind = m.severity === 'ERROR' ? 'error' : 'warn';
    const line = h('div', {class: `message ${kind}`, dataset: {rule: m.ruleId || ''}}, m.severity === 'ERROR' ? '⛔ ' : '⚠ ', text(m.message));
    if (m.severity === 'WARNING' && m.ruleId && editable()) {
      const explanation = h('textarea', {rows: 2, class: 'explanation', dataset: {explains: m.ruleId},
        'aria-label': t('form.explanationOfWarning')}, view.explanations[m.ruleId] || '');
      explanation.addEventListener('change', async () => {
        try {
          apply(await put(`/api/submissions/${submissionId}/explanations/${encodeURIComponent(m.ruleId)}`, {text: explanation.value}));
          toast(t('form.explanationSaved'));
        } catch (error) {
          toast(error.message, 'error');
        }
      });
      add(line, h('div', {}, explanation));
    } else if (m.severity === 'WARNING' && view.explanations[m.ruleId]) {
      add(line, h('div', {class: 'muted'}, t('form.explanationLabel', {text: view.explanations[m.ruleId]})));
    }
    return line;
  }

  function drawReturnComments() {
    const comments = view.returnComments || [];
    const inWork = ['RETURNED', 'IN_PROGRESS', 'ASSIGNED'].includes(view.submission.state);
    if (!comments.length || !inWork) { clear(returned); return; }
    const overall = comments.find((c) => c.kind === 'TRANSITION');
    clear(returned, h('div', {class: 'alert warn', role: 'note'},
      h('strong', {}, t('form.returned')),
      overall ? [' (', overall.actor, ', ', moment(overall.at), '): ', h('span', {class: 'return-comment'}, overall.key)] : null,
      h('ul', {}, comments.filter((c) => c.kind === 'COMMENT').map((c) => h('li', {}, h('code', {}, c.key), ': ', c.newValue)))));
  }

  // ---- the workflow ---------------------------------------------------------------------
  function drawActions() {
    const can = new Set(view.actions);
    const blocks = [];
    if (can.has('SUBMIT')) {
      const submit = h('button', {type: 'button', id: 'submit'}, t('form.submit'));
      const result = outcome;
      submit.addEventListener('click', () => busy(submit, async () => {
        clear(result);
        await settled();
        try {
          apply(await post(`/api/submissions/${submissionId}/submit`));
          clear(result, successBox(t('form.submitted')));
        } catch (error) {
          clear(result, errorBox(error));
        }
      }));
      blocks.push(h('div', {class: 'card'}, submit));
    }
    if (can.has('RETURN') || can.has('VERIFY')) {
      const comment = h('textarea', {id: 'return-comment', rows: 3, placeholder: t('form.whatToCorrect')});
      const result = outcome;
      const returnButton = h('button', {type: 'button', id: 'return', class: 'secondary'}, t('form.return'));
      returnButton.addEventListener('click', () => busy(returnButton, async () => {
        clear(result);
        const perField = {};
        for (const [key, input] of fieldComments) if (input.value.trim()) perField[key] = input.value.trim();
        try {
          apply(await post(`/api/submissions/${submissionId}/return`, {comment: comment.value, fieldComments: perField}));
          clear(result, successBox(t('form.returnedToSchool')));
        } catch (error) {
          clear(result, errorBox(error));
        }
      }));
      const verify = can.has('VERIFY') ? h('button', {type: 'button', id: 'verify'}, t('form.accept')) : null;
      if (verify) {
        verify.addEventListener('click', () => busy(verify, async () => {
          clear(result);
          try {
            apply(await post(`/api/submissions/${submissionId}/verify`));
            clear(result, successBox(t('form.acceptedUploadLetter')));
          } catch (error) {
            clear(result, errorBox(error));
          }
        }));
      }
      blocks.push(h('div', {class: 'card'}, h('h2', {}, t('form.verification')),
        h('label', {for: 'return-comment'}, t('form.commentForSchool')),
        comment, h('p', {class: 'hint'}, t('form.commentsHint')),
        h('div', {class: 'actions'}, verify, can.has('RETURN') ? returnButton : null)));
    }
    if (can.has('EDIT') && view.formAvailable && (view.importers || []).length) blocks.push(importUpload());
    if (can.has('CONFIRM')) blocks.push(letterUpload());
    if (view.letter) {
      blocks.push(h('p', {}, h('a', {href: `/api/submissions/${submissionId}/letter`, id: 'letter-link', download: ''},
        t('form.letterDownload'))));
    }
    if (can.has('UNLOCK') || can.has('LOCK')) blocks.push(adminActions(can));
    clear(actions, blocks);
  }

  // A file read by one of the form's importers (its own workbook's or a module's): all values or none, every problem with its row.
  function importUpload() {
    const importer = h('select', {id: 'import-importer'}, view.importers.map((i) => h('option', {value: i.id}, text(i.title))));
    const file = h('input', {type: 'file', id: 'import-file'});
    const result = outcome;
    const button = h('button', {type: 'button', id: 'import-upload', class: 'secondary'}, t('form.importValues'));
    button.addEventListener('click', () => busy(button, async () => {
      clear(result);
      const chosen = file.files[0];
      if (!chosen) { clear(result, errorBox(new Error(t('form.chooseAFile')))); return; }
      if (chosen.size > LETTER_MAX) { clear(result, errorBox(new Error(t('form.fileIsLarger')))); return; }
      await settled();
      try {
        // `since`: the form as this page shows it; a colleague's change meanwhile makes the server refuse (409).
        const answer = await api('POST', `/api/submissions/${submissionId}/import?importer=${encodeURIComponent(importer.value)}`
          + `&name=${encodeURIComponent(chosen.name)}&since=${encodeURIComponent(view.submission.changedAt)}`,
          chosen, chosen.type || 'application/octet-stream');
        apply(answer.submission);
        for (const [key, el] of inputs) el.writeValue(view.values[key] ? view.values[key].value : null);
        clear(result, successBox(t('form.importedValuesChanged', {name: chosen.name, changed: answer.changed})));
      } catch (error) {
        const problems = (error.details && error.details.problems) || [];
        clear(result, errorBox(error), problems.length ? h('ul', {id: 'import-problems'}, problems.map((p) =>
          h('li', {}, [p.row ? t('form.row', {row: p.row}) : null, p.field].filter(Boolean).join(', '),
            p.row || p.field ? ': ' : '', p.message))) : null);
      }
    }));
    // The form's own workbook to fill offline, whole or a branch's rows; it comes back through the importer «workbook».
    const workbook = `/api/submissions/${submissionId}/workbook.xlsx`;
    const units = (view.structuralUnits || []).length > 1 ? view.structuralUnits : [];
    return h('div', {class: 'card'}, h('h2', {}, t('form.importTitle')),
      h('p', {}, h('a', {href: workbook, id: 'workbook-link', download: ''}, t('form.workbookDownload'))),
      units.length ? h('p', {class: 'hint'}, t('form.workbookOfUnit'), ' ', ...units.map((u, i) => [i ? ', ' : null,
        h('a', {href: `${workbook}?unit=${encodeURIComponent(u.key)}`, class: 'workbook-unit', download: ''}, text(u.label))]).flat()) : null,
      h('label', {for: 'import-importer'}, t('form.fileLayout')), importer,
      h('label', {for: 'import-file'}, t('form.importFileLabel')), file,
      h('div', {class: 'actions'}, button));
  }

  function letterUpload() {
    const file = h('input', {type: 'file', id: 'letter-file', accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'});
    const result = outcome;
    const upload = h('button', {type: 'button', id: 'letter-upload'}, t('form.uploadTheLetter'));
    upload.addEventListener('click', () => busy(upload, async () => {
      clear(result);
      const chosen = file.files[0];
      if (!chosen) { clear(result, errorBox(new Error(t('form.chooseTheLetter')))); return; }
      if (!LETTER_TYPES.includes(chosen.type)) {
        clear(result, errorBox(new Error(t('form.letterType')))); return;
      }
      if (chosen.size > LETTER_MAX) {
        clear(result, errorBox(new Error(t('form.fileIsLarger')))); return;
      }
      try {
        apply(await api('POST', `/api/submissions/${submissionId}/letter?name=${encodeURIComponent(chosen.name)}`, chosen, chosen.type));
        clear(result, successBox(t('form.letterIsUploaded', {name: chosen.name})));
      } catch (error) {
        clear(result, errorBox(error));
      }
    }));
    return h('div', {class: 'card'}, h('h2', {}, t('form.founderLetter')),
      h('label', {for: 'letter-file'}, t('form.letterLabel')),
      file, h('div', {class: 'actions'}, upload));
  }

  function adminActions(can) {
    const reason = h('input', {id: 'unlock-reason', placeholder: t('form.reasonPlaceholder')});
    const result = outcome;
    const run = (path, body) => async (event) => busy(event.target, async () => {
      clear(result);
      try { apply(await post(`/api/submissions/${submissionId}/${path}`, body && body())); } catch (error) { clear(result, errorBox(error)); }
    });
    return h('div', {class: 'card'}, h('h2', {}, t('form.administration')),
      can.has('LOCK') ? h('button', {type: 'button', class: 'secondary', onClick: run('lock')}, t('form.lock')) : null,
      can.has('UNLOCK') ? h('div', {class: 'actions'}, h('label', {for: 'unlock-reason'}, t('form.reason')), reason,
        h('button', {type: 'button', class: 'secondary', onClick: run('unlock', () => ({reason: reason.value}))}, t('form.reopen'))) : null);
  }

  async function history(container) {
    try {
      const entries = await get(`/api/submissions/${submissionId}/history`);
      const kinds = {VALUE: t('form.historyValue'), TRANSITION: t('form.historyTransition'), COMMENT: t('form.historyComment'),
        EXPLANATION: t('form.historyExplanation')};
      clear(container, h('table', {}, h('thead', {}, h('tr', {}, [t('common.when'), t('common.who'), t('form.what'),
        t('form.indicator'), t('form.before'), t('form.after')].map((x) => h('th', {scope: 'col'}, x)))),
      h('tbody', {}, entries.slice().reverse().map((e) => h('tr', {},
        h('td', {}, moment(e.at)), h('td', {}, e.actor), h('td', {}, kinds[e.kind] || e.kind),
        h('td', {}, e.kind === 'TRANSITION' ? (e.key || '') : h('code', {}, e.key || '')),
        h('td', {}, e.kind === 'TRANSITION' ? stateLabel(e.oldValue) : (e.oldValue ?? '')),
        h('td', {}, e.kind === 'TRANSITION' ? stateLabel(e.newValue) : (e.newValue ?? '')))))));
    } catch (error) {
      clear(container, errorBox(error));
    }
  }

  // ---- the page --------------------------------------------------------------------------
  const s = view.submission;
  const historyBox = h('div', {});
  const historyPanel = h('details', {id: 'history', onToggle: (e) => { if (e.target.open) history(historyBox); }},
    h('summary', {}, t('form.history')), historyBox);
  const sections = definition.sections.map((section) => {
    const block = h('section', {class: 'form-section', 'aria-labelledby': 's-' + section.id},
      h('h2', {id: 's-' + section.id}, text(section.title)),
      section.items.map((item) => item.table ? tableBlock(item) : indicatorRow(item)));
    hideable.set(section.id, block);
    return block;
  });
  const toc = definition.sections.length > 1 ? h('nav', {class: 'toc', 'aria-label': t('form.sections')},
    h('ol', {}, definition.sections.map((section) => h('li', {}, h('a', {href: `#/submissions/${submissionId}`, onClick: (e) => {
      e.preventDefault();
      document.getElementById('s-' + section.id).scrollIntoView({behavior: 'smooth'});
    }}, text(section.title)))))) : null;

  add(main, 
    h('p', {class: 'crumbs'}, h('a', {href: '#/submissions'}, t('common.submissions')), ' › ', s.organisationCode),
    h('div', {class: 'heading'}, h('h1', {}, text(definition.title)), stateBadge),
    h('p', {class: 'meta'}, h('span', {}, `${s.organisationCode} ${s.organisationName}`), ' · ',
      tx('form.period', {period: h('b', {}, s.period)}), ' · ', t('form.version', {version: s.formVersion}),
      step ? [' · ', tx('common.due', {date: h('b', {}, date(step.deadline))})] : null),
    view.formAvailable ? null : h('div', {class: 'alert warn'}, t('form.moduleNotInstalled')),
    h('div', {class: 'sticky'}, completion, saveState, conflict),
    returned, summary,
    h('div', {class: 'form-layout'}, toc, h('div', {class: 'form-body'}, sections)),
    outcome, actions, historyPanel);
  apply(view);
  if (editable()) showSaveState(); else saveState.textContent = '';

  // Leaving the page waits for nothing, but warns while a save is under way.
  const beforeUnload = (e) => { if (pending) { e.preventDefault(); e.returnValue = ''; } };
  window.addEventListener('beforeunload', beforeUnload);
  return () => window.removeEventListener('beforeunload', beforeUnload);
}
