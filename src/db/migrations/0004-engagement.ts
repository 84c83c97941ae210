/**
 * Migration 0004: engagement and work records (issue 6).
 * - The public's messages to an organization's mailbox (留言) with their replies, and each
 *   organization's reply period; 12345 hotline work orders imported from the hotline's system.
 * - Press conferences and online interviews, policy interpretations linked to the policy document
 *   they explain, and responses to public concerns (回应关切): table 二 of the 2014 statistics table.
 * - NPC deputy suggestions and CPPCC member proposals assigned to an organization.
 * - The OGI office's work records: staffing and dedicated funding per year, public reading points,
 *   meetings, training sessions and complaints about OGI work (sections 六, 八, 九 of the 2014 table).
 * - The channels an item was published through (section 一 (二) of the 2014 table).
 * Every record table has `synthetic` (1 for demo data) and is owned by an organization, so a
 * roll-up reads a subtree with one `organization.path LIKE` join.
 */
import type { Kysely } from 'kysely';
import { withId } from './identity-column.ts';

/** Applies the migration. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The 2014 table counts a year's proactive items by channel: JSON array, default the website.
  await db.schema.alterTable('catalog_item').addColumn('channels', 'text', (c) => c.notNull().defaultTo('["website"]')).execute();
  await db.schema.createIndex('catalog_item_publication').on('catalog_item').columns(['organization_id', 'publication_date']).execute();
  // Working days a mailbox message must be answered in; null = the installation's default.
  await db.schema.alterTable('organization').addColumn('message_reply_days', 'integer').execute();
  // What a reply said beyond its table 三 row, for the 2014 answer rows: `already-public` (a 予以公开
  // reply pointing to information already proactively disclosed, 2019 art. 36 (一)) or `other-agency`
  // (an 本机关不掌握 reply naming the agency responsible, art. 36 (五)); null otherwise.
  await db.schema.alterTable('request_case').addColumn('answer_detail', 'text').execute();

  await withId(db, db.schema.createTable('message'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('writer_name', 'text', (c) => c.notNull())
    .addColumn('writer_contact', 'text', (c) => c.notNull())
    .addColumn('publish_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'integer', (c) => c.references('app_user.id'))
    .addColumn('assigned_at', 'text')
    .addColumn('reply', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('replied_on', 'text')
    .addColumn('replied_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('public_subject', 'text')
    .addColumn('public_body', 'text')
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('message_org_received').on('message').columns(['organization_id', 'received_on']).execute();

  await withId(db, db.schema.createTable('hotline_import'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('hotline_work_order'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('order_number', 'text', (c) => c.notNull().unique())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('replied_on', 'text')
    .addColumn('satisfaction', 'text')
    .addColumn('import_id', 'integer', (c) => c.references('hotline_import.id'))
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hotline_work_order_org_received').on('hotline_work_order').columns(['organization_id', 'received_on']).execute();

  await withId(db, db.schema.createTable('concern_response'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('responded_on', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('url', 'text')
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('concern_response_org_date').on('concern_response').columns(['organization_id', 'responded_on']).execute();

  await withId(db, db.schema.createTable('press_event'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('principal_leader_attended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('speakers', 'text')
    .addColumn('url', 'text')
    .addColumn('concern_response_id', 'integer', (c) => c.references('concern_response.id'))
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('press_event_org_date').on('press_event').columns(['organization_id', 'held_on']).execute();
  await db.schema
    .createTable('press_event_item')
    .addColumn('press_event_id', 'integer', (c) => c.notNull().references('press_event.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('catalog_item.id'))
    .addPrimaryKeyConstraint('press_event_item_pk', ['press_event_id', 'item_id'])
    .execute();

  await withId(db, db.schema.createTable('policy_interpretation'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('policy_item_id', 'integer', (c) => c.notNull().references('catalog_item.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('interpretation_item_id', 'integer', (c) => c.references('catalog_item.id'))
    .addColumn('concern_response_id', 'integer', (c) => c.references('concern_response.id'))
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('policy_interpretation_org_date').on('policy_interpretation').columns(['organization_id', 'published_on']).execute();
  await db.schema.createIndex('policy_interpretation_policy').on('policy_interpretation').column('policy_item_id').execute();

  await withId(db, db.schema.createTable('deputy_proposal'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('session', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('proposer', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('replied_on', 'text')
    .addColumn('reply_summary', 'text')
    .addColumn('adoption', 'text')
    .addColumn('disclosure', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('withheld_reason', 'text')
    .addColumn('published_on', 'text')
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('deputy_proposal_number', ['organization_id', 'kind', 'session', 'number'])
    .execute();
  await db.schema.createIndex('deputy_proposal_org_received').on('deputy_proposal').columns(['organization_id', 'received_on']).execute();

  await withId(db, db.schema.createTable('ogi_staffing'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('ogi_offices', 'integer', (c) => c.notNull())
    .addColumn('staff_full_time', 'integer', (c) => c.notNull())
    .addColumn('staff_part_time', 'integer', (c) => c.notNull())
    // Double precision: PostgreSQL's `real` is single precision (1234.5678 万元 would read back 1234.5677).
    .addColumn('funding', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ogi_staffing_org_year', ['organization_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('reading_point'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('opening_hours', 'text')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reading_point_org').on('reading_point').column('organization_id').execute();

  await withId(db, db.schema.createTable('ogi_meeting'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ogi_meeting_org_date').on('ogi_meeting').columns(['organization_id', 'held_on']).execute();

  await withId(db, db.schema.createTable('training_session'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('attendees', 'integer', (c) => c.notNull())
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_session_org_date').on('training_session').columns(['organization_id', 'held_on']).execute();

  await withId(db, db.schema.createTable('ogi_complaint'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ogi_complaint_org_date').on('ogi_complaint').columns(['organization_id', 'received_on']).execute();
}
