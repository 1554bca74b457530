import { describe, expect, it } from 'vitest';
import { checkStory } from '../../shared/check';
import { createIncrementalChecker } from '../../shared/check/incremental';
import { paragraph } from '../fixtures/seed-story';
import { options, storyOf } from './support/check-story';

describe('incremental checking', () => {
  const blocks = () => [paragraph('The mayor said TK.'), paragraph('Prices rose 5%.'), paragraph('All is well here.')];

  it('re-checks only the blocks that changed, and finds what a full check finds', () => {
    const checker = createIncrementalChecker();
    const story = storyOf(blocks());
    const first = checker.check(story, options());
    expect(first.rechecked).toBe(3);
    expect(first.findings).toEqual(checkStory(story, options()));

    const edited = storyOf([paragraph('The mayor said yes.'), ...blocks().slice(1)]);
    const second = checker.check(edited, options());
    expect(second.rechecked).toBe(1);
    expect(second.findings).toEqual(checkStory(edited, options()));
    expect(second.findings.some((f) => f.rule === 'leftover')).toBe(false);
  });

  it('moves findings with a block that moved, without checking it again', () => {
    const checker = createIncrementalChecker();
    checker.check(storyOf(blocks()), options());
    const [a, b, c] = blocks();
    const moved = storyOf([c!, a!, b!]);
    const result = checker.check(moved, options());
    expect(result.rechecked).toBe(0);
    expect(result.findings).toEqual(checkStory(moved, options()));
    expect(result.findings.find((f) => f.rule === 'leftover')!.where.block).toBe(1);
  });

  it('starts again after reset', () => {
    const checker = createIncrementalChecker();
    checker.check(storyOf(blocks()), options());
    checker.reset();
    expect(checker.check(storyOf(blocks()), options()).rechecked).toBe(3);
  });
});
