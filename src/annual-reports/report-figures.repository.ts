/**
 * Selects the figures of every organization of a subtree for a year in a few aggregate queries
 * (regulatory documents, request groups, review records, hand-entered figures, and the engagement
 * and work records of activity-figures.repository.ts, which also count the 2014 published items), so the
 * reports of a region of a thousand organizations cost what one report costs plus the size of the
 * data. The only code of the annual reports that reads the records' tables.
 */
import type { Db } from '../db/database.ts';
import { selectRequestStatisticsGroupsByOrganization } from '../requests/request-statistics.repository.ts';
import { yearBounds } from '../requests/request-statistics.ts';
import type { DefendantRole, ReviewOutcome, ReviewPath } from '../reviews/review-case.ts';
import type { FormatId } from '../reports/format/report-format.ts';
import type { RegulatoryGenre } from './regulatory-document.ts';
import type { EnteredFigure, OrganizationFigures } from './report-figures.ts';
import { emptyActivityFigures } from './activity-figures.ts';
import { selectSubtreeActivityFigures } from './activity-figures.repository.ts';

/** An empty figures record for an organization. */
export function emptyFigures(organizationId: number): OrganizationFigures {
  return { organizationId, documents: [], publishedItems: 0, requestGroups: [], reviews: [], entries: [], activity: emptyActivityFigures() };
}

/**
 * The figures of every organization under `rootPath` (the root included) for `year`.
 * @param rootPath materialized path of the subtree's root (`/1/5/`)
 * @param formatId the 2014 format also needs the count of published proactive items
 * @returns organization id → figures, for every organization of the subtree (empty ones too)
 */
export async function selectSubtreeFigures(db: Db, rootPath: string, year: number, formatId: FormatId): Promise<Map<number, OrganizationFigures>> {
  const { from, to } = yearBounds(year);
  const figures = new Map<number, OrganizationFigures>();
  const orgs = await db.selectFrom('organization').select('id').where('path', 'like', `${rootPath}%`).execute();
  for (const o of orgs) figures.set(Number(o.id), emptyFigures(Number(o.id)));
  const of = (id: number | string): OrganizationFigures => {
    const key = Number(id);
    let f = figures.get(key);
    if (!f) figures.set(key, (f = emptyFigures(key)));
    return f;
  };

  const [documents, groups, reviews, entries, activity] = await Promise.all([
    db
      .selectFrom('catalog_item as ci')
      .innerJoin('organization as o', 'o.id', 'ci.organization_id')
      .select(['ci.id', 'ci.organization_id', 'ci.genre', 'ci.document_number', 'ci.creation_date', 'ci.publication_date', 'ci.validity', 'ci.expiry_date', 'ci.status'])
      .where('o.path', 'like', `${rootPath}%`)
      .where('ci.genre', 'in', ['rule', 'normative_document'])
      .where('ci.status', 'in', ['published', 'superseded'])
      .where('ci.creation_date', '<=', to)
      .execute(),
    selectRequestStatisticsGroupsByOrganization(db, rootPath, year),
    db
      .selectFrom('review_case as r')
      .innerJoin('organization as o', 'o.id', 'r.organization_id')
      .select(['r.id', 'r.organization_id', 'r.path', 'r.defendant_role', 'r.reviewing_body', 'r.case_number', 'r.filed_on', 'r.suit_filed_on', 'r.decided_on', 'r.outcome'])
      .where('o.path', 'like', `${rootPath}%`)
      .where('r.filed_on', '<=', to)
      .where((eb) => eb.between(eb.fn.coalesce('r.suit_filed_on', 'r.filed_on'), from, to))
      .execute(),
    db
      .selectFrom('report_entry as e')
      .innerJoin('organization as o', 'o.id', 'e.organization_id')
      .select(['e.organization_id', 'e.cell', 'e.value', 'e.source', 'e.note', 'e.entered_by', 'e.entered_at'])
      .where('o.path', 'like', `${rootPath}%`)
      .where('e.year', '=', year)
      .execute(),
    selectSubtreeActivityFigures(db, rootPath, year, formatId === '2014'),
  ]);
  for (const d of documents) {
    of(d.organization_id).documents.push({
      itemId: Number(d.id),
      organizationId: Number(d.organization_id),
      genre: d.genre as RegulatoryGenre,
      documentNumber: d.document_number,
      creationDate: d.creation_date,
      publicationDate: d.publication_date,
      validity: d.validity,
      expiryDate: d.expiry_date,
      status: d.status,
    });
  }
  for (const [id, list] of groups) of(id).requestGroups = list;
  for (const r of reviews) {
    of(r.organization_id).reviews.push({
      id: Number(r.id),
      organizationId: Number(r.organization_id),
      reviewingBody: r.reviewing_body,
      caseNumber: r.case_number,
      path: r.path as ReviewPath,
      defendantRole: r.defendant_role as DefendantRole,
      filedOn: r.filed_on,
      suitFiledOn: r.suit_filed_on,
      decidedOn: r.decided_on,
      outcome: r.outcome as ReviewOutcome,
    });
  }
  for (const e of entries) of(e.organization_id).entries.push(rowToEntry(e));
  for (const [id, f] of activity.figures) of(id).activity = f;
  for (const [id, n] of activity.publishedItems) of(id).publishedItems = n;
  return figures;
}

/** Maps an entry row. */
function rowToEntry(e: { organization_id: number; cell: string; value: number | string; source: string; note: string | null; entered_by: number | null; entered_at: string }): EnteredFigure {
  return {
    organizationId: Number(e.organization_id),
    cell: e.cell,
    value: Number(e.value),
    source: e.source,
    note: e.note,
    enteredBy: e.entered_by,
    enteredAt: e.entered_at,
  };
}

/**
 * The hand-entered figures of one organization and year.
 * @returns the entries, by cell id order
 */
export async function selectEntries(db: Db, organizationId: number, year: number): Promise<EnteredFigure[]> {
  const rows = await db.selectFrom('report_entry').selectAll().where('organization_id', '=', organizationId).where('year', '=', year).orderBy('cell').execute();
  return rows.map(rowToEntry);
}

/**
 * Writes (inserts or replaces) the hand-entered figure of a cell; a null value deletes it.
 * Callers own the transaction (the audit event goes in the same one).
 */
export async function upsertEntry(db: Db, organizationId: number, year: number, cell: string, value: number | null, values: { source: string; note: string | null; enteredBy: number | null; enteredAt: string }): Promise<void> {
  await db.deleteFrom('report_entry').where('organization_id', '=', organizationId).where('year', '=', year).where('cell', '=', cell).execute();
  if (value === null) return;
  await db
    .insertInto('report_entry')
    .values({ organization_id: organizationId, year, cell, value, source: values.source, note: values.note, entered_by: values.enteredBy, entered_at: values.enteredAt })
    .execute();
}
