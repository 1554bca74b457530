import type { Element } from 'domhandler';
import { DomUtils, findElements, hasClass, tidy, visibleText } from '../html-reading';
import { BUILT_IN_PRESETS, matchesPreset, PHONE_DIGITS, type HelplineEntry, type HelplineState } from '.';

/** Our exported `aside.helpline` back into a helpline block (a shipped preset's snapshot when the lines are one's). */
export function isHelplineAside(el: Element): boolean {
  return el.name === 'aside' && hasClass(el, 'helpline');
}

export function parseHelplineAside(html: string): HelplineState | null {
  const [aside] = findElements(html, isHelplineAside);
  return aside ? helplineFromAside(aside) : null;
}

export function helplineFromAside(aside: Element): HelplineState {
  const heading = DomUtils.findOne((el) => /^h[1-6]$/.test(el.name), aside.children);
  const items = DomUtils.findAll((el) => el.name === 'li', aside.children);
  const entries: HelplineEntry[] = items.map((li) => {
    const detail = tidy(visibleText(li));
    const links = DomUtils.findAll((el) => el.name === 'a', li.children);
    const entry: HelplineEntry = { name: detail, detail };
    for (const a of links) {
      const href = a.attribs.href ?? '';
      if (href.startsWith('tel:')) {
        const phone = href.slice(4).replace(/[^+0-9]/g, '');
        if (PHONE_DIGITS.test(phone)) entry.phone = phone;
      } else if (/^https:\/\//.test(href)) entry.url = href;
    }
    // "NAME: detail" → name; otherwise the preset match below restores the name.
    const named = /^([^:]{2,60}):\s/.exec(detail);
    if (named) entry.name = named[1]!.trim();
    return entry;
  });
  const verified = aside.attribs['data-verified'] ?? '';
  const state: HelplineState = {
    presetId: '',
    heading: heading ? tidy(visibleText(heading)) : 'Where to get help:',
    entries,
    // Numbers pasted from elsewhere count as checked the day they were pasted.
    verifiedAt: /^\d{4}-\d{2}-\d{2}/.test(verified) ? verified : new Date().toISOString().slice(0, 10),
  };
  // Same lines as a shipped preset → that preset's snapshot (names, numbers, links).
  for (const preset of BUILT_IN_PRESETS) {
    const sameLines = preset.entries.length === entries.length && preset.entries.every((e, i) => tidy(e.detail) === entries[i]!.detail);
    if (sameLines && state.heading === preset.heading) {
      return {
        presetId: preset.id,
        heading: preset.heading,
        entries: preset.entries.map((e) => ({ ...e })),
        verifiedAt: verified ? state.verifiedAt : preset.verifiedAt,
      };
    }
    if (matchesPreset(state, preset)) return { ...state, presetId: preset.id };
  }
  return state;
}
