import { expect } from 'vitest';
import { StoryFileError } from '../../../electron/services/story-files';

/** The StoryFileError a promise rejects with; fails the test if it resolves or throws anything else. */
export async function storyFileError(promise: Promise<unknown>): Promise<StoryFileError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(StoryFileError);
    return error as StoryFileError;
  }
  throw new Error('expected the promise to reject');
}
