import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import asar from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The desktop package, built offline: electron-builder `--dir` for Linux against a stand-in
 * Electron (a tiny executable carrying Electron's fuse wire, so the fuses electron-builder
 * flips can be read back), then the packed app.asar is opened and read. What installers add
 * on top (dmg, NSIS, AppImage, deb) needs the real Electron download: `npm run dist`.
 */

interface BuildConfig {
  executableName: string;
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string; name: string; role: string; mimeType: string; icon: string }[];
  linux: { mimeTypes: string[]; desktop: { entry: Record<string, string> } };
  mac: { entitlements: string; hardenedRuntime: boolean };
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  build: BuildConfig;
};
const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
};

/** Electron's fuse sentinel and a v1 wire of eight fuses in Electron's shipped state. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const SHIPPED_WIRE = '10101100';
const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;

let tmp: string;
let appDir: string;
let files: string[];

beforeAll(() => {
  if (
    !existsSync(path.join(repoRoot, 'dist', 'electron', 'main.cjs')) ||
    !existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'))
  ) {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  }
  tmp = mkdtempSync(path.join(os.tmpdir(), 'copydesk-pack-'));
  const electronDist = path.join(tmp, 'electron-dist');
  const out = path.join(tmp, 'out');
  mkdirSync(electronDist);
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron"\n# '),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, 8]),
    Buffer.from(`${SHIPPED_WIRE}\n`),
  ]);
  writeFileSync(path.join(electronDist, 'electron'), wire, { mode: 0o755 });
  const builder = path.join(repoRoot, 'node_modules', 'electron-builder', 'cli.js');
  const result = spawnSync(
    process.execPath,
    [builder, '--linux', '--dir', '--x64', `-c.electronDist=${electronDist}`, `-c.directories.output=${out}`],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', ELECTRON_BUILDER_CACHE: path.join(tmp, 'cache') },
    },
  );
  if (result.status !== 0) throw new Error(`electron-builder failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  appDir = path.join(out, 'linux-unpacked');
  files = asar
    .listPackage(path.join(appDir, 'resources', 'app.asar'), { isPack: false })
    .map((f) => f.split(path.sep).join('/').replace(/^\//, ''));
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function readPacked(file: string): string {
  return asar.extractFile(path.join(appDir, 'resources', 'app.asar'), file).toString('utf8');
}

/** The package folders in the asar: node_modules/a, node_modules/@s/b, nested ones too. */
function packedPackages(): string[] {
  const found = new Set<string>();
  for (const file of files) {
    const match = /^((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*node_modules\/(?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(file);
    if (match) found.add(match[1]!);
  }
  return [...found];
}

describe('the packed app (electron-builder --dir, offline)', () => {
  it('holds the built app: main process, preload and the renderer', () => {
    for (const file of ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
      expect(files).toContain(file);
    }
    expect(JSON.parse(readPacked('package.json')).main).toBe('dist/electron/main.cjs');
  });

  it('holds no sources, tests, benchmarks, build scripts or source maps', () => {
    const topLevel = new Set(files.map((f) => f.split('/')[0]));
    expect([...topLevel].sort()).toEqual(['dist', 'node_modules', 'package.json']);
    for (const folder of ['electron/', 'renderer/', 'shared/', 'tests/', 'bench/', 'scripts/', 'build/', 'docs/']) {
      expect(files.filter((f) => f.startsWith(folder))).toEqual([]);
    }
    expect(files.filter((f) => !f.startsWith('node_modules/') && /\.(tsx?|map)$/.test(f))).toEqual([]);
  });

  it('holds every production dependency and nothing only the developers need', () => {
    const packed = packedPackages();
    const names = new Set(packed.map((p) => p.slice(p.lastIndexOf('node_modules/') + 'node_modules/'.length)));
    for (const dependency of Object.keys(pkg.dependencies)) expect(names, dependency).toContain(dependency);
    for (const dependency of Object.keys(pkg.devDependencies)) {
      if (!(dependency in pkg.dependencies)) expect(names, dependency).not.toContain(dependency);
    }
    // Every packed package is one npm installs for production: some copy of it in the lock is
    // not marked dev-only (electron-builder may hoist a nested copy to the top).
    const production = new Set(
      Object.entries(lock.packages)
        .filter(([where, entry]) => where !== '' && entry.dev !== true)
        .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length)),
    );
    const devOnly = [...names].filter((name) => !production.has(name));
    expect(devOnly).toEqual([]);
    expect(names).not.toContain('electron');
    expect(names).not.toContain('vitest');
    expect(names).not.toContain('typescript');
  });

  it('flips the Electron fuses as configured', () => {
    const binary = readFileSync(path.join(appDir, pkg.build.executableName));
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    expect(binary[at]).toBe(1);
    const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
    const expected = FUSE_ORDER.map((name) => (pkg.build.electronFuses[name] ? '1' : '0')).join('');
    expect(wire).toBe(expected);
    // The ones that matter most for a sandboxed editor, spelled out.
    expect(wire).not.toBe(SHIPPED_WIRE);
    expect(wire[0]).toBe('0'); // ELECTRON_RUN_AS_NODE cannot turn Copydesk into a Node shell
    expect(wire[3]).toBe('0'); // --inspect is ignored
    expect(wire[5]).toBe('1'); // only the signed app.asar is loaded
  });

  it('declares .story as a Copydesk document with its icon and MIME type on every platform', () => {
    // electron-builder strips `build` from the packed package.json; what it packed with is ours.
    const packedBuild = pkg.build;
    const association = packedBuild.fileAssociations.find((a) => a.ext === 'story')!;
    expect(association).toMatchObject({
      name: 'Copydesk story',
      role: 'Editor',
      mimeType: 'application/x-copydesk-story',
      icon: 'story-document',
    });
    for (const ext of ['icns', 'ico']) expect(existsSync(path.join(repoRoot, 'build', `${association.icon}.${ext}`))).toBe(true);
    expect(packedBuild.linux.mimeTypes).toContain('application/x-copydesk-story');
    expect(packedBuild.linux.desktop.entry.StartupWMClass).toBe('Copydesk');
    expect(existsSync(path.join(repoRoot, packedBuild.mac.entitlements))).toBe(true);
    expect(packedBuild.mac.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(path.join(repoRoot, packedBuild.mac.entitlements), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>');
    expect(entitlements).not.toContain('disable-library-validation');
  });
});
