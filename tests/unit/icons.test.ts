import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ICON_SETS, ICON_SIZES, renderIcons } from '../../scripts/icons';

/**
 * The icons in build/ are build inputs made by scripts/make-icons.ts from the SVG sources
 * beside them. This checks each is there at every size the platforms need, and that it is
 * what the source gives today (a changed SVG without `npm run icons` fails).
 */

const buildDir = fileURLToPath(new URL('../../build', import.meta.url));

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The image sizes inside a Windows .ico (0 in the directory means 256). */
function icoSizes(bytes: Buffer): number[] {
  expect(bytes.readUInt16LE(2)).toBe(1);
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => bytes[6 + i * 16] || 256);
}

/** The chunk types inside a macOS .icns (ic07 = 128 px … ic10 = 1024 px). */
function icnsTypes(bytes: Buffer): string[] {
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('icns');
  expect(bytes.readUInt32BE(4)).toBe(bytes.length);
  const types: string[] = [];
  for (let at = 8; at < bytes.length; at += bytes.readUInt32BE(at + 4)) types.push(bytes.subarray(at, at + 4).toString('latin1'));
  return types;
}

describe('the app and .story document icons', () => {
  for (const set of ICON_SETS) {
    it(`${set.source}: a PNG at every size from 16 to 1024`, () => {
      for (const size of ICON_SIZES) {
        expect(pngSize(readFileSync(path.join(buildDir, set.pngDir, `${size}x${size}.png`)))).toEqual({ width: size, height: size });
      }
    });

    it(`${set.source}: a Windows .ico with 16–256 and a macOS .icns up to 1024`, () => {
      expect(icoSizes(readFileSync(path.join(buildDir, `${set.name}.ico`)))).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 256]));
      expect(icnsTypes(readFileSync(path.join(buildDir, `${set.name}.icns`)))).toEqual(
        expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']),
      );
    });
  }

  it('every committed icon is what scripts/make-icons.ts makes from its SVG today', () => {
    const stale = renderIcons(buildDir, (file) => readFileSync(file))
      .filter((icon) => !readFileSync(icon.file).equals(icon.bytes))
      .map((icon) => path.relative(buildDir, icon.file));
    expect(stale, 'run `npm run icons` and commit build/').toEqual([]);
  });
});
