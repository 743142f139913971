// Browser test of the portal's register views: risks with a filter and both heat maps, assets
// (OT only), policies with versions, board reports, the audit trail. Started by PortalIT with:
//   APP_URL, USER (password "demo"), EXPECT_CRITICAL (inherent critical risks in the register),
//   EXPECT_OT (OT assets), SCREENSHOTS
import { env, run, signInToPortal, step, checkAccessibility } from './support.mjs';

const appUrl = env('APP_URL');
const user = env('USER_NAME');
const expectCritical = env('EXPECT_CRITICAL');
const expectOt = env('EXPECT_OT');

await run('registers', async (browser, shot) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await signInToPortal(page, appUrl, user);

  await page.getByRole('link', { name: 'Risks' }).click();
  await page.locator('#risk-count').waitFor({ timeout: 20000 });
  await page.getByLabel('Level').selectOption('CRITICAL');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.locator('#risk-count', { hasText: `${expectCritical} risks` }).waitFor({ timeout: 20000 });
  await page.getByText(/^Inherent \(rows/).waitFor();
  await page.getByText(/^Residual \(rows/).waitFor();
  step(`risk register filtered to CRITICAL shows ${expectCritical} risks and both heat maps`);
  await page.screenshot({ path: shot('portal-risks.png'), fullPage: true });
  await checkAccessibility(page, 'risk register');

  await page.getByRole('link', { name: 'Assets' }).click();
  await page.getByLabel('Domain').selectOption('OT');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.locator('#asset-count', { hasText: `${expectOt} assets` }).waitFor({ timeout: 20000 });
  step(`assets filtered to OT show ${expectOt}`);
  await page.screenshot({ path: shot('portal-assets.png'), fullPage: true });
  await checkAccessibility(page, 'assets');

  await page.getByRole('link', { name: 'Policies' }).click();
  const first = page.locator('button[data-policy]').first();
  await first.waitFor({ timeout: 20000 });
  await first.click();
  await page.getByRole('heading', { name: /: versions$/ }).waitFor({ timeout: 20000 });
  step('a policy opens with its versions');
  await page.screenshot({ path: shot('portal-policies.png'), fullPage: true });
  await checkAccessibility(page, 'policies');

  await page.getByRole('link', { name: 'Board reports' }).click();
  await page.getByRole('heading', { name: 'Board reports' }).waitFor({ timeout: 20000 });
  await page.screenshot({ path: shot('portal-board-reports.png'), fullPage: true });
  await checkAccessibility(page, 'board reports');

  await page.getByRole('link', { name: 'Audit trail' }).click();
  await page.getByText(/Hash chain intact/).waitFor({ timeout: 20000 });
  step('the audit trail says its hash chain is intact');
  await page.screenshot({ path: shot('portal-audit.png'), fullPage: true });
  await checkAccessibility(page, 'audit trail');
});
