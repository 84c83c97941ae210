/**
 * Migration 0001: the records system of issue 3 (organizations, users and roles, sessions, audit,
 * catalog with search, calendar, settings). Written once for both dialects; the two differences are
 * the identity column and the full-text search table.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';
import { withId } from './identity-column.ts';

/** Applies the migration. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';

  await withId(db, db.schema.createTable('organization'))
    .addColumn('parent_id', 'integer', (c) => c.references('organization.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('division_code', 'text')
    .addColumn('organization_code', 'text', (c) => c.notNull().unique())
    .addColumn('competent_department_id', 'integer', (c) => c.references('organization.id'))
    .addColumn('ogi_office', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('index_number_template', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organization_parent').on('organization').column('parent_id').execute();
  await db.schema.createIndex('organization_path').on('organization').column('path').execute();

  await withId(db, db.schema.createTable('app_user'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('role_assignment'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'integer', (c) => c.references('organization.id'))
    .execute();
  await db.schema.createIndex('role_assignment_user').on('role_assignment').column('user_id').execute();

  await withId(db, db.schema.createTable('session'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('audit_event'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'integer', (c) => c.references('organization.id'))
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('audit_event_entity').on('audit_event').columns(['entity_type', 'entity_id']).execute();
  await db.schema.createIndex('audit_event_org').on('audit_event').columns(['organization_id', 'id']).execute();

  await withId(db, db.schema.createTable('catalog_item'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('index_number', 'text', (c) => c.unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('document_number', 'text')
    .addColumn('issuing_agency', 'text', (c) => c.notNull())
    .addColumn('creation_date', 'text', (c) => c.notNull())
    .addColumn('publication_date', 'text')
    .addColumn('subject_category', 'text', (c) => c.notNull())
    .addColumn('genre', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('disclosure_type', 'text', (c) => c.notNull())
    .addColumn('non_disclosure_reason', 'text')
    .addColumn('validity', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text')
    .addColumn('expiry_date', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('superseded_by_id', 'integer', (c) => c.references('catalog_item.id'))
    .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('approved_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('approved_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawal_reason', 'text')
    .execute();
  await db.schema.createIndex('catalog_item_org_status').on('catalog_item').columns(['organization_id', 'status', 'publication_date']).execute();
  await db.schema.createIndex('catalog_item_status_pub').on('catalog_item').columns(['status', 'publication_date']).execute();
  await db.schema.createIndex('catalog_item_document_number').on('catalog_item').column('document_number').execute();

  await db.schema
    .createTable('index_number_sequence')
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('index_number_sequence_pk', ['organization_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('attachment'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('catalog_item.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachment_item').on('attachment').column('item_id').execute();

  await withId(db, db.schema.createTable('interpretation_link'))
    .addColumn('interpretation_item_id', 'integer', (c) => c.notNull().references('catalog_item.id'))
    .addColumn('policy_item_id', 'integer', (c) => c.notNull().references('catalog_item.id'))
    .addUniqueConstraint('interpretation_link_unique', ['interpretation_item_id', 'policy_item_id'])
    .execute();
  await db.schema.createIndex('interpretation_link_policy').on('interpretation_link').column('policy_item_id').execute();

  await withId(db, db.schema.createTable('local_theme'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'integer', (c) => c.references('organization.id'))
    .execute();

  // Full-text search over jieba-segmented text (see src/search/): the one other dialect difference.
  if (postgres) {
    await db.schema
      .createTable('catalog_search')
      .addColumn('item_id', 'integer', (c) => c.primaryKey().references('catalog_item.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('document_number', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await sql`alter table catalog_search add column fts tsvector generated always as (
      setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', document_number), 'A') ||
      setweight(to_tsvector('simple', summary), 'B') || setweight(to_tsvector('simple', body), 'C')) stored`.execute(db);
    await sql`create index catalog_search_fts on catalog_search using gin (fts)`.execute(db);
  } else {
    await sql`create virtual table catalog_search using fts5(title, summary, document_number, body, tokenize = 'unicode61')`.execute(db);
  }

  await db.schema
    .createTable('calendar_day')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('calendar_year')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

/** Reverts the migration (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['setting', 'calendar_year', 'calendar_day', 'catalog_search', 'local_theme', 'interpretation_link', 'attachment', 'index_number_sequence', 'catalog_item', 'audit_event', 'session', 'role_assignment', 'app_user', 'organization']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
