// The app's REST API with the signed-in person's credentials (HTTP Basic, kept for this tab only).
const KEY = 'isms-flow-credentials';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problems = (problem && problem.problems) || [];
  }
}

export function signedIn() {
  return sessionStorage.getItem(KEY) !== null;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

export async function signIn(username, password) {
  const credentials = btoa(unescape(encodeURIComponent(`${username}:${password}`)));
  const response = await fetch('/api/me', { headers: { Authorization: `Basic ${credentials}` } });
  if (!response.ok) {
    throw new ApiError(response.status, await body(response));
  }
  sessionStorage.setItem(KEY, credentials);
  return response.json();
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
  const headers = { Authorization: `Basic ${sessionStorage.getItem(KEY)}`, Accept: accept };
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
  if (response.status === 401) {
    signOut();
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

async function body(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}
