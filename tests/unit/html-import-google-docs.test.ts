import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { htmlToBody } from '../../shared/import/html';
import { BOLD, expectCleanBody, flattenList, ITALIC, links, SUBSCRIPT, SUPERSCRIPT, textOf, textsWith } from './support/body-nodes';

/**
 * A Google Docs clipboard in the shape Chromium serialises it today (see the fixture's first
 * line): headings of every level, two of them one letter long, a three-level list, bold and
 * italic runs inside the not-bold <b id="docs-internal-guid-…"> wrapper, redirect links, and
 * superscript / subscript runs with their spaces in the neighbouring spans.
 */
const CLIPBOARD = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/clipboard');
const html = readFileSync(path.join(CLIPBOARD, 'google-docs-headings.html'), 'utf8');

describe('Google Docs clipboard: headings, list levels, runs and the spaces around them', () => {
  const result = htmlToBody(html);
  const { children } = result;

  it('is clean and takes the leading <h1> as the headline', () => {
    expectCleanBody(children);
    expect(result.headline).toBe('Floodwater reaches the Hutt River stopbanks');
  });

  it('keeps every heading with its level, the one-letter ones too', () => {
    const headings = children.filter((c) => c.type === 'heading').map((c) => [c.tag, textOf(c)]);
    expect(headings).toEqual([
      ['h2', 'A'],
      ['h3', 'Roads closed'],
      ['h4', 'B'],
      ['h5', 'What to do'],
      ['h6', 'Z'],
    ]);
  });

  it('keeps the spaces around superscript, subscript and link runs', () => {
    const texts = children.filter((c) => c.type === 'paragraph').map(textOf);
    expect(texts).toEqual([
      'Residents of Upper Hutt were told to stay indoors as the river rose to 4.2 m* on Tuesday night.',
      'Some text is superscript and some is subscript in the middle of a sentence.',
      'Levels of CO2 and the 3rd reading were not unusual, the MetService said in a statement.',
      'Council staff said the stopbanks held, and that no homes had been flooded.',
      'Sign up for alerts at gw.govt.nz/alerts or call 0800 496 734.',
    ]);
    expect(textsWith(children, SUPERSCRIPT)).toEqual(['*', 'superscript', 'rd']);
    expect(textsWith(children, SUBSCRIPT)).toEqual(['subscript', '2']);
  });

  it('keeps bold and italic, and not-bold stays plain inside the bold wrapper', () => {
    expect(textsWith(children, BOLD)).toEqual(['Upper Hutt', 'not', 'Te Marua', 'stopbanks held']);
    expect(textsWith(children, ITALIC)).toEqual(['stay indoors', 'not', 'Akatarawa Road']);
  });

  it('keeps every list level', () => {
    const list = children.find((c) => c.type === 'list')!;
    expect(flattenList(list)).toEqual([
      { text: 'State Highway 2 at Te Marua', level: 0, ordered: false },
      { text: 'Northbound lanes', level: 1, ordered: false },
      { text: 'From the Akatarawa Road turn-off', level: 2, ordered: false },
      { text: 'Southbound lanes', level: 1, ordered: false },
      { text: 'Fergusson Drive', level: 0, ordered: false },
    ]);
  });

  it('unwraps the redirect links and keeps their text', () => {
    expect(links(children)).toEqual([
      { url: 'https://www.metservice.com/warnings', text: 'MetService' },
      { url: 'https://example.org/statement', text: 'statement' },
      { url: 'https://www.gw.govt.nz/alerts', text: 'gw.govt.nz/alerts' },
    ]);
  });

  it('does not take a one-letter <h1> at the top as the headline: it stays a heading', () => {
    const body = htmlToBody(html.replace('Floodwater reaches the Hutt River stopbanks', 'A'));
    expect(body.headline).toBe('');
    expect(body.children[0]).toMatchObject({ type: 'heading', tag: 'h1' });
    expect(textOf(body.children[0]!)).toBe('A');
  });
});
