// Renders the app and document icons from their SVG sources in build/ to every size the
// three platforms need: PNGs 16–1024 (Linux, and the source of the others), build/icon.icns
// (macOS) and build/icon.ico (Windows), and the same for the .story document icon.
// The results are committed: they are build inputs, and tests/unit/icons.test.ts checks they
// match their sources.   Run:  npm run icons
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderIcons } from './icons';

const buildDir = fileURLToPath(new URL('../build', import.meta.url));

for (const icon of renderIcons(buildDir, (file) => readFileSync(file))) {
  mkdirSync(path.dirname(icon.file), { recursive: true });
  writeFileSync(icon.file, icon.bytes);
  console.log(`${path.relative(process.cwd(), icon.file)}  ${icon.bytes.length} bytes`);
}
