import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHarness } from './web-harness';

/** `npm run web [-- --port N] [--docs DIR] [--user NAME]`: the renderer in any browser, on 127.0.0.1 only. */

function parseArgs(argv: string[]): { port: number; docs: string; user?: string } | string {
  let port = process.env.PORT ? Number(process.env.PORT) : 4173;
  let docs = process.env.COPYDESK_DOCS ?? path.join(os.homedir(), 'Copydesk');
  let user: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = argv[i + 1];
    if (arg === '--port' && value !== undefined) {
      port = Number(value);
      i++;
    } else if (arg.startsWith('--port=')) port = Number(arg.slice(7));
    else if (arg === '--docs' && value !== undefined) {
      docs = value;
      i++;
    } else if (arg.startsWith('--docs=')) docs = arg.slice(7);
    else if (arg === '--user' && value !== undefined) {
      user = value;
      i++;
    } else if (arg.startsWith('--user=')) user = arg.slice(7);
    else return `unknown option "${arg}" (use --port N, --docs DIR and --user NAME)`;
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) return `--port must be a number from 0 to 65535`;
  if (user !== undefined && !user.trim()) return '--user needs a name';
  return { port, docs: path.resolve(docs), ...(user ? { user: user.trim().slice(0, 200) } : {}) };
}

const args = parseArgs(process.argv.slice(2));
if (typeof args === 'string') {
  console.error(`copydesk web: ${args}`);
  process.exit(2);
}
const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/renderer');
startHarness({ rendererDir, docsDir: args.docs, port: args.port, ...(args.user ? { user: args.user } : {}) }).then(
  (harness) => {
    console.log(`Copydesk web harness: ${harness.url} (documents folder: ${args.docs})`);
    const stop = () => void harness.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? `port ${args.port} is already in use (try --port 0)` : error.message;
    console.error(`copydesk web: ${reason}`);
    process.exit(1);
  },
);
