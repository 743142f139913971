// Browser test of the portal signing in at an OpenID Connect provider (authorization code flow with
// PKCE), renewing its access token, asking to sign in again when the provider ended the session,
// and signing out there too. Started by OidcPortalIT with:
//   APP_URL, ISSUER (the provider), USER_NAME (known to the provider), DISPLAY_NAME,
//   TOKEN_AGE_WAIT_MS (how long to wait until the access token is due for renewal), SCREENSHOTS
import { env, run, step, checkAccessibility } from './support.mjs';

const appUrl = env('APP_URL');
const issuer = env('ISSUER');
const user = env('USER_NAME');
const displayName = env('DISPLAY_NAME');
const tokenAgeWait = Number(env('TOKEN_AGE_WAIT_MS'));

await run('oidc', async (browser, shot) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const blocked = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|CORS/.test(message.text())) blocked.push(message.text());
  });

  await page.goto(`${appUrl}/#/risks`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('heading', { name: 'Sign in to ISMS Flow' }).waitFor({ timeout: 20000 });
  await page.screenshot({ path: shot('portal-oidc-sign-in.png') });
  await checkAccessibility(page, 'sign-in page (OIDC)');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.getByLabel('Username').waitFor({ timeout: 20000 });
  if (!page.url().startsWith(`${issuer}/authorize?`)) throw new Error(`expected the provider's sign-in page, got ${page.url()}`);
  const asked = new URL(page.url()).searchParams;
  if (asked.get('code_challenge_method') !== 'S256' || asked.get('client_id') !== 'isms-portal') {
    throw new Error(`the portal asked the provider with ${asked}`);
  }
  step(`the portal sent ${user} to the provider with a PKCE challenge`);
  await page.getByLabel('Username').fill(user);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.locator('#who', { hasText: displayName }).waitFor({ timeout: 20000 });
  await page.locator('#risk-count').waitFor({ timeout: 20000 });
  if (page.url() !== `${appUrl}/#/risks`) throw new Error(`after sign-in the address is ${page.url()}, not the page asked for`);
  step(`signed in as ${displayName}, back on the page asked for, without the code in the address`);
  await page.screenshot({ path: shot('portal-oidc-signed-in.png'), fullPage: true });
  await checkAccessibility(page, 'risk register (OIDC)');

  await page.waitForTimeout(tokenAgeWait);
  await page.getByRole('link', { name: 'Task inbox' }).click();
  await page.getByRole('heading', { name: 'Tasks' }).waitFor({ timeout: 20000 });
  step('after the access token aged, the inbox still loads (the token was renewed)');

  // the provider ends the session (an administrator, or its idle timeout): the next renewal fails
  await fetch(`${issuer}/test/end-sessions`);
  await page.waitForTimeout(tokenAgeWait);
  await page.getByRole('link', { name: 'Risks' }).click();
  await page.getByText('Your session ended; sign in again.').waitFor({ timeout: 20000 });
  await page.getByRole('heading', { name: 'Sign in to ISMS Flow' }).waitFor();
  step('when the provider ended the session, the portal asks to sign in again');

  // signing in again, then out
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Username').fill(user);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#who', { hasText: displayName }).waitFor({ timeout: 20000 });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to ISMS Flow' }).waitFor({ timeout: 20000 });
  const left = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('isms-flow')));
  if (left.length) throw new Error(`after sign-out the tab still holds ${left}`);
  step('signed out at the provider and back on the sign-in page, with no token left in the tab');

  if (blocked.length) throw new Error(`the browser blocked requests: ${blocked.join(' | ')}`);
});
