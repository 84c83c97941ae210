/**
 * The demo region's full synthetic year 2025 (issue 5): catalog items, requests for disclosure and
 * reconsideration/litigation records for every demo organization, so that every organization's
 * annual report for 2025 and the roll-up of 吴忠市 come out with realistic, non-zero tables (2019
 * art. 49–50). The data is planned by seeded, pure planners (demo-year-items.ts,
 * demo-year-requests.ts, demo-year-reviews.ts) and written through the services staff use: items
 * with the catalog service's writer (one transaction per organization, an audit event per item, the
 * search index kept), cases with `registerRequest` and `recordEvent` (so the clock, projection and
 * audit are the real ones), reviews with `createReview`. Everything is marked synthetic and tagged
 * {@link DEMO_YEAR_TAG} (in item bodies, request texts and review summaries), so it can be told from
 * the demo's clock-dated data and from real records.
 */
import type { Actor } from '../auth/actor.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { importedBody } from '../catalog/catalog-import.ts';
import { validateCatalogItemInput } from '../catalog/catalog-item.schema.ts';
import { linkInterpretation, writeNewItem } from '../catalog/catalog.service.ts';
import type { Organization } from '../organizations/organization.ts';
import { REQUEST_OUTCOMES } from '../requests/request-outcome.ts';
import { recordEvent, registerRequest } from '../requests/request.service.ts';
import { createReview } from '../reviews/review.service.ts';
import { today } from '../shared/clock.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { SYNTHETIC_MARKER } from './demo-items.ts';
import { demoRandom } from './demo-prng.ts';
import { inYear } from './demo-year-dates.ts';
import { planDemoYearItems } from './demo-year-items.ts';
import type { DemoYearItem } from './demo-year-items.ts';
import { DEMO_YEAR_END, planDemoYearRequests } from './demo-year-requests.ts';
import type { DemoYearCase } from './demo-year-requests.ts';
import { planDemoYearReviews } from './demo-year-reviews.ts';
import type { DemoYearReview } from './demo-year-reviews.ts';
import type { DemoOrgKey } from './demo-organizations.ts';

/** The year the synthetic data is for. */
export const DEMO_YEAR = 2025;
/** The seed of the plans: the same on every load. */
export const DEMO_YEAR_SEED = 20250101;
/** The tag in every item body, request text and review summary of the demo year. */
export const DEMO_YEAR_TAG = '演示年度';

/** What the demo year holds (counted from the plan; equal to what the store holds after loading). Counts by year are keyed `YYYY`. */
export interface DemoYearSummary {
  year: number;
  /** False when today (the injected clock) is still in or before the year: nothing is loaded until the year is over. */
  loaded: boolean;
  items: {
    total: number;
    /** By year of the creation date (生成日期). */
    byYear: Record<string, number>;
    /** Published in the year. */
    publishedInYear: number;
    /** 规章 and 行政规范性文件 issued (created) in the year (table 二, 本年制发件数). */
    rulesIssued: number;
    normativeIssued: number;
    /** 规章 and 行政规范性文件 repealed, or expired, in the year (expiry date in the year). */
    repealed: number;
    expired: number;
  };
  requests: {
    total: number;
    /** By year of the date of receipt (2019 art. 31). */
    receivedByYear: Record<string, number>;
    /** Received before the year and undecided at its start (table 三, 上年结转). */
    carriedIn: number;
    /** Decided in the year (table 三, （七）总计). */
    decided: number;
    /** Received by the year's end and undecided then (table 三, 结转下年度). */
    carriedOver: number;
    /** Decisions of the year by table 三 (2021) row id. */
    byOutcome: Record<string, number>;
    /** Fees paid (元) on cases decided in the year. */
    feesYuan: number;
  };
  reviews: {
    total: number;
    /** By year of `filedOn` (the reconsideration's filing, or a direct suit's). */
    filedByYear: Record<string, number>;
    /** Decided in the year. */
    decided: number;
    /** Not decided (尚未审结). */
    pending: number;
  };
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * The summary of a plan (pure).
 * @param loaded whether the plan was written to the store
 */
export function summarizeDemoYear(items: readonly DemoYearItem[], cases: readonly DemoYearCase[], reviews: readonly DemoYearReview[], loaded: boolean): DemoYearSummary {
  const y = DEMO_YEAR;
  const summary: DemoYearSummary = {
    year: y,
    loaded,
    items: { total: items.length, byYear: {}, publishedInYear: 0, rulesIssued: 0, normativeIssued: 0, repealed: 0, expired: 0 },
    requests: { total: cases.length, receivedByYear: {}, carriedIn: 0, decided: 0, carriedOver: 0, byOutcome: {}, feesYuan: 0 },
    reviews: { total: reviews.length, filedByYear: {}, decided: 0, pending: 0 },
  };
  for (const item of items) {
    bump(summary.items.byYear, item.creationDate.slice(0, 4));
    if (inYear(item.publicationDate, y)) summary.items.publishedInYear += 1;
    if (inYear(item.creationDate, y) && item.genre === 'rule') summary.items.rulesIssued += 1;
    if (inYear(item.creationDate, y) && item.genre === 'normative_document') summary.items.normativeIssued += 1;
    if (inYear(item.expiryDate, y) && item.validity === 'repealed') summary.items.repealed += 1;
    if (inYear(item.expiryDate, y) && item.validity === 'expired') summary.items.expired += 1;
  }
  const start = `${y}-01-01`;
  for (const c of cases) {
    bump(summary.requests.receivedByYear, c.receivedOn.slice(0, 4));
    if (c.receivedOn < start && (c.outcomeOn === null || c.outcomeOn >= start)) summary.requests.carriedIn += 1;
    if (c.outcomeOn === null || c.outcomeOn > DEMO_YEAR_END) summary.requests.carriedOver += 1;
    if (inYear(c.outcomeOn, y) && c.outcome !== null) {
      summary.requests.decided += 1;
      bump(summary.requests.byOutcome, c.outcome);
      summary.requests.feesYuan += c.feeYuan;
    }
  }
  // In table order, for reading.
  const decided = summary.requests.byOutcome;
  summary.requests.byOutcome = Object.fromEntries(REQUEST_OUTCOMES.filter((o) => decided[o.id] !== undefined).map((o) => [o.id, decided[o.id] ?? 0]));
  for (const r of reviews) {
    bump(summary.reviews.filedByYear, r.filedOn.slice(0, 4));
    if (inYear(r.decidedOn, y)) summary.reviews.decided += 1;
    if (r.decidedOn === undefined || r.decidedOn === null) summary.reviews.pending += 1;
  }
  return summary;
}

type OrgOf = (key: DemoOrgKey) => Organization;

/** Writes the items, one transaction per organization, then links the interpretations. */
async function loadItems(ctx: ServiceContext, actor: Actor, orgOf: OrgOf, plan: readonly DemoYearItem[]): Promise<void> {
  const todayDate = today(ctx.clock);
  const ids: number[] = [];
  const byOrg = new Map<DemoOrgKey, number[]>();
  for (const [i, item] of plan.entries()) {
    const indexes = byOrg.get(item.org);
    if (indexes) indexes.push(i);
    else byOrg.set(item.org, [i]);
  }
  for (const [key, indexes] of byOrg) {
    const org = orgOf(key);
    await ctx.store.db.transaction().execute(async (trx) => {
      for (const i of indexes) {
        const item = plan[i];
        if (!item) continue;
        const body = importedBody([`${SYNTHETIC_MARKER}本条为${DEMO_YEAR_TAG}（${DEMO_YEAR}年）的虚构信息，并非真实的政府信息。`, ...item.body].join('\n'));
        const raw = {
          organizationId: org.id,
          title: item.title,
          ...(item.documentNumber ? { documentNumber: item.documentNumber } : {}),
          issuingAgency: org.name,
          creationDate: item.creationDate,
          publicationDate: item.publicationDate,
          subjectCategory: item.subject,
          genre: item.genre,
          keywords: item.keywords,
          validity: item.validity,
          ...(item.effectiveDate ? { effectiveDate: item.effectiveDate } : {}),
          ...(item.expiryDate ? { expiryDate: item.expiryDate } : {}),
          bodyHtml: body.html,
        };
        const result = validateCatalogItemInput(raw, todayDate);
        if (!result.ok) throw new GongkaiError('VALIDATION_FAILED', `demo year item ${item.title}: ${result.issues.map((x) => x.message).join('; ')}`, { issues: result.issues });
        ids[i] = (await writeNewItem(ctx, trx, actor, result.value, { published: true, synthetic: true })).id;
      }
    });
  }
  for (const [i, item] of plan.entries()) {
    const policy = item.explains === undefined ? undefined : ids[item.explains];
    const interpretation = ids[i];
    if (policy !== undefined && interpretation !== undefined) await linkInterpretation(ctx, actor, policy, interpretation);
  }
}

/** The registration input of a planned case: the channel decides which date is the date of receipt. */
function registration(c: DemoYearCase, organizationId: number): Record<string, unknown> {
  const dates = c.channel === 'in-person' ? {} : c.channel === 'registered-post' ? { signedOn: c.receivedOn } : { confirmedOn: c.receivedOn };
  const person = c.requesterType === 'natural';
  return {
    organizationId,
    requesterType: c.requesterType,
    requesterName: c.requesterName,
    ...(person ? { address: '宁夏回族自治区吴忠市（演示地址）', phone: '13800000000' } : { contactName: '联系人（演示）', phone: '0953-0000000' }),
    channel: c.channel,
    submittedOn: c.submittedOn,
    ...dates,
    informationRequested: `${c.information}（${DEMO_YEAR_TAG}）`,
    deliveryForm: c.deliveryForm,
    deliveryMethod: c.deliveryMethod,
  };
}

/** Registers the cases and records their events; returns the case ids in plan order. */
async function loadRequests(ctx: ServiceContext, actor: Actor, orgOf: OrgOf, plan: readonly DemoYearCase[]): Promise<number[]> {
  const ids: number[] = [];
  for (const c of plan) {
    const view = await registerRequest(ctx, actor, registration(c, orgOf(c.org).id), { synthetic: true });
    for (const event of c.events) await recordEvent(ctx, actor, view.id, event);
    ids.push(view.id);
  }
  return ids;
}

/** Creates the review records, linked to their cases. */
async function loadReviews(ctx: ServiceContext, actor: Actor, orgOf: OrgOf, plan: readonly DemoYearReview[], caseIds: readonly number[]): Promise<void> {
  for (const { org, case: index, path, defendantRole, applicantName, reviewingBody, caseNumber, filedOn, reconsiderationDecidedOn, reconsiderationOutcome, suitFiledOn, decidedOn, outcome } of plan) {
    await createReview(ctx, actor, {
      path,
      ...(defendantRole ? { defendantRole } : {}),
      applicantName,
      reviewingBody,
      caseNumber: caseNumber ?? null,
      filedOn,
      reconsiderationDecidedOn: reconsiderationDecidedOn ?? null,
      reconsiderationOutcome: reconsiderationOutcome ?? null,
      suitFiledOn: suitFiledOn ?? null,
      decidedOn: decidedOn ?? null,
      outcome,
      organizationId: orgOf(org).id,
      requestCaseId: index === null ? null : (caseIds[index] ?? null),
      summary: `${DEMO_YEAR_TAG}数据：针对政府信息公开申请答复提起（演示）`,
      synthetic: true,
    });
  }
}

/**
 * Loads the demo year for the demo organizations. Nothing is loaded while today (the injected clock)
 * is on or before 2025-12-31: the year's records may not lie in the future (the services refuse it).
 * @param orgs the demo organizations by key (all of them)
 * @returns what was loaded, with `loaded: false` and zero counts when skipped
 * @throws GongkaiError from the services (only on a store in an unexpected state), `CALENDAR_YEAR_MISSING` when the calendar lacks 2019–2026
 */
export async function loadDemoYear(ctx: ServiceContext, actor: Actor, orgs: ReadonlyMap<DemoOrgKey, Organization>): Promise<DemoYearSummary> {
  if (today(ctx.clock) <= DEMO_YEAR_END) return summarizeDemoYear([], [], [], false);
  const orgOf: OrgOf = (key) => {
    const org = orgs.get(key);
    if (!org) throw new Error(`unknown demo organization ${key}`);
    return org;
  };
  const calendar = await loadCalendar(ctx);
  const items = planDemoYearItems(calendar, demoRandom(DEMO_YEAR_SEED));
  const cases = planDemoYearRequests(calendar, demoRandom(DEMO_YEAR_SEED + 1));
  const reviews = planDemoYearReviews(cases);
  await loadItems(ctx, actor, orgOf, items);
  const caseIds = await loadRequests(ctx, actor, orgOf, cases);
  await loadReviews(ctx, actor, orgOf, reviews, caseIds);
  return summarizeDemoYear(items, cases, reviews, true);
}
