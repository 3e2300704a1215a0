// The REST API of the platform: JSON in and out, the session cookie, the CSRF header on writes,
// errors as ApiError: OKO's one error body (docs/api-errors.md) with its message in the UI's language.
import {lang} from './i18n.js';

let csrfToken = null;
let onSessionLost = () => {};

export function setCsrf(token) {
  csrfToken = token;
}

/** An upload with its progress (fetch cannot report it): resolves with the JSON answer. */
export function upload(path, file, contentType, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Content-Type', contentType || file.type || 'application/octet-stream');
    if (csrfToken) request.setRequestHeader('X-CSRF-Token', csrfToken);
    request.upload.onprogress = (e) => { if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total); };
    request.upload.onload = () => onProgress && onProgress(1);
    request.onload = () => {
      let data = null;
      try { data = request.responseText ? JSON.parse(request.responseText) : null; } catch { data = {message: request.responseText}; }
      if (request.status === 401) onSessionLost();
      if (request.status >= 200 && request.status < 300) resolve(data); else reject(new ApiError(request.status, data));
    };
    request.onerror = () => reject(new ApiError(0, {code: 'network', message: 'Нет связи с сервером',
      messages: {ru: 'Нет связи с сервером', en: 'The server cannot be reached'}}));
    request.send(file);
  });
}

export function whenSessionLost(callback) {
  onSessionLost = callback;
}

/** The server's message in the UI's language: `messages[lang]`, else the Russian `message`. */
function messageOf(body) {
  const messages = body && body.messages && typeof body.messages === 'object' && !Array.isArray(body.messages) ? body.messages : null;
  return (messages && (messages[lang] || messages.ru)) || (body && body.message) || '';
}

/**
 * A refused request: `status`, the stable `code`, the `message` in the UI's language, the input
 * `field` it is about (or null) and the `details` for the screen (the other person's value on a
 * conflict, the problems of an import); `body` is the whole answer.
 */
export class ApiError extends Error {
  constructor(status, body) {
    super(messageOf(body) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
    this.code = this.body.code || null;
    this.field = this.body.field || null;
    this.details = this.body.details || {};
  }
}

export async function api(method, path, body, contentType, extraHeaders) {
  const headers = {Accept: 'application/json', ...extraHeaders};
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let payload;
  if (body instanceof Blob) {
    payload = body;
    headers['Content-Type'] = contentType || body.type || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {method, headers, body: payload, credentials: 'same-origin'});
  const raw = await response.text();
  let data = null;
  try {
    data = raw ? JSON.parse(raw) : null;
  } catch {
    data = {message: raw};
  }
  if (response.status === 401 && !path.startsWith('/api/auth/')) onSessionLost();
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);
/** A partial change; `headers` such as `{Prefer: 'return=minimal'}` go along. */
export const patch = (path, body, headers) => api('PATCH', path, body, undefined, headers);

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

/**
 * For reads whose answers may cross (a chooser changed while the last answer is on its way): `const turn = turns();`
 * once, then in the drawing function `const current = turn();` before the read and `if (!current()) return;` after it,
 * so an overtaken answer never draws over a newer one.
 */
export function turns() {
  let last = 0;
  return () => {
    const mine = ++last;
    return () => mine === last;
  };
}
