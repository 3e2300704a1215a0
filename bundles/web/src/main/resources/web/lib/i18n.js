// Russian first, English second. Texts stay next to the code that shows them: tr('Русский', 'English').
const KEY = 'oko.lang';

export const lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'ru';
document.documentElement.lang = lang;

export function tr(ru, en) {
  return lang === 'en' && en ? en : ru;
}

/** A text from the API or a form definition: a string (Russian) or {ru, en}. */
export function text(value) {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  return (lang === 'en' && value.en) || value.ru || value.en || '';
}

export function switchLanguage() {
  localStorage.setItem(KEY, lang === 'en' ? 'ru' : 'en');
  location.reload();
}

const STATES = {
  ASSIGNED: ['Назначена', 'Assigned'],
  IN_PROGRESS: ['Заполняется', 'In progress'],
  SUBMITTED: ['Отправлена', 'Submitted'],
  RETURNED: ['Возвращена', 'Returned'],
  VERIFIED: ['Проверена', 'Verified'],
  CONFIRMED: ['Подтверждена', 'Confirmed'],
  LOCKED: ['Закрыта', 'Locked'],
};

export function stateLabel(state) {
  const pair = STATES[state];
  return pair ? tr(pair[0], pair[1]) : state;
}

export const ROLES = {
  ADMINISTRATOR: ['Администратор', 'Administrator'],
  REGIONAL_COORDINATOR: ['Региональный координатор', 'Regional coordinator'],
  MINISTRY_OFFICIAL: ['Представитель министерства', 'Ministry official'],
  FOUNDER_COORDINATOR: ['Координатор учредителя', 'Founder coordinator'],
  SCHOOL_COORDINATOR: ['Координатор ОО', 'School coordinator'],
  EXPERT: ['Эксперт', 'Expert'],
  OBSERVER: ['Наблюдатель', 'Observer'],
};

export function roleLabel(role) {
  const pair = ROLES[role];
  return pair ? tr(pair[0], pair[1]) : role;
}

// The catalog's founder types, as the catalog and the assignment screens show them.
const FOUNDER_TYPES = {
  MUNICIPAL: ['муниципальная', 'municipal'],
  STATE: ['государственная (ГОО)', 'state'],
  FEDERAL: ['федеральная', 'federal'],
  PRIVATE: ['частная', 'private'],
};

export const founderTypes = Object.keys(FOUNDER_TYPES);

export function founderTypeLabel(type) {
  const pair = FOUNDER_TYPES[type];
  return pair ? tr(pair[0], pair[1]) : type || '';
}
