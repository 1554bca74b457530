import type { EmbedState } from '../../../../shared/blocks/embed';
import { call } from '../../../bridge';

/** Fills a snapshot from the service's oEmbed answer (fields only; the main process drops its HTML). */
export async function lookupEmbed(url: string): Promise<{ ok: true; fields: Partial<EmbedState> } | { ok: false; reason: string }> {
  const result = await call('embed:lookup', { url });
  return result.ok ? { ok: true, fields: result.value } : { ok: false, reason: result.error };
}

/** The fields a look-up may fill: only those the reporter has not written yet. */
export function emptyFieldsOnly(current: EmbedState, found: Partial<EmbedState>): Partial<EmbedState> {
  const patch: Partial<EmbedState> = {};
  for (const key of ['authorName', 'authorHandle', 'text', 'date'] as const) {
    const value = found[key];
    if (value && !current[key].trim()) patch[key] = value;
  }
  return patch;
}
