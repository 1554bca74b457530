/**
 * npm run schema: writes shared/export/cms-schema.json from the CMS JSON zod schema (which
 * takes each block's fields from the block registry). tests/unit/cms-schema.test.ts fails
 * when the committed file differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { cmsJsonSchema } from '../shared/export/cms-schema';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../shared/export/cms-schema.json');
const text = await format(JSON.stringify(cmsJsonSchema()), { parser: 'json', printWidth: 140 });
writeFileSync(target, text);
console.log(`wrote ${path.relative(process.cwd(), target)}`);
