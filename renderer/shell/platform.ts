import { platformOf, type Platform } from '../../shared/keymap';

/** The platform the window runs on, for shortcut keys and how they are written. */
export const PLATFORM: Platform = platformOf(typeof navigator === 'undefined' ? '' : navigator.platform);
