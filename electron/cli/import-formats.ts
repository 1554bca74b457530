import path from 'node:path';
import { importDocx } from '../services/docx-import';
import { importHtml } from '../services/html-import';
import type { ReaderContext, ReaderResult } from './import';

/**
 * The `copydesk import` readers for .html/.htm and .docx (plugged into READERS in
 * ./import.ts). A file that cannot be read gives a reason phrase for "file: reason".
 */

export function readHtml(bytes: Uint8Array, context: ReaderContext): ReaderResult {
  try {
    const { story, summary } = importHtml(bytes, {
      id: context.id,
      now: context.now,
      name: path.basename(context.file),
      // Images Word's "Save as Web Page" leaves beside the page are read from there.
      baseDir: path.dirname(path.resolve(context.file)),
    });
    return { ok: true, story, summary };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}

export async function readDocx(bytes: Uint8Array, context: ReaderContext): Promise<ReaderResult> {
  try {
    const { story, summary } = await importDocx(bytes, { id: context.id, now: context.now, name: path.basename(context.file) });
    return { ok: true, story, summary };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim() || 'cannot be imported';
}
