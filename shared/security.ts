/**
 * The Content-Security-Policy of the app window, served by Electron's app:// protocol and
 * by the web harness alike. No inline or remote script, no plugins, no framing of the app.
 * Photos may come from https URLs and from blob:/data: previews.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Inline styles are allowed for the sandboxed export preview (its page has a <style>);
  // scripts never are.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'self' blob:",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
