import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

/**
 * What scripts/make-icons.ts writes, computed without writing, so a test can check the
 * committed icons are what their SVG sources give today.
 */

/** Square PNG sizes: the Linux hicolor theme's, and the sources of the .icns and .ico. */
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

export interface IconSet {
  /** The SVG in build/, without extension. */
  source: string;
  /** Where its PNGs go, inside build/ (electron-builder reads build/icons/ for Linux). */
  pngDir: string;
  /** The base name of the .icns and .ico. */
  name: string;
}

export const ICON_SETS: IconSet[] = [
  { source: 'icon', pngDir: 'icons', name: 'icon' },
  { source: 'story-document', pngDir: 'document-icons', name: 'story-document' },
];

export interface RenderedIcon {
  file: string;
  bytes: Buffer;
}

export function renderPng(svg: Buffer, size: number): Buffer {
  // System fonts are not loaded: the sources use shapes only, so every machine renders the same.
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } });
  return Buffer.from(resvg.render().asPng());
}

export function renderIcons(buildDir: string, read: (file: string) => Buffer): RenderedIcon[] {
  const out: RenderedIcon[] = [];
  for (const set of ICON_SETS) {
    const svg = read(path.join(buildDir, `${set.source}.svg`));
    for (const size of ICON_SIZES) {
      out.push({ file: path.join(buildDir, set.pngDir, `${size}x${size}.png`), bytes: renderPng(svg, size) });
    }
    const largest = renderPng(svg, 1024);
    const icns = png2icons.createICNS(largest, png2icons.BICUBIC, 0);
    const ico = png2icons.createICO(largest, png2icons.BICUBIC, 0, false, true);
    if (!icns || !ico) throw new Error(`png2icons could not convert ${set.source}.svg`);
    out.push({ file: path.join(buildDir, `${set.name}.icns`), bytes: icns });
    out.push({ file: path.join(buildDir, `${set.name}.ico`), bytes: ico });
  }
  return out;
}
