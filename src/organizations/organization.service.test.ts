import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { systemActor } from '../auth/actor.ts';
import { countAuditEvents, selectAuditEvents } from '../audit/audit.repository.ts';
import type { Store } from '../db/dialect.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { actorForUser } from '../auth/session.service.ts';
import { createTestUser, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { createOrganization, findOrganizationByCode, getOrganization, getSubtree, listOrganizations, updateOrganization } from './organization.service.ts';
import { sortAsTree, validateOrganizationFields } from './organization.ts';

const SYSTEM = systemActor('test');

void it('validateOrganizationFields names each bad field', () => {
  const issues = validateOrganizationFields({ name: '', divisionCode: '990300', organizationCode: 'ab', indexNumberTemplate: '{orgcode}', ogiOffice: { email: 'x', postcode: '7511', website: 'ftp://x' } });
  assert.deepEqual(
    issues.map((i) => i.field),
    ['name', 'divisionCode', 'organizationCode', 'indexNumberTemplate', 'ogiOffice.email', 'ogiOffice.website', 'ogiOffice.postcode'],
  );
  assert.deepEqual(validateOrganizationFields({ divisionCode: '640323', organizationCode: '91640300MA76ABCD1X', indexNumberTemplate: '{orgcode}-{yyyy}{mm}-{nnnnnn}' }), []);
  assert.deepEqual(validateOrganizationFields({ organizationCode: '64030003-2' }), []);
});

describeEachDialect('organization service', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SeededRegion;
  const clock = new FixedClock('2026-11-30T02:00:00Z');

  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
  });
  after(() => t.close(store));

  void it('creates the tree with materialized paths and lists it in tree order', async () => {
    const { city, cityDepartment, litong, litongDepartment, yanchi, yanchiDepartment } = region;
    assert.equal(city.path, `/${city.id}/`);
    assert.equal(litongDepartment.path, `/${city.id}/${litong.id}/${litongDepartment.id}/`);
    const list = await listOrganizations(ctx, { kind: 'public' });
    // Governments before departments among siblings, each parent followed by its subtree.
    assert.deepEqual(list.slice(0, 6).map((o) => o.id), [city.id, litong.id, litongDepartment.id, yanchi.id, yanchiDepartment.id, cityDepartment.id]);
    const subtree = await getSubtree(ctx, { kind: 'public' }, litong.id);
    assert.deepEqual(subtree.map((o) => o.name), ['利通区人民政府', '利通区教育局']);
    const found = await findOrganizationByCode(ctx, { kind: 'public' }, '640323000');
    assert.equal(found?.id, yanchi.id);
    assert.equal(await findOrganizationByCode(ctx, { kind: 'public' }, 'nope-000'), null);
    const full = await getOrganization(ctx, { kind: 'public' }, city.id);
    assert.equal(full.ogiOffice.postcode, '751100');
    assert.equal(full.ogiOffice.fax, '');
  });

  void it('an org_admin creates below their subtree only; only a global grant creates a root', async () => {
    const { user } = await createTestUser(store, clock, { role: 'org_admin', organizationId: region.litong.id });
    const admin = actorForUser(user);
    const town = await createOrganization(ctx, admin, { parentId: region.litong.id, name: '金银滩镇人民政府', kind: 'government', level: 'township', divisionCode: '640302', organizationCode: '640302100' });
    assert.equal(town.path, `${region.litong.path}${town.id}/`);
    await assert.rejects(
      createOrganization(ctx, admin, { parentId: region.yanchi.id, name: 'X', kind: 'department', level: 'county', organizationCode: 'X-640323-9' }),
      (e) => isGongkaiError(e, 'FORBIDDEN'),
    );
    await assert.rejects(createOrganization(ctx, admin, { parentId: null, name: 'Y', kind: 'government', level: 'city', organizationCode: 'Y-640000-9' }), (e) => isGongkaiError(e, 'FORBIDDEN'));
    await assert.rejects(
      createOrganization(ctx, { kind: 'public' }, { parentId: region.litong.id, name: 'Z', kind: 'department', level: 'county', organizationCode: 'Z-640302-9' }),
      (e) => isGongkaiError(e, 'UNAUTHENTICATED'),
    );
  });

  void it('refuses bad fields, a duplicate code and unknown references, writing nothing', async () => {
    const auditBefore = await countAuditEvents(store.db);
    const orgsBefore = (await listOrganizations(ctx, SYSTEM)).length;
    await assert.rejects(
      createOrganization(ctx, SYSTEM, { parentId: region.city.id, name: '重复', kind: 'department', level: 'city', organizationCode: '640300101' }),
      (e) => isGongkaiError(e, 'VALIDATION_FAILED') && e.issues[0]?.field === 'organizationCode' && e.issues[0].messageZh.includes('吴忠市财政局'),
    );
    await assert.rejects(
      createOrganization(ctx, SYSTEM, { parentId: region.city.id, name: '坏代码', kind: 'department', level: 'city', divisionCode: '64030', organizationCode: '640300199' }),
      (e) => isGongkaiError(e, 'VALIDATION_FAILED') && e.issues.some((i) => i.field === 'divisionCode'),
    );
    await assert.rejects(createOrganization(ctx, SYSTEM, { parentId: 9999, name: '无上级', kind: 'department', level: 'city', organizationCode: '640300198' }), (e) => isGongkaiError(e, 'ORGANIZATION_UNKNOWN'));
    await assert.rejects(
      createOrganization(ctx, SYSTEM, { parentId: region.city.id, name: '无主管', kind: 'department', level: 'city', organizationCode: '640300197', competentDepartmentId: 9999 }),
      (e) => isGongkaiError(e, 'ORGANIZATION_UNKNOWN') && e.issues[0]?.field === 'competentDepartmentId',
    );
    assert.equal(await countAuditEvents(store.db), auditBefore);
    assert.equal((await listOrganizations(ctx, SYSTEM)).length, orgsBefore);
  });

  void it('re-parenting moves the whole subtree in one change and writes one audit event with before/after', async () => {
    const mover = await createOrganization(ctx, SYSTEM, { parentId: region.yanchi.id, name: '盐池县花马池镇人民政府', kind: 'government', level: 'township', organizationCode: '640323100' });
    const child = await createOrganization(ctx, SYSTEM, { parentId: mover.id, name: '花马池镇某站', kind: 'other', level: 'township', organizationCode: '640323101-1' });
    const grandchild = await createOrganization(ctx, SYSTEM, { parentId: child.id, name: '某站分站', kind: 'other', level: 'township', organizationCode: '640323101-2' });
    const auditBefore = await countAuditEvents(store.db);
    const moved = await updateOrganization(ctx, SYSTEM, mover.id, { parentId: region.litong.id, shortName: '花马池镇' });
    assert.equal(moved.path, `${region.litong.path}${mover.id}/`);
    assert.equal(moved.shortName, '花马池镇');
    assert.equal((await getOrganization(ctx, SYSTEM, child.id)).path, `${region.litong.path}${mover.id}/${child.id}/`);
    assert.equal((await getOrganization(ctx, SYSTEM, grandchild.id)).path, `${region.litong.path}${mover.id}/${child.id}/${grandchild.id}/`);
    assert.equal((await getOrganization(ctx, SYSTEM, region.yanchi.id)).path, region.yanchi.path);
    assert.equal(await countAuditEvents(store.db), auditBefore + 1);
    const [event] = await selectAuditEvents(store.db, { rootPaths: null, entityType: 'organization', entityId: String(mover.id), limit: 1 });
    assert.equal(event?.action, 'organization.update');
    assert.equal((event?.before as { path: string }).path, `${region.yanchi.path}${mover.id}/`);
    assert.equal((event?.after as { path: string }).path, moved.path);

    // Below itself or its own descendant: a cycle, refused, nothing changed.
    for (const parentId of [mover.id, grandchild.id]) {
      await assert.rejects(updateOrganization(ctx, SYSTEM, mover.id, { parentId }), (e) => isGongkaiError(e, 'ORGANIZATION_TREE_INVALID') && e.status === 409);
    }
    assert.equal((await getOrganization(ctx, SYSTEM, grandchild.id)).path, `${region.litong.path}${mover.id}/${child.id}/${grandchild.id}/`);
    assert.equal(await countAuditEvents(store.db), auditBefore + 1);

    // Back to a root (system only), then the whole subtree follows.
    const root = await updateOrganization(ctx, SYSTEM, mover.id, { parentId: null });
    assert.equal(root.path, `/${mover.id}/`);
    assert.equal((await getOrganization(ctx, SYSTEM, grandchild.id)).path, `/${mover.id}/${child.id}/${grandchild.id}/`);
  });

  void it('an org_admin may edit inside the subtree but not move an organization out of it', async () => {
    const { user } = await createTestUser(store, clock, { role: 'org_admin', organizationId: region.yanchi.id });
    const admin = actorForUser(user);
    const updated = await updateOrganization(ctx, admin, region.yanchiDepartment.id, { ogiOffice: { phone: ' 0953-6012345 ', email: 'gk@yanchi.example.cn' } });
    assert.equal(updated.ogiOffice.phone, '0953-6012345');
    assert.equal(updated.ogiOffice.email, 'gk@yanchi.example.cn');
    await assert.rejects(updateOrganization(ctx, admin, region.yanchiDepartment.id, { parentId: region.litong.id }), (e) => isGongkaiError(e, 'FORBIDDEN'));
    await assert.rejects(updateOrganization(ctx, admin, region.litong.id, { name: '改名' }), (e) => isGongkaiError(e, 'FORBIDDEN'));
    await assert.rejects(updateOrganization(ctx, admin, 99999, { name: '无' }), (e) => isGongkaiError(e, 'NOT_FOUND'));
  });
});

void it('sortAsTree keeps each parent before its subtree even when ids sort differently as text', () => {
  const org = (id: number, parentId: number | null, path: string) =>
    ({ id, parentId, path, name: String(id), shortName: null, kind: 'department', level: 'county', divisionCode: null, organizationCode: `c${id}xxxx`, competentDepartmentId: null, ogiOffice: { name: '', address: '', officeHours: '', phone: '', fax: '', email: '', website: '', postcode: '' }, indexNumberTemplate: null, createdAt: '', updatedAt: '' }) as const;
  const sorted = sortAsTree([org(10, 1, '/1/10/'), org(2, 1, '/1/2/'), org(1, null, '/1/'), org(11, 10, '/1/10/11/')]);
  assert.deepEqual(sorted.map((o) => o.id), [1, 2, 10, 11]);
});
