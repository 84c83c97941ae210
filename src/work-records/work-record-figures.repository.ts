/**
 * The work-record figures of a subtree and year, per organization, in SQL aggregates that run on
 * both dialects (for the console summary and the 2014-format annual table). The counting rules
 * are those of work-record-figures.ts; the service tests check both give the same numbers.
 */
import { yearBounds } from '../requests/request-statistics.ts';
import type { Db } from '../db/database.ts';
import { EMPTY_WORK_RECORD_FIGURES, roundFunding } from './work-record-figures.ts';
import type { WorkRecordFigures } from './work-record-figures.ts';

/**
 * The figures of `year` of every organization at or below `rootPath` (`/1/5/`): every organization
 * of the subtree has an entry (zeros when it has no records). Five grouped queries, one per table.
 * Add them with `sumWorkRecordFigures` for a roll-up.
 * @param year the report year, e.g. 2017
 * @returns figures by organization id
 */
export async function selectWorkRecordFiguresBySubtree(db: Db, rootPath: string, year: number): Promise<Map<number, WorkRecordFigures>> {
  const { from, to } = yearBounds(year);
  const like = `${rootPath}%`;
  const organizations = await db.selectFrom('organization').select('id').where('path', 'like', like).execute();
  const out = new Map<number, WorkRecordFigures>(organizations.map((o) => [o.id, { ...EMPTY_WORK_RECORD_FIGURES }]));
  const entry = (id: number): WorkRecordFigures => {
    let figures = out.get(id);
    if (!figures) {
      figures = { ...EMPTY_WORK_RECORD_FIGURES };
      out.set(id, figures);
    }
    return figures;
  };

  // One staffing row per organization and year (unique), so no aggregate is needed here.
  const staffing = await db
    .selectFrom('ogi_staffing')
    .innerJoin('organization', 'organization.id', 'ogi_staffing.organization_id')
    .select(['ogi_staffing.organization_id', 'ogi_staffing.ogi_offices', 'ogi_staffing.staff_full_time', 'ogi_staffing.staff_part_time', 'ogi_staffing.funding'])
    .where('organization.path', 'like', like)
    .where('ogi_staffing.year', '=', year)
    .execute();
  for (const s of staffing) {
    const f = entry(s.organization_id);
    f.ogiOffices = Number(s.ogi_offices);
    f.staffFullTime = Number(s.staff_full_time);
    f.staffPartTime = Number(s.staff_part_time);
    f.staff = f.staffFullTime + f.staffPartTime;
    f.funding = roundFunding(Number(s.funding));
  }

  const points = await db
    .selectFrom('reading_point')
    .innerJoin('organization', 'organization.id', 'reading_point.organization_id')
    .select((eb) => ['reading_point.organization_id', eb.fn.countAll<number>().as('n')])
    .where('organization.path', 'like', like)
    .where('reading_point.opened_on', '<=', to)
    .where((eb) => eb.or([eb('reading_point.closed_on', 'is', null), eb('reading_point.closed_on', '>', to)]))
    .groupBy('reading_point.organization_id')
    .execute();
  for (const p of points) entry(p.organization_id).readingPoints = Number(p.n);

  const meetings = await db
    .selectFrom('ogi_meeting')
    .innerJoin('organization', 'organization.id', 'ogi_meeting.organization_id')
    .select((eb) => ['ogi_meeting.organization_id', eb.fn.countAll<number>().as('n')])
    .where('organization.path', 'like', like)
    .where('ogi_meeting.held_on', '>=', from)
    .where('ogi_meeting.held_on', '<=', to)
    .groupBy('ogi_meeting.organization_id')
    .execute();
  for (const m of meetings) entry(m.organization_id).meetings = Number(m.n);

  const trainings = await db
    .selectFrom('training_session')
    .innerJoin('organization', 'organization.id', 'training_session.organization_id')
    .select((eb) => ['training_session.organization_id', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('training_session.attendees').as('attendees')])
    .where('organization.path', 'like', like)
    .where('training_session.held_on', '>=', from)
    .where('training_session.held_on', '<=', to)
    .groupBy('training_session.organization_id')
    .execute();
  for (const t of trainings) {
    const f = entry(t.organization_id);
    f.trainingSessions = Number(t.n);
    f.trainees = Number(t.attendees);
  }

  const complaints = await db
    .selectFrom('ogi_complaint')
    .innerJoin('organization', 'organization.id', 'ogi_complaint.organization_id')
    .select((eb) => ['ogi_complaint.organization_id', eb.fn.countAll<number>().as('n')])
    .where('organization.path', 'like', like)
    .where('ogi_complaint.received_on', '>=', from)
    .where('ogi_complaint.received_on', '<=', to)
    .groupBy('ogi_complaint.organization_id')
    .execute();
  for (const c of complaints) entry(c.organization_id).complaints = Number(c.n);

  return out;
}
