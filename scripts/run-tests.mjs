// Runs every *.test.ts under src/ and test/ with node:test (Node 20's --test does not expand globs).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir, out) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) find(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}
if (process.env.GONGKAI_REQUIRE_POSTGRES === '1' && !process.env.GONGKAI_TEST_POSTGRES_URL) {
  console.error('GONGKAI_REQUIRE_POSTGRES=1 but GONGKAI_TEST_POSTGRES_URL is not set: the PostgreSQL half of the suite would be skipped');
  process.exit(1);
}
if (!process.env.GONGKAI_TEST_POSTGRES_URL) {
  console.error('note: GONGKAI_TEST_POSTGRES_URL is not set, so the database tests run on SQLite only (see scripts/postgres-ci.sh)');
}
const files = [...find('src', []), ...find('test', [])].sort();
const extra = process.argv.slice(2);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...extra, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
