import type { FileStamp } from '../../shared/ipc';
import { createStory } from '../../shared/story/create';
import type { SerializedBodyNode, Story } from '../../shared/story/schema';

/** The open story: everything but the body, which lives in the editor, and the photos, which live in the window's AssetStore. */
export interface OpenDocument {
  story: Omit<Story, 'body' | 'assets'>;
  path: string | null;
  name: string | null;
  stamp: FileStamp | null;
  dirty: boolean;
  /** Someone else has the file open: Save goes to Save As. */
  readOnly?: boolean;
  /**
   * This window's crash-journal entry. Not the story's id: a Save As copy keeps its original's
   * id, and two windows editing the original and the copy must not journal over each other.
   */
  journalId: string;
}

export function blankDocument(): { doc: OpenDocument; body: Story['body'] } {
  const { body, assets: _none, ...story } = createStory({ id: crypto.randomUUID(), now: new Date() });
  return { doc: { story, path: null, name: null, stamp: null, dirty: false, journalId: crypto.randomUUID() }, body };
}

/** How the window names the story: its headline, else its file's name. */
export function storyDisplayName(doc: Pick<OpenDocument, 'name' | 'story'>): string {
  return doc.story.meta.headline.trim() || fileBaseName(doc) || 'Untitled story';
}

/** The file's name without `.story`, or '' before the first save. */
export function fileBaseName(doc: Pick<OpenDocument, 'name'>): string {
  return doc.name ? doc.name.replace(/\.story$/i, '') : '';
}

export function windowTitle(doc: Pick<OpenDocument, 'name' | 'story' | 'dirty'>): string {
  return `${doc.dirty ? '• ' : ''}${storyDisplayName(doc)} — Copydesk`;
}

/** The photos the story still shows: only they are saved (undo keeps the rest in memory). */
export function referencedAssets(body: Story['body']): string[] {
  const used = new Set<string>();
  for (const node of body.root.children as SerializedBodyNode[]) {
    const hash = node.type === 'photo' ? String(node.asset ?? '') : '';
    if (hash) used.add(hash);
  }
  return [...used];
}
