import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Launches the real desktop app with Playwright's Electron driver. The Electron binary is
 * downloaded by the `electron` package's install script; where it could not be (no
 * internet), the suite says so plainly and skips.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const electronPackage = path.join(repoRoot, 'node_modules', 'electron');
const SKIP_REASON = 'skipped: Electron binary not available';

/** The Electron executable the `electron` package installed, or null when there is none. */
function electronBinary(): string | null {
  const pathTxt = path.join(electronPackage, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const relative = readFileSync(pathTxt, 'utf8').trim();
  if (!relative) return null;
  const binary = path.join(electronPackage, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (!binary) console.log(SKIP_REASON);

describe('the real Copydesk desktop app', () => {
  it.skipIf(!binary)(
    binary ? 'launches, opens its window titled Copydesk, and closes' : `launches the desktop app — ${SKIP_REASON}`,
    async () => {
      if (
        !existsSync(path.join(repoRoot, 'dist', 'electron', 'main.cjs')) ||
        !existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'))
      ) {
        execSync('npm run build', { cwd: repoRoot, stdio: 'inherit' });
      }
      const { _electron } = await import('playwright-core');
      const env: Record<string, string> = {};
      for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
      const app = await _electron.launch({
        executablePath: binary!,
        // Chromium refuses its sandbox as root (CI containers); the app is the same otherwise.
        args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), repoRoot],
        cwd: repoRoot,
        env,
        timeout: 60_000,
      });
      try {
        const page = await app.firstWindow({ timeout: 60_000 });
        await page.waitForLoadState('domcontentloaded');
        expect(page.url()).toMatch(/^app:\/\/copydesk\//);
        await expect
          .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? ''), { timeout: 30_000 })
          .toContain('Copydesk');
        // The page has the bridge and no Node.
        expect(await page.evaluate(() => Object.keys((window as unknown as { copydesk: object }).copydesk).sort())).toEqual([
          'host',
          'invoke',
          'onCommand',
        ]);
        expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      } finally {
        await app.close();
      }
    },
    180_000,
  );
});
