// Browser test: a risk owner completes "Assess risk" in Camunda Tasklist's UI with its linked
// form, then a manager finds the instance in Camunda Operate. Debian's Chromium, driven by
// playwright-core (no browser download). Started by WebappsIT with:
//   TASKLIST_URL, OPERATE_URL  e.g. http://127.0.0.1:8082/tasklist
//   OWNER (risk owner's user name; password "demo"), VIEWER (a manager's user name)
//   INSTANCE   the risk review's process instance key; TASK its "Assess risk" task (Tasklist shows
//              everyone's tasks without Camunda Identity, so the test opens its own by id)
//   SCREENSHOTS directory for the screenshots kept as test artifacts
// Exits 0 when every step passed; prints what failed otherwise.
import { env, run, step } from './support.mjs';

const tasklistUrl = env('TASKLIST_URL');
const operateUrl = env('OPERATE_URL');
const owner = env('OWNER');
const viewer = env('VIEWER');
const instance = env('INSTANCE');
const taskId = env('TASK');

await run('webapps', async (browser, shot) => {
  // Tasklist: sign in with the ISMS Flow password, open the task, fill its form, complete it
  const tasklist = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await tasklist.goto(tasklistUrl, { waitUntil: 'domcontentloaded' });
  await tasklist.locator('input[name="username"]').fill(owner);
  await tasklist.locator('input[name="password"]').fill('demo');
  await tasklist.getByRole('button', { name: /log ?in/i }).click();
  step(`signed in to Tasklist as ${owner}`);
  await tasklist.getByRole('link', { name: /Assess risk/ }).first().waitFor({ timeout: 60000 });
  await tasklist.screenshot({ path: shot('tasklist-inbox.png'), fullPage: true });
  await tasklist.goto(`${tasklistUrl}/${taskId}`, { waitUntil: 'domcontentloaded' });
  await tasklist.getByText(/Assigned to me|Assign to me/).first().waitFor({ timeout: 60000 });
  const assign = tasklist.getByRole('button', { name: /^Assign to me$/ });
  if (await assign.count() > 0) {
    await assign.click();
    await tasklist.getByText('Assigned to me').first().waitFor({ timeout: 30000 });
  }
  // the linked form, not Tasklist's variables editor (what it shows for a task without a form)
  await tasklist.getByRole('heading', { name: /Assess risk R-/ }).waitFor({ timeout: 60000 });
  await tasklist.getByLabel(/Likelihood/).waitFor({ timeout: 60000 });
  await tasklist.getByLabel(/Likelihood/).fill('1');
  await tasklist.getByLabel(/Impact/).fill('3');
  await tasklist.getByLabel(/Rationale/).fill('Segmentation of line 3 is still open; seen in the November walk-down.');
  step('filled the linked form "risk-assessment"');
  await tasklist.screenshot({ path: shot('tasklist-assess-risk-form.png'), fullPage: true });
  await tasklist.getByRole('button', { name: /^Complete Task$/i }).click();
  await tasklist.getByText(/Task completed/i).first().waitFor({ timeout: 60000 });
  step('completed "Assess risk" in Tasklist');
  await tasklist.screenshot({ path: shot('tasklist-completed.png'), fullPage: true });

  // Operate: the instance, drawn from its model
  const operate = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await operate.goto(operateUrl, { waitUntil: 'domcontentloaded' });
  await operate.locator('input[name="username"]').fill(viewer);
  await operate.locator('input[name="password"]').fill('demo');
  await operate.getByRole('button', { name: /log ?in/i }).click();
  await operate.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 60000 });
  step(`signed in to Operate as ${viewer}`);
  await operate.goto(`${operateUrl}/processes/${instance}`, { waitUntil: 'domcontentloaded' });
  await operate.locator('.djs-container').first().waitFor({ timeout: 60000 });
  await operate.getByText(/Risk review/).first().waitFor({ timeout: 60000 });
  step(`Operate shows instance ${instance} with its diagram`);
  await operate.screenshot({ path: shot('operate-instance.png'), fullPage: true });
});
