/**
 * The generated replicas (test/fixtures/gen/cmd/pods): five pods of the incident1 and
 * incident3 programs, one with the bugs, as .tar.gz and .zip in both layouts. Each drop
 * groups every entry under its pod, ranks the leaking pod first, and flags its stack.
 */
import { expect, test } from '@playwright/test';
import { dropFiles, fixture, gotoApp, row, shot } from './helpers';

const PODS = ['orders-6c9f8d7b54-2xkq9', 'orders-6c9f8d7b54-7hwzm', 'orders-6c9f8d7b54-b4n2v', 'orders-6c9f8d7b54-q8t5r', 'orders-6c9f8d7b54-z6p4l'];
const LEAKING = 'orders-6c9f8d7b54-b4n2v';

for (const name of ['pods-folders.tar.gz', 'pods-folders.zip', 'pods-named.tar.gz', 'pods-named.zip']) {
  test(`${name}: grouped by pod, the leaking pod first, its growing stack flagged`, async ({ page }) => {
    test.setTimeout(90_000);
    await gotoApp(page);
    await dropFiles(page, [fixture('pods', new RegExp(`^${name.replace(/\./g, '\\.')}$`))]);
    const archive = row(page, name);
    const groups = archive.getByTestId('pod-group');
    await expect(groups).toHaveCount(5);
    expect(await groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-pod')))).toEqual(PODS);
    for (const pod of PODS) {
      const g = archive.locator(`[data-pod="${pod}"]`);
      await expect(g.locator('[data-kind="heap"] .tree-count')).toHaveText('2');
      await expect(g.locator('[data-kind="goroutine"] .tree-count')).toHaveText('2');
    }
    await expect(archive.getByTestId('file-error')).toHaveCount(0);

    await archive.getByTestId('open-pod-table').click();
    const dialog = page.getByRole('dialog', { name: 'Pod against pod' });
    const rows = dialog.getByRole('table', { name: 'Pods by kind' }).getByTestId('pod-row');
    await expect(rows).toHaveCount(5);
    await expect(rows.first()).toHaveAttribute('data-pod', LEAKING);
    await expect(rows.first().locator('td[data-outlier]')).toHaveCount(2);
    // The subscriber that never returns lives in the leaking pod only, and grew there.
    const stack = dialog.getByRole('table', { name: 'Goroutine stacks by pod' }).getByTestId('pod-stack').first();
    await expect(stack).toHaveAttribute('data-flag', 'one-pod');
    await expect(stack).toContainText(`only in ${LEAKING}`);
    await expect(stack.locator('th')).toHaveAttribute('title', /main\.subscribe/);
    if (name === 'pods-named.zip') await shot(page, 'pods-fixture-table');
  });
}
