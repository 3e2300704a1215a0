// Form deadlines come from the campaigns' roadmaps: (form, period) → the step that collects it.
import {get} from './api.js';

export async function formSteps() {
  const campaigns = await get('/api/campaigns');
  const roadmaps = await Promise.all(campaigns.map((c) => get(`/api/campaigns/${encodeURIComponent(c.code)}/roadmap`)));
  const steps = new Map();
  let today = new Date().toISOString().slice(0, 10);
  for (const roadmap of roadmaps) {
    today = roadmap.today || today;
    for (const step of roadmap.steps) {
      if (step.form) steps.set(`${step.form}|${step.period}`, {...step, campaign: roadmap.code, campaignTitle: roadmap.title});
    }
  }
  return {steps, today, roadmaps, step: (formId, period) => steps.get(`${formId}|${period}`)};
}

let states;

/** The submission states in workflow order, as the server defines them: [{state, withSchool, awaitingConfirmation}]. */
export function submissionStates() {
  states = states || get('/api/submissions/states').catch((error) => { states = null; throw error; });
  return states;
}

/** The states in which a submission is still with the school (assigned, being filled, returned). */
export async function withSchool() {
  return (await submissionStates()).filter((s) => s.withSchool).map((s) => s.state);
}
