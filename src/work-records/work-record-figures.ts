/**
 * The figures of the OGI work records for one year, as sections 六, 八 and 九 of the 2014–2018
 * statistics table print them (国办发〔2014〕32号; RULES.md §3.7). Pure.
 *
 * Counting rules (our reading of the table's row labels; UNVERIFIED as official rules):
 * - 八 (一)(三)(四) staffing and funding: the organization's staffing record of the year (none → 0);
 *   a roll-up adds the organizations' records. 工作人员数 = 专职 + 兼职 (the table's V15 identity).
 * - 八 (二) reading points: those open at the end of the year (opened on or before Dec 31, not closed
 *   on or before Dec 31): the table is a snapshot of the office's set-up, not a count of openings.
 * - 九 meetings and training sessions: held in the year; 接受培训人员数 adds the attendees (人次).
 * - 六 complaints: received in the year.
 * - Funding is added in whole yuan (0.0001 万元) so the sum has no floating-point noise.
 */
import { FORMAT_2014 } from '../reports/format/format-2014.ts';
import type { Unit } from '../reports/format/report-format.ts';

/** The figures of a year (an organization or a roll-up). */
export interface WorkRecordFigures {
  /** 政府信息公开工作专门机构数 (个). */
  ogiOffices: number;
  /** 专职人员数 (人). */
  staffFullTime: number;
  /** 兼职人员数 (人). */
  staffPartTime: number;
  /** 从事政府信息公开工作人员数 = full-time + part-time (人). */
  staff: number;
  /** 政府信息公开专项经费 (万元, at most 4 decimals). */
  funding: number;
  /** 设置政府信息公开查阅点数: open at Dec 31 (个). */
  readingPoints: number;
  /** 召开政府信息与政务公开工作会议或专题会议数 (次). */
  meetings: number;
  /** 举办各类培训班数 (次). */
  trainingSessions: number;
  /** 接受培训人员数 (人次). */
  trainees: number;
  /** 举报投诉数量 (件). */
  complaints: number;
}

/** A figure's name. */
export type WorkRecordFigureKey = keyof WorkRecordFigures;

/** All zeros: an organization without records. */
export const EMPTY_WORK_RECORD_FIGURES: Readonly<WorkRecordFigures> = Object.freeze({
  ogiOffices: 0,
  staffFullTime: 0,
  staffPartTime: 0,
  staff: 0,
  funding: 0,
  readingPoints: 0,
  meetings: 0,
  trainingSessions: 0,
  trainees: 0,
  complaints: 0,
});

/** What the figures read of the records (any years: the others are ignored). */
export interface WorkRecordFigureInput {
  /** Staffing records with their year. */
  staffing: readonly { year: number; ogiOffices: number; staffFullTime: number; staffPartTime: number; funding: number }[];
  readingPoints: readonly { openedOn: string; closedOn: string | null }[];
  meetings: readonly { heldOn: string }[];
  trainingSessions: readonly { heldOn: string; attendees: number }[];
  complaints: readonly { receivedOn: string }[];
}

/** Whole yuan (0.0001 万元) of an amount in 万元. */
function toYuan(wan: number): number {
  return Math.round(wan * 10_000);
}

/** An amount in 万元 rounded to 4 decimals (whole yuan): removes floating-point noise of sums and of the database's `real`. */
export function roundFunding(wan: number): number {
  return toYuan(wan) / 10_000;
}

/** Whether a reading point counts for `year`: opened on or before Dec 31 and not closed by then (closed on Dec 31 = closed at year end). */
export function readingPointOpenAtYearEnd(point: { openedOn: string; closedOn: string | null }, year: number): boolean {
  const yearEnd = `${String(year).padStart(4, '0')}-12-31`;
  return point.openedOn <= yearEnd && (point.closedOn === null || point.closedOn > yearEnd);
}

/** Whether a reading point is open on `date` (`YYYY-MM-DD`): opened on or before it, not closed on or before it. */
export function readingPointOpenOn(point: { openedOn: string; closedOn: string | null }, date: string): boolean {
  return point.openedOn <= date && (point.closedOn === null || point.closedOn > date);
}

/**
 * Computes the figures of `year` from records, by the rules in this file's header.
 * @param year the report year, e.g. 2017
 */
export function computeWorkRecordFigures(records: WorkRecordFigureInput, year: number): WorkRecordFigures {
  const prefix = `${String(year).padStart(4, '0')}-`;
  const inYear = (date: string): boolean => date.startsWith(prefix);
  let ogiOffices = 0;
  let staffFullTime = 0;
  let staffPartTime = 0;
  let yuan = 0;
  for (const s of records.staffing) {
    if (s.year !== year) continue;
    ogiOffices += s.ogiOffices;
    staffFullTime += s.staffFullTime;
    staffPartTime += s.staffPartTime;
    yuan += toYuan(s.funding);
  }
  const trainings = records.trainingSessions.filter((t) => inYear(t.heldOn));
  return {
    ogiOffices,
    staffFullTime,
    staffPartTime,
    staff: staffFullTime + staffPartTime,
    funding: yuan / 10_000,
    readingPoints: records.readingPoints.filter((p) => readingPointOpenAtYearEnd(p, year)).length,
    meetings: records.meetings.filter((m) => inYear(m.heldOn)).length,
    trainingSessions: trainings.length,
    trainees: trainings.reduce((sum, t) => sum + t.attendees, 0),
    complaints: records.complaints.filter((c) => inYear(c.receivedOn)).length,
  };
}

/** Adds figures (a roll-up of organizations): every count added, funding added in whole yuan. */
export function sumWorkRecordFigures(list: Iterable<WorkRecordFigures>): WorkRecordFigures {
  const out = { ...EMPTY_WORK_RECORD_FIGURES };
  let yuan = 0;
  for (const f of list) {
    out.ogiOffices += f.ogiOffices;
    out.staffFullTime += f.staffFullTime;
    out.staffPartTime += f.staffPartTime;
    out.staff += f.staff;
    yuan += toYuan(f.funding);
    out.readingPoints += f.readingPoints;
    out.meetings += f.meetings;
    out.trainingSessions += f.trainingSessions;
    out.trainees += f.trainees;
    out.complaints += f.complaints;
  }
  out.funding = yuan / 10_000;
  return out;
}

/** The 2014 statistics-table row id of each figure (ids of `FORMAT_2014`'s table `stats`), in printed order. */
export const WORK_RECORD_ROWS_2014: readonly { key: WorkRecordFigureKey; rowId: string }[] = [
  { key: 'complaints', rowId: 'complaints' },
  { key: 'ogiOffices', rowId: 'ogi-offices' },
  { key: 'readingPoints', rowId: 'reading-points' },
  { key: 'staff', rowId: 'staff' },
  { key: 'staffFullTime', rowId: 'staff-full-time' },
  { key: 'staffPartTime', rowId: 'staff-part-time' },
  { key: 'funding', rowId: 'funding' },
  { key: 'meetings', rowId: 'meetings' },
  { key: 'trainingSessions', rowId: 'training-sessions' },
  { key: 'trainees', rowId: 'trainees' },
];

/** The section heading printed before a row (六 is a row itself, so it has none). */
const SECTION_BEFORE: Readonly<Record<string, string>> = Object.fromEntries(
  (FORMAT_2014.tables.find((t) => t.id === 'stats')?.headings ?? []).map((h) => [h.before, h.label]),
);

/** One printed row of the 2014 table filled from the figures. */
export interface WorkRecordRow2014 {
  /** Row id of the format's table `stats`. */
  rowId: string;
  key: WorkRecordFigureKey;
  /** The printed label, e.g. `（二）设置政府信息公开查阅点数`. */
  label: string;
  /** The section heading printed just before this row (e.g. `八、机构建设和保障经费情况`), if any. */
  section: string | null;
  unit: Unit | null;
  value: number;
}

/** The figures as the 2014 table prints them (labels, units and section headings from `FORMAT_2014`). */
export function workRecordRows2014(figures: WorkRecordFigures): WorkRecordRow2014[] {
  const rows = FORMAT_2014.tables.find((t) => t.id === 'stats')?.rows ?? [];
  return WORK_RECORD_ROWS_2014.map(({ key, rowId }) => {
    const format = rows.find((r) => r.id === rowId);
    return { rowId, key, label: format?.label ?? rowId, section: SECTION_BEFORE[rowId] ?? null, unit: format?.unit ?? null, value: figures[key] };
  });
}
