/**
 * Where each organization's report of a year stands, for the views over many organizations (the
 * roll-up comparison, the submission dashboard, the deadline reminders): one query over
 * `annual_report` for a whole set of organizations, and the organizations a competent OGI
 * department oversees. Only reads.
 */
import type { Db } from '../db/database.ts';
import { rowToOrganization } from '../organizations/organization.repository.ts';
import type { Organization } from '../organizations/organization.ts';
import type { ReportStatus } from './annual-report.ts';

/** What the overviews show of a stored report. */
export interface ReportStatusRow {
  reportId: number;
  organizationId: number;
  status: ReportStatus;
  /** ISO instant of the (last) submission, or null. */
  submittedAt: string | null;
  publishedAt: string | null;
}

const CHUNK = 500;

/**
 * The reports of `year` of the given organizations.
 * @returns organization id → its report's status (organizations without a report are absent)
 */
export async function selectReportStatuses(db: Db, organizationIds: readonly number[], year: number): Promise<Map<number, ReportStatusRow>> {
  const out = new Map<number, ReportStatusRow>();
  for (let i = 0; i < organizationIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('annual_report')
      .select(['id', 'organization_id', 'status', 'submitted_at', 'published_at'])
      .where('year', '=', year)
      .where('organization_id', 'in', organizationIds.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) {
      out.set(Number(r.organization_id), { reportId: Number(r.id), organizationId: Number(r.organization_id), status: r.status as ReportStatus, submittedAt: r.submitted_at, publishedAt: r.published_at });
    }
  }
  return out;
}

/**
 * The organizations whose reports a competent OGI department oversees: those naming it as their
 * competent department (2019 art. 49 ¶1) and its own subtree (itself included).
 * @param organization the competent department's organization
 * @returns organizations by path
 */
export async function selectOverseenOrganizations(db: Db, organization: Pick<Organization, 'id' | 'path'>): Promise<Organization[]> {
  const rows = await db
    .selectFrom('organization')
    .selectAll()
    .where((eb) => eb.or([eb('path', 'like', `${organization.path}%`), eb('competent_department_id', '=', organization.id)]))
    .orderBy('path')
    .execute();
  return rows.map(rowToOrganization);
}

/** The first root organization (the region's top government), or undefined for an empty tree. */
export async function findFirstRootOrganization(db: Db): Promise<Organization | undefined> {
  const row = await db.selectFrom('organization').selectAll().where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
  return row ? rowToOrganization(row) : undefined;
}
