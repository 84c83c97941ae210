/**
 * The records behind a cell of an organization's computed report: `traceCell` resolves the report's
 * format, scope and members exactly as `computeAnnualReport` does, computes the cell from the same
 * figures, and lists the records that make it up (report-trace.ts). Reads only.
 */
import type { Actor } from '../auth/actor.ts';
import { can } from '../auth/policy.ts';
import { maskName } from '../requests/personal-data.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { resolveReportScope } from './report-compute.service.ts';
import type { ReportQuery } from './report-compute.service.ts';
import { computeCells } from './report-figures.ts';
import { emptyFigures, selectSubtreeFigures } from './report-figures.repository.ts';
import { casesInCell, checkCell, reviewsInCell, traceTotal } from './report-trace.ts';
import type { CellTrace, TracedCase, TracedEntry, TracedItem, TracedReview } from './report-trace.ts';
import { selectPublishedProactiveItems, selectReviewApplicants, selectTraceCases, selectTraceItems } from './report-trace.repository.ts';
import { selectTraceActivities } from './activity-trace.repository.ts';
import { selectUserDisplayNames } from './annual-report.repository.ts';

/** Which report, and which of its cells. */
export interface TraceQuery extends Pick<ReportQuery, 'organizationId' | 'year' | 'formatId' | 'scope' | 'members' | 'presets'> {
  /** The cell id, `table/row/column` (e.g. `t3/new/total`). */
  cell: string;
}

/**
 * Lists the records behind one cell of an organization's computed report for a year: catalog items
 * (table 二 (一), the 2014 catalog rows), request cases (table 三, the 2014 request rows), review
 * records (table 四, the 2014 rows 四/五, after the roll-up de-duplication) or hand-entered figures.
 * Requester and applicant names are masked unless the actor holds `requests.read_personal` over the
 * record's organization. Permission: `reports.read` on the organization.
 * @returns the trace; its `total` (sum of contributions) equals its `value`
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED`
 *   (year, members, a cell the format does not have), `FORMAT_UNKNOWN`
 */
export async function traceCell(ctx: ServiceContext, actor: Actor, query: TraceQuery): Promise<CellTrace> {
  const resolved = await resolveReportScope(ctx, actor, query);
  const { organization, stored, formatId, subtree, scope, members } = resolved;
  const label = checkCell(formatId, query.cell);
  const db = ctx.store.db;
  const year = query.year;
  const figures = await selectSubtreeFigures(db, organization.path, year, formatId);
  const memberFigures = members.map((id) => figures.get(id) ?? emptyFigures(id));
  const cells = computeCells(memberFigures, year, formatId);
  const cell = query.cell;
  const source = cells.sources[cell] ?? 'not-entered';
  const byId = new Map(subtree.map((o) => [o.id, o]));
  const nameOf = (id: number): string => byId.get(id)?.name ?? String(id);
  let masked = false;
  const personal = (organizationId: number): boolean => {
    const path = byId.get(organizationId)?.path;
    const allowed = path !== undefined && can(actor, 'requests.read_personal', { organizationPath: path });
    if (!allowed) masked = true;
    return allowed;
  };

  let items: TracedItem[] = [];
  let cases: TracedCase[] = [];
  let reviews: TracedReview[] = [];
  let entries: TracedEntry[] = [];
  let activities: CellTrace['activities'] = [];
  const channel = /^stats\/channel-(\w+)\/value$/.exec(cell)?.[1];
  if (source === 'catalog') {
    if (cell === 'stats/proactive-total/value') items = await selectPublishedProactiveItems(db, members, year);
    else if (channel !== undefined) items = (await selectPublishedProactiveItems(db, members, year)).filter((i) => i.channels.includes(channel));
    else items = await selectTraceItems(db, cells.documentItems[cell] ?? []);
  } else if (source === 'engagement' || source === 'work-records') {
    activities = (await selectTraceActivities(db, members, year, cell.split('/')[1] ?? '')).map((a) => ({ ...a, organizationName: nameOf(a.organizationId) }));
  } else if (source === 'requests') {
    cases = casesInCell(await selectTraceCases(db, members, year), cell, year, formatId).map(({ row, timeliness, contribution }) => ({
      id: row.id,
      trackingCode: row.trackingCode,
      organizationId: row.organizationId,
      organizationName: nameOf(row.organizationId),
      requesterType: row.requesterType,
      requesterName: personal(row.organizationId) ? row.requesterName : maskName(row.requesterName, row.requesterType === 'natural'),
      channel: row.channel,
      receivedOn: row.receivedOn,
      outcome: row.outcome,
      outcomeOn: row.outcomeOn,
      timeliness,
      feeYuan: row.feeYuan,
      contribution,
    }));
  } else if (source === 'reviews') {
    const counted = reviewsInCell(memberFigures.flatMap((m) => m.reviews), cell, year, formatId);
    const applicants = await selectReviewApplicants(db, counted.map((c) => c.record.id));
    reviews = counted.map(({ record: r, outcomeAtYearEnd, contribution }) => {
      const name = applicants.get(r.id) ?? '';
      return {
        id: r.id,
        organizationId: r.organizationId,
        organizationName: nameOf(r.organizationId),
        path: r.path,
        defendantRole: r.defendantRole,
        applicantName: personal(r.organizationId) ? name : maskName(name, true),
        reviewingBody: r.reviewingBody,
        caseNumber: r.caseNumber,
        filedOn: r.filedOn,
        suitFiledOn: r.suitFiledOn,
        decidedOn: r.decidedOn,
        outcome: r.outcome,
        outcomeAtYearEnd,
        contribution,
      };
    });
  } else {
    const entered = cells.entries[cell] ?? [];
    const users = await selectUserDisplayNames(db, entered.flatMap((e) => (e.enteredBy === null ? [] : [e.enteredBy])));
    entries = entered.map((e) => ({
      organizationId: e.organizationId,
      organizationName: nameOf(e.organizationId),
      value: e.value,
      source: e.source,
      note: e.note,
      enteredBy: e.enteredBy,
      enteredByName: e.enteredBy === null ? null : (users.get(e.enteredBy) ?? null),
      enteredAt: e.enteredAt,
      contribution: e.value,
    }));
  }
  const total = traceTotal([...items, ...cases, ...reviews, ...entries, ...activities].map((r) => r.contribution));
  const frozen = stored?.snapshot?.cells.find((c) => c.id === cell);
  return {
    organization: { id: organization.id, name: organization.name },
    year,
    formatId,
    scope,
    members: members.map((id) => ({ id, name: nameOf(id) })),
    cell,
    label,
    value: cells.values[cell] ?? 0,
    source,
    submittedValue: frozen?.value ?? null,
    items,
    cases,
    reviews,
    entries,
    activities,
    total,
    masked,
  };
}
