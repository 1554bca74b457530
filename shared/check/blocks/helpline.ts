import { findPreset } from '../../blocks/helpline';
import { field } from '../text';
import type { BlockContext, Finding } from '../types';

const DAY = 86_400_000;

/**
 * The helpline footer: every entry has something to print, and the numbers are not older
 * than their review date (`verifiedAt` + the review period), nor older than the preset they
 * came from.
 */
export function checkHelpline({ node, index, options }: BlockContext): Finding[] {
  const findings: Finding[] = [];
  const entries = Array.isArray(node.entries) ? (node.entries as unknown[]) : [];
  if (entries.length === 0) {
    findings.push({
      rule: 'helpline-entries',
      severity: 'error',
      message: 'The helpline footer has no entries',
      where: { block: index, field: 'entries' },
    });
  }
  entries.forEach((entry, i) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const name = typeof e.name === 'string' ? e.name.trim() : '';
    const detail = typeof e.detail === 'string' ? e.detail.trim() : '';
    if (name === '' || detail === '') {
      findings.push({
        rule: 'helpline-entries',
        severity: 'error',
        message: `Helpline entry ${i + 1} is empty${name ? ` (“${name}” has no line to print)` : ''}`,
        where: { block: index, field: `entries.${i}` },
      });
    }
  });
  const verifiedAt = field(node, 'verifiedAt');
  const checked = Date.parse(verifiedAt.slice(0, 10));
  const presetId = field(node, 'presetId');
  const preset = presetId ? findPreset(presetId, options.helplinePresets) : undefined;
  const reviewDays = options.helplineReviewDays ?? 365;
  if (Number.isNaN(checked)) {
    findings.push({
      rule: 'helpline-review',
      severity: 'warning',
      message: 'The helpline footer has no date its numbers were checked',
      where: { block: index, field: 'verifiedAt' },
    });
  } else if (options.now.getTime() - checked > reviewDays * DAY) {
    findings.push({
      rule: 'helpline-review',
      severity: 'warning',
      message: `The helpline numbers were last checked on ${verifiedAt.slice(0, 10)}, more than ${reviewDays} days ago: check them or update to the current preset`,
      where: { block: index, field: 'verifiedAt' },
      ...(preset ? { action: { type: 'replace-helpline', presetId: preset.id } as const } : {}),
    });
  } else if (preset && Date.parse(preset.verifiedAt) > checked) {
    findings.push({
      rule: 'helpline-review',
      severity: 'info',
      message: `The “${preset.label}” list was updated on ${preset.verifiedAt}: update the footer to the current preset`,
      where: { block: index, field: 'verifiedAt' },
      action: { type: 'replace-helpline', presetId: preset.id },
    });
  }
  return findings;
}
