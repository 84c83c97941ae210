import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { createTestUser, loginToken, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';

const clock = new FixedClock('2026-03-02T02:00:00Z');
const WUZHONG_2017 = readFileSync(new URL('../demo/data/wuzhong-2017.txt', import.meta.url));

function multipart(fileName: string, data: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----gongkaiImportBoundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describeEachDialect('POST /api/reports/imports', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  let editor: Record<string, string>;

  before(async () => {
    store = await t.open();
    region = await seedRegion(store, clock);
    app = await buildApp(testContext(store, clock), { logger: false });
    const { user, password } = await createTestUser(store, clock, { role: 'editor', organizationId: region.city.id });
    editor = { authorization: `Bearer ${await loginToken(store, user.username, password, clock)}` };
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  const post = (query: string, file: Buffer, headers: Record<string, string> = editor) => {
    const body = multipart('wuzhong-2017.txt', file);
    return app.inject({ method: 'POST', url: `/api/reports/imports${query}`, payload: body.payload, headers: { ...body.headers, ...headers } });
  };
  const imports = async (): Promise<number> => Number((await store.db.selectFrom('imported_report').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  void it('reads, checks and files the real 吴忠市 2017 report with its findings; the same file again writes nothing', async () => {
    const first = await post(`?organizationId=${region.city.id}&year=2017`, WUZHONG_2017);
    assert.equal(first.statusCode, 200, first.body);
    const body = first.json<{ id: number; created: boolean; organizationId: number; year: number; formatId: string; findings: { error: number; warning: number }; url: string }>();
    assert.equal(body.created, true);
    assert.equal(body.organizationId, region.city.id);
    assert.equal(body.year, 2017);
    assert.equal(body.formatId, '2014');
    // `gongkai check wuzhong-2017.txt` prints 5 errors, 4 warnings (README).
    assert.deepEqual([body.findings.error, body.findings.warning], [5, 4]);
    assert.equal(body.url, `/reports/imported/${body.id}`);
    const again = await post(`?organizationId=${region.city.id}&year=2017`, WUZHONG_2017);
    assert.equal(again.json<{ id: number; created: boolean }>().created, false);
    assert.equal(again.json<{ id: number }>().id, body.id);
    assert.equal(await imports(), 1);
  });

  void it('refuses a file that is not a report, and anonymous callers, writing nothing', async () => {
    const notReport = await post(`?organizationId=${region.city.id}`, Buffer.from('这是一份会议通知，不是年度报告。\n请各单位准时参加。\n'));
    assert.equal(notReport.statusCode, 422);
    assert.equal(notReport.json<{ error: { code: string } }>().error.code, 'NOT_A_REPORT');
    const anonymous = await post(`?organizationId=${region.city.id}`, WUZHONG_2017, {});
    assert.equal(anonymous.statusCode, 401);
    const badYear = await post(`?organizationId=${region.city.id}&year=1999`, WUZHONG_2017);
    assert.equal(badYear.statusCode, 400);
    assert.equal(await imports(), 1);
  });
});
