/**
 * Migration 0003: annual reports from the records (issue 5): the figures an office enters by hand
 * (decision counts and fee amounts of table 二, which no record in gongkai holds), each
 * organization's report of a year with its narrative and workflow state, the workflow's steps, and
 * published reports imported from files (read and checked by the report engine).
 * A report's tables are never stored while it is a draft: they are computed from the records each
 * time. On submission the computed report is frozen into `snapshot`, so what was submitted, checked,
 * accepted and published cannot change when a record is corrected afterwards.
 */
import type { Kysely } from 'kysely';
import { withId } from './identity-column.ts';

/** Applies the migration. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Table 二 (一) reads the 规章 and 行政规范性文件 (about 1% of a catalog): without this index a
  // region's reports scan every item (4 GB at a million items, bench/reports.bench.ts).
  await db.schema.createIndex('catalog_item_genre_org').on('catalog_item').columns(['genre', 'organization_id']).execute();
  await withId(db, db.schema.createTable('report_entry'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('cell', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('entered_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_entry_org_year_cell', ['organization_id', 'year', 'cell'])
    .execute();

  await withId(db, db.schema.createTable('annual_report'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('format_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('members', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text')
    .addColumn('findings', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('override_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('override_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('review_comment', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('publication_date', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_report_org_year', ['organization_id', 'year'])
    .execute();
  await db.schema.createIndex('annual_report_year_status').on('annual_report').columns(['year', 'status']).execute();

  await withId(db, db.schema.createTable('annual_report_step'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('annual_report.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('annual_report_step_report').on('annual_report_step').column('report_id').execute();

  await withId(db, db.schema.createTable('imported_report'))
    .addColumn('organization_id', 'integer', (c) => c.references('organization.id'))
    .addColumn('organization_name', 'text')
    .addColumn('year', 'integer')
    .addColumn('format_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('structured', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('publication_date', 'text')
    .addColumn('imported_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('imported_report_org_year').on('imported_report').columns(['organization_id', 'year']).execute();
}
