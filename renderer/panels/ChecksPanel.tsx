import { SEVERITIES, type Finding, type Severity } from '../../shared/check';
import type { ChecksState } from '../check/useChecks';
import './checks.css';

const HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };

interface Props {
  checks: ChecksState;
  /** Select the text or field the finding is about. */
  onLocate(finding: Finding): void;
  /** Replace the located text or field with a suggestion, or run the finding's action (insert the helpline footer). */
  onApply(finding: Finding, suggestion: string | null): void;
  /** Ignore this finding for this story. */
  onIgnore(finding: Finding): void;
}

/** Where a finding is, in words: "Block 3, caption", "Headline". */
export function placeLabel(finding: Finding): string {
  const { block, field } = finding.where;
  const fieldName = field ? field.replace(/^entries\.(\d+)$/, (_m, n: string) => `entry ${Number(n) + 1}`) : '';
  if (block === null) return fieldName ? fieldName[0]!.toUpperCase() + fieldName.slice(1) : 'Story';
  return fieldName ? `Block ${block + 1}, ${fieldName}` : `Block ${block + 1}`;
}

/** The Checks tab: findings grouped by severity; click to locate, apply a suggestion, or ignore. */
export function ChecksPanel({ checks, onLocate, onApply, onIgnore }: Props) {
  const { findings, counts, pending, error } = checks;
  return (
    <section className="panel checks-panel" aria-labelledby="checks-heading" aria-busy={pending}>
      <h2 id="checks-heading">Checks</h2>
      <p className="checks-summary" role="status">
        {pending ? 'Checking… ' : ''}
        {findings.length === 0 && !pending ? 'No findings.' : `${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes`}
      </p>
      {error ? <p className="field-error">The check failed: {error}</p> : null}
      {SEVERITIES.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <div key={severity} className={`checks-group checks-${severity}`}>
            <h3>
              {HEADINGS[severity]} <span className="checks-count">{group.length}</span>
            </h3>
            <ul>
              {group.map((finding, i) => (
                <li key={`${finding.rule}:${finding.where.block}:${finding.where.field ?? ''}:${finding.where.start ?? ''}:${i}`}>
                  <button type="button" className="checks-locate" onClick={() => onLocate(finding)}>
                    <span className="checks-place">{placeLabel(finding)}</span>
                    <span className="checks-message">{finding.message}</span>
                  </button>
                  <div className="checks-actions">
                    {(finding.suggestions ?? []).slice(0, 3).map((s) => (
                      <button type="button" key={s} onClick={() => onApply(finding, s)} title={`Replace with “${s}”`}>
                        {s.trim() === '' ? '(remove)' : s}
                      </button>
                    ))}
                    {finding.action ? (
                      <button type="button" onClick={() => onApply(finding, null)}>
                        {finding.action.type === 'insert-helpline' ? 'Insert helpline footer' : 'Use current preset'}
                      </button>
                    ) : null}
                    <button type="button" className="checks-ignore" onClick={() => onIgnore(finding)}>
                      Ignore
                    </button>
                  </div>
                  {finding.help ? (
                    <details>
                      <summary>Why</summary>
                      <p>{finding.help}</p>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
