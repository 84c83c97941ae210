import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { systemActor } from '../auth/actor.ts';
import type { Actor } from '../auth/actor.ts';
import { actorForUser } from '../auth/session.service.ts';
import type { Store } from '../db/dialect.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { createTestUser, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { recordAudit } from './audit.ts';
import { getAuditEvent, listAuditEvents } from './audit.service.ts';

describeEachDialect('audit service', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SeededRegion;
  let litongAuditor: Actor;
  let sysAdmin: Actor;
  let globalEventId: number;
  const clock = new FixedClock('2026-11-30T02:00:00Z');

  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
    litongAuditor = actorForUser((await createTestUser(store, clock, { role: 'auditor', organizationId: region.litong.id })).user);
    sysAdmin = actorForUser((await createTestUser(store, clock, { role: 'system_admin' })).user);
    globalEventId = await recordAudit(store.db, systemActor('test'), clock, { action: 'settings.update', entityType: 'setting', entityId: 'site', organizationId: null, after: { x: 1 } });
  });
  after(() => t.close(store));

  void it('an auditor sees only events of organizations in their subtree, never global ones', async () => {
    const events = await listAuditEvents(ctx, litongAuditor, { limit: 200 });
    const orgIds = new Set(events.map((e) => e.organizationId));
    assert.deepEqual([...orgIds].sort(), [region.litong.id, region.litongDepartment.id].sort());
    // The seed wrote one organization.create for each, plus the auditor's own user.create (filed under 利通区).
    assert.deepEqual(events.map((e) => e.action).sort(), ['organization.create', 'organization.create', 'user.create']);
    await assert.rejects(getAuditEvent(ctx, litongAuditor, globalEventId), (e) => isGongkaiError(e, 'NOT_FOUND'));
  });

  void it('a system_admin sees everything, global events included, with parsed before/after', async () => {
    const event = await getAuditEvent(ctx, sysAdmin, globalEventId);
    assert.deepEqual([event.actorLabel, event.action, event.organizationName, event.before, event.after], ['system:test', 'settings.update', null, null, { x: 1 }]);
    const cityEvents = await listAuditEvents(ctx, sysAdmin, { organizationId: region.city.id, entityType: 'organization' });
    assert.equal(cityEvents.length, 1);
    assert.equal(cityEvents[0]?.organizationName, '吴忠市人民政府');
  });

  void it('pages newest first with a before cursor, and refuses a limit over 200', async () => {
    const all = await listAuditEvents(ctx, sysAdmin, { limit: 200 });
    const first = await listAuditEvents(ctx, sysAdmin, { limit: 3 });
    const second = await listAuditEvents(ctx, sysAdmin, { limit: 3, before: first[2]?.id ?? 0 });
    assert.deepEqual([...first, ...second].map((e) => e.id), all.slice(0, 6).map((e) => e.id));
    assert.ok((first[0]?.id ?? 0) > (first[1]?.id ?? 0));
    await assert.rejects(listAuditEvents(ctx, sysAdmin, { limit: 201 }), (e) => isGongkaiError(e, 'VALIDATION_FAILED'));
  });

  void it('editors and the public may not read the log', async () => {
    const editor = actorForUser((await createTestUser(store, clock, { role: 'editor', organizationId: region.city.id })).user);
    await assert.rejects(listAuditEvents(ctx, editor), (e) => isGongkaiError(e, 'FORBIDDEN'));
    await assert.rejects(listAuditEvents(ctx, { kind: 'public' }), (e) => isGongkaiError(e, 'UNAUTHENTICATED'));
  });
});
