/**
 * Migration 0002: requests for disclosure (issue 4): the case, its event log (the source of every
 * deadline), its documents, reconsideration and litigation records, and sent reminders.
 * The case's `status`, `outcome`, `clock_starts_after`, `reply_due`, `final_due` and `waiting_on`
 * columns are a projection of its events, rebuilt from them in the same transaction as each event
 * (and when a calendar year changes): they exist so queues and statistics can be queried, and are
 * never edited on their own.
 */
import type { Kysely } from 'kysely';
import { withId } from './identity-column.ts';

/** Applies the migration. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('request_case'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('requester_type', 'text', (c) => c.notNull())
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('requester_id_kind', 'text')
    .addColumn('requester_id_number', 'text')
    .addColumn('requester_key', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('postcode', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('information_requested', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('delivery_form', 'text', (c) => c.notNull())
    .addColumn('delivery_method', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('waiting_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('outcome_on', 'text')
    .addColumn('legal_basis', 'text')
    .addColumn('clock_starts_after', 'text')
    .addColumn('reply_due', 'text')
    .addColumn('final_due', 'text')
    .addColumn('extended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fee_yuan', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_on', 'text')
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_case_org_status').on('request_case').columns(['organization_id', 'status', 'final_due']).execute();
  await db.schema.createIndex('request_case_org_received').on('request_case').columns(['organization_id', 'received_on']).execute();
  await db.schema.createIndex('request_case_requester_month').on('request_case').columns(['organization_id', 'requester_key', 'received_on']).execute();

  await withId(db, db.schema.createTable('request_event'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('request_case.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('request_event_case_seq', ['case_id', 'seq'])
    .execute();

  await withId(db, db.schema.createTable('review_case'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('request_case_id', 'integer', (c) => c.references('request_case.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('defendant_role', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('reviewing_body', 'text', (c) => c.notNull())
    .addColumn('case_number', 'text')
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('reconsideration_decided_on', 'text')
    .addColumn('reconsideration_outcome', 'text')
    .addColumn('suit_filed_on', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_case_org_filed').on('review_case').columns(['organization_id', 'filed_on']).execute();
  await db.schema.createIndex('review_case_request').on('review_case').column('request_case_id').execute();

  await withId(db, db.schema.createTable('case_document'))
    .addColumn('request_case_id', 'integer', (c) => c.references('request_case.id'))
    .addColumn('review_case_id', 'integer', (c) => c.references('review_case.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_document_request').on('case_document').column('request_case_id').execute();
  await db.schema.createIndex('case_document_review').on('case_document').column('review_case_id').execute();

  await withId(db, db.schema.createTable('reminder_sent'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('request_case.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reminder_sent_unique', ['case_id', 'kind', 'due_on', 'recipient'])
    .execute();
}

/** Reverts the migration (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['reminder_sent', 'case_document', 'review_case', 'request_event', 'request_case']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
