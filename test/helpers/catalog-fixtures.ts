/**
 * Test data for the catalog's own tests: the seeded region plus 吴忠市人民政府办公室 (organization code
 * 640300032, the default index-number template) and an organization with a `{mm}` template, an
 * editor and an approver over the whole city, and a valid draft input with overrides.
 */
import { sql } from 'kysely';
import type { Actor } from '../../src/auth/actor.ts';
import { systemActor } from '../../src/auth/actor.ts';
import { actorForUser } from '../../src/auth/session.service.ts';
import type { User } from '../../src/auth/user.ts';
import type { CatalogItemRawInput } from '../../src/catalog/catalog-item.schema.ts';
import type { Store } from '../../src/db/dialect.ts';
import { createOrganization } from '../../src/organizations/organization.service.ts';
import type { Clock } from '../../src/shared/clock.ts';
import type { ServiceContext } from '../../src/shared/service-context.ts';
import type { SeededOrganization, SeededRegion } from './factories.ts';
import { createTestUser, seedRegion, testContext } from './factories.ts';

/** The catalog test world. */
export interface CatalogWorld {
  ctx: ServiceContext;
  region: SeededRegion;
  /** 吴忠市人民政府办公室, code 640300032, below the city; default template. */
  office: SeededOrganization;
  /** 吴忠市统计局, code 640300033, template `{orgcode}/{yyyy}{mm}-{nnnn}`. */
  monthly: SeededOrganization;
  editorUser: User;
  approverUser: User;
  editor: Actor;
  approver: Actor;
  /** An editor of 盐池县 only (outside 利通区 and the city's own departments). */
  yanchiEditor: Actor;
}

/** Builds the world on a fresh store. */
export async function catalogWorld(store: Store, clock: Clock, ctx: ServiceContext = testContext(store, clock)): Promise<CatalogWorld> {
  const region = await seedRegion(store, clock);
  const seed = systemActor('test-seed');
  const office = await createOrganization(ctx, seed, { parentId: region.city.id, name: '吴忠市人民政府办公室', kind: 'department', level: 'city', organizationCode: '640300032' });
  const monthly = await createOrganization(ctx, seed, { parentId: region.city.id, name: '吴忠市统计局', kind: 'department', level: 'city', organizationCode: '640300033', indexNumberTemplate: '{orgcode}/{yyyy}{mm}-{nnnn}' });
  const editorUser = (await createTestUser(store, clock, { role: 'editor', organizationId: region.city.id })).user;
  const approverUser = (await createTestUser(store, clock, { role: 'approver', organizationId: region.city.id })).user;
  const yanchiUser = (await createTestUser(store, clock, { role: 'editor', organizationId: region.yanchi.id })).user;
  const pick = (o: { id: number; path: string; name: string; organizationCode: string }): SeededOrganization => ({ id: o.id, path: o.path, name: o.name, organizationCode: o.organizationCode });
  return {
    ctx,
    region,
    office: pick(office),
    monthly: pick(monthly),
    editorUser,
    approverUser,
    editor: actorForUser(editorUser),
    approver: actorForUser(approverUser),
    yanchiEditor: actorForUser(yanchiUser),
  };
}

/** A valid draft input for `organizationId` (created 2026-11-02), with overrides. */
export function draftInput(organizationId: number, overrides: Partial<Record<keyof CatalogItemRawInput, unknown>> = {}): Record<string, unknown> {
  return {
    organizationId,
    title: '关于做好2026年政府信息公开工作的通知',
    summary: '部署本年度政府信息公开重点工作。',
    documentNumber: '吴政办发〔2026〕19号',
    issuingAgency: '吴忠市人民政府办公室',
    creationDate: '2026-11-02',
    subjectCategory: 'art20-01',
    genre: 'notice',
    keywords: ['政府信息公开', '通知'],
    bodyHtml: '<p>各县（市、区）人民政府：</p><p>现将有关事项通知如下。</p>',
    ...overrides,
  };
}

/** Row counts of the tables a catalog change writes. */
export async function catalogCounts(store: Store): Promise<{ items: number; audits: number; attachments: number; links: number }> {
  const count = async (table: 'catalog_item' | 'audit_event' | 'attachment' | 'interpretation_link'): Promise<number> =>
    Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { items: await count('catalog_item'), audits: await count('audit_event'), attachments: await count('attachment'), links: await count('interpretation_link') };
}

/** The actions of the audit events recorded for an item, in order. */
export async function itemAuditActions(store: Store, itemId: number): Promise<string[]> {
  const rows = await store.db.selectFrom('audit_event').select('action').where('entity_type', '=', 'catalog_item').where('entity_id', '=', String(itemId)).orderBy('id').execute();
  return rows.map((r) => r.action);
}

let orgSerial = 100;

/**
 * A fresh organization below the city (so a test has its own index-number sequence and lists), with
 * a unique well-formed organization code `6403009NN` unless `code` is given.
 */
export async function freshOrganization(w: CatalogWorld, options: { code?: string; template?: string; name?: string } = {}): Promise<SeededOrganization> {
  orgSerial += 1;
  const code = options.code ?? `640309${String(orgSerial).padStart(3, '0')}`;
  const org = await createOrganization(w.ctx, systemActor('test-seed'), {
    parentId: w.region.city.id,
    name: options.name ?? `测试机构${orgSerial}`,
    kind: 'department',
    level: 'city',
    organizationCode: code,
    ...(options.template !== undefined ? { indexNumberTemplate: options.template } : {}),
  });
  return { id: org.id, path: org.path, name: org.name, organizationCode: org.organizationCode };
}

/** Whether an item has a row in the search table (test-only peek; the key column differs by dialect). */
export async function isIndexed(store: Store, itemId: number): Promise<boolean> {
  const key = store.dialect === 'postgres' ? sql`item_id` : sql`rowid`;
  const result = await sql<{ n: number }>`select count(*) as n from catalog_search where ${key} = ${itemId}`.execute(store.db);
  return Number(result.rows[0]?.n ?? 0) > 0;
}
