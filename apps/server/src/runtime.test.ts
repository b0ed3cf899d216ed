import { describe, expect, it } from 'vitest';
import rootPackage from '../../../package.json' with { type: 'json' };

describe('runtime', () => {
  it('runs on the Node the project pins, whatever the machine’s own Node is', () => {
    const pinned = rootPackage.devDependencies.node;
    expect(process.versions.node).toBe(pinned);
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });
});
