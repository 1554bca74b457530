import { describe, expect, it } from 'vitest';
import {
  PullquoteStateSchema,
  cleanPullquote,
  emptyPullquote,
  parsePullquotes,
  pullquoteText,
  renderPullquote,
} from '../../shared/blocks/pullquote';
import { importPlainText } from '../../shared/import/plain-text';
import { TEXT_PAYLOADS } from '../fixtures/xss-payloads';
import { tagsOf, visibleText } from './support/html';

const QUOTE = { text: 'We lost everything but each other.\nThat is enough.', attribution: 'Mere Paki', role: 'Resident, Esk Valley' };

describe('pull quote: schema', () => {
  it('defaults every field to empty and limits their length', () => {
    expect(emptyPullquote()).toEqual({ text: '', attribution: '', role: '' });
    expect(PullquoteStateSchema.safeParse({ text: 'x'.repeat(2001) }).success).toBe(false);
    expect(PullquoteStateSchema.safeParse({ attribution: 'x'.repeat(201) }).error?.issues[0]?.message).toBe(
      'is longer than 200 characters',
    );
  });

  it('cleans any object to the three string fields', () => {
    expect(cleanPullquote({ text: 'a', attribution: 3, role: null, extra: '<x>' })).toEqual({ text: 'a', attribution: '', role: '' });
    expect(cleanPullquote(null)).toEqual(emptyPullquote());
  });
});

describe('pull quote: export markup', () => {
  it('is a figure with the quote and its credit', () => {
    expect(renderPullquote(QUOTE)!.markup).toBe(
      '<figure class="pullquote"><blockquote><p>We lost everything but each other.<br>That is enough.</p></blockquote>' +
        '<figcaption><span class="attribution">Mere Paki</span>, <span class="role">Resident, Esk Valley</span></figcaption></figure>',
    );
  });

  it('leaves out an empty credit, and prints nothing without words', () => {
    expect(renderPullquote({ text: 'Words.' })!.markup).toBe('<figure class="pullquote"><blockquote><p>Words.</p></blockquote></figure>');
    expect(renderPullquote({ text: 'Words.', role: 'Mayor' })!.markup).toContain(
      '<figcaption><span class="role">Mayor</span></figcaption>',
    );
    expect(renderPullquote({ text: '  ', attribution: 'Someone' })).toBeNull();
  });

  it('gives a plain-text line', () => {
    expect(pullquoteText(QUOTE)).toBe('“We lost everything but each other.\nThat is enough.” — Mere Paki, Resident, Esk Valley');
  });

  it('keeps hostile text as text', () => {
    for (const payload of TEXT_PAYLOADS) {
      const html = renderPullquote({ text: payload, attribution: payload, role: payload })!.markup;
      expect(html).not.toMatch(/<script/i);
      for (const tag of tagsOf(html)) {
        expect(['figure', 'blockquote', 'p', 'br', 'figcaption', 'span']).toContain(tag.name);
        for (const [name] of tag.attributes) expect(name).toBe('class');
      }
      expect(visibleText(html)).toContain(
        payload
          .trim()
          .split(/\r\n|\r|\n/)[0]!
          .trim(),
      );
    }
  });
});

describe('pull quote: reading markup back', () => {
  it('reads its own export back to the same block', () => {
    expect(parsePullquotes(renderPullquote(QUOTE)!.markup)).toEqual([QUOTE]);
    expect(parsePullquotes(renderPullquote({ text: 'Only words' })!.markup)).toEqual([{ text: 'Only words', attribution: '', role: '' }]);
  });

  it('reads another site’s figure.pullquote with a one-line credit', () => {
    const html =
      '<figure class="pullquote wide"><blockquote>“It was like a river.”</blockquote><figcaption>— Jo Bloggs, farmer</figcaption></figure>';
    expect(parsePullquotes(html)).toEqual([{ text: '“It was like a river.”', attribution: 'Jo Bloggs', role: 'farmer' }]);
  });

  it('does not take a plain blockquote or another figure for a pull quote', () => {
    expect(parsePullquotes('<blockquote><p>Words</p></blockquote><figure class="photo"><figcaption>x</figcaption></figure>')).toEqual([]);
  });

  it('drops scripts and markup from pasted pull quotes', () => {
    const html =
      '<figure class="pullquote"><blockquote><p>Hi<script>alert(1)</script><img src=x onerror=alert(2)></p></blockquote><figcaption><span class="attribution">A<b>B</b></span></figcaption></figure>';
    expect(parsePullquotes(html)).toEqual([{ text: 'Hi', attribution: 'AB', role: '' }]);
  });

  it('leaves quotes as prose in plain-text import', () => {
    const { story } = importPlainText('Headline\n\n“We lost everything,” said Mere Paki.\n\n"It was like a river." — Jo Bloggs, farmer', {
      id: 'x',
      now: new Date('2024-01-01T00:00:00Z'),
    });
    expect(story.body.root.children.map((c) => c.type)).not.toContain('pullquote');
  });
});
