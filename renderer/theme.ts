import type { Theme } from '../shared/settings';
import { call } from './bridge';

/**
 * Light or dark: styles.css follows the OS (prefers-color-scheme) unless <html data-theme>
 * says otherwise. In the desktop app main.ts also sets nativeTheme.themeSource, so native
 * menus and dialogs match; in the browser harness this attribute is the whole override.
 */
export function applyTheme(theme: Theme) {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** Applies the saved choice at start. */
export async function applySavedTheme() {
  const result = await call('settings:get', {});
  if (result.ok) applyTheme(result.value.theme);
}
