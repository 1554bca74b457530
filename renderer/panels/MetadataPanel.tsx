import { useState } from 'react';
import { slugify } from '../../shared/story/create';
import { STORY_STATUSES, type StoryMeta } from '../../shared/story/schema';

const STATUS_LABELS: Record<(typeof STORY_STATUSES)[number], string> = {
  draft: 'Draft',
  filed: 'Filed',
  subbing: 'Subbing',
  ready: 'Ready',
  sent: 'Sent to CMS',
  spiked: 'Spiked',
};

interface Props {
  meta: StoryMeta;
  onChange(patch: Partial<StoryMeta>): void;
}

/** The slug follows the headline until someone edits it by hand. */
export function isSlugAutomatic(meta: Pick<StoryMeta, 'slug' | 'headline'>): boolean {
  return meta.slug === '' || meta.slug === slugify(meta.headline);
}

/** Headline, standfirst and byline sit above the text, where they are read. */
export function StoryHeader({ meta, onChange }: Props) {
  const setHeadline = (headline: string) => {
    const patch: Partial<StoryMeta> = { headline };
    if (isSlugAutomatic(meta)) patch.slug = slugify(headline);
    onChange(patch);
  };
  return (
    <header className="story-header">
      <label className="sr-only" htmlFor="meta-headline">
        Headline
      </label>
      <textarea
        id="meta-headline"
        className="headline-input"
        rows={1}
        placeholder="Headline"
        value={meta.headline}
        onChange={(e) => setHeadline(e.target.value.replace(/\n/g, ' '))}
      />
      <label className="sr-only" htmlFor="meta-standfirst">
        Standfirst
      </label>
      <textarea
        id="meta-standfirst"
        className="standfirst-input"
        rows={2}
        placeholder="Standfirst — the one or two sentences under the headline"
        value={meta.standfirst}
        onChange={(e) => onChange({ standfirst: e.target.value })}
      />
      <label className="sr-only" htmlFor="meta-byline">
        Byline
      </label>
      <input
        id="meta-byline"
        className="byline-input"
        placeholder="Byline"
        value={meta.byline}
        onChange={(e) => onChange({ byline: e.target.value })}
      />
    </header>
  );
}

/** Everything else the CMS needs, in the side panel. */
export function MetadataPanel({ meta, onChange }: Props) {
  const [tagsText, setTagsText] = useState(meta.tags.join(', '));
  // Follow tags that change from outside (open, new) without fighting the user's typing:
  // adjusted while rendering, when the tags differ from the ones last seen.
  const [tagsSeen, setTagsSeen] = useState(meta.tags);
  if (tagsSeen !== meta.tags) {
    setTagsSeen(meta.tags);
    if (parseTags(tagsText).join('|') !== meta.tags.join('|')) setTagsText(meta.tags.join(', '));
  }

  const auto = isSlugAutomatic(meta);
  return (
    <section className="panel meta-panel" aria-labelledby="meta-panel-title">
      <h2 id="meta-panel-title">Story details</h2>
      <div className="field">
        <label htmlFor="meta-slug">Slug</label>
        {auto && meta.headline ? (
          <span id="meta-slug-hint" className="hint">
            follows the headline until you edit it
          </span>
        ) : null}
        <div className="field-row">
          <input
            id="meta-slug"
            aria-describedby={auto && meta.headline ? 'meta-slug-hint' : undefined}
            value={meta.slug}
            spellCheck={false}
            onChange={(e) => onChange({ slug: slugify(e.target.value) || e.target.value.toLowerCase() })}
          />
          {!auto && (
            <button
              type="button"
              className="small"
              onClick={() => onChange({ slug: slugify(meta.headline) })}
              title="Make the slug follow the headline again"
            >
              Reset
            </button>
          )}
        </div>
      </div>
      <div className="field">
        <label htmlFor="meta-section">Section</label>
        <input
          id="meta-section"
          value={meta.section}
          placeholder="e.g. Entertainment"
          onChange={(e) => onChange({ section: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="meta-tags">Tags</label>
        <input
          id="meta-tags"
          value={tagsText}
          placeholder="comma, separated"
          onChange={(e) => {
            setTagsText(e.target.value);
            const tags = parseTags(e.target.value);
            if (tags.join('|') !== meta.tags.join('|')) onChange({ tags });
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="meta-dateline">Dateline</label>
        <input
          id="meta-dateline"
          value={meta.dateline}
          placeholder="e.g. 2020-10-29 or WELLINGTON"
          onChange={(e) => onChange({ dateline: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="meta-status">Status</label>
        <select id="meta-status" value={meta.status} onChange={(e) => onChange({ status: e.target.value as StoryMeta['status'] })}>
          {STORY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="meta-language">Language</label>
        <input
          id="meta-language"
          value={meta.language}
          spellCheck={false}
          onChange={(e) => onChange({ language: e.target.value.trim() })}
        />
      </div>
    </section>
  );
}

function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}
