import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { StoryFileError, reasonFor } from './story-files';

/**
 * Files of an export (the document and its images/ folder). Each is written atomically, so
 * a failed export never leaves a half-written file; the caller removes what it created.
 */
export async function writeExportFile(file: string, bytes: Buffer): Promise<{ path: string; created: boolean }> {
  let created = true;
  try {
    await fs.access(file);
    created = false;
  } catch {
    created = true;
  }
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, bytes, { fsync: true });
  } catch (error) {
    throw new StoryFileError(`Could not export to "${path.basename(file)}": ${reasonFor(error)}.`, 'io');
  }
  return { path: file, created };
}

export async function removeExportFiles(files: string[]): Promise<void> {
  for (const file of files) await fs.rm(file, { force: true });
  // An images/ folder this export made and left empty goes too.
  const folders = new Set(files.filter((f) => path.basename(path.dirname(f)) === 'images').map((f) => path.dirname(f)));
  for (const folder of folders) await fs.rmdir(folder).catch(() => {});
}
