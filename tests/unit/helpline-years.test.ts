import { describe, expect, it } from 'vitest';
import { findPhones } from '../../shared/blocks/helpline/contacts';
import { importPlainText } from '../../shared/import/plain-text';
import type { SerializedBodyNode } from '../../shared/story/schema';

/** Years are not helpline numbers: a closing paragraph that mentions one stays a paragraph. */

const NOW = new Date('2025-03-04T05:06:07.000Z');
const LEAD = 'The council met on Tuesday to decide the future of the pool.';

function imported(closing: string): { types: string[]; phones: string[] } {
  const { story } = importPlainText(`${LEAD}\n\n${closing}`, { id: 'years', now: NOW });
  const children = story.body.root.children as SerializedBodyNode[];
  const helplines = children.filter((c) => c.type === 'helpline');
  const phones = helplines.flatMap((h) => (h.entries as { phone?: string }[]).map((e) => e.phone ?? ''));
  return { types: children.map((c) => c.type), phones };
}

describe('years in a closing paragraph', () => {
  it.each([
    'She has volunteered for Lifeline since 1961 and urges anyone struggling to reach out.',
    'He first stood at the 1983 election, and anyone who needs support should call a helpline.',
    'The mental health service, set up in 1994, asks anyone in need to call ahead.',
    'Contact the club: it has not won a grand final since the 2004 season.',
    'Call the mayor, who has led the council since May 2019.',
  ])('leaves "%s" as a paragraph', (closing) => {
    expect(imported(closing)).toEqual({ types: ['paragraph', 'paragraph'], phones: [] });
  });

  it('takes the real number, not the year, when a helpline sentence mentions one', () => {
    expect(imported('Call Lifeline, which began in 1966, on 13 11 14.').phones).toEqual(['131114']);
  });

  it('keeps real short numbers and spaced numbers', () => {
    expect(imported('If you need help, call Lifeline on 0800 543 354.').phones).toEqual(['0800543354']);
    expect(imported('Need to talk? Free call or text 1737 any time.').phones).toEqual(['1737']);
    expect(imported('In Australia, call Lifeline on 13 11 14.').phones).toEqual(['131114']);
    expect(imported('If you are in danger, call 111. For support, call Healthline on 0800 611 116.').phones).toEqual(['111', '0800611116']);
    expect(imported('In an emergency, call 000. Support is available from Lifeline on 13 11 14.').phones).toEqual(['000', '131114']);
  });
});

describe('findPhones and year-shaped numbers', () => {
  const digits = (text: string) => findPhones(text).map((p) => p.digits);

  it('skips a 1900–2099 number the words around it make a year', () => {
    expect(digits('It opened in 1961.')).toEqual([]);
    expect(digits('after the 1983 election')).toEqual([]);
    expect(digits('the 2019 season')).toEqual([]);
    expect(digits('since 2004')).toEqual([]);
    expect(digits('by 2030')).toEqual([]);
  });

  it('keeps near-misses: numbers outside the years, without year words, spaced, or dialled with a known service named', () => {
    expect(digits('text 1737')).toEqual(['1737']);
    expect(digits('in 1737 ways')).toEqual(['1737']); // not 1900–2099
    expect(digits('call 111 or 000')).toEqual(['111', '000']);
    expect(digits('Samaritans on 116 123')).toEqual(['116123']);
    expect(digits('Lifeline 13 11 14')).toEqual(['131114']);
    expect(digits('Kids Helpline: 1800 55 1800')).toEqual(['1800551800']);
    expect(digits('text 2020')).toEqual(['2020']); // no year words around it
    expect(digits('Call the 1961 helpline')).toEqual(['1961']); // dialled, and a service named
    expect(digits('Call the 1961 office')).toEqual([]); // dialled, but no service named: "the 1961" is a year
  });
});
