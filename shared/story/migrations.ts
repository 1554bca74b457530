import { SCHEMA_VERSION } from './schema';

type Json = Record<string, unknown>;
type Migration = (story: Json) => Json | string;

/**
 * Each entry turns a story of schemaVersion N into N+1. Older files are upgraded in memory
 * on open and written in the current version on the next save.
 */
const MIGRATIONS: Record<number, Migration> = {
  /**
   * Version 0 is the pre-release layout: no `schemaVersion`, metadata at the top level
   * (`headline`, `byline`, …), `tags` as one comma-separated string, the body under
   * `content`, and no review section.
   */
  0: (old) => {
    const { format, id, content, body, assets, ...rest } = old;
    const meta: Json = {};
    for (const key of ['headline', 'standfirst', 'byline', 'slug', 'section', 'dateline', 'language', 'status', 'createdAt', 'updatedAt']) {
      if (key in rest) meta[key] = rest[key];
    }
    if (typeof rest.tags === 'string') {
      meta.tags = rest.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
    } else if (rest.tags !== undefined) {
      meta.tags = rest.tags;
    }
    const now = typeof rest.updatedAt === 'string' ? rest.updatedAt : typeof rest.createdAt === 'string' ? rest.createdAt : undefined;
    meta.createdAt ??= now ?? '1970-01-01T00:00:00.000Z';
    meta.updatedAt ??= meta.createdAt;
    return {
      format,
      schemaVersion: 1,
      id: id ?? `migrated-${String(meta.createdAt)}`,
      meta,
      body: body ?? content,
      assets: assets ?? {},
      review: { comments: [], revisions: [], versions: [], history: [] },
    };
  },
  /**
   * Version 1 is one JSON text with the photos inline as base64. Version 2 is the same story;
   * what changed is where a `.story` keeps the photos (a container), so the one-text form
   * (`.story.json`) upgrades as it is.
   */
  1: (old) => ({ ...old, schemaVersion: 2 }),
};

/** Returns the story in the current version, or a one-line reason it cannot be upgraded. */
export function migrateStory(input: Json, fromVersion: number): Json | string {
  let story = input;
  for (let v = fromVersion; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return `cannot upgrade a story of schemaVersion ${fromVersion}`;
    const next = step(story);
    if (typeof next === 'string') return next;
    story = next;
  }
  return story;
}
