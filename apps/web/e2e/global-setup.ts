import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.ts';
import { buildStaleParts } from './harness.ts';

/** Once per run, before any worker: the build where it is stale, and Debian's Chromium in place. */
export default function globalSetup() {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} missing: apt-get install -y chromium`);
  buildStaleParts();
}
