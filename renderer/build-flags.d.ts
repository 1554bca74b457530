/**
 * Set by vite.config.ts at build time. True only in the benchmark's build (`vite build --mode
 * bench`, as `npm run bench` makes it): the production bundle carries no benchmark hook.
 */
declare const __COPYDESK_BENCH__: boolean;
