// What the browser tests share: their settings, Debian's Chromium, screenshots, and a clear
// failure (with a screenshot of every open page) instead of a hanging or silent one.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The WCAG 2.1 success criteria of levels A and AA that axe-core checks automatically. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

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

/**
 * Checks the page as it stands against WCAG 2.1 A and AA with axe-core (labels, names, contrast,
 * landmarks, ARIA); throws with each violation and where it is. Automated checks find only part
 * of what a person with a screen reader or keyboard meets, so they complement manual checks.
 */
export async function checkAccessibility(page, what) {
  await page.evaluate(axeSource);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG_AA);
  if (result.violations.length) {
    const lines = result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`,
    );
    throw new Error(`${what}: ${result.violations.length} accessibility violations (WCAG 2.1 AA, axe-core):\n  ${lines.join('\n  ')}`);
  }
  step(`${what}: no WCAG 2.1 A/AA violations found by axe-core (${result.passes.length} rules passed)`);
}
