/**
 * Test data for search and portal tests: organizations and catalog items inserted directly with
 * Kysely (not through the catalog service), with overridable fields, and indexed for search.
 */
import type { Insertable } from 'kysely';
import type { CatalogItemTable, Db } from '../../src/db/database.ts';
import type { Store } from '../../src/db/dialect.ts';
import { indexCatalogItem } from '../../src/search/search-index.ts';

const AT = '2026-11-30T02:00:00.000Z';
let codeSerial = 0;

/** Inserts an organization under `parentId` (null: a root) and returns its id and path. */
export async function insertOrganization(db: Db, fields: { name: string; parentId?: number | null; kind?: string; level?: string }): Promise<{ id: number; path: string }> {
  const parentId = fields.parentId ?? null;
  const parent = parentId === null ? null : await db.selectFrom('organization').select('path').where('id', '=', parentId).executeTakeFirstOrThrow();
  codeSerial += 1;
  const { id } = await db
    .insertInto('organization')
    .values({
      parent_id: parentId,
      path: '/',
      name: fields.name,
      short_name: null,
      kind: fields.kind ?? (parentId === null ? 'government' : 'department'),
      level: fields.level ?? 'county',
      division_code: null,
      organization_code: `T${String(codeSerial).padStart(8, '0')}`,
      competent_department_id: null,
      ogi_office: '{}',
      index_number_template: null,
      created_at: AT,
      updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${parent?.path ?? '/'}${id}/`;
  await db.updateTable('organization').set({ path }).where('id', '=', id).execute();
  return { id, path };
}

/** The fields of a test item; everything has a default but the organization. */
export type TestItemFields = Partial<Omit<Insertable<CatalogItemTable>, 'keywords' | 'id'>> & { organization_id: number; keywords?: string[] };

let indexSerial = 0;

/**
 * Inserts a catalog item (published by default) and indexes it when published (as the real writers do),
 * or as `index` says (a stray index row for a draft, or none for a published item).
 * @returns the new item's id
 */
export async function insertItem(store: Store, fields: TestItemFields, options: { index?: boolean } = {}): Promise<number> {
  indexSerial += 1;
  const { keywords, ...rest } = fields;
  const status = rest.status ?? 'published';
  const values: Insertable<CatalogItemTable> = {
    index_number: `T00000001/2026-${String(indexSerial).padStart(5, '0')}`,
    title: '测试条目',
    summary: null,
    document_number: null,
    issuing_agency: '测试县人民政府办公室',
    creation_date: '2026-11-01',
    publication_date: status === 'published' || status === 'withdrawn' ? '2026-11-02' : null,
    subject_category: 'art20-01',
    genre: 'notice',
    disclosure_type: 'proactive',
    validity: 'in_force',
    body_html: '',
    body_text: '',
    status,
    created_at: AT,
    updated_at: AT,
    ...rest,
    keywords: JSON.stringify(keywords ?? []),
  } as Insertable<CatalogItemTable>;
  if (fields.body_text !== undefined && fields.body_html === undefined) {
    values.body_html = `<p>${fields.body_text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`;
  }
  const { id } = await store.db.insertInto('catalog_item').values(values).returning('id').executeTakeFirstOrThrow();
  // Like the real writers (catalog service, importer), only published items go into the search table
  // unless a test asks for a stray row explicitly.
  if (options.index ?? status === 'published') {
    await indexCatalogItem(store.db, store.dialect, {
      id,
      title: values.title,
      summary: values.summary ?? null,
      documentNumber: values.document_number ?? null,
      bodyText: values.body_text ?? '',
    });
  }
  return id;
}
