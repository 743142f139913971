// Browser test of the portal's process cockpit: a manager sees a running risk review with its
// current step and who holds it, and the instance drawn with bpmn-js from the deployed model, its
// current and completed steps highlighted. Started by PortalIT with:
//   APP_URL, MANAGER (password "demo"), INSTANCE (a running instance's key), STEP (its current
//   step's name), HOLDER (who holds that step), SCREENSHOTS
import { env, run, signInToPortal, step, checkAccessibility } from './support.mjs';

const appUrl = env('APP_URL');
const manager = env('MANAGER');
const instance = env('INSTANCE');
const stepName = env('STEP');
const holder = env('HOLDER');

await run('cockpit', async (browser, shot) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await signInToPortal(page, appUrl, manager);
  await page.getByRole('link', { name: 'Process cockpit' }).click();
  await page.getByRole('heading', { name: 'Process cockpit' }).waitFor({ timeout: 20000 });
  step(`signed in as ${manager}, cockpit open`);
  const row = page.locator('tr', { has: page.locator(`button.cycle[data-key="${instance}"]`) });
  await row.waitFor({ timeout: 20000 });
  const text = await row.innerText();
  if (!text.includes(stepName) || !text.includes(holder)) {
    throw new Error(`the row of ${instance} should show "${stepName}" held by ${holder}, but reads: ${text}`);
  }
  step(`instance ${instance} is at "${stepName}", held by ${holder}`);
  await row.locator('button.cycle').click();
  await page.locator('#diagram .djs-container').waitFor({ timeout: 20000 });
  await page.locator('#diagram g.djs-element.cockpit-active').first().waitFor({ timeout: 20000 });
  await page.locator('#diagram g.djs-element.cockpit-completed').first().waitFor({ timeout: 20000 });
  step('the instance is drawn with its current and completed steps highlighted');
  await page.screenshot({ path: shot('portal-cockpit.png'), fullPage: true });
  await checkAccessibility(page, 'process cockpit with a drawn instance');
});
