// Calls through the gateway with the user's token; a refused token is renewed once and the call asked again.
import { accessToken, refresh, sessionEnded, SESSION_ENDED } from './auth.js';

/** A problem (RFC 9457) in plain Chinese: its detail and every field's message. */
export function problemText(problem) {
  const parts = [problem.title, problem.detail].filter(Boolean);
  (problem.errors || []).forEach((e) => parts.push(e.message));
  return parts.join('：');
}

export async function api(path, options = {}) {
  return (await call(path, options)).body;
}

/** POSTs a multipart body (FormData) and answers its status beside its body: 201 and 200 may mean different things. */
export const upload = (path, data) => call(path, { method: 'POST', body: data });

async function call(path, options, retried = false) {
  const headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
  const token = accessToken();
  if (token) headers['Authorization'] = 'Bearer ' + token;
  if (options.body && !(options.body instanceof FormData)) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (response.status === 401 && token) {
    // the token ran out unnoticed (a sleeping laptop, a throttled background tab): renew it and ask once more;
    // a 401 means the gateway did not let the request through, so sending it again cannot do it twice
    if (!retried && await refresh()) return call(path, options, true);
    sessionEnded();
    throw new Error(SESSION_ENDED);
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    const error = new Error(body ? problemText(body) : '请求失败（' + response.status + '）');
    error.status = response.status;
    throw error;
  }
  return { status: response.status, body };
}

/** POSTs a JSON body. */
export const post = (path, body) => api(path, { method: 'POST', body: JSON.stringify(body) });
