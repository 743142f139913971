// Browser test of the portal's register views: risks with a filter and both heat maps, assets
// (OT only), policies with versions, board reports, the audit trail. Started by PortalIT with:
//   APP_URL, USER (password "demo"), EXPECT_CRITICAL (inherent critical risks in the register),
//   EXPECT_OT (OT assets), SCREENSHOTS
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const appUrl = env('APP_URL');
const user = env('USER_NAME');
const expectCritical = env('EXPECT_CRITICAL');
const expectOt = env('EXPECT_OT');
const screenshots = env('SCREENSHOTS');
mkdirSync(screenshots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const step = (text) => console.log(`e2e: ${text}`);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(appUrl, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Tasks' }).waitFor({ timeout: 20000 });

  await page.getByRole('link', { name: 'Risks' }).click();
  await page.locator('#risk-count').waitFor({ timeout: 20000 });
  await page.getByLabel('Level').selectOption('CRITICAL');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.locator('#risk-count', { hasText: `${expectCritical} risks` }).waitFor({ timeout: 20000 });
  await page.getByText(/^Inherent \(rows/).waitFor();
  await page.getByText(/^Residual \(rows/).waitFor();
  step(`risk register filtered to CRITICAL shows ${expectCritical} risks and both heat maps`);
  await page.screenshot({ path: join(screenshots, 'portal-risks.png'), fullPage: true });

  await page.getByRole('link', { name: 'Assets' }).click();
  await page.getByLabel('Domain').selectOption('OT');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.locator('#asset-count', { hasText: `${expectOt} assets` }).waitFor({ timeout: 20000 });
  step(`assets filtered to OT show ${expectOt}`);
  await page.screenshot({ path: join(screenshots, 'portal-assets.png'), fullPage: true });

  await page.getByRole('link', { name: 'Policies' }).click();
  const first = page.locator('button[data-policy]').first();
  await first.waitFor({ timeout: 20000 });
  await first.click();
  await page.getByRole('heading', { name: /: versions$/ }).waitFor({ timeout: 20000 });
  step('a policy opens with its versions');
  await page.screenshot({ path: join(screenshots, 'portal-policies.png'), fullPage: true });

  await page.getByRole('link', { name: 'Board reports' }).click();
  await page.getByRole('heading', { name: 'Board reports' }).waitFor({ timeout: 20000 });
  await page.screenshot({ path: join(screenshots, 'portal-board-reports.png'), fullPage: true });

  await page.getByRole('link', { name: 'Audit trail' }).click();
  await page.getByText(/Hash chain intact/).waitFor({ timeout: 20000 });
  step('the audit trail says its hash chain is intact');
  await page.screenshot({ path: join(screenshots, 'portal-audit.png'), fullPage: true });
} catch (error) {
  console.error(`e2e: FAILED: ${error.message}`);
  for (const [index, page] of browser.contexts().flatMap((c) => c.pages()).entries()) {
    await page.screenshot({ path: join(screenshots, `registers-failure-${index}.png`), fullPage: true }).catch(() => {});
    console.error(`e2e: page ${index} was at ${page.url()}`);
  }
  process.exitCode = 1;
} finally {
  await browser.close();
}
