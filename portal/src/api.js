// The app's REST API with the signed-in person's credentials, kept for this tab only: a user name
// and password (HTTP Basic) in local mode, or the identity provider's tokens (Bearer) in OIDC mode.
import * as oidc from './oidc.js';

const KEY = 'isms-flow-session';
/** An access token this close to its expiry is renewed before it is sent. */
const REFRESH_MARGIN_MS = 30_000;

let options = null;
let provider = null;
let refreshing = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problems = (problem && problem.problems) || [];
  }
}

/** How this app signs people in: {mode: 'local'} or {mode: 'oidc', issuer, clientId, scope}. */
export async function signInOptions() {
  if (!options) {
    const response = await fetch('/api/sign-in', { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new ApiError(response.status, await body(response));
    }
    options = await response.json();
  }
  return options;
}

export function signedIn() {
  return session() !== null;
}

/** Signs out; returns true when the page is leaving for the identity provider's sign-out. */
export async function signOut() {
  const ended = session();
  forget();
  if (ended && ended.kind === 'bearer') {
    return oidc.endSession(await identityProvider(), options, ended.idToken);
  }
  return false;
}

export async function signIn(username, password) {
  const credentials = btoa(unescape(encodeURIComponent(`${username}:${password}`)));
  const response = await fetch('/api/me', { headers: { Authorization: `Basic ${credentials}` } });
  if (!response.ok) {
    throw new ApiError(response.status, await body(response));
  }
  keep({ kind: 'basic', credentials });
  return response.json();
}

/** Leaves for the identity provider's sign-in page. */
export async function beginProviderSignIn() {
  await oidc.beginSignIn(await identityProvider(), options);
}

export const isProviderAnswer = oidc.isSignInAnswer;

/** Completes a sign-in at the identity provider when this page load is its answer. */
export async function completeProviderSignIn() {
  keep({ kind: 'bearer', ...(await oidc.completeSignIn(await identityProvider(), options)) });
}

export async function api(path, { method = 'GET', json } = {}) {
  const response = await send(path, { method, json, accept: 'application/json' });
  return response.status === 204 ? null : response.json();
}

/** The raw response, for what is not JSON (a model's XML, a PDF); refused requests throw as api() does. */
export function apiResponse(path) {
  return send(path, { method: 'GET', accept: '*/*' });
}

async function send(path, { method, json, accept }) {
  const headers = { Authorization: await authorization(), Accept: accept };
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
  if (response.status === 401) {
    forget();
  }
  if (!response.ok) {
    throw new ApiError(response.status, await body(response));
  }
  return response;
}

/** A task's due date; the engine writes zoned date-times, e.g. 2026-12-13T07:13:04.581Z[Etc/UTC]. */
export function dueDateOf(task) {
  return new Date(String(task.dueDate).replace(/\[.*\]$/, ''));
}

async function identityProvider() {
  if (!provider) {
    const { issuer } = await signInOptions();
    if (!issuer) {
      throw new Error('no identity provider is configured (spring.security.oauth2.resourceserver.jwt.issuer-uri)');
    }
    provider = await oidc.discover(issuer);
  }
  return provider;
}

async function authorization() {
  const current = session();
  if (!current) {
    throw new ApiError(401, { detail: 'Sign in first.' });
  }
  if (current.kind === 'basic') {
    return `Basic ${current.credentials}`;
  }
  if (current.refreshToken && current.expiresAt - Date.now() < REFRESH_MARGIN_MS) {
    // one renewal for all requests that find the token old (a refresh token may be used only once)
    refreshing ||= identityProvider()
      .then((idp) => oidc.refresh(idp, options, current.refreshToken))
      .then((tokens) => keep({ kind: 'bearer', ...tokens, idToken: tokens.idToken || current.idToken }))
      .finally(() => {
        refreshing = null;
      });
    try {
      await refreshing;
    } catch (failure) {
      forget();
      throw new ApiError(401, { detail: `Your session ended (${failure.message}); sign in again.` });
    }
    return `Bearer ${session().accessToken}`;
  }
  return `Bearer ${current.accessToken}`;
}

function session() {
  return JSON.parse(sessionStorage.getItem(KEY) || 'null');
}

function keep(value) {
  sessionStorage.setItem(KEY, JSON.stringify(value));
}

function forget() {
  sessionStorage.removeItem(KEY);
}

async function body(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}
