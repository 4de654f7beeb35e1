/**
 * The single-file build (npm run build:single): one HTML file, everything inlined (the
 * workers too), opened from file:// with its Content-Security-Policy, shows the embedded
 * sample and opens a dropped profile. Built here into a folder of its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { dropFiles, fixture, rows, shot } from './helpers';

const OUT = mkdtempSync(join(tmpdir(), 'goroscope-single-'));

test.beforeAll(() => {
  test.setTimeout(180_000);
  execFileSync('npx', ['vite', 'build', '--mode', 'single', '--outDir', OUT, '--emptyOutDir'], { stdio: 'ignore' });
});

test('the single-file build is one HTML file that runs from file:// with its CSP and shows the sample', async ({ page }) => {
  expect(readdirSync(OUT)).toEqual(['index.html']);
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  expect(html).toMatch(/http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-[A-Za-z0-9+/=]+'; worker-src 'self' blob:/);
  expect(html).not.toMatch(/<script[^>]+src=/);
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) violations.push(m.text());
  });
  await page.goto(pathToFileURL(join(OUT, 'index.html')).href);
  await expect(rows(page).first()).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('flame-chart').locator('g.frame').first()).toBeVisible();
  await dropFiles(page, [fixture('incident4', /^cpu\.pb\.gz$/)]);
  await expect(rows(page).first()).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('flame-chart').locator('g.frame').first()).toBeVisible();
  expect(violations).toEqual([]);
  await shot(page, 'single-file-light');
});
