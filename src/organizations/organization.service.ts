/**
 * Organizations: creating and changing the region's tree, and reading it (public: the OGI guide,
 * 2019 art. 12). Each method checks permission first (src/auth/policy.ts) and audits every change
 * in the same transaction.
 */
import { recordAudit } from '../audit/audit.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import type { Db } from '../db/database.ts';
import { nowIso } from '../shared/clock.ts';
import { GongkaiError, validationFailed } from '../shared/errors.ts';
import type { ErrorIssue } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import {
  findOrganizationById,
  findOrganizationRowByCode,
  insertOrganization,
  rewriteSubtreePaths,
  selectAllOrganizations,
  selectSubtree,
  updateOrganizationRow,
} from './organization.repository.ts';
import type { OrganizationValues } from './organization.repository.ts';
import { emptyOgiOffice, OGI_OFFICE_FIELDS, sortAsTree, validateOrganizationFields } from './organization.ts';
import type { OgiOffice, Organization, OrganizationInput, OrganizationPatch } from './organization.ts';

/** The target path that stands for "above every organization": only global grants cover it. */
const TREE_ROOT_TARGET = '/';

function unknownOrganization(field: string, id: number): GongkaiError {
  return new GongkaiError('ORGANIZATION_UNKNOWN', `${field} ${id}`, {
    issues: [{ field, message: `organization ${id} does not exist`, messageZh: `机构 ${id} 不存在` }],
  });
}

function trimOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Applies a patch to stored values, normalizing blank optional text to null. */
function mergeValues(base: OrganizationValues, patch: OrganizationPatch): OrganizationValues {
  return {
    parentId: patch.parentId !== undefined ? patch.parentId : base.parentId,
    name: patch.name !== undefined ? patch.name.trim() : base.name,
    shortName: patch.shortName !== undefined ? trimOrNull(patch.shortName) : base.shortName,
    kind: patch.kind ?? base.kind,
    level: patch.level ?? base.level,
    divisionCode: patch.divisionCode !== undefined ? trimOrNull(patch.divisionCode) : base.divisionCode,
    organizationCode: patch.organizationCode !== undefined ? patch.organizationCode.trim() : base.organizationCode,
    competentDepartmentId: patch.competentDepartmentId !== undefined ? patch.competentDepartmentId : base.competentDepartmentId,
    ogiOffice: patch.ogiOffice !== undefined ? { ...emptyOgiOffice(), ...trimOffice(patch.ogiOffice) } : base.ogiOffice,
    indexNumberTemplate: patch.indexNumberTemplate !== undefined ? trimOrNull(patch.indexNumberTemplate) : base.indexNumberTemplate,
  };
}

/** Only the known office fields, trimmed (unknown keys never reach the stored JSON). */
function trimOffice(office: NonNullable<OrganizationInput['ogiOffice']>): Partial<OgiOffice> {
  const out: Partial<OgiOffice> = {};
  for (const { key } of OGI_OFFICE_FIELDS) {
    const value = office[key];
    if (value !== undefined) out[key] = value.trim();
  }
  return out;
}

/** Field formats, code uniqueness and the competent department's existence; throws on the first batch of problems. */
async function checkValues(db: Db, values: OrganizationValues, selfId: number | null): Promise<void> {
  const issues: ErrorIssue[] = validateOrganizationFields(values);
  if (issues.length === 0) {
    const holder = await findOrganizationRowByCode(db, values.organizationCode);
    if (holder && holder.id !== selfId) {
      issues.push({ field: 'organizationCode', message: `organizationCode is already used by ${holder.name}`, messageZh: `机构代码已被“${holder.name}”使用` });
    }
  }
  if (issues.length > 0) throw validationFailed(issues);
  if (values.competentDepartmentId !== null && !(await findOrganizationById(db, values.competentDepartmentId))) {
    throw unknownOrganization('competentDepartmentId', values.competentDepartmentId);
  }
}

/**
 * Creates an organization.
 * Permission: `organization.create` on the parent's subtree (an org_admin below their subtree root);
 * a root organization only by a global grant (system_admin).
 * @returns the stored organization with its path
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `VALIDATION_FAILED` (field issues, duplicate code),
 *   `ORGANIZATION_UNKNOWN` (parent or competent department)
 */
export async function createOrganization(ctx: ServiceContext, actor: Actor, input: OrganizationInput): Promise<Organization> {
  authorize(actor, 'organization.create');
  return ctx.store.db.transaction().execute(async (trx) => {
    const parent = input.parentId === null ? null : await findOrganizationById(trx, input.parentId);
    if (input.parentId !== null && !parent) throw unknownOrganization('parentId', input.parentId);
    authorize(actor, 'organization.create', { organizationPath: parent?.path ?? TREE_ROOT_TARGET });
    const values = mergeValues(
      { parentId: null, name: '', shortName: null, kind: input.kind, level: input.level, divisionCode: null, organizationCode: '', competentDepartmentId: null, ogiOffice: emptyOgiOffice(), indexNumberTemplate: null },
      input,
    );
    await checkValues(trx, values, null);
    const created = await insertOrganization(trx, values, parent?.path ?? '', nowIso(ctx.clock));
    await recordAudit(trx, actor, ctx.clock, { action: 'organization.create', entityType: 'organization', entityId: created.id, organizationId: created.id, after: created });
    return created;
  });
}

/**
 * Changes an organization. Re-parenting moves the whole subtree (every descendant's path) in the
 * same transaction; a move below itself or its own descendant is refused.
 * Permission: `organization.update` on the organization; when moving, also on the new parent
 * (or a global grant to make it a root).
 * @returns the organization after the change
 * @throws GongkaiError `NOT_FOUND`, `UNAUTHENTICATED`, `FORBIDDEN`, `VALIDATION_FAILED`,
 *   `ORGANIZATION_UNKNOWN`, `ORGANIZATION_TREE_INVALID` (cycle)
 */
export async function updateOrganization(ctx: ServiceContext, actor: Actor, id: number, patch: OrganizationPatch): Promise<Organization> {
  authorize(actor, 'organization.update');
  return ctx.store.db.transaction().execute(async (trx) => {
    const before = await findOrganizationById(trx, id);
    if (!before) throw new GongkaiError('NOT_FOUND', `organization ${id}`);
    authorize(actor, 'organization.update', { organizationPath: before.path });
    const values = mergeValues(before, patch);
    await checkValues(trx, values, id);
    const now = nowIso(ctx.clock);
    if (values.parentId !== before.parentId) {
      let newPath: string;
      if (values.parentId === null) {
        authorize(actor, 'organization.create', { organizationPath: TREE_ROOT_TARGET });
        newPath = `/${id}/`;
      } else {
        const parent = await findOrganizationById(trx, values.parentId);
        if (!parent) throw unknownOrganization('parentId', values.parentId);
        if (parent.path.startsWith(before.path)) {
          throw new GongkaiError('ORGANIZATION_TREE_INVALID', `organization ${id} cannot move below itself (${parent.name})`, {
            issues: [{ field: 'parentId', message: 'the new parent is the organization itself or one of its descendants', messageZh: '上级机构不能是本机构或其下级机构' }],
          });
        }
        authorize(actor, 'organization.update', { organizationPath: parent.path });
        newPath = `${parent.path}${id}/`;
      }
      await rewriteSubtreePaths(trx, before.path, newPath, now);
    }
    await updateOrganizationRow(trx, id, values, now);
    const after = await findOrganizationById(trx, id);
    if (!after) throw new GongkaiError('NOT_FOUND', `organization ${id}`);
    await recordAudit(trx, actor, ctx.clock, { action: 'organization.update', entityType: 'organization', entityId: id, organizationId: id, before, after });
    return after;
  });
}

/**
 * One organization (public: its OGI guide is public, 2019 art. 12).
 * @throws GongkaiError `NOT_FOUND`
 */
export async function getOrganization(ctx: ServiceContext, actor: Actor, id: number): Promise<Organization> {
  authorize(actor, 'organization.read');
  const org = await findOrganizationById(ctx.store.db, id);
  if (!org) throw new GongkaiError('NOT_FOUND', `organization ${id}`);
  return org;
}

/** The organization with exactly this organization code, or null (e.g. for imports naming an organization by code). */
export async function findOrganizationByCode(ctx: ServiceContext, actor: Actor, code: string): Promise<Organization | null> {
  authorize(actor, 'organization.read');
  return (await findOrganizationRowByCode(ctx.store.db, code.trim())) ?? null;
}

/** Every organization in tree order (each parent followed by its subtree; public). */
export async function listOrganizations(ctx: ServiceContext, actor: Actor): Promise<Organization[]> {
  authorize(actor, 'organization.read');
  return sortAsTree(await selectAllOrganizations(ctx.store.db));
}

/**
 * An organization and everything below it, in tree order (public).
 * @throws GongkaiError `NOT_FOUND`
 */
export async function getSubtree(ctx: ServiceContext, actor: Actor, id: number): Promise<Organization[]> {
  authorize(actor, 'organization.read');
  const root = await findOrganizationById(ctx.store.db, id);
  if (!root) throw new GongkaiError('NOT_FOUND', `organization ${id}`);
  return sortAsTree(await selectSubtree(ctx.store.db, root.path));
}
