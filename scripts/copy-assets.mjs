// Copies the non-TypeScript files the compiled code reads at run time (every `src/**/data/*` file
// that is not TypeScript: dictionaries, tables) into dist/, next to the compiled modules.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    if (name === 'data') {
      cpSync(path, path.replace(/^src/, 'dist'), { recursive: true, filter: (p) => !p.endsWith('.ts') });
    } else {
      walk(path);
    }
  }
}
walk('src');
