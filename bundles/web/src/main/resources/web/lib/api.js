// The REST API of the platform: JSON in and out, the session cookie, the CSRF header on writes,
// errors as ApiError with the server's message (Russian / English).
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
    request.onerror = () => reject(new ApiError(0, {message: 'Нет связи с сервером / the server cannot be reached'}));
    request.send(file);
  });
}

export function whenSessionLost(callback) {
  onSessionLost = callback;
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

export async function api(method, path, body, contentType) {
  const headers = {Accept: 'application/json'};
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

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}
