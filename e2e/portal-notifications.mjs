// Browser test of the portal's notifications: the unread count in the navigation, the list of the
// person's groups' notifications, marking one read. Started by PortalIT with:
//   APP_URL, USER_NAME (password "demo"), TITLE (a notification's title, unread for that person),
//   SCREENSHOTS
import { checkAccessibility, env, run, signInToPortal, step } from './support.mjs';

const appUrl = env('APP_URL');
const user = env('USER_NAME');
const title = env('TITLE');

await run('notifications', async (browser, shot) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signInToPortal(page, appUrl, user);
  const link = page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
  await link.waitFor({ timeout: 20000 });
  const before = Number((await link.textContent()).match(/\((\d+)\)/)[1]);
  step(`the navigation shows ${before} unread notifications`);

  await link.click();
  const item = page.locator('li.notification', { has: page.getByRole('heading', { name: title }) });
  await item.waitFor({ timeout: 20000 });
  if (!(await item.getAttribute('class')).includes('unread')) throw new Error(`"${title}" is not shown as unread`);
  await page.screenshot({ path: shot('portal-notifications.png'), fullPage: true });
  await checkAccessibility(page, 'notifications');

  await item.getByRole('button', { name: `Mark read: ${title}` }).click();
  await item.getByRole('button').waitFor({ state: 'detached', timeout: 20000 });
  const after = before - 1;
  await page.getByRole('link', { name: after ? `Notifications, ${after} unread` : 'Notifications', exact: true }).waitFor({ timeout: 20000 });
  step(`"${title}" marked read; the navigation shows ${after} unread`);
});
