/**
 * Loads the demo region (issue 3 item 6) through the same services staff use, so every organization,
 * user and item has its audit events: 吴忠市 with its counties and departments
 * (demo-organizations.ts), the real 2018 catalog entry and about sixty synthetic items
 * (demo-items.ts) covering every lifecycle state: a policy document with its linked interpretation,
 * a withdrawn item, a draft, a submitted item and a repealed normative document. Demo staff (an
 * editor and an approver per county and for the city's general office) get random passwords that
 * are never shown: an administrator resets them to hand them out.
 * Idempotent: nothing is loaded when 吴忠市人民政府 (640300000) exists. Not one transaction (each
 * service call is its own), so a failure midway leaves a partial region; load into a fresh store.
 */
import type { Actor } from '../auth/actor.ts';
import { generateOneTimePassword } from '../auth/password.ts';
import { createUser } from '../auth/user.service.ts';
import { importedBody } from '../catalog/catalog-import.ts';
import { validateCatalogItemInput } from '../catalog/catalog-item.schema.ts';
import type { CatalogItemInput } from '../catalog/catalog-item.schema.ts';
import { approveAndPublish, linkInterpretation, submitItem, withdrawItem, writeNewItem } from '../catalog/catalog.service.ts';
import type { NewItemOptions } from '../catalog/catalog.service.ts';
import { createOrganization, findOrganizationByCode, updateOrganization } from '../organizations/organization.service.ts';
import type { Organization } from '../organizations/organization.ts';
import { today } from '../shared/clock.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { demoItemSpecs, REAL_ITEM, SYNTHETIC_MARKER } from './demo-items.ts';
import { loadDemoAnnualReports } from './demo-annual-reports.ts';
import { loadDemoReports } from './demo-reports.ts';
import { loadDemoRequests } from './demo-requests.ts';
import { loadDemoYear } from './demo-year.ts';
import { addDays } from './demo-year-dates.ts';
import type { DemoYearSummary } from './demo-year.ts';
import { loadDemo2017 } from './demo-2017.ts';
import type { Demo2017Summary } from './demo-2017.ts';
import type { DemoItemSpec } from './demo-items.ts';
import { DEMO_ORGANIZATIONS, DEMO_ROOT_CODE, demoOgiOffice } from './demo-organizations.ts';
import type { DemoOrgKey } from './demo-organizations.ts';

/** What was loaded. */
export interface DemoSummary {
  organizations: number;
  items: number;
  users: number;
  requests: number;
  /** The synthetic year 2025 (demo-year.ts), loaded after the items and requests above and not counted in them. */
  year: DemoYearSummary;
  /** The year's annual reports written (and how many went through to publication). */
  annualReports: { reports: number; published: number };
  /** The synthetic 2017 (demo-2017.ts): its records reproduce the real 吴忠市 2017 statistics table. */
  year2017: Demo2017Summary;
}

/** Creates the organizations (parents first), then points each at its competent OGI department. */
async function createOrganizations(ctx: ServiceContext, actor: Actor): Promise<Map<DemoOrgKey, Organization>> {
  const byKey = new Map<DemoOrgKey, Organization>();
  const get = (key: DemoOrgKey): Organization => {
    const org = byKey.get(key);
    if (!org) throw new Error(`demo organization ${key} is created after its use`);
    return org;
  };
  for (const [i, spec] of DEMO_ORGANIZATIONS.entries()) {
    const created = await createOrganization(ctx, actor, {
      parentId: spec.parent === null ? null : get(spec.parent).id,
      name: spec.name,
      shortName: spec.shortName,
      kind: spec.kind,
      level: spec.level,
      divisionCode: spec.divisionCode,
      organizationCode: spec.organizationCode,
      ogiOffice: demoOgiOffice(spec, i),
    });
    byKey.set(spec.key, created);
  }
  for (const spec of DEMO_ORGANIZATIONS) {
    if (spec.competent !== null) byKey.set(spec.key, await updateOrganization(ctx, actor, get(spec.key).id, { competentDepartmentId: get(spec.competent).id }));
  }
  return byKey;
}

function validated(raw: Record<string, unknown>, todayDate: string): CatalogItemInput {
  const result = validateCatalogItemInput(raw, todayDate);
  if (!result.ok) throw new GongkaiError('VALIDATION_FAILED', `demo item ${String(raw['title'])}: ${result.issues.map((i) => i.message).join('; ')}`, { issues: result.issues });
  return result.value;
}

/** Writes one new item in its own transaction through the catalog service's writer. */
async function writeItem(ctx: ServiceContext, actor: Actor, input: CatalogItemInput, options: NewItemOptions): Promise<number> {
  const item = await ctx.store.db.transaction().execute((trx) => writeNewItem(ctx, trx, actor, input, options));
  return item.id;
}

/** The raw input of a synthetic item, with dates from today and `{y}` filled in. */
function syntheticInput(spec: DemoItemSpec, org: Organization, todayDate: string): Record<string, unknown> {
  const creationDate = addDays(todayDate, -spec.age);
  const year = creationDate.slice(0, 4);
  const fill = (text: string): string => text.replace(/\{y\}/g, year);
  const body = importedBody([`${SYNTHETIC_MARKER}本条为演示用虚构信息，并非真实的政府信息。`, ...spec.body.map(fill)].join('\n'));
  return {
    organizationId: org.id,
    title: fill(spec.title),
    ...(spec.summary ? { summary: fill(spec.summary) } : {}),
    ...(spec.documentNumber ? { documentNumber: fill(spec.documentNumber) } : {}),
    issuingAgency: org.name,
    creationDate,
    ...(spec.role === 'draft' || spec.role === 'submitted' || spec.role === 'withdrawn' ? {} : { publicationDate: addDays(creationDate, spec.lag) }),
    subjectCategory: spec.subject,
    genre: spec.genre,
    keywords: spec.keywords ?? [],
    ...(spec.role === 'repealed' ? { validity: 'repealed', effectiveDate: addDays(creationDate, spec.lag), expiryDate: addDays(todayDate, -100) } : {}),
    bodyHtml: body.html,
  };
}

/** Loads the items; returns how many. */
async function loadItems(ctx: ServiceContext, actor: Actor, orgs: ReadonlyMap<DemoOrgKey, Organization>): Promise<number> {
  const todayDate = today(ctx.clock);
  const orgOf = (key: DemoOrgKey): Organization => {
    const org = orgs.get(key);
    if (!org) throw new Error(`unknown demo organization ${key}`);
    return org;
  };
  const real = orgOf(REAL_ITEM.org);
  await writeItem(
    ctx,
    actor,
    validated(
      {
        organizationId: real.id,
        indexNumber: REAL_ITEM.indexNumber,
        title: REAL_ITEM.title,
        issuingAgency: REAL_ITEM.issuingAgency,
        creationDate: REAL_ITEM.creationDate,
        publicationDate: REAL_ITEM.publicationDate,
        subjectCategory: REAL_ITEM.subject,
        genre: REAL_ITEM.genre,
        disclosureType: REAL_ITEM.disclosureType,
        bodyHtml: REAL_ITEM.bodyHtml,
      },
      todayDate,
    ),
    { published: true, imported: true },
  );
  let count = 1;
  let policyId: number | null = null;
  let interpretationId: number | null = null;
  for (const spec of demoItemSpecs()) {
    const input = validated(syntheticInput(spec, orgOf(spec.org), todayDate), todayDate);
    const lifecycle = spec.role === 'draft' || spec.role === 'submitted' || spec.role === 'withdrawn';
    const id = await writeItem(ctx, actor, input, lifecycle ? { synthetic: true } : { published: true, synthetic: true });
    if (spec.role === 'submitted' || spec.role === 'withdrawn') await submitItem(ctx, actor, id);
    if (spec.role === 'withdrawn') {
      await approveAndPublish(ctx, actor, id);
      await withdrawItem(ctx, actor, id, '通知内容有误，已另行发布更正后的通知（演示）');
    }
    if (spec.role === 'policy') policyId = id;
    if (spec.role === 'interpretation') interpretationId = id;
    count += 1;
  }
  if (policyId !== null && interpretationId !== null) await linkInterpretation(ctx, actor, policyId, interpretationId);
  return count;
}

/** Creates an editor and an approver for each organization marked `staff`, with random passwords that are not kept. */
async function createDemoUsers(ctx: ServiceContext, actor: Actor, orgs: ReadonlyMap<DemoOrgKey, Organization>): Promise<number> {
  let count = 0;
  for (const spec of DEMO_ORGANIZATIONS) {
    const org = orgs.get(spec.key);
    if (!spec.staff || !org) continue;
    const slug = spec.organizationCode;
    for (const role of ['editor', 'approver'] as const) {
      await createUser(ctx, actor, {
        username: `demo-${slug}-${role}`,
        displayName: `${spec.shortName}${role === 'editor' ? '信息编辑' : '审核人'}（演示）`,
        password: generateOneTimePassword(),
        grants: [{ role, organizationId: org.id }],
        mustChangePassword: true,
      });
      count += 1;
    }
  }
  return count;
}

/** Whether the demo region is already in the store. */
export async function demoRegionPresent(ctx: ServiceContext, actor: Actor): Promise<boolean> {
  return (await findOrganizationByCode(ctx, actor, DEMO_ROOT_CODE)) !== null;
}

/** What to leave out of the demo (tests of one part skip the others' cost). */
export interface DemoOptions {
  /** Load the synthetic 2017 (127,736 items; demo-2017.ts). Default true. */
  synthetic2017?: boolean;
}

/**
 * Loads the demo region unless it is present.
 * @param actor usually `systemActor('demo')`
 * @returns what was loaded, or null when the region was already there
 * @throws GongkaiError from the services (only on a store in an unexpected state)
 */
export async function loadDemoRegion(ctx: ServiceContext, actor: Actor, options: DemoOptions = {}): Promise<DemoSummary | null> {
  if (await demoRegionPresent(ctx, actor)) return null;
  const orgs = await createOrganizations(ctx, actor);
  const items = await loadItems(ctx, actor, orgs);
  const users = await createDemoUsers(ctx, actor, orgs);
  const requests = await loadDemoRequests(ctx, actor, orgs);
  const year = await loadDemoYear(ctx, actor, orgs);
  // The real 吴忠市 2017 report, imported with its findings (demo-reports.ts).
  await loadDemoReports(ctx, actor, orgs);
  // The 2025 annual reports, through the submission workflow (demo-annual-reports.ts).
  const annualReports = await loadDemoAnnualReports(ctx, actor, orgs);
  // The synthetic 2017 whose computed statistics table equals the real report's (issue 6).
  const year2017 = options.synthetic2017 === false ? { loaded: false, items: 0, requests: 0, reviews: 0, reportPublished: false } : await loadDemo2017(ctx, actor, orgs);
  return { organizations: orgs.size, items, users, requests, year, annualReports, year2017 };
}
