// Browser test of the portal's notifications: the unread count in the navigation, the list of the
// person's groups' notifications, marking one read; all of it with the keyboard only (sign-in, the
// navigation link, the button). Started by PortalIT with:
//   APP_URL, USER_NAME (password "demo"), TITLE (a notification's title, unread for that person),
//   SCREENSHOTS
import { checkAccessibility, env, run, step } from './support.mjs';

const appUrl = env('APP_URL');
const user = env('USER_NAME');
const title = env('TITLE');

await run('notifications', async (browser, shot) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(appUrl, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('User name').waitFor({ timeout: 20000 });
  await page.keyboard.type(user); // the user name field has the focus
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Tasks' }).waitFor({ timeout: 20000 });
  step(`signed in as ${user} with the keyboard only`);
  const link = page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
  await link.waitFor({ timeout: 20000 });
  const before = Number((await link.textContent()).match(/\((\d+)\)/)[1]);
  step(`the navigation shows ${before} unread notifications`);

  await tabTo(page, { id: 'nav-notifications' });
  await page.keyboard.press('Enter');
  const item = page.locator('li.notification', { has: page.getByRole('heading', { name: title }) });
  await item.waitFor({ timeout: 20000 });
  if (!(await item.getAttribute('class')).includes('unread')) throw new Error(`"${title}" is not shown as unread`);
  await page.screenshot({ path: shot('portal-notifications.png'), fullPage: true });
  await checkAccessibility(page, 'notifications');

  await tabTo(page, { label: `Mark read: ${title}` });
  await page.keyboard.press('Enter');
  await item.getByRole('button').waitFor({ state: 'detached', timeout: 20000 });
  const after = before - 1;
  await page.getByRole('link', { name: after ? `Notifications, ${after} unread` : 'Notifications', exact: true }).waitFor({ timeout: 20000 });
  step(`"${title}" marked read; the navigation shows ${after} unread`);
});

/** Presses Tab until the focused element has the id or accessible label (a keyboard user's way there). */
async function tabTo(page, { id, label }) {
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate(([wantedId, wantedLabel]) => {
      const focused = document.activeElement;
      return !!focused && (wantedId ? focused.id === wantedId : focused.getAttribute('aria-label') === wantedLabel);
    }, [id, label]);
    if (reached) return;
  }
  throw new Error(`40 presses of Tab did not reach ${id || label}`);
}
