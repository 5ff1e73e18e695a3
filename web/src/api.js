// The JSON API (docs/api.md). The access token travels in an HttpOnly cookie;
// state-changing calls add the CSRF token from GET /api/session.
let csrf = null;
let today = null;

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function session() {
  if (!csrf) {
    const r = await fetch('/api/session', { credentials: 'same-origin' });
    if (!r.ok) throw new ApiError(r.status, (await r.json()).error.message);
    const s = await r.json();
    csrf = s.csrf;
    today = s.today;
  }
  return csrf;
}

// The server's today (YYYY-MM-DD; it honours IJIK_TODAY), for drawing "now".
export async function serverToday() {
  await session();
  return today;
}

export async function api(method, path, body) {
  const headers = {};
  if (method !== 'GET') {
    headers['X-Ijik-Csrf'] = await session();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
  }
  const r = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  if (!r.ok) throw new ApiError(r.status, data && data.error ? data.error.message : `HTTP ${r.status}`);
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body ?? {});
export const put = (path, body) => api('PUT', path, body ?? {});

export function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== null && v !== undefined) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

// The CSRF token, for requests made without api() (the Import page's XMLHttpRequest uploads).
export const csrfToken = () => session();
