/// <reference lib="webworker" />
import enAuAff from '../../node_modules/dictionary-en-au/index.aff?url';
import enAuDic from '../../node_modules/dictionary-en-au/index.dic?url';
import enGbAff from '../../node_modules/dictionary-en-gb/index.aff?url';
import enGbDic from '../../node_modules/dictionary-en-gb/index.dic?url';
import enUsAff from '../../node_modules/dictionary-en/index.aff?url';
import enUsDic from '../../node_modules/dictionary-en/index.dic?url';
import { createIncrementalChecker, createSpeller, type CheckLanguage, type Speller } from '../../shared/check';
import type { CheckRequest, CheckResponse } from './protocol';

/**
 * Preflight off the main thread: the window posts the story after an edit pauses, this
 * worker re-checks only the blocks that changed (shared/check/incremental.ts) and posts the
 * findings back. The Hunspell dictionary for a language is fetched and loaded once, on the
 * first check that needs it, so typing never waits for it.
 */
const DICTIONARY_URLS: Record<CheckLanguage, { aff: string; dic: string }> = {
  'en-NZ': { aff: enGbAff, dic: enGbDic },
  'en-GB': { aff: enGbAff, dic: enGbDic },
  'en-AU': { aff: enAuAff, dic: enAuDic },
  'en-US': { aff: enUsAff, dic: enUsDic },
};

const spellers = new Map<CheckLanguage, Promise<Speller>>();
const checker = createIncrementalChecker();
let lastSettings = '';

function spellerFor(language: CheckLanguage): Promise<Speller> {
  let speller = spellers.get(language);
  if (!speller) {
    const urls = DICTIONARY_URLS[language];
    speller = Promise.all([fetch(urls.aff).then((r) => r.text()), fetch(urls.dic).then((r) => r.text())]).then(([aff, dic]) =>
      createSpeller(language, { aff, dic }),
    );
    spellers.set(language, speller);
  }
  return speller;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<CheckRequest>) => {
  const { id, story, settings } = event.data;
  try {
    const started = performance.now();
    const speller = settings.spelling ? await spellerFor(settings.language) : null;
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
