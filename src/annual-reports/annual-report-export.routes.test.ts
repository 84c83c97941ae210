// The staff export API over HTTP: every kind with its content type (DOCX and XLSX are ZIP packages,
// PDF starts %PDF, JSON is the structured report, HTML and Markdown carry the findings); a draft (or
// a report never saved) is computed from the records at the time of the call, a submitted or
// published one is its frozen snapshot, so a record added afterwards shows only in the drafts;
// `reports.read` on the organization is required.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { systemActor } from '../auth/actor.ts';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import type { StructuredReport } from '../reports/model/structured-report.ts';
import { createReview } from '../reviews/review.service.ts';
import { FixedClock } from '../shared/clock.ts';
import { loadConfig } from '../shared/config.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { storeAnnualReport } from '../../test/helpers/annual-report-fixtures.ts';
import { createTestUser, loginToken, seedRegion } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { sqliteStores } from '../../test/helpers/stores.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');
const RECONSIDERATIONS = 't4/cases/reconsideration-total';

void describe('annual report export API', () => {
  let store: Store;
  let app: GongkaiApp;
  let ctx: ServiceContext;
  let region: SeededRegion;
  let dataDir: string;
  let editorToken: string;

  before(async () => {
    store = await sqliteStores.open();
    dataDir = mkdtempSync(join(tmpdir(), 'gongkai-report-export-'));
    ctx = { store, clock, config: loadConfig({ GONGKAI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }) };
    region = await seedRegion(store, clock);
    // Frozen before the reconsideration below is recorded.
    await storeAnnualReport(ctx, { organizationId: region.litong.id, year: 2025, status: 'published', publicationDate: '2026-01-20' });
    await storeAnnualReport(ctx, { organizationId: region.litongDepartment.id, year: 2025, status: 'draft' });
    await createReview(ctx, systemActor('test'), { organizationId: region.litongDepartment.id, path: 'reconsideration', applicantName: '导出测试申请人', reviewingBody: '利通区人民政府', filedOn: '2025-03-02', outcome: 'pending' });
    const editor = await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id });
    editorToken = await loginToken(store, editor.user.username, editor.password, clock);
    app = await buildApp(ctx, { logger: false });
  });
  after(async () => {
    await app.close();
    await sqliteStores.close(store);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const exportOf = (orgId: number, year: number, format: string, token: string | null = editorToken) =>
    app.inject({ method: 'GET', url: `/api/reports/${orgId}/${year}/export?format=${format}`, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const cell = (report: StructuredReport, id: string): number | null | undefined => report.cells.find((c) => c.id === id)?.value;

  void it('exports the published report\'s snapshot, not the records as they are now', async () => {
    const response = await exportOf(region.litong.id, 2025, 'json');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['x-report-source'], 'snapshot');
    assert.equal(response.headers['cache-control'], 'private, no-store');
    const report = JSON.parse(response.body) as StructuredReport;
    // The roll-up of 利通区 covers its department, but the reconsideration came after the freeze.
    assert.equal(cell(report, RECONSIDERATIONS), 0);
    assert.equal(report.publicationDate?.date, '2026-01-20');
  });

  void it('exports a draft (and a report never saved) computed from the records now', async () => {
    const draft = await exportOf(region.litongDepartment.id, 2025, 'json');
    assert.equal(draft.statusCode, 200);
    assert.equal(draft.headers['x-report-source'], 'computed');
    assert.equal(cell(JSON.parse(draft.body) as StructuredReport, RECONSIDERATIONS), 1);
    const unsaved = await exportOf(region.litong.id, 2024, 'json');
    assert.equal(unsaved.headers['x-report-source'], 'computed');
    assert.equal((JSON.parse(unsaved.body) as StructuredReport).year, 2024);
  });

  void it('answers every kind with its type and file name', async () => {
    const kinds: [string, RegExp, (body: Buffer) => boolean][] = [
      ['docx', /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document$/, (b) => b.subarray(0, 2).toString('latin1') === 'PK'],
      ['pdf', /^application\/pdf$/, (b) => b.subarray(0, 4).toString('latin1') === '%PDF'],
      ['xlsx', /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet$/, (b) => b.subarray(0, 2).toString('latin1') === 'PK'],
      ['json', /^application\/json; charset=utf-8$/, (b) => (JSON.parse(b.toString('utf8')) as StructuredReport).schemaVersion === '1.0.0'],
      ['html', /^text\/html; charset=utf-8$/, (b) => b.toString('utf8').startsWith('<!DOCTYPE html>') && b.toString('utf8').includes('核查发现')],
      ['md', /^text\/markdown; charset=utf-8$/, (b) => b.toString('utf8').includes('表三')],
    ];
    for (const [kind, type, looksRight] of kinds) {
      const response = await exportOf(region.litongDepartment.id, 2025, kind);
      assert.equal(response.statusCode, 200, kind);
      assert.match(String(response.headers['content-type']), type, kind);
      assert.ok(looksRight(response.rawPayload), kind);
      const disposition = String(response.headers['content-disposition']);
      assert.ok(disposition.startsWith(kind === 'html' ? 'inline;' : 'attachment;'), disposition);
      assert.ok(disposition.endsWith(`${encodeURIComponent('利通区教育局2025年政府信息公开工作年度报告')}.${kind}`), disposition);
    }
  });

  void it('needs reports.read on the organization and a valid query', async () => {
    assert.equal((await exportOf(region.litong.id, 2025, 'json', null)).statusCode, 401);
    assert.equal((await exportOf(region.yanchi.id, 2025, 'json')).statusCode, 403);
    assert.equal((await exportOf(region.litong.id, 2025, 'exe')).statusCode, 400);
    assert.equal((await exportOf(region.litong.id, 1999, 'json')).statusCode, 400);
    assert.equal((await exportOf(987_654, 2025, 'json')).statusCode, 404);
  });
});
