import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a plain static bundle: Electron loads it over the app:// protocol and
// the web harness serves it on 127.0.0.1. Relative base so both work.
export default defineConfig(({ mode }) => ({
  root: 'renderer',
  base: './',
  plugins: [react()],
  define: {
    // The benchmark hook (renderer/shell/bench-hook.ts) exists only in `--mode bench` builds;
    // elsewhere the constant is false and the hook is dropped from the bundle.
    __COPYDESK_BENCH__: JSON.stringify(mode === 'bench'),
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: true,
  },
}));
