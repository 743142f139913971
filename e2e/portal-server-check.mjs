// Browser test: a check only the server makes (a change request needs a comment) comes back next to
// its field in the portal, with everything chosen kept; the executive then completes the sign-off.
// Also keeps a screenshot at a tablet's size. Started by PortalIT with:
//   APP_URL, EXECUTIVE (password "demo"), TASK (the "Review and sign off report" task's key), SCREENSHOTS
import { env, run, step, checkAccessibility } from './support.mjs';

const appUrl = env('APP_URL');
const executive = env('EXECUTIVE');
const taskKey = env('TASK');

await run('server-check', async (browser, shot) => {
  // a tablet in landscape
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await page.goto(appUrl, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('User name').fill(executive);
  await page.getByLabel('Password').fill('demo');
  await page.keyboard.press('Enter');
  const task = page.locator(`button.task[data-key="${taskKey}"]`);
  await task.waitFor({ timeout: 30000 });
  await task.focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Request changes from the CISO').waitFor({ timeout: 20000 });
  await page.getByLabel('Request changes from the CISO').check();
  await page.getByRole('button', { name: 'Complete task' }).click();
  const reason = page.locator('.server-error', { hasText: 'say what the CISO should change' });
  await reason.waitFor({ timeout: 20000 });
  if (!(await page.getByLabel('Request changes from the CISO').isChecked())) {
    throw new Error('the decision chosen was lost after the refusal');
  }
  step('the server refused a change request without a comment, next to the comment field; the choice stays');
  await page.screenshot({ path: shot('portal-server-check-tablet.png'), fullPage: true });
  await checkAccessibility(page, 'sign-off form at tablet size');
  await page.getByLabel(/^Comment/).fill('Add the OT incidents of the quarter.');
  await page.getByRole('button', { name: 'Complete task' }).click();
  await page.getByText('"Review and sign off report" completed').waitFor({ timeout: 20000 });
  await task.waitFor({ state: 'detached', timeout: 20000 });
  step('with a comment, the sign-off task completes');
});
