/** Incident 2's trace on the Timeline tab: lanes, zoom by keys and wheel, a slice's details, a range, the URL. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { dropFiles, fixture, gotoApp, row, rows, shot } from './helpers';

const TRACE = fixture('incident2', /-trace-/);

async function openTrace(page: Page, url = './'): Promise<Locator> {
  await gotoApp(page, url);
  await dropFiles(page, [TRACE], { timeout: 120_000 });
  await expect(page.getByRole('tab', { name: /Timeline/ })).toHaveAttribute('aria-selected', 'true');
  const tl = page.getByTestId('timeline');
  await expect(tl).toBeVisible({ timeout: 60_000 });
  return tl;
}

const span = async (tl: Locator) => Number(await tl.getAttribute('data-t1')) - Number(await tl.getAttribute('data-t0'));

/** The point `share` across the lane named `name`, in page coordinates. */
async function lanePoint(tl: Locator, name: string, share: number): Promise<{ x: number; y: number }> {
  const label = (await tl.getByRole('listitem', { name, exact: true }).boundingBox())!;
  const box = (await tl.boundingBox())!;
  const left = label.x + label.width;
  return { x: left + (box.x + box.width - left) * share, y: label.y + label.height / 2 };
}

test.describe('trace timeline', () => {
  test.setTimeout(240_000);

  test('lanes, zoom, a slice, a range and the URL', async ({ page }) => {
    const tl = await openTrace(page);
    const lanes = tl.getByRole('list', { name: 'Lanes' });
    for (const name of ['P0', 'P1', 'GC', 'Heap', 'Goroutines']) await expect(lanes.getByRole('listitem', { name, exact: true })).toBeVisible();
    const gLanes = tl.getByRole('list', { name: 'Goroutine lanes' }).getByRole('listitem');
    await expect(gLanes.first()).toHaveAccessibleName(/^G \d+/);
    await expect(tl.getByRole('list', { name: 'Goroutine lanes' }).getByRole('listitem', { name: /collection\.\(\*TimingWheel\)\.run/ }).first()).toBeAttached();
    await page.waitForTimeout(500);
    await shot(page, 'timeline-whole');

    // W zooms in about the middle, S back out.
    const whole = await span(tl);
    await tl.focus();
    await page.keyboard.press('w');
    await expect.poll(() => span(tl)).toBeLessThan(whole * 0.8);
    await page.keyboard.press('s');
    await expect.poll(() => span(tl)).toBeGreaterThan(whole * 0.95);

    // The wheel zooms at the pointer, over the P lanes.
    const p0 = await lanePoint(tl, 'P0', 0.5);
    await page.mouse.move(p0.x, p0.y);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -400);
    await expect.poll(() => span(tl)).toBeLessThan(whole / 5);

    // Double-click fits again.
    await page.mouse.dblclick(p0.x, p0.y);
    await expect.poll(() => span(tl)).toBeGreaterThan(whole * 0.95);

    // A click on P0 where it ran shows the goroutine and its stacks.
    const details = page.getByTestId('slice-details');
    for (const share of [0.5, 0.3, 0.7, 0.1, 0.9, 0.2, 0.8, 0.4, 0.6]) {
      const at = await lanePoint(tl, 'P0', share);
      await page.mouse.click(at.x, at.y);
      if (await details.isVisible().catch(() => false)) break;
      await page.waitForTimeout(200);
    }
    await expect(details).toBeVisible();
    await expect(details.getByRole('heading', { level: 3 })).toHaveText(/^G \d+/);
    await expect(details).toContainText('running');
    await expect(details.getByRole('list', { name: 'Stack where the slice stopped' }).or(details.getByText('No stack recorded.').first())).toBeVisible();

    // From the slice to its group in the goroutine analysis, and from a goroutine there back to its lane.
    const title = (await details.getByRole('heading', { level: 3 }).textContent())!;
    expect(title).toMatch(/^G \d+/);
    await details.getByRole('button', { name: 'Its group in the goroutine analysis' }).click();
    await expect(page.getByRole('tab', { name: /Trace/ })).toHaveAttribute('aria-selected', 'true');
    const open = page.getByTestId('group-table').locator('button[aria-expanded=true]');
    await expect(open).toHaveCount(1);
    const list = page.getByRole('table', { name: /^Goroutines started at/ });
    await list.locator('tbody tr[aria-rowindex]').first().click();
    const picked = page.getByRole('region', { name: /^Goroutine \d+$/ });
    const pickedId = /(\d+)$/.exec((await picked.getAttribute('aria-label'))!)![1]!;
    await picked.getByRole('button', { name: 'Show on the timeline' }).click();
    await expect(page.getByRole('tab', { name: /Timeline/ })).toHaveAttribute('aria-selected', 'true');
    const only = page.getByTestId('timeline').getByRole('list', { name: 'Goroutine lanes' }).getByRole('listitem');
    await expect(only).toHaveCount(1);
    await expect(only.first()).toHaveAccessibleName(new RegExp(`^G ${pickedId}( |$)`));
    await page.getByRole('searchbox', { name: 'Goroutines' }).fill('');
    await expect.poll(() => only.count()).toBeGreaterThan(5);

    // Shift+drag selects a range: the range's goroutine table counts fewer than the whole trace.
    const a = await lanePoint(tl, 'P1', 0.4);
    const b = await lanePoint(tl, 'P1', 0.45);
    await page.keyboard.down('Shift');
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const range = page.getByTestId('range-groups');
    await expect(page).toHaveURL(/tr=\d+-\d+/);
    // The table answers the range the URL holds (not one it passed through while dragging).
    const chosen = /tr=(\d+-\d+)/.exec(page.url())![1]!;
    await expect(range).toHaveAttribute('data-range', chosen);
    const heading = (await range.getByRole('heading').first().textContent()) ?? '';
    const inRange = Number(/([\d,]+) goroutines/.exec(heading)![1]!.replace(/,/g, ''));
    expect(inRange).toBeGreaterThan(0);
    expect(inRange).toBeLessThan(36112);
    await shot(page, 'timeline-range');

    // The range's profiles open as profiles of their own.
    const profiles = range.getByRole('group', { name: 'Profiles of the range' });
    await profiles.getByRole('button', { name: 'CPU samples' }).click();
    await expect(rows(page).filter({ hasText: /^CPU samples in / })).toHaveCount(1);
    await expect(page.getByTestId('flame-chart').locator('g.frame').first()).toBeVisible();
    await row(page, /^main-1-trace-\d+\.pprof$/).locator('.file-main').click();
    await expect(page.getByRole('tab', { name: /Timeline/ })).toHaveAttribute('aria-selected', 'true');
    await page.getByTestId('range-groups').getByRole('group', { name: 'Profiles of the range' }).getByRole('button', { name: 'sync blocking' }).click();
    await expect(rows(page).filter({ hasText: /^sync blocking in / })).toHaveCount(1);
    await expect(page.getByTestId('flame-total')).toContainText('delay');

    // The range and the window live in the hash: a reload with the same file shows them again.
    await page.reload();
    await expect(rows(page).first()).toHaveAttribute('data-status', 'ready');
    await dropFiles(page, [TRACE], { timeout: 120_000 });
    await expect(page.getByTestId('timeline-range')).toBeVisible({ timeout: 60_000 });
    expect(page.url()).toContain(`tr=${chosen}`);
    await expect(page.getByTestId('range-groups')).toHaveAttribute('data-range', chosen);
    await expect(page.getByTestId('range-groups').getByRole('heading').first()).toHaveText(new RegExp(`${inRange.toLocaleString('en-US')} goroutines`));
  });

  test('user tasks and regions have their lanes, named on hover', async ({ page }) => {
    await gotoApp(page);
    await dropFiles(page, [fixture('traces', /^annotated-go1\.26\.trace$/)]);
    const tl = page.getByTestId('timeline');
    await expect(tl).toBeVisible({ timeout: 60_000 });
    const lanes = tl.getByRole('list', { name: 'Lanes' });
    await expect(lanes.getByRole('listitem', { name: 'Tasks', exact: true })).toBeVisible();
    await expect(lanes.getByRole('listitem', { name: 'Regions', exact: true })).toBeVisible();
    const tip = page.getByTestId('timeline-tooltip');
    for (const share of [0.5, 0.3, 0.7, 0.1, 0.9, 0.2, 0.05]) {
      const at = await lanePoint(tl, 'Tasks', share);
      await page.mouse.move(at.x, at.y);
      await page.waitForTimeout(250);
      if (await tip.isVisible().catch(() => false)) break;
    }
    await expect(tip).toContainText('Tasks');
    await expect(tip).toContainText(' ns)');
  });

  test('screenshots at whole trace, 1 ms and 10 µs, light and dark', async ({ page }) => {
    const tl = await openTrace(page);
    const end = Number(await tl.getAttribute('data-t1'));
    // Early in the trace both Ps switch goroutines often.
    const mid = Math.round(end * 0.16);
    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') await page.keyboard.press('t');
      for (const [name, width] of [
        ['whole', 0],
        ['1ms', 1_000_000],
        ['10us', 10_000],
      ] as const) {
        const hash = width ? `#view=timeline&tv=${mid}-${mid + width}` : '#view=timeline';
        await page.evaluate((h) => {
          location.hash = h;
        }, hash);
        await expect.poll(() => span(tl)).toBe(width || end);
        await page.waitForTimeout(700);
        await shot(page, `timeline-${name}-${theme}`);
      }
    }
  });
});
