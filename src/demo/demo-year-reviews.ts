/**
 * The reconsiderations and suits of the demo year (2025) about OGI work (table 四, 2019 art. 51): a
 * written list, so the table can be counted by hand. Most are decided in 2025; two are still pending;
 * one was filed in 2024 and decided in 2025; one reconsideration of 利通区 was sued afterwards, with
 * the city government (which upheld it) as co-defendant, a record that is never counted
 * (src/reviews/review-case.ts). Each is linked, where the plan has one, to a case of its organization
 * decided against the requester before the filing, and then names that requester as applicant.
 * Bodies, case numbers and applicants are made up (演示).
 */
import type { ReviewCaseInput } from '../reviews/review-case.ts';
import type { DemoYearCase } from './demo-year-requests.ts';
import type { DemoOrgKey } from './demo-organizations.ts';

/** One planned record; `case` is the plan index of the linked request case, when there is one. */
export type DemoYearReview = { org: DemoOrgKey; caseOrg: DemoOrgKey; case: number | null } & Omit<ReviewCaseInput, 'organizationId' | 'requestCaseId' | 'synthetic'>;

type Written = Omit<DemoYearReview, 'case' | 'caseOrg'> & { caseOrg?: DemoOrgKey };

const CITY = '吴忠市人民政府';
const REGION = '宁夏回族自治区人民政府';
const COURT = '宁夏回族自治区吴忠市中级人民法院';

const WRITTEN: readonly Written[] = [
  { org: 'city', path: 'reconsideration', applicantName: '马某（演示）', reviewingBody: REGION, caseNumber: '宁政复〔2025〕41号（演示）', filedOn: '2025-04-10', decidedOn: '2025-06-05', outcome: 'upheld' },
  { org: 'city', path: 'direct-suit', applicantName: '某某房地产开发有限公司（演示）', reviewingBody: '宁夏回族自治区银川市中级人民法院', caseNumber: '（2025）宁01行初88号（演示）', filedOn: '2025-09-15', outcome: 'pending' },
  { org: 'cityOffice', path: 'reconsideration', applicantName: '杨某（演示）', reviewingBody: CITY, caseNumber: '吴政复〔2025〕17号（演示）', filedOn: '2025-05-20', decidedOn: '2025-07-15', outcome: 'corrected' },
  { org: 'finance', path: 'direct-suit', applicantName: '李某（演示）', reviewingBody: '宁夏回族自治区吴忠市利通区人民法院', caseNumber: '（2025）宁0302行初21号（演示）', filedOn: '2025-07-01', decidedOn: '2025-10-20', outcome: 'upheld' },
  { org: 'ecology', path: 'reconsideration', applicantName: '某某环保公益促进会（演示）', reviewingBody: CITY, caseNumber: '吴政复〔2025〕9号（演示）', filedOn: '2025-03-03', decidedOn: '2025-04-28', outcome: 'upheld' },
  { org: 'agriculture', path: 'reconsideration', applicantName: '田某（演示）', reviewingBody: CITY, caseNumber: '吴政复〔2025〕52号（演示）', filedOn: '2025-11-03', decidedOn: '2025-12-22', outcome: 'upheld' },
  { org: 'litong', path: 'reconsideration', applicantName: '周某（演示）', reviewingBody: CITY, caseNumber: '吴政复〔2025〕6号（演示）', filedOn: '2025-02-17', decidedOn: '2025-04-11', outcome: 'upheld' },
  {
    org: 'litong', path: 'suit-after-reconsideration', applicantName: '周某（演示）', reviewingBody: COURT, caseNumber: '（2025）宁03行初12号（演示）', filedOn: '2025-02-17',
    reconsiderationDecidedOn: '2025-04-11', reconsiderationOutcome: 'upheld', suitFiledOn: '2025-04-25', decidedOn: '2025-10-30', outcome: 'upheld',
  },
  {
    org: 'city', caseOrg: 'litong', path: 'suit-after-reconsideration', defendantRole: 'co-defendant', applicantName: '周某（演示）', reviewingBody: COURT, caseNumber: '（2025）宁03行初12号（演示）', filedOn: '2025-02-17',
    reconsiderationDecidedOn: '2025-04-11', reconsiderationOutcome: 'upheld', suitFiledOn: '2025-04-25', decidedOn: '2025-10-30', outcome: 'upheld',
  },
  { org: 'litong', path: 'direct-suit', applicantName: '吴某（演示）', reviewingBody: COURT, caseNumber: '（2025）宁03行初47号（演示）', filedOn: '2025-08-08', decidedOn: '2025-12-12', outcome: 'other' },
  { org: 'hongsibao', path: 'reconsideration', applicantName: '海某（演示）', reviewingBody: CITY, caseNumber: '吴政复〔2025〕24号（演示）', filedOn: '2025-06-10', decidedOn: '2025-08-01', outcome: 'corrected' },
  { org: 'qingtongxia', path: 'reconsideration', applicantName: '某某村民委员会（演示）', reviewingBody: CITY, caseNumber: '吴政复〔2025〕49号（演示）', filedOn: '2025-10-20', outcome: 'pending' },
  { org: 'qingtongxia', path: 'direct-suit', applicantName: '苏某（演示）', reviewingBody: COURT, caseNumber: '（2025）宁03行初19号（演示）', filedOn: '2025-03-18', decidedOn: '2025-07-22', outcome: 'upheld' },
  { org: 'yanchi', path: 'reconsideration', applicantName: '丁某（演示）', reviewingBody: CITY, caseNumber: '吴政复〔2024〕58号（演示）', filedOn: '2024-11-18', decidedOn: '2025-01-10', outcome: 'upheld' },
  { org: 'yanchi', path: 'reconsideration', applicantName: '王某（演示）', reviewingBody: CITY, caseNumber: '吴政复〔2025〕33号（演示）', filedOn: '2025-07-07', decidedOn: '2025-08-29', outcome: 'upheld' },
  { org: 'tongxin', path: 'direct-suit', applicantName: '某某律师事务所（演示）', reviewingBody: COURT, caseNumber: '（2025）宁03行初30号（演示）', filedOn: '2025-05-12', decidedOn: '2025-09-26', outcome: 'corrected' },
];

/** Outcomes a requester contests: anything short of full disclosure. */
function contested(outcome: string | null): boolean {
  return outcome !== null && outcome !== 'disclosed' && !outcome.startsWith('other-');
}

/**
 * The review records, each linked to the latest contested case of its organization decided before it
 * was filed and not linked yet (records about the same proceeding share a case).
 * @param cases the request plan (src/demo/demo-year-requests.ts)
 */
export function planDemoYearReviews(cases: readonly DemoYearCase[]): DemoYearReview[] {
  const used = new Set<number>();
  const byProceeding = new Map<string, number | null>();
  return WRITTEN.map((w) => {
    const caseOrg = w.caseOrg ?? w.org;
    const proceeding = `${caseOrg}|${w.applicantName}|${w.filedOn}`;
    let index = byProceeding.get(proceeding);
    if (index === undefined) {
      index = null;
      cases.forEach((c, i) => {
        if (c.org === caseOrg && contested(c.outcome) && c.outcomeOn !== null && c.outcomeOn < w.filedOn && !used.has(i)) index = i;
      });
      if (index !== null) used.add(index);
      byProceeding.set(proceeding, index);
    }
    // The applicant of a linked record is the requester of its case.
    const applicantName = index === null ? w.applicantName : (cases[index]?.requesterName ?? w.applicantName);
    return { ...w, applicantName, caseOrg, case: index };
  });
}
