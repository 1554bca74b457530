// Runs before `npm install`/`npm ci`: a clear message instead of a wall of EBADENGINE warnings.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Copydesk needs Node.js 22.12 or newer; this is ${process.versions.node}.\n` +
      'Install Node 22 from nodejs.org, or without admin rights from the npm registry:\n' +
      '  npm install --prefix ~/.cache/copydesk-node22 node@22 && export PATH="$HOME/.cache/copydesk-node22/node_modules/.bin:$PATH"',
  );
  process.exit(1);
}
