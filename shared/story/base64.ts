/**
 * Base64 checks for story assets, kept apart from the story schema so the export's markup
 * (and the block renderers it serves) can use them without importing the schema, which is
 * built from the block registry.
 */

const BASE64_ALPHABET = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') BASE64_ALPHABET[c.charCodeAt(0)] = 1;
/** Any character outside base64's alphabet ('=' is padding, allowed only at the end). */
const NOT_BASE64 = /[^A-Za-z0-9+/]/;

/** Where the padding of a base64 text starts, or -1 when its length cannot be base64. */
function base64End(text: string): number {
  const length = text.length;
  if (length % 4 !== 0) return -1;
  let end = length;
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  return end;
}

/** isBase64 as one character loop: ~2.4 ns a character in Chromium 156, ~6 in Node 22. */
export function isBase64ByLoop(text: string): boolean {
  const end = base64End(text);
  if (end < 0) return false;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 || BASE64_ALPHABET[c] === 0) return false;
  }
  return true;
}

/** isBase64 as one search for a character outside the alphabet: ~2.3 ns a character in Node 22, ~6 in Chromium 156. */
export function isBase64BySearch(text: string): boolean {
  const end = base64End(text);
  return end >= 0 && !NOT_BASE64.test(end === text.length ? text : text.slice(0, end));
}

/**
 * Padded base64 (groups of four, '=' only at the end): the strings
 * /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/ accepts. That regular
 * expression takes ~7 ns a character (npm run bench: ~85 ms for the 12 MB of photos in a
 * 100-photo story, on every open and every export). The two V8s we run on disagree on what is
 * fastest (measured on the L story's photos), so each gets its own: engines new enough to have
 * Uint8Array.fromBase64 (Chromium 140+, so Electron 45) the loop, Node 22 the search.
 */
export const isBase64: (text: string) => boolean =
  typeof (Uint8Array as unknown as { fromBase64?: unknown }).fromBase64 === 'function' ? isBase64ByLoop : isBase64BySearch;

/**
 * Asset objects whose `data` restore has already checked, with the very string it checked. The
 * export renderer also runs on objects that never went through restore, so it checks base64
 * itself — unless the asset is one restore produced and its data is still that string: on a
 * 100-photo story that second scan was most of an export's time. A WeakMap, so it holds
 * nothing alive; a later `asset.data = …` makes the entry stale and the check runs again.
 */
const checkedBase64 = new WeakMap<object, string>();

export function rememberCheckedAssets(assets: Readonly<Record<string, { data: string }>>): void {
  for (const asset of Object.values(assets)) checkedBase64.set(asset, asset.data);
}

/** isBase64(asset.data), answered at once for an asset already checked (by restore or an earlier call). */
export function hasBase64Data(asset: { data?: unknown }): boolean {
  const data = asset.data;
  if (typeof data !== 'string') return false;
  if (checkedBase64.get(asset) === data) return true;
  if (!isBase64(data)) return false;
  checkedBase64.set(asset, data);
  return true;
}

/** While restore parses: the base64 strings of its input's assets that were checked before (see checkingAssets). */
let checkedInInput: ReadonlySet<string> | null = null;

/** True while restore parses, for a base64 string of its input that was checked before. */
export function wasCheckedInInput(text: string): boolean {
  return checkedInInput?.has(text) === true;
}

/**
 * Runs `parse` (restore's schema parse of a story) knowing which of `rawAssets`' base64 strings
 * were checked before — assets restore produced, or the app's AssetStore made from bytes — so
 * the schema does not scan them again: saving the L story re-checked its 12.4 MB of photos,
 * ~50 ms, every time. The set holds the very strings (V8 hashes a string this long by its
 * length, and equal strings compare at once when they are the same string), and only for the
 * parse.
 */
export function checkingAssets<T>(rawAssets: unknown, parse: () => T): T {
  const known = new Set<string>();
  if (rawAssets !== null && typeof rawAssets === 'object') {
    for (const asset of Object.values(rawAssets)) {
      if (asset !== null && typeof asset === 'object' && typeof asset.data === 'string' && checkedBase64.get(asset) === asset.data)
        known.add(asset.data);
    }
  }
  checkedInInput = known;
  try {
    return parse();
  } finally {
    checkedInInput = null;
  }
}

export function decodedBase64Length(data: string): number {
  if (data.length === 0) return 0;
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return (data.length / 4) * 3 - padding;
}
