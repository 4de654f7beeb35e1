/**
 * How every browser run here (e2e, the browser benches) launches Chromium: Debian's
 * binary, since Playwright's own download cannot work offline, with the flags that keep
 * it quiet in a sandboxless container and off the network.
 */
import { existsSync } from 'node:fs';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Launch options for Playwright; throws a message saying how to get Chromium when it is missing. */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] } {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return { executablePath, args: CHROMIUM_ARGS };
}
