// What the browser tests share: their settings, Debian's Chromium, screenshots, and a clear
// failure (with a screenshot of every open page) instead of a hanging or silent one.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** A setting the starting integration test passes; missing is a mistake in that test. */
export function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export function step(text) {
  console.log(`e2e: ${text}`);
}

/**
 * Runs the test body with a browser and a function that names screenshot files; on failure prints
 * why, keeps a screenshot of each page ({prefix}-failure-N.png) and sets the exit code to 1.
 */
export async function run(prefix, body) {
  const screenshots = env('SCREENSHOTS');
  mkdirSync(screenshots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // without the background-networking flags Chromium keeps calling Google's hosts, refused here
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    await body(browser, (name) => join(screenshots, name));
  } catch (error) {
    console.error(`e2e: FAILED: ${error.message}`);
    for (const [index, page] of browser.contexts().flatMap((c) => c.pages()).entries()) {
      await page.screenshot({ path: join(screenshots, `${prefix}-failure-${index}.png`), fullPage: true }).catch(() => {});
      console.error(`e2e: page ${index} was at ${page.url()} (${prefix}-failure-${index}.png)`);
    }
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

/** Signs in to the ISMS Flow portal (password "demo") and waits for the inbox. */
export async function signInToPortal(page, appUrl, user) {
  await page.goto(appUrl, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Tasks' }).waitFor({ timeout: 20000 });
}
