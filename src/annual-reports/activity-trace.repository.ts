/**
 * The engagement and work records behind a cell of the 2014 statistics table (issue 6): the same
 * conditions as the aggregates of activity-figures.repository.ts, one record per line, with what
 * each adds to the cell. The trace test (report-trace.service.test.ts) checks for every non-zero
 * cell that the contributions add up to the computed value, so the two cannot drift apart.
 */
import type { Db } from '../db/database.ts';
import { yearBounds } from '../requests/request-statistics.ts';

/** A record behind an engagement or work-record cell. Dates `YYYY-MM-DD`. */
export interface TracedActivity {
  /** press_event | policy_interpretation | concern_response | ogi_staffing | reading_point | ogi_meeting | training_session | ogi_complaint. */
  kind: string;
  id: number;
  organizationId: number;
  /** The record's date (held, published, responded, received; Dec 31 for a year's staffing record). */
  date: string;
  /** Its topic, title or name. */
  title: string;
  /** What it adds to the cell: 1, or a count (staff, offices, attendees), or 万元 (funding). */
  contribution: number;
}

type Row = { id: number; organization_id: number; date: string; title: string };

const one = (kind: string, rows: readonly Row[]): TracedActivity[] => rows.map((r) => ({ kind, id: Number(r.id), organizationId: Number(r.organization_id), date: r.date, title: r.title, contribution: 1 }));

/**
 * The records behind a 2014 statistics row for the given organizations and year.
 * @param row a row id of format-2014.ts filled by activity-figures.ts (`press-conferences`, `funding`, …)
 * @returns the records with their contributions, by date then id; [] for a row no such record fills
 */
export async function selectTraceActivities(db: Db, organizationIds: readonly number[], year: number, row: string): Promise<TracedActivity[]> {
  if (organizationIds.length === 0) return [];
  const { from, to } = yearBounds(year);
  const ids = [...organizationIds];
  const press = (kind: 'press_conference' | 'online_interview', leader: boolean, unlinkedOnly = false) => {
    let q = db
      .selectFrom('press_event')
      .select(['id', 'organization_id', 'held_on as date', 'topic as title'])
      .where('organization_id', 'in', ids)
      .where('held_on', '>=', from)
      .where('held_on', '<=', to);
    if (!unlinkedOnly) q = q.where('kind', '=', kind);
    if (leader) q = q.where('principal_leader_attended', '=', 1);
    if (unlinkedOnly) q = q.where('concern_response_id', 'is', null);
    return q.execute();
  };
  const interpretations = (unlinkedOnly: boolean) => {
    let q = db
      .selectFrom('policy_interpretation')
      .select(['id', 'organization_id', 'published_on as date', 'title'])
      .where('organization_id', 'in', ids)
      .where('published_on', '>=', from)
      .where('published_on', '<=', to);
    if (unlinkedOnly) q = q.where('concern_response_id', 'is', null);
    return q.execute();
  };
  const concerns = (channel: 'weibo_wechat' | 'other' | 'all') => {
    let q = db
      .selectFrom('concern_response')
      .select(['id', 'organization_id', 'responded_on as date', 'topic as title'])
      .where('organization_id', 'in', ids)
      .where('responded_on', '>=', from)
      .where('responded_on', '<=', to);
    if (channel === 'weibo_wechat') q = q.where('channel', '=', 'weibo_wechat');
    if (channel === 'other') q = q.where('channel', '<>', 'weibo_wechat');
    return q.execute();
  };
  const staffing = async (value: (r: { ogi_offices: number; staff_full_time: number; staff_part_time: number; funding: number }) => number): Promise<TracedActivity[]> => {
    const rows = await db
      .selectFrom('ogi_staffing')
      .select(['id', 'organization_id', 'ogi_offices', 'staff_full_time', 'staff_part_time', 'funding', 'note'])
      .where('organization_id', 'in', ids)
      .where('year', '=', year)
      .execute();
    return rows.map((r) => ({
      kind: 'ogi_staffing',
      id: Number(r.id),
      organizationId: Number(r.organization_id),
      date: to,
      title: r.note ?? `${year}年度机构人员经费`,
      contribution: value({ ogi_offices: Number(r.ogi_offices), staff_full_time: Number(r.staff_full_time), staff_part_time: Number(r.staff_part_time), funding: Number(r.funding) }),
    }));
  };
  const dated = (table: 'ogi_meeting' | 'ogi_complaint', dateColumn: 'held_on' | 'received_on', titleColumn: 'title' | 'summary') =>
    db
      .selectFrom(table)
      .select(['id', 'organization_id', `${dateColumn} as date`, `${titleColumn} as title`])
      .where('organization_id', 'in', ids)
      .where(dateColumn, '>=', from)
      .where(dateColumn, '<=', to)
      .execute() as Promise<Row[]>;

  let list: TracedActivity[];
  switch (row) {
    case 'responses':
      list = [...one('concern_response', await concerns('all')), ...one('press_event', await press('press_conference', false, true)), ...one('policy_interpretation', await interpretations(true))];
      break;
    case 'press-conferences':
    case 'press-conferences-leaders':
      list = one('press_event', await press('press_conference', row.endsWith('leaders')));
      break;
    case 'online-interviews':
    case 'online-interviews-leaders':
      list = one('press_event', await press('online_interview', row.endsWith('leaders')));
      break;
    case 'interpretations':
      list = one('policy_interpretation', await interpretations(false));
      break;
    case 'weibo-wechat-responses':
      list = one('concern_response', await concerns('weibo_wechat'));
      break;
    case 'other-responses':
      list = one('concern_response', await concerns('other'));
      break;
    case 'complaints':
      list = one('ogi_complaint', await dated('ogi_complaint', 'received_on', 'summary'));
      break;
    case 'meetings':
      list = one('ogi_meeting', await dated('ogi_meeting', 'held_on', 'title'));
      break;
    case 'training-sessions':
    case 'trainees': {
      const rows = await db
        .selectFrom('training_session')
        .select(['id', 'organization_id', 'held_on', 'title', 'attendees'])
        .where('organization_id', 'in', ids)
        .where('held_on', '>=', from)
        .where('held_on', '<=', to)
        .execute();
      list = rows.map((r) => ({ kind: 'training_session', id: Number(r.id), organizationId: Number(r.organization_id), date: r.held_on, title: r.title, contribution: row === 'trainees' ? Number(r.attendees) : 1 }));
      break;
    }
    case 'reading-points': {
      const rows = await db
        .selectFrom('reading_point')
        .select(['id', 'organization_id', 'opened_on as date', 'name as title'])
        .where('organization_id', 'in', ids)
        .where('opened_on', '<=', to)
        .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>', to)]))
        .execute();
      list = one('reading_point', rows);
      break;
    }
    case 'ogi-offices':
      list = await staffing((r) => r.ogi_offices);
      break;
    case 'staff':
      list = await staffing((r) => r.staff_full_time + r.staff_part_time);
      break;
    case 'staff-full-time':
      list = await staffing((r) => r.staff_full_time);
      break;
    case 'staff-part-time':
      list = await staffing((r) => r.staff_part_time);
      break;
    case 'funding':
      list = await staffing((r) => r.funding);
      break;
    default:
      list = [];
  }
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id - b.id));
}
