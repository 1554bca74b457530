import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The benchmark hook (renderer/shell/bench-hook.ts, window.__copydeskBench) opens and times
 * stories from outside the app: it belongs in `npm run bench`'s build only, never in the
 * bundle Copydesk ships. Both builds are made here, so the check cannot pass by looking at
 * the wrong thing.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const out = mkdtempSync(path.join(os.tmpdir(), 'copydesk-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function bundleText(mode: 'production' | 'bench'): Promise<string> {
  const outDir = path.join(out, mode);
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    mode,
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  const assets = path.join(outDir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(path.join(assets, f), 'utf8'))
    .join('\n');
}

describe('the renderer bundle', () => {
  it('carries the benchmark hook only in the benchmark build', { timeout: 120_000 }, async () => {
    const bench = await bundleText('bench');
    expect(bench).toContain('__copydeskBench');
    const production = await bundleText('production');
    expect(production).not.toContain('__copydeskBench');
    expect(production).not.toContain('previewsMade');
    // The production bundle is the whole app all the same.
    expect(production).toContain('Keyboard shortcuts');
  });
});
