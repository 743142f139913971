// Sign-in at the identity provider: OAuth 2.0 authorization code flow with PKCE (S256) for a
// public client (RFC 6749, RFC 7636, OpenID Connect Discovery and RP-Initiated Logout). Tokens are
// kept for this tab only (sessionStorage); nothing is sent to the app but the access token.

const PENDING = 'isms-flow-oidc-pending';

export async function discover(issuer) {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`the identity provider at ${issuer} did not answer (HTTP ${response.status})`);
  }
  const provider = await response.json();
  if (provider.issuer.replace(/\/+$/, '') !== issuer) {
    throw new Error(`the identity provider names itself ${provider.issuer}, not ${issuer}`);
  }
  return provider;
}

/** Leaves for the provider's sign-in page; comes back to this page with a code (see completeSignIn). */
export async function beginSignIn(provider, options) {
  const verifier = randomString(48);
  const state = randomString(24);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: location.hash }));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const url = new URL(provider.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: redirectUri(),
    scope: options.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** Whether this page load is the provider's answer to a sign-in (a code or an error in the query). */
export function isSignInAnswer() {
  const query = new URLSearchParams(location.search);
  return query.has('state') && (query.has('code') || query.has('error'));
}

/**
 * Trades the code of the provider's answer for tokens, and puts the address back as it was before
 * the sign-in. Returns the tokens; throws with a readable message when the sign-in failed.
 */
export async function completeSignIn(provider, options) {
  const query = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `${location.pathname}${(pending && pending.hash) || ''}`);
  if (query.has('error')) {
    throw new Error(`the identity provider refused the sign-in (${query.get('error_description') || query.get('error')})`);
  }
  if (!pending || pending.state !== query.get('state')) {
    throw new Error('this sign-in answer does not belong to a sign-in started here; sign in again');
  }
  return tokenRequest(provider, {
    grant_type: 'authorization_code',
    code: query.get('code'),
    redirect_uri: redirectUri(),
    client_id: options.clientId,
    code_verifier: pending.verifier,
  });
}

export function refresh(provider, options, refreshToken) {
  return tokenRequest(provider, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: options.clientId });
}

/** Leaves for the provider's sign-out, which ends the provider's session too and comes back here. */
export function endSession(provider, options, idToken) {
  if (!provider.end_session_endpoint) {
    return false;
  }
  const url = new URL(provider.end_session_endpoint);
  const params = { client_id: options.clientId, post_logout_redirect_uri: redirectUri() };
  if (idToken) {
    params.id_token_hint = idToken;
  }
  url.search = new URLSearchParams(params).toString();
  location.assign(url.toString());
  return true;
}

async function tokenRequest(provider, form) {
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok || !answer.access_token) {
    throw new Error(`the identity provider issued no token (${answer.error_description || answer.error || `HTTP ${response.status}`})`);
  }
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token || null,
    idToken: answer.id_token || null,
    expiresAt: Date.now() + 1000 * Number(answer.expires_in || 60),
  };
}

function redirectUri() {
  return `${location.origin}/`;
}

function randomString(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
