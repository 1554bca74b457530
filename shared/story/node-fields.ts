import { z } from 'zod';

/** Fields every serialized Lexical node carries, shared by the story schema and the block schemas. */
export const nodeVersion = z.number().int().min(0).max(1000).default(1);
export const elementFormat = z
  .enum(['', 'left', 'start', 'center', 'right', 'end', 'justify'])
  .or(z.number().int().min(0).max(7))
  .default('');
