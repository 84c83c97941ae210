#!/usr/bin/env node
// The gongkai CLI entry point. Runs the compiled JavaScript in dist/ (built by `npm ci` through the
// `prepare` script, or `npm run build`) when it is at least as new as every source file; otherwise
// it loads the TypeScript sources through tsx, so an edited checkout never runs stale code.
// Compiled is preferred because tsx re-transforms pdf.js on every start (seconds and ~400 MB more).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = `${root}dist/cli/main.js`;

// The newest source the build compiles (tests and test helpers are not built: tsconfig.build.json).
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.startsWith('test-')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

let main;
if (existsSync(compiled) && statSync(compiled).mtimeMs >= newestSource(`${root}src`)) {
  ({ main } = await import(compiled));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
