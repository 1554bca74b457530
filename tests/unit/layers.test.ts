import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md section 1 as a dependency rule: the folder a file lives in decides what it may
 * import. This test fails when a layer reaches for what its runtime does not have.
 */

const ROOT = path.resolve(__dirname, '../..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

type Layer = 'shared' | 'renderer' | 'electron';

export function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[^'";]*?\s+from\s+['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** Returns the rule a file breaks by importing `spec`, or null. */
export function violation(layer: Layer, file: string, spec: string): string | null {
  const isRelative = spec.startsWith('.');
  const target = isRelative ? path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), spec)).split(path.sep)[0] : null;
  const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  const isNode = NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(pkg);
  switch (layer) {
    case 'shared':
      if (isRelative && target !== 'shared') return `shared/ may import only shared/ (imports ${spec})`;
      if (isNode) return `shared/ must not import Node (${spec})`;
      if (pkg === 'electron') return 'shared/ must not import electron';
      if (pkg === 'react' || pkg === 'react-dom' || spec.startsWith('@lexical/react')) return `shared/ must not import UI code (${spec})`;
      return null;
    case 'renderer':
      if (isRelative && target !== 'renderer' && target !== 'shared')
        return `renderer/ may import only renderer/ and shared/ (imports ${spec})`;
      if (isNode) return `renderer/ must not import Node (${spec})`;
      if (pkg === 'electron') return 'renderer/ must not import electron';
      return null;
    case 'electron': {
      if (isRelative && target === 'renderer') return `electron/ must not import renderer/ (${spec})`;
      const base = path.basename(file);
      const mayUseElectron = file.split(path.sep).length === 2 && (base.startsWith('main') || base.startsWith('preload'));
      if (pkg === 'electron' && !mayUseElectron) return `only electron/main* and electron/preload* may import electron (${file})`;
      if (pkg === 'react' || pkg === 'react-dom' || spec.startsWith('@lexical/react')) return `electron/ must not import UI code (${spec})`;
      return null;
    }
  }
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, entry);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx|mts|cts)$/.test(entry) && !entry.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

describe('layer rules (DESIGN.md section 1)', () => {
  for (const layer of ['shared', 'renderer', 'electron'] as const) {
    it(`${layer}/ imports only what its runtime allows`, () => {
      const files = sourceFiles(layer);
      expect(files.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const file of files) {
        const source = readFileSync(path.join(ROOT, file), 'utf8');
        for (const spec of importsOf(source)) {
          const problem = violation(layer, file, spec);
          if (problem) problems.push(`${file}: ${problem}`);
        }
        if (layer === 'shared') {
          const code = source.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
          for (const global of ['window', 'document', 'navigator', 'localStorage', 'sessionStorage']) {
            // A local of the same name (a parameter, a const) is not the DOM global.
            const declared = new RegExp(`\\b(const|let|var)\\s+${global}\\b|[(,]\\s*${global}\\s*[:,)=]`).test(code);
            if (!declared && new RegExp(`(^|[^.\\w$])${global}\\s*\\.`).test(code))
              problems.push(`${file}: shared/ must not use the DOM global ${global}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('catches the imports it is meant to forbid', () => {
    expect(violation('shared', 'shared/x.ts', 'node:fs')).toMatch(/Node/);
    expect(violation('shared', 'shared/x.ts', 'fs/promises')).toMatch(/Node/);
    expect(violation('shared', 'shared/x.ts', 'react')).toMatch(/UI/);
    expect(violation('shared', 'shared/x.ts', '@lexical/react/LexicalComposer')).toMatch(/UI/);
    expect(violation('shared', 'shared/x.ts', '../renderer/App')).toMatch(/only shared/);
    expect(violation('renderer', 'renderer/x.ts', 'electron')).toMatch(/electron/);
    expect(violation('renderer', 'renderer/x.ts', 'node:path')).toMatch(/Node/);
    expect(violation('renderer', 'renderer/x.ts', '../electron/services/story-files')).toMatch(/only renderer/);
    expect(violation('electron', 'electron/services/x.ts', 'electron')).toMatch(/only electron\/main/);
    expect(violation('electron', 'electron/cli.ts', '../renderer/App')).toMatch(/must not import renderer/);
    expect(violation('electron', 'electron/main.ts', 'electron')).toBeNull();
    expect(violation('electron', 'electron/preload.ts', 'electron')).toBeNull();
    expect(violation('shared', 'shared/x.ts', 'zod')).toBeNull();
    expect(
      importsOf(`import a from 'x'; import type { B } from "y"; export * from './z'; const c = await import('w'); require('v');`),
    ).toEqual(['x', 'y', './z', 'w', 'v']);
  });
});
