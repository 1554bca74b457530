import type { ReactNode } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { serializeStory, slugify } from '../../shared/story/create';
import { restoreStory } from '../../shared/story/restore';
import type { Story } from '../../shared/story/schema';
import { call } from '../bridge';
import type { NewsroomServices } from '../editor/blocks/context';
import type { StoryEditorHandle } from '../editor/StoryEditor';
import { isSlugAutomatic } from '../panels/MetadataPanel';
import { AssetStore, PreviewCache, readImage, whenIdle } from './assets';
import { StoryJournal } from './journal';
import { blankDocument, referencedAssets, storyDisplayName, type OpenDocument } from './open-document';
import { Store } from './store';

export type Banner = { kind: 'error' | 'info'; text: string };

/**
 * The window's one open story and what the window shows about it, as plain code: the
 * document operations (save.ts, load.ts, open.ts, export.ts, import.ts, recovery.ts) take a
 * session and work on it; App subscribes to its stores and renders them.
 */
export class StorySession {
  readonly doc: Store<OpenDocument>;
  /** The body the editor starts with (later stories arrive through `editor.load`). */
  readonly initialBody: Story['body'];
  readonly settings = new Store<Settings>(DEFAULT_SETTINGS);
  readonly banner = new Store<Banner | null>(null);
  /** The modal dialog on screen, if any (one at a time). */
  readonly dialog = new Store<ReactNode>(null);
  readonly saving = new Store(false);
  /** The exported page shown in Preview, or null. */
  readonly preview = new Store<string | null>(null);
  /** Whether the preview is shown or being made (a second toggle while it is made closes it). */
  previewWanted = false;
  /** The story's photos, as Blobs (see AssetStore). */
  readonly photos = new AssetStore();
  readonly previews = new PreviewCache(this.photos);
  readonly journal: StoryJournal;
  /** Bumped on every edit, so a save knows whether the user typed while it was writing. */
  editSeq = 0;
  editor: StoryEditorHandle | null = null;

  constructor(readonly host: 'electron' | 'web') {
    const initial = blankDocument();
    this.doc = new Store(initial.doc);
    this.initialBody = initial.body;
    this.journal = new StoryJournal(() => {
      const d = this.doc.get();
      const editor = this.editor;
      if (!d.dirty || !editor) return null;
      return {
        storyId: d.journalId,
        path: d.path,
        name: storyDisplayName(d),
        text: () => serializeStory({ ...d.story, body: editor.getBody(), assets: {} }),
        // Every image the story holds in memory (undo may bring back a deleted photo).
        assetsKey: () => this.photos.key(),
        assets: async () => JSON.stringify(await this.photos.storyAssets()),
      };
    });
  }

  /** For StoryEditor's ref. */
  attachEditor = (handle: StoryEditorHandle | null): void => {
    this.editor = handle;
  };

  notify = (banner: Banner | null): void => this.banner.set(banner);

  /** Shows a dialog and resolves with the answer it gives. */
  ask<T>(render: (resolve: (value: T) => void) => ReactNode): Promise<T> {
    return new Promise<T>((resolve) => {
      this.dialog.set(
        render((value) => {
          this.dialog.set(null);
          resolve(value);
        }),
      );
    });
  }

  markEdited = (): void => {
    this.editSeq++;
    this.doc.set((d) => (d.dirty ? d : { ...d, dirty: true }));
    this.journal.schedule();
  };

  updateMeta = (patch: Partial<Story['meta']>): void => {
    this.editSeq++;
    this.doc.set((d) => ({ ...d, dirty: true, story: { ...d.story, meta: { ...d.story.meta, ...patch } } }));
    this.journal.schedule();
  };

  /** The story as it would be saved now, validated by the same door as a file from disk. */
  async currentStory(touch: boolean) {
    const d = this.doc.get();
    const body = this.editor!.getBody();
    const meta = touch && d.dirty ? { ...d.story.meta, updatedAt: new Date().toISOString() } : d.story.meta;
    const assets = await this.photos.storyAssets(referencedAssets(body));
    return restoreStory({ ...d.story, meta, body, assets });
  }

  /** Puts a restored story in the window (editor, details, title); no I/O. */
  showStory(shown: Omit<OpenDocument, 'journalId'> & { journalId?: string }, body: Story['body'], assets: Story['assets']): void {
    // A story shown afresh journals under a new entry; recovered work keeps the entry it came from.
    const next: OpenDocument = { ...shown, journalId: shown.journalId ?? crypto.randomUUID() };
    this.previews.clear();
    this.photos.replace(assets);
    // Every photo's preview, made when the page is idle after the text is up: blocks far from
    // the screen are mounted later (or all at once to be printed) and find theirs ready.
    const cache = this.previews;
    whenIdle(() => cache.prime(this.photos.hashes()));
    this.doc.set(next);
    this.editor?.load(body);
    this.editSeq++;
  }

  /** Gives up this window's lock on the story it is leaving (a read-only window holds none). */
  leaveFile(keep: string | null = null): void {
    const previous = this.doc.get();
    if (previous.path && previous.path !== keep && !previous.readOnly) void call('story:unlock', { path: previous.path });
  }

  /** What the newsroom blocks need from the window, for the given settings. */
  newsroomServices(settings: Settings): NewsroomServices {
    return {
      creditStyle: settings.creditStyle,
      tweetLookup: settings.tweetLookup,
      userPresets: settings.helplinePresets,
      asset: (hash) => this.photos.info(hash),
      previewUrl: (hash) => this.previews.get(hash),
      readyPreviewUrl: (hash) => this.previews.peek(hash),
      addImage: async (file, name) => {
        const read = await readImage(file, name);
        if (!read.ok) return read;
        this.photos.addBytes(read.hash, read.info, read.bytes);
        return { ok: true as const, hash: read.hash };
      },
      async lookupTweet(url) {
        const result = await call('tweet:lookup', { url });
        return result.ok ? { ok: true as const, tweet: result.value } : { ok: false as const, reason: result.error };
      },
      notify: (text, kind = 'error') => this.notify({ kind, text }),
      fillEmptyMeta: (fields) => {
        const meta = this.doc.get().story.meta;
        const filled = { headline: false, standfirst: false, dateline: false };
        const patch: Partial<Story['meta']> = {};
        for (const key of ['headline', 'standfirst', 'dateline'] as const) {
          const value = fields[key]?.trim();
          if (value && !meta[key].trim()) {
            patch[key] = value;
            filled[key] = true;
          }
        }
        if (patch.headline && isSlugAutomatic(meta)) patch.slug = slugify(patch.headline);
        if (Object.keys(patch).length > 0) this.updateMeta(patch);
        return filled;
      },
    };
  }
}
