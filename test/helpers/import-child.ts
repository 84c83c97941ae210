/**
 * A child process for the kill -9 test (test/acceptance/import-kill.test.ts): imports a CSV into an
 * organization of a store, printing `progress <phase> <done>/<total>` lines on stdout as it goes,
 * so the parent can SIGKILL it in the middle of the write transaction.
 * Usage: node --import tsx test/helpers/import-child.ts <store url or sqlite file> <csv file> <org code>
 */
import { readFileSync } from 'node:fs';
import { systemActor } from '../../src/auth/actor.ts';
import { importCatalog } from '../../src/catalog/catalog-import.ts';
import { openStore } from '../../src/db/dialect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { findOrganizationByCode } from '../../src/organizations/organization.service.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { loadConfig } from '../../src/shared/config.ts';

const [url, file, code] = process.argv.slice(2);
if (!url || !file || !code) throw new Error('usage: import-child.ts <store> <csv> <org code>');
const store = openStore(url);
await migrateToLatest(store.db);
const ctx = { store, clock: new FixedClock('2026-11-30T02:00:00Z'), config: loadConfig({ GONGKAI_DATA_DIR: '/tmp/gongkai-test' }) };
const actor = systemActor('kill-test');
const organization = await findOrganizationByCode(ctx, actor, code);
if (!organization) throw new Error(`no organization ${code}`);
const result = await importCatalog(ctx, actor, {
  organizationId: organization.id,
  fileName: 'kill.csv',
  data: readFileSync(file),
  dryRun: false,
  onProgress: (done, total, phase) => process.stdout.write(`progress ${phase} ${done}/${total}\n`),
});
process.stdout.write(`done ${result.imported}\n`);
await store.close();
