import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';
import { createTestUser, loginCookie, loginToken, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';

type ErrorBody = { error: { code: string; issues?: { field: string }[] } };
type OrgBody = { id: number; path: string; depth: number; name: string; ogiOffice: Record<string, string> };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describeEachDialect('organization routes', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  let sysAuth: { authorization: string };
  let adminAuth: { authorization: string };
  const clock = new FixedClock('2026-11-30T02:00:00Z');

  before(async () => {
    store = await t.open();
    region = await seedRegion(store, clock);
    app = await buildApp(testContext(store, clock), { logger: false });
    const sys = await createTestUser(store, clock, { role: 'system_admin' });
    const admin = await createTestUser(store, clock, { role: 'org_admin', organizationId: region.yanchi.id });
    sysAuth = { authorization: `Bearer ${await loginToken(store, sys.user.username, sys.password, clock)}` };
    adminAuth = { authorization: `Bearer ${await loginToken(store, admin.user.username, admin.password, clock)}` };
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  void it('GET /api/organizations is public and in tree order; GET /:id gives 404 NOT_FOUND for an unknown id', async () => {
    const list = await app.inject({ url: '/api/organizations' });
    assert.equal(list.statusCode, 200);
    const orgs = list.json<{ organizations: OrgBody[] }>().organizations;
    assert.deepEqual(orgs.map((o) => [o.name, o.depth]), [
      ['吴忠市人民政府', 0],
      ['利通区人民政府', 1],
      ['利通区教育局', 2],
      ['盐池县人民政府', 1],
      ['盐池县卫生健康局', 2],
      ['吴忠市财政局', 1],
    ]);
    const one = await app.inject({ url: `/api/organizations/${region.city.id}` });
    assert.equal(one.json<OrgBody>().ogiOffice['phone'], '0953-2021234');
    const missing = await app.inject({ url: '/api/organizations/9999' });
    assert.deepEqual([missing.statusCode, missing.json<ErrorBody>().error.code], [404, 'NOT_FOUND']);
  });

  void it('POST /api/organizations: 401 anonymous, 403 outside the subtree or a root, 400 invalid division code, 201 below the subtree', async () => {
    const body = { parentId: region.yanchi.id, name: '盐池县花马池镇人民政府', kind: 'government', level: 'township', divisionCode: '640323', organizationCode: '640323100' };
    const anon = await app.inject({ method: 'POST', url: '/api/organizations', payload: body });
    assert.deepEqual([anon.statusCode, anon.json<ErrorBody>().error.code], [401, 'UNAUTHENTICATED']);
    const outside = await app.inject({ method: 'POST', url: '/api/organizations', headers: adminAuth, payload: { ...body, parentId: region.litong.id } });
    assert.deepEqual([outside.statusCode, outside.json<ErrorBody>().error.code], [403, 'FORBIDDEN']);
    const root = await app.inject({ method: 'POST', url: '/api/organizations', headers: adminAuth, payload: { ...body, parentId: null } });
    assert.equal(root.statusCode, 403);
    const invalid = await app.inject({ method: 'POST', url: '/api/organizations', headers: adminAuth, payload: { ...body, divisionCode: '000000' } });
    assert.equal(invalid.statusCode, 400);
    assert.deepEqual(invalid.json<ErrorBody>().error.issues?.map((i) => i.field), ['divisionCode']);
    const created = await app.inject({ method: 'POST', url: '/api/organizations', headers: adminAuth, payload: body });
    assert.equal(created.statusCode, 201);
    assert.equal(created.json<OrgBody>().path, `${region.yanchi.path}${created.json<OrgBody>().id}/`);
  });

  void it('PATCH /api/organizations/:id moves a subtree and answers 409 ORGANIZATION_TREE_INVALID for a cycle', async () => {
    const cycle = await app.inject({ method: 'PATCH', url: `/api/organizations/${region.litong.id}`, headers: sysAuth, payload: { parentId: region.litongDepartment.id } });
    assert.deepEqual([cycle.statusCode, cycle.json<ErrorBody>().error.code], [409, 'ORGANIZATION_TREE_INVALID']);
    const moved = await app.inject({ method: 'PATCH', url: `/api/organizations/${region.cityDepartment.id}`, headers: sysAuth, payload: { parentId: region.litong.id } });
    assert.equal(moved.statusCode, 200);
    assert.equal(moved.json<OrgBody>().path, `${region.litong.path}${region.cityDepartment.id}/`);
    const back = await app.inject({ method: 'PATCH', url: `/api/organizations/${region.cityDepartment.id}`, headers: sysAuth, payload: { parentId: region.city.id } });
    assert.equal(back.json<OrgBody>().path, region.cityDepartment.path);
  });

  void it('public OGI guide pages: the tree with links, and one guide with catalog and feed links', async () => {
    const tree = await app.inject({ url: '/organizations' });
    assert.equal(tree.statusCode, 200);
    assert.match(tree.body, new RegExp(`<li><a href="/organizations/${region.litong.id}">利通区人民政府</a><ul><li><a href="/organizations/${region.litongDepartment.id}">利通区教育局</a></li></ul></li>`));
    const guide = await app.inject({ url: `/organizations/${region.litongDepartment.id}` });
    assert.equal(guide.statusCode, 200);
    assert.match(guide.body, /<h1>利通区教育局政府信息公开指南<\/h1>/);
    assert.match(guide.body, new RegExp(`<a href="/catalog\\?org=${region.litongDepartment.id}">`));
    assert.match(guide.body, new RegExp(`<a href="/feeds/${region.litongDepartment.id}.atom">`));
    assert.match(guide.body, new RegExp(`<dt>政府信息公开工作主管部门</dt><dd><a href="/organizations/${region.litong.id}">利通区人民政府</a>`));
    assert.equal((await app.inject({ url: '/organizations/9999' })).statusCode, 404);
  });

  void it('console: indented tree, create form with Chinese field errors (nothing written), edit form saves', async () => {
    const sys = await createTestUser(store, clock, { role: 'system_admin' });
    const { cookie, csrfToken } = await loginCookie(app, sys.user.username, sys.password);
    const post = (url: string, fields: Record<string, string>) => app.inject({ method: 'POST', url, headers: { ...FORM, cookie }, payload: new URLSearchParams({ _csrf: csrfToken, ...fields }).toString() });
    const list = await app.inject({ url: '/console/organizations', headers: { cookie } });
    assert.match(list.body, /<th scope="row" style="padding-left:56px"><a href="\/console\/organizations\/\d+">利通区教育局<\/a><\/th>/);

    const fields = { parentId: String(region.litong.id), name: '利通区财政局', kind: 'department', level: 'county', divisionCode: '640302', organizationCode: '640302102', competentDepartmentId: String(region.litong.id), office_postcode: '75110', office_email: '' };
    const countBefore = (await app.inject({ url: '/api/organizations' })).json<{ organizations: unknown[] }>().organizations.length;
    const invalid = await post('/console/organizations', fields);
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /<a href="#office_postcode">邮政编码<\/a>：邮政编码应为 6 位数字/);
    assert.equal((await app.inject({ url: '/api/organizations' })).json<{ organizations: unknown[] }>().organizations.length, countBefore);

    const created = await post('/console/organizations', { ...fields, office_postcode: '751100' });
    assert.equal(created.statusCode, 303);
    const location = String(created.headers.location);
    const id = /\/console\/organizations\/(\d+)\?created=1$/.exec(location)?.[1];
    assert.ok(id);
    const edit = await app.inject({ url: location, headers: { cookie } });
    assert.match(edit.body, /机构已创建/);
    const saved = await post(`/console/organizations/${id}`, { ...fields, name: '利通区财政局（改）', office_postcode: '751100', office_phone: '0953-1234567' });
    assert.equal(saved.headers.location, `/console/organizations/${id}?saved=1`);
    const after = (await app.inject({ url: `/api/organizations/${id}` })).json<OrgBody>();
    assert.deepEqual([after.name, after.ogiOffice['phone'], after.ogiOffice['postcode']], ['利通区财政局（改）', '0953-1234567', '751100']);
  });
});
