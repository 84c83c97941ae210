// The requests API on both databases: an answer's detail (2019 art. 36 (一), (五)) is accepted with
// its outcome, refused with any other (400 VALIDATION_FAILED, nothing written), returned with the
// case, and counted apart in the 2014 rows of the statistics.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';
import { createTestUser, loginToken, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';

const PERSON = {
  requesterType: 'natural',
  requesterName: '李明',
  phone: '13912345678',
  address: '宁夏回族自治区吴忠市利通区裕民街1号',
  informationRequested: '2024年利通区老旧小区改造项目清单',
  deliveryForm: 'paper',
  deliveryMethod: 'post',
  channel: 'in-person',
  submittedOn: '2024-11-18',
};

interface CaseBody {
  id: number;
  outcome: string | null;
  answerDetail: string | null;
  responsibleAgency: string | null;
  events: { kind: string; data: Record<string, unknown> }[];
}

interface ErrorBody {
  error: { code: string; issues: { field: string; message: string }[] };
}

describeEachDialect('POST /api/requests/:id/events: the answer detail', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  let token: string;
  // Monday 2024-11-25, 10:00 China time.
  const clock = new FixedClock('2024-11-25T02:00:00Z');

  before(async () => {
    store = await t.open();
    region = await seedRegion(store, clock);
    app = await buildApp(testContext(store, clock), { logger: false });
    const { user, password } = await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id });
    token = await loginToken(app, user.username, password);
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  const post = (url: string, payload: Record<string, unknown>) => app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}` } });
  const register = async (): Promise<number> => {
    const res = await post('/api/requests', { ...PERSON, organizationId: region.litong.id });
    assert.equal(res.statusCode, 201, res.body);
    return res.json<CaseBody>().id;
  };
  const answer = (id: number, fields: Record<string, unknown>) => post(`/api/requests/${id}/events`, { kind: 'answered', on: '2024-11-22', ...fields });
  const eventCount = async (id: number): Promise<number> =>
    Number((await store.db.selectFrom('request_event').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', id).executeTakeFirstOrThrow()).n);

  it('refuses a detail with the wrong outcome, an unknown detail and an agency without other-agency: 400, nothing written', async () => {
    const id = await register();
    // The API speaks English; the Chinese messages are the service test's (request.service.test.ts).
    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [{ outcome: 'disclosed', answerDetail: 'other-agency' }, 'answerDetail', /other-agency goes with the outcome unable-not-held only/],
      [{ outcome: 'unable-not-held', answerDetail: 'already-public', reasons: '已在门户网站公开' }, 'answerDetail', /already-public goes with the outcome disclosed only/],
      [{ outcome: 'disclosed', answerDetail: 'public' }, 'answerDetail', /answerDetail is not valid/],
      [{ outcome: 'unable-not-held', responsibleAgency: '吴忠市财政局' }, 'responsibleAgency', /goes with the detail other-agency only/],
      [{ outcome: 'disclosed', answerDetail: 'already-public' }, 'reasons', /how and where to obtain it/],
    ];
    for (const [fields, field, en] of refusals) {
      const res = await answer(id, fields);
      assert.equal(res.statusCode, 400, res.body);
      const { error } = res.json<ErrorBody>();
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.equal(error.issues[0]?.field, field, JSON.stringify(fields));
      assert.match(error.issues[0]?.message ?? '', en);
    }
    assert.equal(await eventCount(id), 1, 'only the received event');
  });

  it('records both details, returns them with the case and counts them in the 2014 rows (table 三 unchanged)', async () => {
    const publicId = await register();
    let res = await answer(publicId, { outcome: 'disclosed', answerDetail: 'already-public', reasons: '该信息已在利通区人民政府门户网站“政府信息公开”专栏公开' });
    assert.equal(res.statusCode, 201, res.body);
    let body = res.json<CaseBody>();
    assert.deepEqual([body.outcome, body.answerDetail, body.responsibleAgency], ['disclosed', 'already-public', null]);
    assert.equal(body.events.at(-1)?.data['answerDetail'], 'already-public');

    const agencyId = await register();
    res = await answer(agencyId, { outcome: 'unable-not-held', answerDetail: 'other-agency', responsibleAgency: '吴忠市住房和城乡建设局' });
    assert.equal(res.statusCode, 201, res.body);
    body = res.json<CaseBody>();
    assert.deepEqual([body.outcome, body.answerDetail, body.responsibleAgency], ['unable-not-held', 'other-agency', '吴忠市住房和城乡建设局']);

    const plainId = await register();
    res = await answer(plainId, { outcome: 'disclosed' });
    assert.equal(res.json<CaseBody>().answerDetail, null);

    // 2024: the three cases of this test, and none before it, were answered at 利通区 (the refused one stays open).
    const stats = await app.inject({ method: 'GET', url: `/api/requests/statistics?organizationId=${region.litong.id}&year=2024&format=2021`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(stats.statusCode, 200, stats.body);
    const parsed = stats.json<{ rows2014: { id: string; value: number }[]; table3: { row: string; values: Record<string, number> }[] }>();
    const rows = new Map(parsed.rows2014.map((r) => [r.id, r.value]));
    const table3 = new Map(parsed.table3.map((r) => [r.row, r.values['total']]));
    assert.deepEqual([table3.get('disclosed'), table3.get('unable-not-held')], [2, 1]);
    assert.deepEqual(
      ['answered', 'answer-already-public', 'answer-disclosed', 'answer-not-this-agency', 'answer-nonexistent'].map((r) => rows.get(`stats/${r}/value`)),
      [3, 1, 1, 1, 0],
    );
  });
});
