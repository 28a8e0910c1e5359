// Sign-in with Keycloak: authorization code + PKCE (S256), public client; then every call goes through
// the gateway with the user's token. The tokens live in this tab's sessionStorage only and are renewed
// in place (grant_type=refresh_token), never by reloading the page, so a half-filled form survives the
// 15-minute access token.
import { claims, setClaims } from './session.js';
import { show } from './messages.js';
import { saveDrafts } from './drafts.js';

const auth = { config: null, refreshing: null, refreshTimer: null, refreshDue: false, active: false, ending: false };

/** Renew at this share of a token's lifetime: well before it ends, not so early that it asks Keycloak often. */
export const REFRESH_AT = 0.7;

export const SESSION_ENDED = '登录已过期，即将转到登录页面；已填写的内容会在重新登录后恢复。';

/** Where to sign in ({ issuer, clientId }, from /api/console/public/config). */
export const setConfig = (config) => { auth.config = config; };

export const accessToken = () => sessionStorage.getItem('token');
const endpoint = (name) => auth.config.issuer + '/protocol/openid-connect/' + name;

// ---------- pure parts ----------

export function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The S256 challenge of a PKCE verifier (RFC 7636 §4.2). */
export async function challengeOf(verifier, cryptoImpl = globalThis.crypto) {
  return base64url(await cryptoImpl.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

/** The authorization request's query: the code flow with PKCE, back to the console's root. */
export function authorizeQuery(clientId, redirectUri, challenge, stateValue) {
  return new URLSearchParams({
    client_id: clientId, response_type: 'code', scope: 'openid',
    redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: 'S256', state: stateValue
  });
}

/** A JWT's claims (base64url JSON, UTF-8: names and divisions may be Chinese). */
export function claimsOf(jwt) {
  const base64 = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/**
 * When to renew a token, on this browser's clock: now plus REFRESH_AT of the token's lifetime
 * (exp − iat), so a browser whose clock is off renews neither too early nor too late.
 */
export const refreshAtFor = (tokenClaims, now) => now + (tokenClaims.exp - tokenClaims.iat) * 1000 * REFRESH_AT;

// ---------- sign-in and out ----------

export async function login() {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(48)));
  const challenge = await challengeOf(verifier);
  const stateValue = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem('pkce', JSON.stringify({ verifier, state: stateValue, hash: location.hash }));
  location.assign(endpoint('auth') + '?' + authorizeQuery(auth.config.clientId, location.origin + '/', challenge, stateValue));
}

/** Back from Keycloak with a code: checks the state and exchanges the code (with the verifier) for tokens. */
export async function completeLogin() {
  const query = new URLSearchParams(location.search);
  if (!query.has('code')) return;
  const pkce = JSON.parse(sessionStorage.getItem('pkce') || '{}');
  sessionStorage.removeItem('pkce');
  history.replaceState(null, '', '/' + (pkce.hash || ''));
  if (query.get('state') !== pkce.state) {
    show('登录状态校验失败，请重新登录。', true);
    return;
  }
  const response = await fetch(endpoint('token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: auth.config.clientId, code: query.get('code'),
      redirect_uri: location.origin + '/', code_verifier: pkce.verifier
    })
  });
  if (!response.ok) {
    show('登录失败，请重试。', true);
    return;
  }
  keepTokens(await response.json());
}

export function logout() {
  const idToken = sessionStorage.getItem('idToken');
  clearTimeout(auth.refreshTimer);
  sessionStorage.clear();
  const params = new URLSearchParams({ client_id: auth.config.clientId, post_logout_redirect_uri: location.origin + '/' });
  if (idToken) params.set('id_token_hint', idToken);
  location.assign(endpoint('logout') + '?' + params);
}

// ---------- tokens: renewed before they run out, the page stays as it is ----------

function keepTokens(tokens) {
  const tokenClaims = claimsOf(tokens.access_token);
  sessionStorage.setItem('token', tokens.access_token);
  sessionStorage.setItem('tokenRefreshAt', String(refreshAtFor(tokenClaims, Date.now())));
  if (tokens.refresh_token) sessionStorage.setItem('refreshToken', tokens.refresh_token);
  if (tokens.id_token) sessionStorage.setItem('idToken', tokens.id_token);
  setClaims(tokenClaims);
  auth.active = false;
  scheduleRefresh();
}

function forgetTokens() {
  clearTimeout(auth.refreshTimer);
  ['token', 'tokenRefreshAt', 'refreshToken', 'idToken'].forEach((key) => sessionStorage.removeItem(key));
}

/**
 * Renews ahead of time only for someone who used the page since the last renewal (or uses it once the
 * renewal is due): an unattended console is not kept signed in, so the realm's idle timeout still ends
 * its session. Whoever comes back later gets a renewal on the first 401, or, once the session is over,
 * their typing back after signing in again.
 */
function scheduleRefresh() {
  clearTimeout(auth.refreshTimer);
  auth.refreshDue = false;
  const due = Number(sessionStorage.getItem('tokenRefreshAt') || 0) - Date.now();
  auth.refreshTimer = setTimeout(() => { auth.refreshDue = true; renewIfActive(); }, Math.max(due, 0));
}

function renewIfActive() {
  if (!auth.refreshDue || !auth.active) return;
  // once only: a refused renewal is not asked again on every key; the next 401 tells
  auth.refreshDue = false;
  refresh();
}

/** Counts keys, typing and clicks as use of the page (see scheduleRefresh). */
export function watchActivity() {
  ['keydown', 'input', 'pointerdown'].forEach((type) => document.addEventListener(type, () => {
    auth.active = true;
    renewIfActive();
  }, { capture: true, passive: true }));
}

/** One renewal at a time, shared by every call that needs it; true once a new token is kept. */
export function refresh() {
  if (!auth.refreshing) auth.refreshing = renew().finally(() => { auth.refreshing = null; });
  return auth.refreshing;
}

async function renew() {
  const refreshToken = sessionStorage.getItem('refreshToken');
  if (!refreshToken || !auth.config) return false;
  try {
    const response = await fetch(endpoint('token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: auth.config.clientId, refresh_token: refreshToken })
    });
    if (!response.ok) return false;
    keepTokens(await response.json());
    return true;
  } catch (e) {
    return false;
  }
}

/** After a reload: the tab's tokens still count; renew now if it is due, else when it will be. */
export async function resumeSession() {
  const token = accessToken();
  if (!token) return;
  setClaims(claimsOf(token));
  if (Date.now() < Number(sessionStorage.getItem('tokenRefreshAt') || 0)) {
    scheduleRefresh();
    return;
  }
  if (await refresh()) return;
  if (claims().exp * 1000 < Date.now()) {
    forgetTokens();
    setClaims(null);
  }
}

/** Keycloak refused the renewal: the session is over. What the user typed is kept and put back after signing in. */
export function sessionEnded() {
  if (auth.ending) return;
  auth.ending = true;
  const user = claims() && claims().sub;
  forgetTokens();
  show(SESSION_ENDED, true);
  setTimeout(() => { saveDrafts(user); login(); }, 1500);
}
