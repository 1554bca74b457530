import type { SerializedBodyNode, Story } from '../story/schema';
import { checkBlock, checkStoryRules, sortFindings } from './engine';
import type { CheckOptions, Finding } from './types';

/**
 * Checks a story again after an edit, re-checking only the blocks whose JSON changed: a
 * block's findings are a pure function of its serialized node and the options, so they are
 * kept by the node's JSON and moved to its new index when blocks are inserted or moved.
 * Story rules (metadata, the helpline rule) run every time; they are cheap. The app runs
 * this in a Web Worker (renderer/check/worker.ts) so typing never waits for it.
 */
export interface IncrementalChecker {
  check(story: Story, options: CheckOptions): { findings: Finding[]; rechecked: number };
  /** Forget everything (the options changed: another language, other house-style rules). */
  reset(): void;
}

export function createIncrementalChecker(): IncrementalChecker {
  let byJson = new Map<string, Finding[]>();
  return {
    check(story, options) {
      const next = new Map<string, Finding[]>();
      const findings = checkStoryRules(story, options);
      let rechecked = 0;
      const children: SerializedBodyNode[] = Array.isArray(story.body?.root?.children) ? story.body.root.children : [];
      children.forEach((node, index) => {
        const json = JSON.stringify(node);
        let found = next.get(json) ?? byJson.get(json);
        if (found === undefined) {
          // Checked at index 0, placed at its index below: the same block moved keeps its findings.
          found = checkBlock(node, 0, options);
          rechecked++;
        }
        next.set(json, found);
        for (const f of found) findings.push({ ...f, where: { ...f.where, block: index } });
      });
      byJson = next;
      return { findings: sortFindings(findings), rechecked };
    },
    reset() {
      byJson = new Map();
    },
  };
}
