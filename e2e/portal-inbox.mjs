// Browser test of the portal's task inbox: a risk owner signs in, opens her "Assess risk" task,
// submits it with a rationale that is too short (refused next to the field, nothing lost), then
// completes it; the task leaves her inbox. Started by PortalIT with:
//   APP_URL (e.g. http://127.0.0.1:8090), OWNER (password "demo"), TASK (the task's key),
//   SCREENSHOTS (directory for the screenshots kept as test artifacts)
import { env, run, step, checkAccessibility } from './support.mjs';

const appUrl = env('APP_URL');
const owner = env('OWNER');
const taskKey = env('TASK');

await run('portal', async (browser, shot) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(appUrl, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('User name').fill(owner);
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('The user name or password is wrong.').waitFor({ timeout: 20000 });
  await checkAccessibility(page, 'sign-in page with a refused password');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Tasks' }).waitFor({ timeout: 20000 });
  step(`signed in to the portal as ${owner}`);

  const task = page.locator(`button.task[data-key="${taskKey}"]`);
  await task.waitFor({ timeout: 30000 });
  await page.screenshot({ path: shot('portal-inbox.png'), fullPage: true });
  await checkAccessibility(page, 'task inbox');
  await task.click();
  await page.getByLabel(/Likelihood/).waitFor({ timeout: 20000 });
  step('opened "Assess risk" with its form (form-js)');
  await page.getByLabel(/Likelihood/).fill('1');
  await page.getByLabel(/Impact/).fill('3');
  await page.getByLabel(/Rationale/).fill('too short');
  await page.getByRole('button', { name: 'Complete task' }).click();
  await page.getByText('Check the marked fields.').waitFor({ timeout: 10000 });
  await page.locator('.fjs-form-field-error').first().waitFor({ timeout: 10000 });
  if ((await page.getByLabel(/Likelihood/).inputValue()) !== '1') {
    throw new Error('the values typed were lost after a refused submit');
  }
  step('a too short rationale is refused next to the field; the values stay');
  await page.screenshot({ path: shot('portal-form-refused.png'), fullPage: true });
  await checkAccessibility(page, 'task form with a refused field');

  await page.getByLabel(/Rationale/).fill('Remote access now only through the jump host with MFA.');
  await page.getByRole('button', { name: 'Complete task' }).click();
  await page.getByText('"Assess risk" completed').waitFor({ timeout: 20000 });
  await task.waitFor({ state: 'detached', timeout: 20000 });
  step('completed "Assess risk"; it left the inbox');
  await page.screenshot({ path: shot('portal-completed.png'), fullPage: true });
  const external = requests.filter((url) => !url.startsWith(appUrl) && !url.startsWith('data:'));
  if (external.length > 0) {
    throw new Error(`the portal loaded from other hosts (it must work offline): ${external.join(', ')}`);
  }
});
