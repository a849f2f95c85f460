#!/usr/bin/env node
// The `okr` command. Runs the TypeScript sources directly on Node 24 (type stripping).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `okr needs Node 24; this is Node ${process.versions.node}.\n` +
      'Run it through npm (`npx okr …` or `npm run …`), which uses the Node 24 installed by `npm ci`, or install Node 24.\n',
  );
  process.exit(2);
}
// Node keeps the compiled sources between runs (os.tmpdir()/node-compile-cache): a faster start.
(await import('node:module')).enableCompileCache?.();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
