import { isSafeLinkUrl } from './story/schema';

/**
 * Turns what a reporter types in the link box into a link the story may carry:
 * "example.com/x" → https://example.com/x, "someone@paper.co.nz" → mailto:…, and a clear
 * reason for anything else (javascript:, data:, file: and friends are refused).
 */
export function normaliseLinkInput(input: string): { ok: true; url: string } | { ok: false; reason: string } {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'Type a web address.' };
  let candidate = text;
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(text)) candidate = `mailto:${text}`;
  else if (/^\+?[0-9][0-9 ()-]{5,}$/.test(text)) candidate = `tel:${text.replace(/[^+0-9]/g, '')}`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) candidate = `https://${text.replace(/^\/+/, '')}`;
  if (!isSafeLinkUrl(candidate)) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1];
    return {
      ok: false,
      reason:
        scheme && !/^(https?|mailto|tel)$/i.test(scheme)
          ? `Links must start with http, https, mailto or tel (not "${scheme}:").`
          : 'That is not a valid web address.',
    };
  }
  try {
    const url = new URL(candidate);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname.includes('.') && url.hostname !== 'localhost') {
      return { ok: false, reason: 'That is not a valid web address.' };
    }
  } catch {
    return { ok: false, reason: 'That is not a valid web address.' };
  }
  return { ok: true, url: candidate };
}
