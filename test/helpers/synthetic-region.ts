/**
 * A synthetic region of 22 organizations with a full year (2025) of catalog items, requests and
 * reconsideration/litigation records, for the annual-report acceptance test (issue 5).
 * Organizations, requests and reviews go through the services (so every clock rule applies and the
 * projection columns are the services'); catalog items are inserted as rows (the report reads only
 * their metadata). A seeded generator makes the same data on every run. The expected tables are
 * counted in the test by plain SQL over these rows, not by the code under test.
 *
 * Tree: 吴忠市人民政府 → { 6 city departments (the first is its OGI office, the competent department),
 * 3 county governments → 4 departments each }.
 */
import { systemActor } from '../../src/auth/actor.ts';
import type { Actor } from '../../src/auth/actor.ts';
import { createOrganization } from '../../src/organizations/organization.service.ts';
import type { Organization } from '../../src/organizations/organization.ts';
import { REQUESTER_TYPES } from '../../src/requests/request-case.ts';
import type { Channel } from '../../src/requests/request-case.ts';
import { recordEvent, registerRequest } from '../../src/requests/request.service.ts';
import { createReview } from '../../src/reviews/review.service.ts';
import type { ReviewCaseInput } from '../../src/reviews/review-case.ts';
import type { Store } from '../../src/db/dialect.ts';
import { fromEpochDay, toEpochDay } from '../../src/calendar/working-days.ts';
import type { FixedClock } from '../../src/shared/clock.ts';
import type { ServiceContext } from '../../src/shared/service-context.ts';
import { insertItem } from './catalog-rows.ts';
import { prng } from './prng.ts';
import { moveTo, registration } from './synthetic-requests.ts';
import type { CaseScript, ScriptEvent } from './synthetic-requests.ts';

/** The region: the root government and every organization, parents first. */
export interface SyntheticRegion {
  root: Organization;
  office: Organization;
  organizations: Organization[];
}

const CITY_DEPARTMENTS = ['吴忠市人民政府办公室', '吴忠市发展和改革委员会', '吴忠市教育局', '吴忠市公安局', '吴忠市自然资源局', '吴忠市生态环境局'];
const COUNTIES = [
  { name: '利通区人民政府', division: '640302', departments: ['利通区人民政府办公室', '利通区教育局', '利通区卫生健康局', '利通区市场监督管理局'] },
  { name: '青铜峡市人民政府', division: '640381', departments: ['青铜峡市人民政府办公室', '青铜峡市民政局', '青铜峡市住房和城乡建设局', '青铜峡市农业农村局'] },
  { name: '盐池县人民政府', division: '640323', departments: ['盐池县人民政府办公室', '盐池县财政局', '盐池县交通运输局', '盐池县林业和草原局'] },
];

let codeSerial = 0;
function nextCode(): string {
  codeSerial += 1;
  return `S${String(codeSerial).padStart(8, '0')}`;
}

/** Creates the 22 organizations through the organization service. */
export async function createSyntheticRegion(ctx: ServiceContext, actor: Actor = systemActor('synthetic-region')): Promise<SyntheticRegion> {
  const organizations: Organization[] = [];
  const make = async (input: Parameters<typeof createOrganization>[2]): Promise<Organization> => {
    const org = await createOrganization(ctx, actor, input);
    organizations.push(org);
    return org;
  };
  const root = await make({ parentId: null, name: '吴忠市人民政府', kind: 'government', level: 'city', divisionCode: '640300', organizationCode: nextCode() });
  let office: Organization | undefined;
  for (const name of CITY_DEPARTMENTS) {
    const org = await make({ parentId: root.id, name, kind: 'department', level: 'city', divisionCode: '640300', organizationCode: nextCode(), ...(office ? { competentDepartmentId: office.id } : {}) });
    office ??= org;
  }
  if (!office) throw new Error('no office');
  for (const county of COUNTIES) {
    const gov = await make({ parentId: root.id, name: county.name, kind: 'government', level: 'county', divisionCode: county.division, organizationCode: nextCode(), competentDepartmentId: office.id });
    let countyOffice: Organization | undefined;
    for (const name of county.departments) {
      const org = await make({ parentId: gov.id, name, kind: 'department', level: 'county', divisionCode: county.division, organizationCode: nextCode(), ...(countyOffice ? { competentDepartmentId: countyOffice.id } : {}) });
      countyOffice ??= org;
    }
  }
  return { root, office, organizations };
}

function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Inserts the catalog of the year: per organization 15–40 ordinary items published in 2025, and
 * 2–8 normative documents created 2023–2025 (some repealed or lapsed in 2024/2025, some withdrawn or
 * superseded), plus 规章 at the city government and one document issued jointly by the city
 * government and its first department under one 文号.
 * @returns how many items were inserted
 */
export async function insertSyntheticCatalog(store: Store, region: SyntheticRegion, seed = 515): Promise<number> {
  const random = prng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  let n = 0;
  for (const [i, org] of region.organizations.entries()) {
    for (let k = int(15, 40); k > 0; k--) {
      const pub = addDays('2025-01-02', int(0, 360));
      await insertItem(store, { organization_id: org.id, genre: 'notice', creation_date: addDays(pub, -int(0, 5)), publication_date: pub, title: `通知${i}-${k}` }, { index: false });
      n++;
    }
    const docs = int(2, 8);
    for (let k = 0; k < docs; k++) {
      const created = addDays('2023-01-03', int(0, 1090));
      const roll = random();
      const validity = roll < 0.12 ? 'repealed' : roll < 0.2 ? 'expired' : 'in_force';
      const expiry = validity === 'in_force' ? null : addDays(created, int(30, 700));
      const status = random() < 0.06 ? 'withdrawn' : random() < 0.06 ? 'superseded' : 'published';
      await insertItem(
        store,
        {
          organization_id: org.id,
          genre: i === 0 && k === 0 ? 'rule' : 'normative_document',
          document_number: `吴${i}规〔${created.slice(0, 4)}〕${k + 1}号`,
          creation_date: created,
          publication_date: addDays(created, int(0, 12)),
          validity,
          expiry_date: expiry !== null && expiry > '2025-12-31' ? null : expiry,
          status,
          title: `规范性文件${i}-${k}`,
        },
        { index: false },
      );
      n++;
    }
  }
  // One jointly issued document: catalogued by the city government and its office under one 文号.
  for (const org of [region.root, region.office]) {
    await insertItem(store, { organization_id: org.id, genre: 'normative_document', document_number: '吴政联发〔2025〕1号', creation_date: '2025-05-06', publication_date: '2025-05-08', title: '联合发文' }, { index: false });
    n++;
  }
  return n;
}

const OUTCOMES = ['disclosed', 'disclosed', 'disclosed', 'partial', 'withheld-third-party', 'withheld-process', 'unable-not-held', 'unable-needs-creation', 'not-processed-repeat', 'not-processed-petition'];
const CHANNELS: readonly Channel[] = ['in-person', 'online', 'online', 'registered-post', 'email', 'fax'];
const REASONS = '依据《条例》相关规定，所申请信息不予公开（部分不予公开），理由见告知书';

/**
 * The case scripts of the year: per organization 3–9 cases received from 2024-12-01 to 2025-12-24,
 * answered 5–15 days after receipt (some after a 20-day extension approved on day 8; some withdrawn),
 * and those received after 2025-12-15 still open at year end.
 */
export function syntheticCaseScripts(region: SyntheticRegion, seed = 2025): { script: CaseScript; organizationId: number }[] {
  const random = prng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const scripts: { script: CaseScript; organizationId: number }[] = [];
  for (const [i, org] of region.organizations.entries()) {
    for (let k = int(3, 9); k > 0; k--) {
      let received = addDays('2024-12-01', int(0, 388));
      // Weekdays only, so the date of receipt is the date given for every channel.
      while ([0, 6].includes(new Date(`${received}T00:00:00Z`).getUTCDay())) received = addDays(received, 1);
      const events: ScriptEvent[] = [];
      if (received <= '2025-12-15') {
        const roll = random();
        if (roll < 0.08) {
          events.push({ kind: 'withdrawn', on: addDays(received, 3), reason: '申请人撤回' });
        } else {
          const outcome = pick(OUTCOMES);
          const extended = roll > 0.88;
          if (extended) events.push({ kind: 'extension-approved', on: addDays(received, 8), workingDays: 20, reason: '需调取档案', approvedBy: '公开办负责人', noticeOn: addDays(received, 8) });
          const reasons = outcome.startsWith('withheld') || outcome === 'partial' ? { reasons: REASONS } : {};
          events.push({ kind: 'answered', on: addDays(received, extended ? int(30, 38) : int(5, 15)), outcome, ...reasons });
        }
      }
      scripts.push({
        organizationId: org.id,
        script: { id: `S${i}-${k}`, org: 'city', requesterType: pick(REQUESTER_TYPES), channel: pick(CHANNELS), receivedOn: received, events, why: 'synthetic' },
      });
    }
  }
  return scripts;
}

/** Review records: a few reconsiderations and suits across the region, one co-defendant record and one case recorded by two respondents. */
export function syntheticReviews(region: SyntheticRegion): ReviewCaseInput[] {
  const o = region.organizations;
  const at = (i: number): number => (o[i] ?? region.root).id;
  return [
    { organizationId: at(7), path: 'reconsideration', applicantName: '张某', reviewingBody: '吴忠市人民政府', caseNumber: '吴政复〔2025〕3号', filedOn: '2025-03-10', decidedOn: '2025-05-10', outcome: 'upheld' },
    { organizationId: at(9), path: 'reconsideration', applicantName: '张某', reviewingBody: '吴忠市人民政府', caseNumber: '吴政复〔2025〕3号', filedOn: '2025-03-10', decidedOn: '2025-05-10', outcome: 'upheld' },
    { organizationId: at(2), path: 'reconsideration', applicantName: '李某', reviewingBody: '吴忠市人民政府', filedOn: '2025-08-01', outcome: 'pending' },
    { organizationId: at(3), path: 'reconsideration', applicantName: '刘某', reviewingBody: '吴忠市人民政府', filedOn: '2025-02-01', decidedOn: '2025-04-01', outcome: 'corrected' },
    { organizationId: at(12), path: 'direct-suit', applicantName: '王某', reviewingBody: '吴忠市中级人民法院', filedOn: '2025-06-01', decidedOn: '2025-11-15', outcome: 'corrected' },
    { organizationId: at(8), path: 'direct-suit', applicantName: '陈某', reviewingBody: '利通区人民法院', filedOn: '2025-09-01', decidedOn: '2026-02-01', outcome: 'upheld' },
    { organizationId: at(0), path: 'suit-after-reconsideration', defendantRole: 'co-defendant', applicantName: '赵某', reviewingBody: '利通区人民法院', filedOn: '2025-02-01', reconsiderationDecidedOn: '2025-03-20', reconsiderationOutcome: 'upheld', suitFiledOn: '2025-04-01', decidedOn: '2025-09-01', outcome: 'upheld' },
    { organizationId: at(8), path: 'suit-after-reconsideration', applicantName: '赵某', reviewingBody: '利通区人民法院', filedOn: '2025-02-01', reconsiderationDecidedOn: '2025-03-20', reconsiderationOutcome: 'upheld', suitFiledOn: '2025-04-01', decidedOn: '2025-09-01', outcome: 'other' },
    { organizationId: at(17), path: 'reconsideration', applicantName: '孙某', reviewingBody: '盐池县人民政府', filedOn: '2024-10-01', decidedOn: '2024-12-01', outcome: 'upheld' },
  ];
}

/**
 * Records the year's cases and reviews through the services, in date order (the clock only moves
 * forward), then moves the clock to 2026-02-02.
 * @param clock the context's clock, at or before 2024-12-01
 * @returns how many cases and reviews were created
 */
export async function recordSyntheticYear(ctx: ServiceContext, clock: FixedClock, region: SyntheticRegion, actor: Actor = systemActor('synthetic-region')): Promise<{ cases: number; reviews: number }> {
  const random = prng(77);
  const scripts = syntheticCaseScripts(region);
  type Step = { on: string; i: number; e: number };
  const steps: Step[] = [];
  scripts.forEach(({ script }, i) => {
    steps.push({ on: script.receivedOn, i, e: -1 });
    script.events.forEach((event, e) => steps.push({ on: event.on, i, e }));
  });
  steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.i - b.i || a.e - b.e));
  const ids: number[] = [];
  for (const step of steps) {
    moveTo(clock, step.on);
    const entry = scripts[step.i];
    if (!entry) continue;
    if (step.e < 0) ids[step.i] = (await registerRequest(ctx, actor, registration(entry.script, entry.organizationId, random))).id;
    else await recordEvent(ctx, actor, ids[step.i] ?? 0, entry.script.events[step.e]);
  }
  moveTo(clock, '2026-02-02');
  const reviews = syntheticReviews(region);
  for (const input of reviews) await createReview(ctx, actor, input);
  return { cases: scripts.length, reviews: reviews.length };
}
