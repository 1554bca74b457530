import type { SerializedBodyNode, Story } from '../story/schema';
import { checkHelpline } from './blocks/helpline';
import { checkPhoto } from './blocks/photo';
import { checkText } from './blocks/text';
import { checkTweet } from './blocks/tweet';
import { metaRule } from './rules/meta';
import { sensitiveRule } from './sensitive/rule';
import { SEVERITIES, type BlockCheck, type CheckOptions, type Finding, type StoryRule } from './types';

/**
 * The preflight engine. Block checks are registered by node type, as blocks are; each is a
 * pure function of the block's serialized JSON and the options, so the app can cache
 * findings per block and re-check only the blocks that changed (and do it in a worker).
 * Story rules see the whole story: its metadata, and what needs every block at once.
 */
export const BLOCK_CHECKS: Record<string, BlockCheck> = {
  paragraph: checkText,
  heading: checkText,
  quote: checkText,
  list: checkText,
  photo: checkPhoto,
  tweet: checkTweet,
  helpline: checkHelpline,
};

export const STORY_RULES: readonly StoryRule[] = [metaRule, sensitiveRule];

/** Findings for one block (`index` is its place in `root.children`). */
export function checkBlock(node: SerializedBodyNode, index: number, options: CheckOptions): Finding[] {
  const check = node && typeof node === 'object' ? BLOCK_CHECKS[node.type] : undefined;
  if (!check) return [];
  return enabled(check({ node, index, options }), options);
}

/** Findings of the story-level rules (metadata, the helpline rule). */
export function checkStoryRules(story: Story, options: CheckOptions): Finding[] {
  return enabled(
    STORY_RULES.flatMap((rule) => rule.check(story, options)),
    options,
  );
}

/** Every finding for a story: story rules, then each block in order; sorted for reading. */
export function checkStory(story: Story, options: CheckOptions): Finding[] {
  const findings = checkStoryRules(story, options);
  const children = Array.isArray(story.body?.root?.children) ? story.body.root.children : [];
  children.forEach((node, index) => findings.push(...checkBlock(node, index, options)));
  return sortFindings(findings);
}

function enabled(findings: Finding[], options: CheckOptions): Finding[] {
  const off = options.disabled;
  if (!off || off.length === 0) return findings;
  return findings.filter((f) => !off.some((id) => f.rule === id || (id.endsWith('/') && f.rule.startsWith(id))));
}

/** Story-level first, then by block, field, position; errors before warnings at the same place. */
export function sortFindings(findings: Finding[]): Finding[] {
  const rank = (f: Finding) => SEVERITIES.indexOf(f.severity);
  return findings.sort(
    (a, b) =>
      (a.where.block ?? -1) - (b.where.block ?? -1) ||
      (a.where.field ?? '').localeCompare(b.where.field ?? '') ||
      (a.where.start ?? -1) - (b.where.start ?? -1) ||
      rank(a) - rank(b),
  );
}

export function countBySeverity(findings: readonly Finding[]): Record<Finding['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
