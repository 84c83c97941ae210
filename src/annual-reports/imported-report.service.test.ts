// Importing published annual reports on both dialects: the real 吴忠市 2017 report read, checked
// (its contradictions found), its file kept content-addressed, the import audited; an identical
// import answered with the first; matching by printed name (full or short) and the permission that
// follows from it; bad input changing nothing; the year given winning; the previous year's import
// used for the cross-year rules; the public and staff lists.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { PUBLIC_ACTOR, systemActor } from '../auth/actor.ts';
import type { Actor } from '../auth/actor.ts';
import { actorForUser } from '../auth/session.service.ts';
import type { Store } from '../db/dialect.ts';
import { checkReport } from '../reports/checker/check-report.ts';
import { readReport } from '../reports/reader/read-report.ts';
import { FixedClock } from '../shared/clock.ts';
import { loadConfig } from '../shared/config.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { createTestUser, seedRegion } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { getImportedReport, getImportedReportFile, importReport, listImportedReports, listImportsForStaff } from './imported-report.service.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');
const SYSTEM = systemActor('test');
const WUZHONG = readFileSync(new URL('../../test/fixtures/reports/wuzhong-2017.txt', import.meta.url));
/** The same report printed under a name no organization has. */
const ELSEWHERE = Buffer.from(WUZHONG.toString('utf8').replaceAll('吴忠市', '某某市'), 'utf8');

describeEachDialect('imported reports', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SeededRegion;
  let dataDir: string;
  let cityAdmin: Actor;
  let litongEditor: Actor;
  let systemAdmin: Actor;
  let auditor: Actor;

  const auditCount = async (): Promise<number> => Number((await store.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number | string>().as('n')).where('action', '=', 'report.import').executeTakeFirstOrThrow()).n);
  const importCount = async (): Promise<number> => Number((await store.db.selectFrom('imported_report').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    store = await t.open();
    dataDir = mkdtempSync(join(tmpdir(), 'gongkai-imports-'));
    ctx = { store, clock, config: loadConfig({ GONGKAI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }) };
    region = await seedRegion(store, clock);
    cityAdmin = actorForUser((await createTestUser(store, clock, { role: 'org_admin', organizationId: region.city.id })).user);
    litongEditor = actorForUser((await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id })).user);
    systemAdmin = actorForUser((await createTestUser(store, clock, { role: 'system_admin' })).user);
    auditor = actorForUser((await createTestUser(store, clock, { role: 'auditor', organizationId: region.city.id })).user);
  });
  after(async () => {
    await t.close(store);
    rmSync(dataDir, { recursive: true, force: true });
  });

  void it('refuses bad input and changes nothing', async () => {
    const attempts: [Actor, Parameters<typeof importReport>[2], string][] = [
      [SYSTEM, { bytes: WUZHONG, fileName: 'report.exe', organizationId: region.city.id }, 'UPLOAD_TYPE'],
      [SYSTEM, { bytes: new Uint8Array(0), fileName: 'empty.txt', organizationId: region.city.id }, 'VALIDATION_FAILED'],
      [SYSTEM, { bytes: Buffer.from('今天天气很好。\n我们去公园散步。\n', 'utf8'), fileName: 'note.txt', organizationId: region.city.id }, 'NOT_A_REPORT'],
      [SYSTEM, { bytes: WUZHONG, fileName: 'wuzhong.txt', organizationId: 999_999 }, 'ORGANIZATION_UNKNOWN'],
      [SYSTEM, { bytes: WUZHONG, fileName: 'wuzhong.txt', organizationId: region.city.id, year: 1999 }, 'VALIDATION_FAILED'],
      // The editor of 利通区 may not import for the city, chosen or matched by name.
      [litongEditor, { bytes: WUZHONG, fileName: 'wuzhong.txt', organizationId: region.city.id }, 'FORBIDDEN'],
      [litongEditor, { bytes: WUZHONG, fileName: 'wuzhong.txt' }, 'FORBIDDEN'],
      // Unmatched reports belong to nobody's subtree: only a system administrator files them.
      [cityAdmin, { bytes: ELSEWHERE, fileName: 'elsewhere.txt' }, 'FORBIDDEN'],
      [auditor, { bytes: WUZHONG, fileName: 'wuzhong.txt', organizationId: region.city.id }, 'FORBIDDEN'],
      [PUBLIC_ACTOR, { bytes: WUZHONG, fileName: 'wuzhong.txt', organizationId: region.city.id }, 'UNAUTHENTICATED'],
    ];
    for (const [actor, input, code] of attempts) {
      await assert.rejects(importReport(ctx, actor, input), (e: unknown) => isGongkaiError(e, code as never), `${input.fileName} → ${code}`);
    }
    assert.equal(await importCount(), 0);
    assert.equal(await auditCount(), 0);
  });

  void it('imports the real 吴忠市 2017 report for the city: read, checked, file kept, audited', async () => {
    const outcome = await importReport(ctx, cityAdmin, { bytes: WUZHONG, fileName: 'wuzhong-2017.txt', organizationId: region.city.id });
    assert.equal(outcome.created, true);
    const r = outcome.report;
    assert.equal(r.organizationId, region.city.id);
    assert.equal(r.organizationName, '吴忠市');
    assert.equal(r.year, 2017);
    assert.equal(r.formatId, '2014');
    assert.equal(r.fileName, 'wuzhong-2017.txt');
    assert.equal(r.mediaType, 'text/plain');
    assert.equal(r.sizeBytes, WUZHONG.length);
    const sha256 = createHash('sha256').update(WUZHONG).digest('hex');
    assert.equal(r.sha256, sha256);
    assert.equal(r.importedAt, '2026-11-30T02:00:00.000Z');
    // The findings are the checker's on what the reader read (no previous year known).
    const expected = checkReport(await readReport(WUZHONG, { fileName: 'wuzhong-2017.txt', organizationKind: 'government' }));
    assert.deepEqual(r.findings, expected);
    // The contradictions a careful reader sees: 125981 items in the text, shares adding to 110%.
    assert.ok(r.findings.some((f) => f.rule === 'V07' && f.severity === 'error' && f.passages.some((p) => p.text.includes('125981'))));
    assert.ok(r.findings.some((f) => f.rule === 'V07-shares' && f.severity === 'error' && f.message.en.includes('110%')));
    // The original, content-addressed in the attachments directory.
    const { filePath } = await getImportedReportFile(ctx, PUBLIC_ACTOR, r.id);
    assert.equal(filePath, join(dataDir, 'attachments', sha256.slice(0, 2), sha256));
    assert.deepEqual(readFileSync(filePath), WUZHONG);
    // One audit event, filed under the city.
    const events = await store.db.selectFrom('audit_event').selectAll().where('action', '=', 'report.import').execute();
    assert.equal(events.length, 1);
    assert.equal(events[0]?.entity_type, 'imported_report');
    assert.equal(events[0]?.entity_id, String(r.id));
    assert.equal(Number(events[0]?.organization_id), region.city.id);
    const after = JSON.parse(events[0]?.after_json ?? '{}') as { sha256: string; year: number; findings: { error: number } };
    assert.equal(after.sha256, sha256);
    assert.equal(after.year, 2017);
    assert.equal(after.findings.error, expected.filter((f) => f.severity === 'error').length);
  });

  void it('answers an identical import with the first, writing nothing', async () => {
    const before = await importCount();
    const again = await importReport(ctx, cityAdmin, { bytes: WUZHONG, fileName: 'copy.txt', organizationId: region.city.id });
    assert.equal(again.created, false);
    assert.equal(again.report.fileName, 'wuzhong-2017.txt');
    // Matched by the printed short name 吴忠市 (the city's short name), it is the same import.
    const byName = await importReport(ctx, cityAdmin, { bytes: WUZHONG, fileName: 'copy.txt' });
    assert.equal(byName.created, false);
    assert.equal(byName.organization?.id, region.city.id);
    assert.equal(await importCount(), before);
    assert.equal(await auditCount(), 1);
  });

  void it('files the year given, and checks against the previous year\'s import', async () => {
    const outcome = await importReport(ctx, cityAdmin, { bytes: WUZHONG, fileName: 'wuzhong-as-2018.txt', organizationId: region.city.id, year: 2018 });
    assert.equal(outcome.created, true);
    assert.equal(outcome.report.year, 2018);
    assert.equal(outcome.report.structured.year, 2018);
    assert.ok(outcome.report.structured.notes.some((n) => n.code === 'YEAR_FROM_IMPORT'));
    // The 2017 import is the previous year: the same text again is a repeated report (V13).
    assert.ok(outcome.report.findings.some((f) => f.rule === 'V13' && f.severity === 'warning'));
  });

  void it('files an unmatched report only for a system administrator, with the printed name', async () => {
    const outcome = await importReport(ctx, systemAdmin, { bytes: ELSEWHERE, fileName: 'elsewhere.txt' });
    assert.equal(outcome.created, true);
    assert.equal(outcome.organization, null);
    assert.equal(outcome.report.organizationId, null);
    assert.equal(outcome.report.organizationName, '某某市');
    assert.equal(outcome.report.year, 2017);
  });

  void it('lists imports for the public (filters) and for staff (their subtrees)', async () => {
    const all = await listImportedReports(ctx, PUBLIC_ACTOR);
    assert.deepEqual(
      all.map((r) => [r.year, r.organizationName, r.readOrganizationName, r.publicationDate]),
      [
        [2018, '吴忠市人民政府', '吴忠市', '2018-01-20'],
        [2017, '吴忠市人民政府', '吴忠市', '2018-01-20'],
        [2017, null, '某某市', '2018-01-20'],
      ],
    );
    const first = all.find((r) => r.year === 2017 && r.organizationId === region.city.id);
    const stored = (await getImportedReport(ctx, PUBLIC_ACTOR, first?.id ?? 0)).report;
    assert.deepEqual(first?.counts, {
      error: stored.findings.filter((f) => f.severity === 'error').length,
      warning: stored.findings.filter((f) => f.severity === 'warning').length,
      info: stored.findings.filter((f) => f.severity === 'info').length,
    });
    assert.deepEqual((await listImportedReports(ctx, PUBLIC_ACTOR, { year: 2018 })).map((r) => r.year), [2018]);
    assert.deepEqual((await listImportedReports(ctx, PUBLIC_ACTOR, { organizationId: region.litong.id })).length, 0);
    // The city's administrator sees the city's imports, not the unmatched one; the 利通区 editor none.
    assert.equal((await listImportsForStaff(ctx, cityAdmin)).length, 2);
    assert.equal((await listImportsForStaff(ctx, litongEditor)).length, 0);
    assert.equal((await listImportsForStaff(ctx, systemAdmin)).length, 3);
    await assert.rejects(listImportsForStaff(ctx, auditor), (e: unknown) => isGongkaiError(e, 'FORBIDDEN'));
    await assert.rejects(getImportedReport(ctx, PUBLIC_ACTOR, 987_654), (e: unknown) => isGongkaiError(e, 'NOT_FOUND'));
  });
});
