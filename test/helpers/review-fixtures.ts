/**
 * A hand-counted set of reconsideration and litigation records across 2024–2026 for table 四
 * tests (src/reviews/). Each record names the organization it belongs to by a key of the seeded
 * region; the expected tables are counted by hand in the comments of {@link REVIEW_FIXTURE}.
 */
import type { Store } from '../../src/db/dialect.ts';
import type { ReviewCaseInput } from '../../src/reviews/review-case.ts';
import type { SeededRegion } from './factories.ts';

/** One fixture record: its label, its organization (a key of the seeded region), its values. */
export interface ReviewFixtureRecord {
  label: string;
  org: keyof SeededRegion;
  input: Omit<ReviewCaseInput, 'organizationId'>;
}

const base = { applicantName: '张某', reviewingBody: '利通区人民政府' };

/**
 * Sixteen records. The original agency is 利通区教育局 (litongDepartment) unless noted.
 *
 * Counted in 2025 (by filing date; suits by the suit's filing date), outcome as of 2025-12-31:
 * - R1 reconsideration 2025-02-10, upheld 2025-04-01                      → 复议·结果维持
 * - R2 reconsideration 2025-03-05, corrected 2025-05-20                   → 复议·结果纠正
 * - R3 reconsideration 2025-06-01, other 2025-07-15                       → 复议·其他结果
 * - R4 reconsideration 2025-11-20, upheld 2026-01-15 (after year end)     → 复议·尚未审结
 * - R5 reconsideration 2025-12-01, pending                                → 复议·尚未审结
 * - R6 direct suit 2025-01-15, upheld 2025-06-30                          → 直接起诉·结果维持
 * - R7 direct suit 2025-08-01, corrected 2025-12-31 (on year end: counts)  → 直接起诉·结果纠正
 * - R8 direct suit 2025-10-10, other 2026-03-01 (after year end)          → 直接起诉·尚未审结
 * - R9 suit after reconsideration: reconsideration 2024-10-01 (R15), decided 2024-12-20,
 *      suit 2025-01-05, upheld 2025-09-01: counts in 2025, not 2024       → 复议后起诉·结果维持
 * - R10 suit after reconsideration: reconsideration 2025-03-01, decided 2025-05-01,
 *      suit 2025-05-20, pending                                           → 复议后起诉·尚未审结
 * - R11 the same suit as R10, recorded by 利通区人民政府 (litong) as co-defendant reconsideration
 *      body: never counted (the de-duplication rule)
 * - R12 盐池县卫生健康局 (yanchiDepartment): reconsideration 2025-04-04, corrected 2025-05-05
 * Counted in 2024:
 * - R13 reconsideration 2024-03-01, upheld 2024-04-01                     → 复议·结果维持
 * - R14 direct suit 2024-12-30, corrected 2025-02-01 (after year end)     → 直接起诉·尚未审结
 * - R15 reconsideration 2024-10-01, upheld 2024-12-20 (the one R9 sued)   → 复议·结果维持
 * Counted in 2026:
 * - R16 direct suit 2026-01-10, pending
 *
 * Hand count, 2025, subtree of 利通区教育局 (R1–R10), the 15 cells in printed order:
 *   复议      维持 1 (R1)  纠正 1 (R2)  其他 1 (R3)  尚未审结 2 (R4, R5)  总计 5
 *   直接起诉  维持 1 (R6)  纠正 1 (R7)  其他 0       尚未审结 1 (R8)      总计 3
 *   复议后起诉 维持 1 (R9) 纠正 0       其他 0       尚未审结 1 (R10)     总计 2
 *   = [1,1,1,2,5, 1,1,0,1,3, 1,0,0,1,2]; 10 counted, 0 excluded.
 * 2025, subtree of 利通区人民政府 (R1–R11): the same 15 numbers; 10 counted, 1 excluded (R11).
 * 2025, the whole city (R1–R12): 复议 纠正 2 and 总计 6, the rest as above; 11 counted, 1 excluded.
 * 2024, the whole city (R13–R15): 复议 维持 2 总计 2; 直接起诉 尚未审结 1 总计 1; the rest 0; 3 counted.
 * 2014 rows, 2025, 利通区教育局: 复议 5 = 维持 1 + 纠错 1 + 其他 3 (R3 + pending R4, R5);
 *   诉讼 5 = 维持 2 (R6, R9) + 纠错 1 (R7) + 其他 2 (pending R8, R10).
 */
export const REVIEW_FIXTURE: readonly ReviewFixtureRecord[] = [
  { label: 'R1', org: 'litongDepartment', input: { ...base, path: 'reconsideration', filedOn: '2025-02-10', decidedOn: '2025-04-01', outcome: 'upheld' } },
  { label: 'R2', org: 'litongDepartment', input: { ...base, path: 'reconsideration', filedOn: '2025-03-05', decidedOn: '2025-05-20', outcome: 'corrected' } },
  { label: 'R3', org: 'litongDepartment', input: { ...base, path: 'reconsideration', filedOn: '2025-06-01', decidedOn: '2025-07-15', outcome: 'other' } },
  { label: 'R4', org: 'litongDepartment', input: { ...base, path: 'reconsideration', filedOn: '2025-11-20', decidedOn: '2026-01-15', outcome: 'upheld' } },
  { label: 'R5', org: 'litongDepartment', input: { ...base, path: 'reconsideration', filedOn: '2025-12-01', outcome: 'pending' } },
  { label: 'R6', org: 'litongDepartment', input: { ...base, reviewingBody: '吴忠市利通区人民法院', path: 'direct-suit', filedOn: '2025-01-15', decidedOn: '2025-06-30', outcome: 'upheld' } },
  { label: 'R7', org: 'litongDepartment', input: { ...base, reviewingBody: '吴忠市利通区人民法院', path: 'direct-suit', filedOn: '2025-08-01', decidedOn: '2025-12-31', outcome: 'corrected' } },
  { label: 'R8', org: 'litongDepartment', input: { ...base, reviewingBody: '吴忠市利通区人民法院', path: 'direct-suit', filedOn: '2025-10-10', decidedOn: '2026-03-01', outcome: 'other' } },
  {
    label: 'R9',
    org: 'litongDepartment',
    input: { ...base, reviewingBody: '吴忠市利通区人民法院', path: 'suit-after-reconsideration', filedOn: '2024-10-01', reconsiderationDecidedOn: '2024-12-20', reconsiderationOutcome: 'upheld', suitFiledOn: '2025-01-05', decidedOn: '2025-09-01', outcome: 'upheld' },
  },
  {
    label: 'R10',
    org: 'litongDepartment',
    input: { ...base, applicantName: '李某', reviewingBody: '吴忠市利通区人民法院', path: 'suit-after-reconsideration', filedOn: '2025-03-01', reconsiderationDecidedOn: '2025-05-01', reconsiderationOutcome: 'upheld', suitFiledOn: '2025-05-20', outcome: 'pending' },
  },
  {
    label: 'R11',
    org: 'litong',
    input: { ...base, applicantName: '李某', reviewingBody: '吴忠市利通区人民法院', path: 'suit-after-reconsideration', defendantRole: 'co-defendant', filedOn: '2025-03-01', reconsiderationDecidedOn: '2025-05-01', reconsiderationOutcome: 'upheld', suitFiledOn: '2025-05-20', outcome: 'pending' },
  },
  { label: 'R12', org: 'yanchiDepartment', input: { ...base, reviewingBody: '盐池县人民政府', path: 'reconsideration', filedOn: '2025-04-04', decidedOn: '2025-05-05', outcome: 'corrected' } },
  { label: 'R13', org: 'litongDepartment', input: { ...base, path: 'reconsideration', filedOn: '2024-03-01', decidedOn: '2024-04-01', outcome: 'upheld' } },
  { label: 'R14', org: 'litongDepartment', input: { ...base, reviewingBody: '吴忠市利通区人民法院', path: 'direct-suit', filedOn: '2024-12-30', decidedOn: '2025-02-01', outcome: 'corrected' } },
  { label: 'R15', org: 'litongDepartment', input: { ...base, path: 'reconsideration', filedOn: '2024-10-01', decidedOn: '2024-12-20', outcome: 'upheld' } },
  { label: 'R16', org: 'litongDepartment', input: { ...base, reviewingBody: '吴忠市利通区人民法院', path: 'direct-suit', filedOn: '2026-01-10', outcome: 'pending' } },
];

/** 2025, subtree of 利通区教育局 (and of 利通区人民政府): the 15 cells of table 四 in printed order. */
export const EXPECTED_2025_LITONG = [1, 1, 1, 2, 5, 1, 1, 0, 1, 3, 1, 0, 0, 1, 2];
/** 2025, the whole city: R12 adds one corrected reconsideration. */
export const EXPECTED_2025_CITY = [1, 2, 1, 2, 6, 1, 1, 0, 1, 3, 1, 0, 0, 1, 2];
/** 2024, the whole city. */
export const EXPECTED_2024_CITY = [2, 0, 0, 0, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0];

let requestSerial = 0;

/**
 * Inserts a bare request case of `organizationId` straight into `request_case` (the requests
 * service is another module's), for linking review records to it.
 * @returns the new case's id
 */
export async function insertRequestCase(store: Store, organizationId: number): Promise<number> {
  requestSerial += 1;
  const now = '2026-01-05T02:00:00.000Z';
  const row = await store.db
    .insertInto('request_case')
    .values({
      organization_id: organizationId,
      tracking_code: `REVIEW-TEST-${process.pid}-${requestSerial}`,
      requester_type: 'natural',
      requester_name: '张某',
      requester_key: `key-${requestSerial}`,
      channel: 'in-person',
      submitted_on: '2026-01-05',
      received_on: '2026-01-05',
      information_requested: '2025年某项目的批准文件',
      delivery_form: 'paper',
      delivery_method: 'pickup',
      status: 'closed',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Row counts of the tables a review change writes. */
export async function reviewCounts(store: Store): Promise<{ reviews: number; documents: number; audits: number }> {
  const count = async (table: 'review_case' | 'case_document' | 'audit_event'): Promise<number> =>
    Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { reviews: await count('review_case'), documents: await count('case_document'), audits: await count('audit_event') };
}
