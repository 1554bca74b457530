import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';

/**
 * A small JSON file in the user-data folder that Copydesk remembers between runs (recent
 * stories, the window's place). Remembering is a convenience: a missing, damaged or unwritable
 * file never stops the app — reads fall back to the default, failed writes are dropped.
 */
export interface JsonStore<T> {
  read(): Promise<T>;
  write(value: T): Promise<void>;
}

export function jsonStore<T>(file: string, schema: z.ZodType<T>, fallback: () => T): JsonStore<T> {
  return {
    async read() {
      try {
        const parsed = schema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
        return parsed.success ? parsed.data : fallback();
      } catch {
        return fallback();
      }
    },
    async write(value) {
      try {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
      } catch {
        // Not worth an error dialog: the next change tries again.
      }
    },
  };
}
