/**
 * Annual-report benchmark (issue 5, "Performance"): `npm run bench:reports`. Prints a table of
 * figures on stdout (progress on stderr). Not a test.
 * 1. Builds a province-like region in a temporary SQLite file: 1 province government, 20 city and
 *    county governments and departments up to --orgs; --items catalog items (bench/catalog-corpus.ts
 *    rows through the import's validation, inserted in batches in one transaction, without the
 *    search index, which no report reads), about 1% of them 规章 / 行政规范性文件 with a 文号 and a
 *    validity (some repealed or expired, some issued jointly by two departments); --cases request
 *    cases (bench/request-cases.ts: each log folded once by the clock, received 2024-07 … 2025-12,
 *    so some are carried in from 2024); --reviews reconsideration and litigation records (some with
 *    a co-defendant reconsideration body, some recorded by two joint respondents); the hand-entered
 *    figures of table 二 for every organization.
 * 2. The floor: one hand-written SQL statement (a UNION ALL of GROUP BY organization over the four
 *    tables) that computes the same numbers per organization: p50 over --runs, warm.
 * 3. `computeRegionReports` for 2025 (every organization's own report and each government's
 *    roll-up, checked): p50 / p95 over --runs, warm; the reports, findings by severity and identity
 *    errors; the floor's numbers compared with every own report's cells; the figures' queries alone.
 * 4. DOCX and PDF export time per report over --export reports of the region.
 * Options: --orgs N (1000), --items N (1000000), --cases N (100000), --reviews N (1000), --runs N (5),
 * --export N (20), --dir D (kept afterwards; a later run with --reuse skips the load and brings the
 * kept database to the latest schema: the migrations, and the index migration 0003 creates when the
 * database was loaded before 0003 had it), --profile (writes a CPU profile of one
 * `computeRegionReports` run next to the database and prints where the time goes).
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Profiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { reportToDocx } from '../src/annual-reports/export/report-docx.ts';
import { reportToPdf } from '../src/annual-reports/export/report-pdf.ts';
import { enteredCells } from '../src/annual-reports/report-figures.ts';
import { selectSubtreeFigures, upsertEntry } from '../src/annual-reports/report-figures.repository.ts';
import { computeRegionReports } from '../src/annual-reports/report-compute.service.ts';
import type { RegionReport } from '../src/annual-reports/report-compute.service.ts';
import { systemActor } from '../src/auth/actor.ts';
import { loadCalendar } from '../src/calendar/calendar.service.ts';
import { insertCatalogItemRows } from '../src/catalog/catalog-import.repository.ts';
import type { CatalogItemInsert } from '../src/catalog/catalog-import.repository.ts';
import { checkImportRows } from '../src/catalog/catalog-import-rows.ts';
import type { RawImportRow } from '../src/catalog/catalog-import-rows.ts';
import { IMPORT_BATCH_SIZE, withImportCache } from '../src/catalog/catalog-import.ts';
import { openStore } from '../src/db/dialect.ts';
import type { Store } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createOrganization } from '../src/organizations/organization.service.ts';
import type { Organization } from '../src/organizations/organization.ts';
import type { ReviewCaseValues, ReviewOutcome, ReviewPath } from '../src/reviews/review-case.ts';
import { validateReviewCase } from '../src/reviews/review-case.ts';
import { insertReviewCase } from '../src/reviews/review.repository.ts';
import { FixedClock, nowIso, today } from '../src/shared/clock.ts';
import { loadConfig } from '../src/shared/config.ts';
import type { ServiceContext } from '../src/shared/service-context.ts';
import { prng } from '../test/helpers/prng.ts';
import { option, percentile, timed } from './bench-options.ts';
import { CatalogCorpus } from './catalog-corpus.ts';
import type { CorpusOrganization } from './catalog-corpus.ts';
import { addDays, SyntheticCases } from './request-cases.ts';

const ORGS = Math.max(option('orgs', 1000), 6);
const ITEMS = option('items', 1_000_000);
const CASES = option('cases', 100_000);
const REVIEWS = option('reviews', 1000);
const RUNS = Math.max(option('runs', 5), 1);
const EXPORTS = option('export', 20);
const PROFILE = process.argv.includes('--profile');
const REUSE = process.argv.includes('--reuse');
const dirIndex = process.argv.indexOf('--dir');
const KEEP = dirIndex >= 0;
const DIR = KEEP ? (process.argv[dirIndex + 1] ?? '/tmp/gongkai-bench-reports') : `/tmp/gongkai-bench-reports-${process.pid}`;
const YEAR = 2025;
const FROM = `${YEAR}-01-01`;
const TO = `${YEAR}-12-31`;
/** "Today" for the reports: mid-March of the year after, when governments' reports are due (2019 art. 49). */
const clock = new FixedClock('2026-03-15T02:00:00Z');
/** The import's "today": the corpus dates items up to 2026-11-28. */
const IMPORT_TODAY = '2026-11-30';
/** Share of the catalog that is 规章 or 行政规范性文件. */
const REGULATORY_SHARE = 0.01;
/** Share of a department's normative documents issued jointly with a sibling department (catalogued by both). */
const JOINT_SHARE = 0.05;
const rows: [string, string, string][] = [];
const log = (line: string): void => console.error(line);
const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const seconds = (n: number): string => `${(n / 1000).toFixed(1)} s`;
/** The goal with whether the figure meets it. */
const goal = (text: string, met: boolean): string => `${text} ${met ? '(met)' : '(NOT met)'}`;

/** An organization of the region with what the generators need. */
interface RegionOrg extends CorpusOrganization {
  path: string;
  kind: Organization['kind'];
  level: Organization['level'];
  /** The government it belongs to (itself for a government). */
  government: RegionOrg | null;
  /**
   * Its reconsideration body (2023 行政复议法 art. 24–25): a department's own government, a
   * government's the one above; a province government's itself.
   */
  reviewBody: RegionOrg | null;
}

interface Region {
  root: RegionOrg;
  all: RegionOrg[];
  governments: RegionOrg[];
  /** Departments by their government's id. */
  departments: Map<number, RegionOrg[]>;
}

const DEPARTMENT_NAMES = [
  '发展和改革委员会', '教育局', '科学技术局', '工业和信息化局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源局',
  '生态环境局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局', '文化和旅游局', '卫生健康委员会', '退役军人事务局', '应急管理局',
  '审计局', '市场监督管理局', '统计局', '医疗保障局', '林业和草原局', '乡村振兴局', '体育局', '信访局', '政务服务管理局', '机关事务管理局',
  '城市管理局', '粮食和物资储备局', '民族宗教事务委员会', '国有资产监督管理委员会', '地方金融监督管理局', '人民防空办公室', '档案局', '气象局', '住房公积金管理中心', '公共资源交易中心',
];

/** The region: a province, 20 city and county governments (4 cities, the rest counties), departments up to `ORGS`. */
async function buildRegion(ctx: ServiceContext): Promise<Region> {
  const actor = systemActor('bench');
  const make = async (input: Parameters<typeof createOrganization>[2], shortName: string, government: RegionOrg | null, reviewBody: RegionOrg | null): Promise<RegionOrg> => {
    const o = await createOrganization(ctx, actor, { ...input, shortName });
    const org: RegionOrg = { id: o.id, name: o.name, shortName, organizationCode: o.organizationCode, path: o.path, kind: o.kind, level: o.level, government, reviewBody };
    if (o.kind === 'government') org.government = org;
    return org;
  };
  const root = await make({ parentId: null, name: '基准省人民政府', kind: 'government', level: 'province', divisionCode: '649000', organizationCode: '649000000' }, '基准省', null, null);
  root.reviewBody = root;
  const lower = Math.min(20, Math.floor((ORGS - 1) / 5));
  const cityCount = Math.max(1, Math.ceil(lower / 5));
  const cities: RegionOrg[] = [];
  const governments: RegionOrg[] = [root];
  for (let c = 1; c <= cityCount; c += 1) {
    const division = `6490${c}0`;
    const city = await make({ parentId: root.id, name: `基准${c}市人民政府`, kind: 'government', level: 'city', divisionCode: division, organizationCode: `${division}000`, competentDepartmentId: root.id }, `基准${c}市`, null, root);
    cities.push(city);
    governments.push(city);
  }
  for (let k = 0; governments.length < lower + 1; k += 1) {
    const city = cities[k % cities.length] ?? root;
    const j = Math.floor(k / cities.length) + 1;
    const division = j <= 9 ? `${city.organizationCode.slice(0, 5)}${j}` : null;
    const county = await make(
      { parentId: city.id, name: `${city.shortName}第${j}县人民政府`, kind: 'government', level: 'county', divisionCode: division, organizationCode: `6490${String(k + 1).padStart(3, '0')}99`, competentDepartmentId: city.id },
      `${city.shortName}第${j}县`,
      null,
      city,
    );
    governments.push(county);
  }
  const all = [...governments];
  const departments = new Map<number, RegionOrg[]>(governments.map((g) => [g.id, []]));
  for (let d = 0; all.length < ORGS; d += 1) {
    const government = governments[d % governments.length] ?? root;
    const list = departments.get(government.id) ?? [];
    const base = DEPARTMENT_NAMES[list.length % DEPARTMENT_NAMES.length] ?? '办公室';
    const round = Math.floor(list.length / DEPARTMENT_NAMES.length);
    const name = `${government.shortName}${base}${round > 0 ? `第${round + 1}分局` : ''}`;
    const org = await make(
      { parentId: government.id, name, kind: 'department', level: government.level, organizationCode: `66${String(d + 1).padStart(7, '0')}`, competentDepartmentId: government.id },
      name,
      government,
      government,
    );
    list.push(org);
    all.push(org);
  }
  return { root, all, governments, departments };
}

/** Reads the region of a store loaded by an earlier run (`--reuse`). */
async function readRegion(ctx: ServiceContext): Promise<Region> {
  const orgs = await ctx.store.db.selectFrom('organization').select(['id', 'name', 'short_name', 'organization_code', 'path', 'kind', 'level', 'parent_id']).orderBy('id').execute();
  const all: RegionOrg[] = orgs.map((o) => ({ id: o.id, name: o.name, shortName: o.short_name ?? o.name, organizationCode: o.organization_code, path: o.path, kind: o.kind as Organization['kind'], level: o.level as Organization['level'], government: null, reviewBody: null }));
  const root = all.find((o) => orgs.find((r) => r.id === o.id)?.parent_id === null);
  if (!root) throw new Error('no root organization in the reused store');
  return { root, all, governments: all.filter((o) => o.kind === 'government'), departments: new Map() };
}

// ---- catalog ----

/** Turns a corpus row into a 规章 or 行政规范性文件 with a 文号 and a validity. */
function makeRegulatory(raw: Record<string, string>, org: RegionOrg, random: () => number, serials: Map<string, number>): void {
  const rule = org.kind === 'government' && (org.level === 'province' || org.level === 'city') && random() < 0.3;
  const year = (raw['creationDate'] ?? '2025').slice(0, 4);
  const key = `${org.id}/${year}/${rule ? 'r' : 'n'}`;
  const serial = (serials.get(key) ?? 0) + 1;
  serials.set(key, serial);
  raw['genre'] = rule ? 'rule' : 'normative_document';
  raw['documentNumber'] = rule ? `${org.shortName}人民政府令第${year}${String(serial).padStart(3, '0')}号` : `${org.shortName}规〔${year}〕${serial}号`;
  raw['effectiveDate'] = raw['publicationDate'] ?? raw['creationDate'] ?? '2025-01-01';
  const r = random();
  if (r < 0.12) {
    // 8% repealed, 4% lapsed (失效), from half a year to seven years after they were made.
    raw['validity'] = r < 0.08 ? 'repealed' : 'expired';
    const expiry = addDays(raw['creationDate'] ?? '2025-01-01', 180 + Math.floor(random() * 2400));
    raw['expiryDate'] = expiry > IMPORT_TODAY ? IMPORT_TODAY : expiry;
  }
}

/** The copy of a jointly issued document catalogued by the partner department (the same 文号, sometimes typed with [] brackets). */
function jointCopy(raw: Record<string, string>, copy: Record<string, string>, lead: RegionOrg, partner: RegionOrg, random: () => number, serial: number): Record<string, string> {
  const out: Record<string, string> = { ...copy };
  for (const field of ['title', 'genre', 'creationDate', 'validity', 'effectiveDate', 'expiryDate'] as const) {
    const value = raw[field];
    if (value === undefined) delete out[field];
    else out[field] = value;
  }
  const number = raw['documentNumber'] ?? '';
  out['documentNumber'] = random() < 0.5 ? number : number.replace('〔', '[').replace('〕', ']');
  out['issuingAgency'] = `${lead.name}、${partner.name}`;
  if (raw['publicationDate'] === undefined) {
    delete out['publicationDate'];
    delete out['indexNumber'];
  } else {
    out['publicationDate'] = raw['publicationDate'];
    // The partner's corpus row may have been a draft, without an index number.
    // Serials from 900001 on, far above the corpus's own (under a thousand per organization and year).
    out['indexNumber'] ??= `${partner.organizationCode}/${(raw['creationDate'] ?? '2025').slice(0, 4)}-${900_000 + serial}`;
  }
  return out;
}

/**
 * Generates and inserts `ITEMS` items in one transaction (chunks of 20,000 rows validated by the
 * import's `checkImportRows`, inserted `IMPORT_BATCH_SIZE` at a time, no search rows).
 */
async function loadItems(ctx: ServiceContext, region: Region): Promise<{ ms: number; generateMs: number; checkMs: number; insertMs: number; regulatory: number; joint: number }> {
  const start = performance.now();
  const corpus = new CatalogCorpus();
  const random = prng(5_2025);
  const serials = new Map<string, number>();
  const governments = region.governments;
  const departments = region.all.filter((o) => o.kind === 'department');
  // A fifth of the catalog is the governments' (their offices publish for the whole government).
  const pickOrg = (): RegionOrg => {
    const list = departments.length === 0 || random() < 0.2 ? governments : departments;
    return list[Math.floor(random() * list.length)] ?? region.root;
  };
  const context = { today: IMPORT_TODAY, now: nowIso(clock), createdBy: null, synthetic: true };
  let generateMs = 0;
  let checkMs = 0;
  let insertMs = 0;
  let regulatory = 0;
  let joint = 0;
  let made = 0;
  const chunk = 20_000;
  await withImportCache(ctx.store, () =>
    ctx.store.db.transaction().execute(async (trx) => {
      while (made < ITEMS) {
        const t0 = performance.now();
        const byOrg = new Map<RegionOrg, RawImportRow[]>();
        const push = (org: RegionOrg, raw: Record<string, string>): void => {
          let list = byOrg.get(org);
          if (!list) byOrg.set(org, (list = []));
          made += 1;
          list.push({ row: made, raw });
        };
        const end = Math.min(ITEMS, made + chunk);
        while (made < end) {
          const org = pickOrg();
          const raw = corpus.next(org);
          if (random() < REGULATORY_SHARE) {
            makeRegulatory(raw, org, random, serials);
            regulatory += 1;
            push(org, raw);
            const siblings = org.government ? (region.departments.get(org.government.id) ?? []) : [];
            if (org.kind === 'department' && raw['genre'] === 'normative_document' && siblings.length > 1 && made < ITEMS && random() < JOINT_SHARE) {
              const partner = siblings.find((s) => s.id !== org.id && random() < 0.2) ?? siblings.find((s) => s.id !== org.id);
              if (partner) {
                push(partner, jointCopy(raw, corpus.next(partner), org, partner, random, joint + 1));
                regulatory += 1;
                joint += 1;
              }
            }
          } else {
            // The corpus draws 1 in 8 as normative documents; here they are ordinary documents.
            if (raw['genre'] === 'normative_document') raw['genre'] = 'other_document';
            push(org, raw);
          }
        }
        const t1 = performance.now();
        const items: CatalogItemInsert[] = [];
        for (const [org, raws] of byOrg) {
          const checked = checkImportRows(raws, org, { ...context, seen: new Map<string, number>() });
          if (checked.issues.length > 0) throw new Error(`generated rows failed validation: ${JSON.stringify(checked.issues.slice(0, 3))}`);
          for (const i of checked.items) items.push(i.item);
        }
        const t2 = performance.now();
        for (let i = 0; i < items.length; i += IMPORT_BATCH_SIZE) await insertCatalogItemRows(trx, items.slice(i, i + IMPORT_BATCH_SIZE));
        const t3 = performance.now();
        generateMs += t1 - t0;
        checkMs += t2 - t1;
        insertMs += t3 - t2;
        log(`  ${made}/${ITEMS} items (${Math.round(made / ((t3 - start) / 1000))} items/s; generate ${seconds(generateMs)}, validate ${seconds(checkMs)}, insert ${seconds(insertMs)})`);
      }
    }),
  );
  return { ms: performance.now() - start, generateMs, checkMs, insertMs, regulatory, joint };
}

// ---- reviews and entries ----

/**
 * Inserts `REVIEWS` reconsideration and litigation records (validated like the service does) filed
 * 2024-03 … 2025-12: 55% reconsiderations, 30% direct suits, 15% suits after reconsideration, half
 * of which also name the reconsideration body as co-defendant (a second record at that body), and 3%
 * of departments' reconsiderations recorded by two joint respondents.
 */
async function loadReviews(ctx: ServiceContext, region: Region): Promise<{ ms: number; coDefendant: number; jointRespondents: number }> {
  const start = performance.now();
  const random = prng(7_2025);
  const day = today(clock);
  const now = nowIso(clock);
  let coDefendant = 0;
  let jointRespondents = 0;
  const outcome = (): Exclude<ReviewOutcome, 'pending'> => {
    const r = random();
    return r < 0.7 ? 'upheld' : r < 0.85 ? 'corrected' : 'other';
  };
  await ctx.store.db.transaction().execute(async (trx) => {
    const insert = async (organizationId: number, values: ReviewCaseValues): Promise<void> => {
      const issues = validateReviewCase(values, day);
      if (issues.length > 0) throw new Error(`generated review failed validation: ${JSON.stringify(issues)}`);
      await insertReviewCase(trx, { organizationId, requestCaseId: null, values, synthetic: true, createdBy: null, now });
    };
    for (let n = 0; n < REVIEWS; n += 1) {
      const org = region.all[Math.floor(random() * region.all.length)] ?? region.root;
      const body = org.reviewBody ?? region.root;
      const court = `${(org.government ?? region.root).shortName}人民法院`;
      const r = random();
      const path: ReviewPath = r < 0.55 ? 'reconsideration' : r < 0.85 ? 'direct-suit' : 'suit-after-reconsideration';
      const filedOn = addDays('2024-03-01', Math.floor(random() * 660));
      const year = filedOn.slice(0, 4);
      const decided = random() < 0.8;
      let values: ReviewCaseValues;
      if (path === 'suit-after-reconsideration') {
        const reconsiderationDecidedOn = addDays(filedOn, 30 + Math.floor(random() * 30));
        const suitFiledOn = addDays(reconsiderationDecidedOn, 1 + Math.floor(random() * 14));
        const decidedOn = addDays(suitFiledOn, 60 + Math.floor(random() * 180));
        const done = decided && decidedOn <= day;
        values = { path, defendantRole: 'original-agency', applicantName: '张某某', reviewingBody: court, caseNumber: `（${suitFiledOn.slice(0, 4)}）${court}行初${n + 1}号`, filedOn, reconsiderationDecidedOn, reconsiderationOutcome: 'upheld', suitFiledOn, decidedOn: done ? decidedOn : null, outcome: done ? outcome() : 'pending', summary: null };
      } else {
        const decidedOn = addDays(filedOn, 30 + Math.floor(random() * 200));
        const done = decided && decidedOn <= day;
        const reviewingBody = path === 'reconsideration' ? body.name : court;
        const caseNumber = path === 'reconsideration' ? `${body.shortName}复〔${year}〕${n + 1}号` : `（${year}）${court}行初${n + 1}号`;
        values = { path, defendantRole: 'original-agency', applicantName: '李某某', reviewingBody, caseNumber, filedOn, reconsiderationDecidedOn: null, reconsiderationOutcome: null, suitFiledOn: null, decidedOn: done ? decidedOn : null, outcome: done ? outcome() : 'pending', summary: null };
      }
      await insert(org.id, values);
      if (path === 'suit-after-reconsideration' && body.id !== org.id && n + 1 < REVIEWS && random() < 0.5) {
        await insert(body.id, { ...values, defendantRole: 'co-defendant' });
        coDefendant += 1;
        n += 1;
      } else if (path === 'reconsideration' && org.kind === 'department' && n + 1 < REVIEWS && random() < 0.03) {
        const siblings = (org.government ? region.departments.get(org.government.id) : undefined) ?? [];
        const partner = siblings.find((s) => s.id !== org.id);
        if (partner) {
          await insert(partner.id, values);
          jointRespondents += 1;
          n += 1;
        }
      }
    }
  });
  return { ms: performance.now() - start, coDefendant, jointRespondents };
}

/** Enters table 二's hand-entered figures (2021 format) of `YEAR` for every organization. */
async function loadEntries(ctx: ServiceContext, region: Region): Promise<{ ms: number; entries: number }> {
  const start = performance.now();
  const random = prng(8_2025);
  const cells = enteredCells('2021');
  const enteredAt = nowIso(clock);
  await ctx.store.db.transaction().execute(async (trx) => {
    for (const org of region.all) {
      for (const cell of cells) {
        // Fees in 万元 with four decimals (whole 元), rarely charged; decision counts.
        const value = cell.endsWith('/amount') ? (random() < 0.05 ? Math.round(random() * 5000) / 10_000 : 0) : Math.floor(random() * (org.kind === 'government' ? 1200 : 400));
        await upsertEntry(trx, org.id, YEAR, cell, value, { source: 'manual', note: null, enteredBy: null, enteredAt });
      }
    }
  });
  return { ms: performance.now() - start, entries: region.all.length * cells.length };
}

// ---- the floor ----

interface FloorRow {
  part: 'doc' | 'req' | 'rev' | 'entry';
  org: number;
  k1: string;
  k2: string | null;
  k3: string | null;
  n1: number;
  n2: number;
  n3: number;
}

/**
 * The floor: one statement computing, per organization, what the reports count: regulatory
 * documents issued / repealed / in force by genre; request cases by requester type, receipt before or
 * in the year and outcome in the year (or still open); counted reviews by path and outcome at year
 * end; the entered figures.
 */
function floorQuery(ctx: ServiceContext) {
  return sql<FloorRow>`
    select 'doc' as part, ci.organization_id as org, ci.genre as k1, null as k2, null as k3,
      sum(case when ci.creation_date >= ${FROM} then 1 else 0 end) as n1,
      sum(case when ci.validity = 'repealed' and ci.expiry_date >= ${FROM} and ci.expiry_date <= ${TO} then 1 else 0 end) as n2,
      sum(case when ci.status = 'published' and ci.publication_date <= ${TO}
        and (ci.validity not in ('repealed', 'expired') or ci.expiry_date is null or ci.expiry_date > ${TO}) then 1 else 0 end) as n3
    from catalog_item ci
    where ci.genre in ('rule', 'normative_document') and ci.status in ('published', 'superseded') and ci.creation_date <= ${TO}
    group by ci.organization_id, ci.genre
    union all
    select 'req', rc.organization_id, rc.requester_type,
      case when rc.received_on < ${FROM} then 'before' else 'in' end,
      case when rc.outcome_on is null or rc.outcome_on > ${TO} then 'open' else rc.outcome end,
      count(*), sum(rc.fee_yuan), 0
    from request_case rc
    where rc.received_on <= ${TO} and (rc.outcome_on is null or rc.outcome_on >= ${FROM})
    group by 2, 3, 4, 5
    union all
    select 'rev', r.organization_id, r.path,
      case when r.decided_on is null or r.decided_on > ${TO} then 'pending' else r.outcome end, null,
      count(*), 0, 0
    from review_case r
    where r.defendant_role = 'original-agency'
      and (case when r.path = 'suit-after-reconsideration' then coalesce(r.suit_filed_on, r.filed_on) else r.filed_on end) between ${FROM} and ${TO}
    group by 2, 3, 4
    union all
    select 'entry', e.organization_id, e.cell, null, null, sum(e.value), 0, 0
    from report_entry e
    where e.year = ${YEAR}
    group by 2, 3`.execute(ctx.store.db);
}

/** The floor's rows as the cells of each organization's own report. */
function floorCells(floor: readonly FloorRow[]): Map<number, Map<string, number>> {
  const byOrg = new Map<number, Map<string, number>>();
  const add = (org: number, id: string, n: number): void => {
    let cells = byOrg.get(org);
    if (!cells) byOrg.set(org, (cells = new Map<string, number>()));
    cells.set(id, (cells.get(id) ?? 0) + n);
  };
  for (const r of floor) {
    const org = Number(r.org);
    if (r.part === 'doc') {
      const row = r.k1 === 'rule' ? 'regulations' : 'normative-documents';
      add(org, `t2-1/${row}/issued`, Number(r.n1));
      add(org, `t2-1/${row}/repealed`, Number(r.n2));
      add(org, `t2-1/${row}/in-force`, Number(r.n3));
    } else if (r.part === 'req') {
      const n = Number(r.n1);
      const three = (row: string): void => {
        add(org, `t3/${row}/${r.k1}`, n);
        add(org, `t3/${row}/total`, n);
      };
      three(r.k2 === 'in' ? 'new' : 'carried-in');
      if (r.k3 === 'open') three('carried-over');
      else {
        three(r.k3 ?? 'unknown');
        three('total');
      }
    } else if (r.part === 'rev') {
      add(org, `t4/cases/${r.k1}-${r.k2}`, Number(r.n1));
      add(org, `t4/cases/${r.k1}-total`, Number(r.n1));
    } else {
      add(org, r.k1, Number(r.n1));
    }
  }
  return byOrg;
}

/** Compares every counted cell of every own report with the floor's numbers. */
function compareWithFloor(reports: readonly RegionReport[], floor: Map<number, Map<string, number>>): { cells: number; mismatches: string[] } {
  let cells = 0;
  const mismatches: string[] = [];
  for (const r of reports) {
    if (r.scope !== 'own') continue;
    const expected = floor.get(r.organizationId) ?? new Map<string, number>();
    for (const cell of r.report.cells) {
      if (!/^(t2-1|t3|t4|t2-5|t2-6|t2-8)\//.test(cell.id)) continue;
      cells += 1;
      const want = Math.round((expected.get(cell.id) ?? 0) * 10_000) / 10_000;
      if ((cell.value ?? 0) !== want) mismatches.push(`org ${r.organizationId} ${cell.id}: report ${cell.value} floor ${want}`);
    }
  }
  return { cells, mismatches };
}

// ---- profile ----

/** Profiles one run of `work` and prints the functions with the most self time and the report stages' inclusive time. */
async function profile(work: () => Promise<unknown>, file: string): Promise<string[]> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  await work();
  const { profile: p } = await session.post('Profiler.stop');
  session.disconnect();
  writeFileSync(file, JSON.stringify(p));
  const root = new URL('..', import.meta.url).href;
  const nodes = new Map<number, Profiler.ProfileNode>(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // tsx compiles each module to one line, so the file names the place, not the line.
  const label = (n: Profiler.ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(root, '') || '(native)'}`;
  const self = new Map<string, number>();
  // The queries run inside the driver's promise continuations, so their time shows as the native
  // statement calls (all, get) in the self-time list, not under selectSubtreeFigures.
  const STAGES = ['assembleReport', 'computeCells', 'countRegulatoryDocuments', 'tallyRequestTables', 'addPackedRequestTables', 'computeReviewTable', 'composeNarrative', 'buildComputedReport', 'readNarrative', 'checkReport'];
  const inclusive = new Map<string, number>();
  let total = 0;
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const dt = (deltas[i] ?? 0) / 1000;
    const node = nodes.get(id);
    if (!node) return;
    const stack: Profiler.ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = nodes.get(at);
      if (n) stack.push(n);
    }
    // Stopping the profiler (inside the inspector's post) is not the work's time.
    if (stack.some((n) => n.callFrame.url === 'node:inspector')) return;
    total += dt;
    self.set(label(node), (self.get(label(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (const n of stack) {
      const name = n.callFrame.functionName;
      if (STAGES.includes(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
      }
    }
  });
  const pct = (t: number): string => `${ms(t)} (${((100 * t) / total).toFixed(1)}%)`;
  const lines = [`CPU profile of one computeRegionReports run: ${ms(total)} sampled, written to ${file}`, '  inclusive time of the stages:'];
  for (const name of STAGES) if (inclusive.has(name)) lines.push(`    ${name.padEnd(26)} ${pct(inclusive.get(name) ?? 0)}`);
  lines.push('  top self time:');
  for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) lines.push(`    ${pct(t).padEnd(20)} ${name}`);
  return lines;
}

// ---- main ----

async function main(): Promise<void> {
  const benchStart = performance.now();
  const file = join(DIR, 'reports.sqlite');
  const reuse = REUSE && existsSync(file);
  if (!reuse) {
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
  }
  const store = openStore(file);
  const ctx: ServiceContext = { store, clock, config: loadConfig({ GONGKAI_DATA_DIR: DIR, LOG_LEVEL: 'silent' }) };
  let region: Region;
  if (reuse) {
    region = await readRegion(ctx);
    rows.push([`data: reused ${file} (loaded by an earlier run)`, '', '']);
    await bringToLatestSchema(store);
  } else {
    await migrateToLatest(store.db);
    log(`building ${ORGS} organizations …`);
    const t0 = performance.now();
    region = await buildRegion(ctx);
    rows.push([`load: ${region.all.length} organizations (${region.governments.length} governments), through the service`, seconds(performance.now() - t0), '']);
    log(`loading ${ITEMS} catalog items …`);
    const items = await loadItems(ctx, region);
    rows.push([
      `load: ${ITEMS} items (${items.regulatory} 规章/规范性文件, ${items.joint} joint copies), validated, batch inserts, no search index`,
      `${seconds(items.ms)} (${Math.round(ITEMS / (items.ms / 1000))}/s; generate ${seconds(items.generateMs)}, validate ${seconds(items.checkMs)}, insert ${seconds(items.insertMs)})`,
      '',
    ]);
    log(`loading ${CASES} request cases …`);
    const calendar = await loadCalendar(ctx);
    const cases = await new SyntheticCases().load(store, calendar, { count: CASES, orgs: region.all, onProgress: log });
    rows.push([`load: ${CASES} request cases (foldCase + batched inserts)`, `${seconds(cases.ms)} (fold ${seconds(cases.foldMs)})`, '']);
    log(`loading ${REVIEWS} reviews and the entered figures …`);
    const reviews = await loadReviews(ctx, region);
    const entries = await loadEntries(ctx, region);
    rows.push([`load: ${REVIEWS} reviews (${reviews.coDefendant} co-defendant, ${reviews.jointRespondents} joint-respondent copies) + ${entries.entries} entered figures`, seconds(reviews.ms + entries.ms), '']);
    const t1 = performance.now();
    await sql`analyze`.execute(store.db);
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db);
    rows.push(['load: analyze + WAL checkpoint', seconds(performance.now() - t1), '']);
  }
  rows.push(['database file', `${(statSync(file).size / 1024 / 1024).toFixed(0)} MB`, '']);

  log('the floor …');
  const floor = await timed(RUNS, () => floorQuery(ctx));
  rows.push([`floor: one SQL statement, GROUP BY organization (${floor.last.rows.length} rows), p50 / p95 (${RUNS} runs, warm)`, `${ms(floor.p50)} / ${ms(floor.p95)}`, '']);

  log('computeRegionReports …');
  const actor = systemActor('bench');
  const compute = await timed(RUNS, () => computeRegionReports(ctx, actor, region.root.id, YEAR));
  const reports = compute.last;
  const own = reports.filter((r) => r.scope === 'own').length;
  rows.push([
    `computeRegionReports ${YEAR}: ${reports.length} reports (${own} own, ${reports.length - own} roll-ups), checked, p50 / p95 / max (${RUNS} runs)`,
    `${ms(compute.p50)} / ${ms(compute.p95)} / ${ms(compute.max)}`,
    goal('≤ 10 s', compute.p95 <= 10_000),
  ]);
  const ratio = compute.p50 / floor.p50;
  rows.push(['  ratio to the floor (p50 / p50)', `${ratio.toFixed(1)}×`, goal('≤ 3×', ratio <= 3)]);
  const figures = await timed(RUNS, () => selectSubtreeFigures(store.db, region.root.path, YEAR, '2021'));
  rows.push(['  of which the figures\' five queries alone (selectSubtreeFigures), p50 / p95', `${ms(figures.p50)} / ${ms(figures.p95)}`, '']);

  const severities = { error: 0, warning: 0, info: 0 };
  const byRule = new Map<string, number>();
  let identityErrors = 0;
  for (const r of reports) {
    for (const f of r.findings) {
      severities[f.severity] += 1;
      byRule.set(`${f.rule} ${f.severity}`, (byRule.get(`${f.rule} ${f.severity}`) ?? 0) + 1);
      if (f.severity === 'error' && /^(V0[1-4]|V15)$/.test(f.rule)) identityErrors += 1;
    }
  }
  const topRules = [...byRule].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, n]) => `${k} ×${n}`).join(', ');
  rows.push([`  findings: ${severities.error} errors, ${severities.warning} warnings, ${severities.info} info`, topRules || 'none', '']);
  rows.push(['  identity errors (V01–V04, V15)', String(identityErrors), goal('0', identityErrors === 0)]);
  const agreement = compareWithFloor(reports, floorCells(floor.last.rows));
  rows.push(['  own reports\' counted cells equal to the floor\'s numbers', `${agreement.cells - agreement.mismatches.length} of ${agreement.cells}`, goal('all', agreement.mismatches.length === 0)]);
  for (const m of agreement.mismatches.slice(0, 5)) log(`  mismatch: ${m}`);

  await exportTimings(reports);

  const profileLines = PROFILE ? await profile(() => computeRegionReports(ctx, actor, region.root.id, YEAR), join(DIR, `compute-${process.pid}.cpuprofile`)) : [];
  await store.close();
  if (!KEEP) rmSync(DIR, { recursive: true, force: true });
  rows.push(['whole bench', seconds(performance.now() - benchStart), '']);

  const width = Math.max(...rows.map((r) => r[0].length));
  const width2 = Math.max(...rows.map((r) => r[1].length));
  console.log(`\nannual-report benchmark (SQLite file, Node ${process.version}; ${ORGS} organizations, ${ITEMS} items, ${CASES} cases, ${REVIEWS} reviews)\n`);
  for (const [what, figure, g] of rows) console.log(`${what.padEnd(width)}  ${figure.padEnd(width2)}  ${g}`);
  for (const line of profileLines) console.log(line);
}

/** The index on catalog_item (genre, organization_id) that migration 0003 creates. */
const GENRE_INDEX = 'catalog_item_genre_org';

/**
 * Brings a reused database to the schema a fresh load has: the migrations added since it was loaded,
 * and migration 0003's index on catalog_item (genre, organization_id), which 0003 did not create
 * when the kept databases were loaded (a migration that has run does not run again). An index the
 * bench once added under its own name for the same columns is dropped. New statistics follow an
 * added index, as after a fresh load.
 */
async function bringToLatestSchema(store: Store): Promise<void> {
  const t0 = performance.now();
  const applied = await migrateToLatest(store.db);
  const has = async (name: string): Promise<boolean> =>
    (await sql<{ name: string }>`select name from sqlite_master where type = 'index' and name = ${name}`.execute(store.db)).rows.length > 0;
  const added = !(await has(GENRE_INDEX));
  if (added) {
    await sql`create index ${sql.id(GENRE_INDEX)} on catalog_item (genre, organization_id)`.execute(store.db);
    await sql`analyze`.execute(store.db);
  }
  await sql`drop index if exists bench_catalog_item_genre`.execute(store.db);
  if (applied.length > 0 || added) {
    const what = [...applied.map((m) => `migration ${m}`), ...(added ? [`index ${GENRE_INDEX} (migration 0003's) + analyze`] : [])].join(', ');
    rows.push([`data: brought to the latest schema: ${what}`, seconds(performance.now() - t0), '']);
  }
}

/** DOCX and PDF export of a sample of the reports (the region's roll-up first), per report after one warm-up each. */
async function exportTimings(reports: readonly RegionReport[]): Promise<void> {
  if (EXPORTS === 0 || reports.length === 0) return;
  const sample: RegionReport[] = [];
  const step = Math.max(1, Math.floor(reports.length / EXPORTS));
  const rollup = reports.find((r) => r.scope === 'rollup');
  if (rollup) sample.push(rollup);
  for (let i = 0; i < reports.length && sample.length < EXPORTS; i += step) {
    const r = reports[i];
    if (r && r !== rollup) sample.push(r);
  }
  const exporters: [string, (report: RegionReport['report']) => Promise<Buffer>][] = [
    ['DOCX', reportToDocx],
    ['PDF', (report) => reportToPdf(report)],
  ];
  for (const [name, exporter] of exporters) {
    log(`${name} export of ${sample.length} reports …`);
    try {
      if (sample[0]) await exporter(sample[0].report);
      const times: number[] = [];
      let bytes = 0;
      for (const r of sample) {
        const start = performance.now();
        const out = await exporter(r.report);
        times.push(performance.now() - start);
        bytes += out.length;
      }
      times.sort((a, b) => a - b);
      rows.push([`${name} export per report (${sample.length} reports, warm), p50 / max, mean size`, `${ms(percentile(times, 50))} / ${ms(times[times.length - 1] ?? NaN)}, ${Math.round(bytes / sample.length / 1024)} KB`, '']);
    } catch (error) {
      rows.push([`${name} export per report`, `failed: ${(error as Error).message.split('\n')[0] ?? ''}`, '']);
    }
  }
}

await main();
