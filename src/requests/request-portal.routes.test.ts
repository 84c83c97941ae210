// The public side of requests on both databases: the online form (validation in Chinese, values kept,
// nothing written; the human check; CSRF; the rate limit), the confirmation with the tracking code,
// and tracking (page and API) that never shows personal data.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemActor } from '../auth/actor.ts';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';
import { seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { HUMAN_CHECK_SECRET_KEY, readOrCreateSetting } from './human-check.repository.ts';
import { parseAnswerNumber } from './human-check.ts';
import { isValidResidentId, isWellFormedUscc, publicFormIssues } from './public-request-form.ts';
import { humanCheckSecret } from './request-portal.service.ts';
import { recordEvent } from './request.service.ts';
import { openField, personalDataKey } from './personal-data-cipher.ts';

/** Friday 2024-09-27, 10:00 China time. */
const FILED_AT = '2024-09-27T02:00:00Z';
const NAME = '马晓东';
const ID_NUMBER = '640302199001011238';
const PHONE = '13909531234';
const EMAIL = 'xiaodong.ma@example.cn';
const ADDRESS = '宁夏吴忠市利通区裕民街道明珠路88号';
const REQUEST_TEXT = '利通区2023年城乡居民最低生活保障资金的发放名册及审批文件';

/** The answer to a question like `七加5等于几？` (what a person would work out). */
function solveQuestion(question: string): number {
  const match = /^(.+?)([加减])(.+?)等于几？$/.exec(question.trim());
  const a = parseAnswerNumber(match?.[1] ?? '');
  const b = parseAnswerNumber(match?.[3] ?? '');
  if (!match || a === null || b === null) throw new Error(`cannot read question ${question}`);
  return match[2] === '加' ? a + b : a - b;
}

void describe('public request form rules', () => {
  void it('checks resident ID numbers (GB 11643 check character) and USCC shape', () => {
    assert.equal(isValidResidentId(ID_NUMBER), true);
    assert.equal(isValidResidentId('640302199001011239'), false, 'wrong check character');
    assert.equal(isValidResidentId('640302199002301237'), false, 'no 30 February');
    assert.equal(isValidResidentId('64030219900101123'), false, 'too short');
    assert.equal(isWellFormedUscc('91640300MA76XXXX1X'.replace(/X/g, '1')), true);
    assert.equal(isWellFormedUscc('91640300IO76111111'), false, 'I and O are not in the alphabet');
  });

  void it('needs proof of identity matching the requester type, a contact, and the contact the delivery needs', () => {
    const fields = (v: Parameters<typeof publicFormIssues>[0]): string[] => publicFormIssues(v).map((i) => i.field);
    assert.deepEqual(fields({ requesterType: 'natural', requesterIdKind: 'resident-id', requesterIdNumber: ID_NUMBER, phone: PHONE, deliveryMethod: 'online' }), []);
    assert.deepEqual(fields({ requesterType: 'natural', deliveryMethod: 'post' }), ['requesterIdKind', 'requesterIdNumber', 'phone', 'address']);
    assert.deepEqual(fields({ requesterType: 'natural', requesterIdKind: 'uscc', requesterIdNumber: 'x', email: EMAIL, deliveryMethod: 'email' }), ['requesterIdKind', 'requesterIdNumber']);
    assert.deepEqual(fields({ requesterType: 'business', requesterIdKind: 'uscc', requesterIdNumber: '123', phone: PHONE, deliveryMethod: 'email' }), ['requesterIdNumber', 'email', 'contactName']);
  });
});

type Response = Awaited<ReturnType<GongkaiApp['inject']>>;

describeEachDialect('public request routes', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  const clock = new FixedClock(FILED_AT);
  let ipSerial = 0;

  before(async () => {
    store = await t.open();
    region = await seedRegion(store, clock);
    app = await buildApp(testContext(store, clock), { logger: false });
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  /** A visitor with its own address (rate limits are per address) and cookie jar. */
  function visitor() {
    ipSerial += 1;
    const remoteAddress = `198.51.100.${ipSerial}`;
    const jar = new Map<string, string>();
    const keep = (r: Response): Response => {
      const set = r.headers['set-cookie'];
      for (const line of Array.isArray(set) ? set : set ? [set] : []) {
        const [pair = ''] = line.split(';');
        const eq = pair.indexOf('=');
        if (eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
      return r;
    };
    const cookie = (): string => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    return {
      remoteAddress,
      get: async (url: string) => keep(await app.inject({ url, remoteAddress, headers: { cookie: cookie() } })),
      post: async (url: string, fields: Record<string, string>) =>
        keep(await app.inject({ method: 'POST', url, remoteAddress, headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() })),
    };
  }

  /** The form's hidden fields and question. */
  function formState(body: string): { csrf: string; token: string; question: string } {
    const csrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    const token = /name="humanCheckToken" value="([^"]+)"/.exec(body)?.[1];
    const question = /<span id="human-check-question">([^<]+)<\/span>/.exec(body)?.[1];
    if (!csrf || !token || !question) throw new Error('form state missing');
    return { csrf, token, question };
  }

  function goodFields(organizationId: number): Record<string, string> {
    return {
      organizationId: String(organizationId),
      requesterType: 'natural',
      requesterName: NAME,
      requesterIdKind: 'resident-id',
      requesterIdNumber: ID_NUMBER,
      contactName: '',
      phone: PHONE,
      email: EMAIL,
      address: ADDRESS,
      postcode: '751100',
      informationRequested: REQUEST_TEXT,
      purpose: '',
      deliveryForm: 'electronic',
      deliveryMethod: 'email',
      website: '',
    };
  }

  const caseCount = async (): Promise<number> => Number((await store.db.selectFrom('request_case').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  /** Files a request through the form like a person (waiting 5 s before posting); returns the tracking code. */
  async function fileRequest(overrides: Record<string, string> = {}): Promise<string> {
    const v = visitor();
    const form = await v.get('/requests/new');
    const state = formState(form.body);
    clock.advance(5_000);
    const posted = await v.post('/requests/new', { ...goodFields(region.litongDepartment.id), ...overrides, _csrf: state.csrf, humanCheckToken: state.token, humanCheckAnswer: String(solveQuestion(state.question)) });
    assert.equal(posted.statusCode, 303, posted.body.slice(0, 2000));
    const code = /code=([A-Z0-9-]+)/.exec(String(posted.headers.location))?.[1];
    assert.ok(code);
    return code;
  }

  void it('shows the form: every organization grouped by government, the six requester types, the question, a hidden honeypot', async () => {
    const form = await visitor().get(`/requests/new?org=${region.yanchiDepartment.id}`);
    assert.equal(form.statusCode, 200);
    assert.equal(form.headers['cache-control'], 'no-store');
    for (const org of [region.city, region.cityDepartment, region.litong, region.litongDepartment, region.yanchi]) assert.ok(form.body.includes(`<option value="${org.id}">`) || form.body.includes(`<option value="${org.id}" selected>`), org.name);
    assert.match(form.body, new RegExp(`<option value="${region.yanchiDepartment.id}" selected>\u3000盐池县卫生健康局</option>`));
    assert.match(form.body, /<optgroup label="利通区人民政府"><option value="\d+">利通区人民政府<\/option><option value="\d+">\u3000利通区教育局<\/option><\/optgroup>/);
    for (const type of ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他法人或其他组织']) assert.ok(form.body.includes(`>${type}</option>`), type);
    assert.match(form.body, /<label for="humanCheckAnswer">验证问题：<span id="human-check-question">[^<]+等于几？<\/span>/);
    assert.match(form.body, /aria-hidden="true" style="position:absolute;left:-10000px[^"]*"><label for="website">/);
    assert.match(form.body, /tabindex="-1"/);
  });

  void it('files a request: 303 to the confirmation with the tracking code, the date of receipt and the deadline', async () => {
    const v = visitor();
    const form = await v.get('/requests/new');
    const state = formState(form.body);
    clock.advance(5_000);
    const posted = await v.post('/requests/new', { ...goodFields(region.litongDepartment.id), _csrf: state.csrf, humanCheckToken: state.token, humanCheckAnswer: String(solveQuestion(state.question)) });
    assert.equal(posted.statusCode, 303);
    assert.match(String(posted.headers.location), /^\/requests\/submitted\?code=[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const confirmation = await v.get(String(posted.headers.location));
    assert.equal(confirmation.statusCode, 200);
    const code = /code=(.+)$/.exec(String(posted.headers.location))?.[1] ?? '';
    assert.match(confirmation.body, new RegExp(`<p[^>]*id="tracking-code">${code}</p>`));
    assert.match(confirmation.body, /请务必记下或保存此查询码/);
    assert.match(confirmation.body, /<dt>收到申请日期<\/dt><dd>2024-09-27<\/dd>/);
    // National Day 2024: 09-29 (Sun, worked), 09-30, 10-08 … 10-11, 10-12 (Sat, worked), 10-14 … 10-30.
    assert.match(confirmation.body, /<dd id="reply-due">2024-10-30<\/dd>/);
    assert.match(confirmation.body, /<dd>利通区教育局<\/dd>/);
    assert.equal(confirmation.headers['cache-control'], 'no-store');
    const row = await store.db.selectFrom('request_case').select(['channel', 'received_on', 'requester_name', 'requester_id_number']).where('tracking_code', '=', code).executeTakeFirstOrThrow();
    const ctx = testContext(store, clock);
    // The ID number is stored sealed (src/requests/personal-data-cipher.ts) and opens to what was typed.
    assert.deepEqual({ ...row, requester_id_number: openField(await personalDataKey(ctx.config), row.requester_id_number) }, { channel: 'online', received_on: '2024-09-27', requester_name: NAME, requester_id_number: ID_NUMBER });
  });

  void it('refuses a bad form with Chinese messages next to the fields, keeps the values and writes nothing', async () => {
    const before = await caseCount();
    const v = visitor();
    const state = formState((await v.get('/requests/new')).body);
    clock.advance(5_000);
    const bad = await v.post('/requests/new', {
      ...goodFields(region.litong.id),
      requesterName: '',
      requesterIdNumber: '640302199001011239',
      email: 'not-an-email',
      informationRequested: '',
      _csrf: state.csrf,
      humanCheckToken: state.token,
      humanCheckAnswer: String(solveQuestion(state.question) + 1),
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="requesterName-error">请填写申请人姓名或名称/);
    assert.match(bad.body, /id="requesterIdNumber-error">居民身份证号码不正确/);
    assert.match(bad.body, /id="email-error">电子邮箱格式不正确/);
    assert.match(bad.body, /id="informationRequested-error">请填写/);
    assert.match(bad.body, /id="humanCheckAnswer-error">验证问题回答错误/);
    assert.match(bad.body, /提交的内容有 5 处问题/);
    // Values kept (escaped), a fresh question offered.
    assert.ok(bad.body.includes(`value="${PHONE}"`) && bad.body.includes(`value="${ADDRESS}"`) && bad.body.includes('value="640302199001011239"'));
    assert.match(bad.body, new RegExp(`<option value="${region.litong.id}" selected>`));
    assert.notEqual(formState(bad.body).token, state.token);
    assert.equal(await caseCount(), before);
  });

  void it('refuses a too-fast post, a filled honeypot, a reused token and a post without CSRF token; nothing written', async () => {
    const before = await caseCount();
    const v = visitor();
    const state = formState((await v.get('/requests/new')).body);
    const answer = String(solveQuestion(state.question));
    const fast = await v.post('/requests/new', { ...goodFields(region.litong.id), _csrf: state.csrf, humanCheckToken: state.token, humanCheckAnswer: answer });
    assert.equal(fast.statusCode, 400);
    assert.match(fast.body, /id="humanCheckAnswer-error">提交过快/);
    clock.advance(5_000);
    const honeypot = await v.post('/requests/new', { ...goodFields(region.litong.id), website: 'http://spam.example', _csrf: state.csrf, humanCheckToken: state.token, humanCheckAnswer: answer });
    assert.equal(honeypot.statusCode, 400);
    assert.match(honeypot.body, /id="humanCheckAnswer-error">提交未通过校验/);
    const noCsrf = await v.post('/requests/new', { ...goodFields(region.litong.id), humanCheckToken: state.token, humanCheckAnswer: answer });
    assert.equal(noCsrf.statusCode, 403);
    assert.match(noCsrf.body, /表单已过期/);
    assert.equal(await caseCount(), before);
    // The token solved once files once.
    const first = await v.post('/requests/new', { ...goodFields(region.litong.id), _csrf: state.csrf, humanCheckToken: state.token, humanCheckAnswer: answer });
    assert.equal(first.statusCode, 303);
    const again = await v.post('/requests/new', { ...goodFields(region.litong.id), _csrf: state.csrf, humanCheckToken: state.token, humanCheckAnswer: answer });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /id="humanCheckAnswer-error">该验证问题已使用过/);
    assert.equal(await caseCount(), before + 1);
  });

  void it('rate-limits filing to 5 posts in 10 minutes per address, with a Chinese 429 page', async () => {
    const v = visitor();
    const state = formState((await v.get('/requests/new')).body);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await v.post('/requests/new', { _csrf: state.csrf, humanCheckToken: state.token, humanCheckAnswer: '0' })).statusCode);
    assert.deepEqual(statuses, [400, 400, 400, 400, 400, 429]);
    const limited = await v.post('/requests/new', { _csrf: state.csrf });
    assert.equal(limited.statusCode, 429);
    assert.match(String(limited.headers['content-type']), /text\/html/);
    assert.match(limited.body, /请求过于频繁，请稍后再试/);
    // Another address is not affected.
    assert.equal((await visitor().post('/requests/new', { _csrf: 'x' })).statusCode, 403);
  });

  void it('tracking shows status, dates, the deadline with how it was computed, the timeline and the outcome; never personal data', async () => {
    const code = await fileRequest();
    const v = visitor();
    const open = await v.get(`/requests/track?code=${code.toLowerCase().replace(/-/g, '')}`);
    assert.equal(open.statusCode, 200);
    assert.match(open.body, /<dd id="status">办理中<\/dd>/);
    assert.match(open.body, /<strong id="final-due">2024-10-30<\/strong>/);
    assert.match(open.body, /<td>2024-10-01<\/td><td>星期二<\/td><td>法定节假日（不计入）<\/td><td>国庆节<\/td>/);
    assert.match(open.body, /<a href="\/calendar\/2024">/);

    // Staff consult a third party, extend and answer (dated events; the clock moves to 2024-11-13).
    clock.advance(Date.parse('2024-11-13T02:00:00Z') - clock.now().getTime());
    const ctx = testContext(store, clock);
    const id = Number((await store.db.selectFrom('request_case').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id);
    const staff = systemActor('test');
    await recordEvent(ctx, staff, id, { kind: 'consultation-sent', on: '2024-09-30', party: 'third-party', partyName: '宁夏银川某某建设工程有限公司' });
    await recordEvent(ctx, staff, id, { kind: 'consultation-answered', on: '2024-10-10', consultation: 2, opinion: 'consent' });
    await recordEvent(ctx, staff, id, { kind: 'extension-approved', on: '2024-10-30', workingDays: 10, reason: '需调取马晓东家庭档案', approvedBy: '王建国', noticeOn: '2024-10-30' });
    await recordEvent(ctx, staff, id, { kind: 'answered', on: '2024-11-12', outcome: 'disclosed' });

    const page = await v.get(`/requests/track?code=${code}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<dd id="status">已答复（待送达）<\/dd>/);
    assert.match(page.body, /<dd id="outcome">予以公开（2024-11-12）<\/dd>/);
    // Excluded 10-01..10-10 (10-08, 10-09, 10-10 working): 09-29 1, 09-30 2, 10-11 3, 10-12 4, 10-14 … 10-18 5–9,
    // 10-21 … 10-25 10–14, 10-28 … 11-01 15–19, 11-04 20. Extension of 10: 11-05 … 11-08, 11-11 … 11-15, 11-18.
    assert.match(page.body, /<strong id="final-due">2024-11-18<\/strong>（原答复期限 2024-11-04，已依法延长）/);
    assert.match(page.body, /<td>2024-10-01<\/td><td>2024-10-10<\/td><td>征求第三方意见<\/td><td>3<\/td>/);
    assert.match(page.body, /<li><time datetime="2024-09-27">2024-09-27<\/time> 收到申请<\/li>/);
    assert.match(page.body, /<li><time datetime="2024-10-30">2024-10-30<\/time> 批准延长答复期限<\/li>/);
    for (const secret of [NAME, '马晓东', ID_NUMBER, PHONE, EMAIL, ADDRESS, REQUEST_TEXT, '宁夏银川某某建设工程有限公司', '王建国', '需调取']) assert.ok(!page.body.includes(secret), `the tracking page shows ${secret}`);
    assert.match(page.body, /noindex/);

    const api = await app.inject({ url: `/api/requests/track/${code}`, remoteAddress: v.remoteAddress });
    assert.equal(api.statusCode, 200);
    const body = api.json<{ status: string; outcome: string; replyDue: string; finalDue: string; timeline: { kind: string }[] }>();
    assert.deepEqual([body.status, body.outcome, body.replyDue, body.finalDue], ['answered', 'disclosed', '2024-11-04', '2024-11-18']);
    assert.deepEqual(body.timeline.map((e) => e.kind), ['received', 'consultation-sent', 'consultation-answered', 'extension-approved', 'answered']);
    for (const secret of [NAME, ID_NUMBER, PHONE, EMAIL, ADDRESS, REQUEST_TEXT, '宁夏银川某某建设工程有限公司', '王建国', '需调取']) assert.ok(!api.body.includes(secret), `the API shows ${secret}`);
    clock.advance(Date.parse(FILED_AT) - clock.now().getTime());
  });

  void it('an unknown or malformed code gets the same friendly 未找到 (page 404, API 404 NOT_FOUND)', async () => {
    const v = visitor();
    for (const code of ['ABCD-EFGH-JKLM', 'abc', '<script>']) {
      const page = await v.get(`/requests/track?code=${encodeURIComponent(code)}`);
      assert.equal(page.statusCode, 404, code);
      assert.match(page.body, /未找到与该查询码对应的申请/);
      const api = await app.inject({ url: `/api/requests/track/${encodeURIComponent(code)}`, remoteAddress: v.remoteAddress });
      assert.deepEqual([api.statusCode, api.json<{ error: { code: string } }>().error.code], [404, 'NOT_FOUND']);
    }
    assert.ok(!(await v.get('/requests/track?code=%3Cscript%3E')).body.includes('<script>'));
    const blank = await v.get('/requests/track');
    assert.equal(blank.statusCode, 200);
    assert.match(blank.body, /<label for="code">查询码<\/label>/);
  });

  void it('keeps the human-check secret in the setting table: created once, the same for every process and restart', async () => {
    const secret = await humanCheckSecret({ store });
    assert.match(secret, /^[0-9a-f]{64}$/);
    // What another process (or this one after a restart) reads: the stored value, not a new one.
    assert.equal(await readOrCreateSetting(store.db, HUMAN_CHECK_SECRET_KEY, 'another'), secret);
    const row = await store.db.selectFrom('setting').select('value').where('key', '=', HUMAN_CHECK_SECRET_KEY).executeTakeFirstOrThrow();
    assert.equal(row.value, JSON.stringify(secret));
    assert.equal(await readOrCreateSetting(store.db, 'test.fresh', 'first'), 'first');
    assert.equal(await readOrCreateSetting(store.db, 'test.fresh', 'second'), 'first');
  });

  void it('rate-limits lookups to 30 a minute per address', async () => {
    const v = visitor();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) statuses.push((await v.get('/requests/track?code=ABCD-EFGH-JKLM')).statusCode);
    assert.deepEqual([statuses.slice(0, 30).every((s) => s === 404), statuses[30]], [true, 429]);
    const api = visitor();
    const apiStatuses: number[] = [];
    for (let i = 0; i < 31; i += 1) apiStatuses.push((await app.inject({ url: '/api/requests/track/ABCD-EFGH-JKLM', remoteAddress: api.remoteAddress })).statusCode);
    assert.equal(apiStatuses[30], 429);
  });
});
