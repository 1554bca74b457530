import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** One tab of the panel beside the text (Details, Review, Checks, Versions…). */
export interface SideTab {
  id: string;
  label: string;
  /** A count shown on the tab (open threads, findings…); hidden when 0 or absent. */
  badge?: number;
  /** What the count means, for screen readers ("3 open"). */
  badgeLabel?: string;
  render(): ReactNode;
}

/**
 * The panel beside the text: the WAI-ARIA tabs pattern (one Tab stop for the tab list, arrows,
 * Home and End move between tabs and select them). Only the selected tab's content is rendered,
 * so a panel that is not shown costs nothing while the user types.
 */
export function SidePanel(props: { tabs: SideTab[]; selected?: string; onSelect?(id: string): void }) {
  const [own, setOwn] = useState(props.tabs[0]?.id ?? '');
  const selectedId = props.selected ?? own;
  const selected = props.tabs.find((t) => t.id === selectedId) ?? props.tabs[0];
  const base = useId();
  const list = useRef<HTMLDivElement>(null);

  const select = (id: string, focus = false) => {
    setOwn(id);
    props.onSelect?.(id);
    if (focus) list.current?.querySelector<HTMLButtonElement>(`[data-tab="${id}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const index = props.tabs.findIndex((t) => t.id === selected?.id);
    const last = props.tabs.length - 1;
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    select(props.tabs[(to + props.tabs.length) % props.tabs.length]!.id, true);
  };

  if (!selected) return null;
  return (
    <div className="side-tabs">
      <div className="side-tab-list" role="tablist" aria-label="Story panels" ref={list}>
        {props.tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            data-tab={tab.id}
            id={`${base}-tab-${tab.id}`}
            aria-selected={tab.id === selected.id}
            aria-controls={`${base}-panel-${tab.id}`}
            tabIndex={tab.id === selected.id ? 0 : -1}
            onClick={() => select(tab.id)}
            onKeyDown={onKeyDown}
          >
            {tab.label}
            {tab.badge ? (
              <span className="tab-badge" aria-label={tab.badgeLabel ?? String(tab.badge)}>
                {tab.badge}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div className="side-tab-panel" role="tabpanel" id={`${base}-panel-${selected.id}`} aria-labelledby={`${base}-tab-${selected.id}`}>
        {selected.render()}
      </div>
    </div>
  );
}
