import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The bench's peer pages (bench/pages: a bare contenteditable and stock Lexical), built
 * like the renderer (production React, same target) into dist/bench. Used by `npm run bench`.
 */
const pages = fileURLToPath(new URL('./pages/', import.meta.url));
export default defineConfig({
  root: pages,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/bench/pages', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome140',
    rollupOptions: { input: { bare: `${pages}bare.html`, lexical: `${pages}lexical.html` } },
  },
});
