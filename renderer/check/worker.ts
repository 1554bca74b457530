/// <reference lib="webworker" />
import { createIncrementalChecker, createSpeller, type Speller } from '../../shared/check';
import type { CheckRequest, CheckResponse } from './protocol';

/**
 * Preflight off the main thread: the window posts the story after an edit pauses, this
 * worker re-checks only the blocks that changed (shared/check/incremental.ts) and posts the
 * findings back. The Hunspell dictionary (its .aff and .dic, at the URLs the settings give)
 * is fetched and loaded once per language, on the first check that needs it, so typing
 * never waits for it.
 */
const spellers = new Map<string, Promise<Speller>>();
const checker = createIncrementalChecker();
let lastSettings = '';

function spellerFor(settings: CheckRequest['settings']): Promise<Speller> | null {
  const urls = settings.dictionary;
  if (!urls) return null;
  const key = `${settings.language} ${urls.aff} ${urls.dic}`;
  let speller = spellers.get(key);
  if (!speller) {
    const text = (url: string) =>
      fetch(url).then((r) => {
        if (!r.ok) throw new Error(`the ${settings.language} dictionary could not be loaded (${r.status})`);
        return r.text();
      });
    speller = Promise.all([text(urls.aff), text(urls.dic)]).then(([aff, dic]) => createSpeller(settings.language, { aff, dic }));
    // A failed load is tried again on the next check rather than remembered.
    speller.catch(() => spellers.delete(key));
    spellers.set(key, speller);
  }
  return speller;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<CheckRequest>) => {
  const { id, story, settings } = event.data;
  try {
    const started = performance.now();
    const speller = settings.spelling ? await spellerFor(settings) : null;
    // Findings depend on the settings as much as on the blocks: new settings, fresh cache.
    const key = JSON.stringify({ ...settings, story: undefined });
    if (key !== lastSettings) {
      checker.reset();
      lastSettings = key;
    }
    const { findings, rechecked } = checker.check(story, {
      now: new Date(),
      speller,
      ...(settings.creditStyle ? { creditStyle: settings.creditStyle } : {}),
      ...(settings.headlineLimit ? { headlineLimit: settings.headlineLimit } : {}),
      ...(settings.standfirstLimit ? { standfirstLimit: settings.standfirstLimit } : {}),
      ...(settings.houseStyle ? { houseStyle: settings.houseStyle } : {}),
      ...(settings.helplinePresets ? { helplinePresets: settings.helplinePresets } : {}),
      ...(settings.defaultMarket ? { defaultMarket: settings.defaultMarket } : {}),
    });
    scope.postMessage({ id, ok: true, findings, rechecked, ms: performance.now() - started } satisfies CheckResponse);
  } catch (error) {
    scope.postMessage({ id, ok: false, reason: error instanceof Error ? error.message : String(error) } satisfies CheckResponse);
  }
};
