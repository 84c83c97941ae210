/**
 * API schemas of organizations (zod; they also generate /api/openapi.json), and the mapping of the
 * console form's flat fields to the service's input.
 */
import { z } from 'zod';
import { ORGANIZATION_KINDS, ORGANIZATION_LEVELS, organizationDepth } from './organization.ts';
import type { Organization, OrganizationInput, OgiOffice } from './organization.ts';
import { MAX_RECORD_ID } from '../shared/record-id.ts';

/** The OGI office facts (2019 art. 12); every field may be empty. */
export const ogiOfficeSchema = z.object({
  name: z.string().max(200),
  address: z.string().max(200),
  officeHours: z.string().max(200),
  phone: z.string().max(200),
  fax: z.string().max(200),
  email: z.string().max(200),
  website: z.string().max(200),
  postcode: z.string().max(200),
});

/** An organization as shown. */
export const organizationSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  /** Materialized path of ids, `/1/5/`. */
  path: z.string(),
  /** Depth in the tree; a root is 0. */
  depth: z.number().int(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(ORGANIZATION_KINDS),
  level: z.enum(ORGANIZATION_LEVELS),
  /** GB/T 2260 six-digit code. */
  divisionCode: z.string().nullable(),
  /** Organization code or unified social credit code: the index-number prefix. */
  organizationCode: z.string(),
  competentDepartmentId: z.number().int().nullable(),
  ogiOffice: ogiOfficeSchema,
  /** Null = the default `{orgcode}/{yyyy}-{nnnnn}`. */
  indexNumberTemplate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Maps a domain organization to its API shape. */
export function organizationToApi(org: Organization): z.infer<typeof organizationSchema> {
  return { ...org, ogiOffice: { ...org.ogiOffice }, depth: organizationDepth(org.path) };
}

const createFields = {
  /** The parent organization; null for a root (system administrators only). */
  parentId: z.number().int().positive().max(MAX_RECORD_ID).nullable(),
  name: z.string().min(1).max(100),
  shortName: z.string().max(50).nullable().optional(),
  kind: z.enum(ORGANIZATION_KINDS),
  level: z.enum(ORGANIZATION_LEVELS),
  /** GB/T 2260 six-digit code, e.g. `640300`. */
  divisionCode: z.string().max(6).nullable().optional(),
  /** 6–24 letters, digits or hyphens. */
  organizationCode: z.string().min(1).max(24),
  competentDepartmentId: z.number().int().positive().max(MAX_RECORD_ID).nullable().optional(),
  ogiOffice: ogiOfficeSchema.partial().optional(),
  /** Must contain `{yyyy}` and `{nnnnn}`; null = the default. */
  indexNumberTemplate: z.string().max(64).nullable().optional(),
};

/** POST /api/organizations body. */
export const createOrganizationBodySchema = z.object(createFields);

/** PATCH /api/organizations/:id body: any subset; `parentId` moves the subtree. */
export const updateOrganizationBodySchema = z.object(createFields).partial();

/** Drops `undefined` members (the service's input types use exact optional properties). */
export function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

/** The console form's OGI office fields are `office_<key>`. */
export const OFFICE_FORM_PREFIX = 'office_';

/**
 * Reads the console form (flat urlencoded strings) into the service's input. Blank optional
 * fields become null; ids that are not numbers become NaN so that the service reports them.
 */
export function formToOrganizationInput(fields: Record<string, string>): OrganizationInput {
  const id = (value: string | undefined): number | null => (value === undefined || value.trim() === '' ? null : Number(value));
  const office: Partial<OgiOffice> = {};
  for (const key of Object.keys(ogiOfficeSchema.shape) as (keyof OgiOffice)[]) office[key] = fields[`${OFFICE_FORM_PREFIX}${key}`] ?? '';
  return {
    parentId: id(fields['parentId']),
    name: fields['name'] ?? '',
    shortName: fields['shortName'] ?? null,
    kind: (fields['kind'] ?? '') as OrganizationInput['kind'],
    level: (fields['level'] ?? '') as OrganizationInput['level'],
    divisionCode: fields['divisionCode'] ?? null,
    organizationCode: fields['organizationCode'] ?? '',
    competentDepartmentId: id(fields['competentDepartmentId']),
    ogiOffice: office,
    indexNumberTemplate: fields['indexNumberTemplate'] ?? null,
  };
}

/** Maps a service issue's field (`ogiOffice.phone`) to the form's field name (`office_phone`). */
export function formFieldOf(field: string): string {
  return field.startsWith('ogiOffice.') ? `${OFFICE_FORM_PREFIX}${field.slice('ogiOffice.'.length)}` : field;
}
