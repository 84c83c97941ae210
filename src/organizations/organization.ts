/**
 * The organization (机构) as the domain sees it: a node of the region's tree of governments and
 * their departments, with the facts its OGI guide must publish (2019 art. 12) and the codes that
 * identify it. Pure: validators return field issues, nothing here does I/O.
 */
import { isValidTemplate } from '../catalog/index-number.ts';
import type { ErrorIssue } from '../shared/errors.ts';

/** What kind of organ it is: a people's government, one of its departments, or another body. */
export const ORGANIZATION_KINDS = ['government', 'department', 'other'] as const;
/** An organization's kind. */
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
/** Chinese names of the kinds, for the UI. */
export const ORGANIZATION_KIND_NAMES_ZH: Record<OrganizationKind, string> = {
  government: '人民政府',
  department: '政府部门',
  other: '其他机构',
};

/** The administrative level it serves. */
export const ORGANIZATION_LEVELS = ['province', 'city', 'county', 'township'] as const;
/** An organization's level. */
export type OrganizationLevel = (typeof ORGANIZATION_LEVELS)[number];
/** Chinese names of the levels, for the UI. */
export const ORGANIZATION_LEVEL_NAMES_ZH: Record<OrganizationLevel, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇级',
};

/**
 * The OGI office's facts an OGI guide publishes (2019 art. 12: 政府信息公开工作机构的名称、办公地址、
 * 办公时间、联系电话、传真号码、互联网联系方式等). Every field may be empty ('').
 */
export interface OgiOffice {
  name: string;
  address: string;
  officeHours: string;
  phone: string;
  fax: string;
  email: string;
  website: string;
  postcode: string;
}

/** The OGI office fields in display order, with their Chinese labels. */
export const OGI_OFFICE_FIELDS: readonly { key: keyof OgiOffice; labelZh: string }[] = [
  { key: 'name', labelZh: '政府信息公开工作机构' },
  { key: 'address', labelZh: '办公地址' },
  { key: 'officeHours', labelZh: '办公时间' },
  { key: 'phone', labelZh: '联系电话' },
  { key: 'fax', labelZh: '传真' },
  { key: 'email', labelZh: '电子邮箱' },
  { key: 'website', labelZh: '网站' },
  { key: 'postcode', labelZh: '邮政编码' },
];

/** An office with every field empty. */
export function emptyOgiOffice(): OgiOffice {
  return { name: '', address: '', officeHours: '', phone: '', fax: '', email: '', website: '', postcode: '' };
}

/** An organization of the tree. */
export interface Organization {
  id: number;
  /** The parent; null for a root (the region's top government). */
  parentId: number | null;
  /** Materialized path of ids from the root, `/1/5/`: a grant on `/1/` covers every path starting with it. */
  path: string;
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  level: OrganizationLevel;
  /** GB/T 2260 administrative division code, six digits; null when not given. */
  divisionCode: string | null;
  /** Organization code (9 characters, hyphen allowed) or unified social credit code (18): the index-number prefix. */
  organizationCode: string;
  /** The organization whose OGI office is this one's competent OGI department (2019 art. 3); null when none. */
  competentDepartmentId: number | null;
  ogiOffice: OgiOffice;
  /** Index-number template; null = the national default `{orgcode}/{yyyy}-{nnnnn}`. */
  indexNumberTemplate: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The fields a caller supplies to create an organization. */
export interface OrganizationInput {
  parentId: number | null;
  name: string;
  shortName?: string | null;
  kind: OrganizationKind;
  level: OrganizationLevel;
  divisionCode?: string | null;
  organizationCode: string;
  competentDepartmentId?: number | null;
  /** Office facts to set (absent members become empty). */
  ogiOffice?: { [K in keyof OgiOffice]?: string | undefined };
  indexNumberTemplate?: string | null;
}

/** A partial update: omitted fields keep their value. */
export type OrganizationPatch = Partial<OrganizationInput>;

/** The depth of an organization in the tree (a root is 0), from its path. */
export function organizationDepth(path: string): number {
  return Math.max(0, path.split('/').filter((s) => s !== '').length - 1);
}

/**
 * Province-level prefixes of GB/T 2260 (the first two digits of every division code): 11–15, 21–23,
 * 31–37, 41–46, 50–54, 61–65, and 71 (Taiwan), 81 (Hong Kong), 82 (Macao).
 */
const PROVINCE_PREFIXES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']);

/** Whether `code` is a plausible GB/T 2260 division code: six digits with a real province prefix (吴忠市 = 640300). */
export function isValidDivisionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && PROVINCE_PREFIXES.has(code.slice(0, 2));
}

/**
 * Whether `code` is acceptable as an organization code. Lenient on purpose: real portals use the
 * 9-character organization code with or without its hyphen (`64030003-2`), the 18-character unified
 * social credit code, and occasionally a local abbreviation; all are 6–24 letters, digits or hyphens.
 */
export function isValidOrganizationCode(code: string): boolean {
  return /^[0-9A-Za-z-]{6,24}$/.test(code);
}

function issue(field: string, message: string, messageZh: string): ErrorIssue {
  return { field, message, messageZh };
}

/**
 * Checks the field formats of a create or patch (the tree rules need the database and live in the
 * service). Fields absent from `input` are not checked.
 * @returns the problems, one per bad field; empty when all is well
 */
export function validateOrganizationFields(input: OrganizationPatch): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  if (input.name !== undefined && (input.name.trim() === '' || input.name.length > 100)) {
    issues.push(issue('name', 'name must be 1–100 characters', '机构名称不能为空，且不超过 100 字'));
  }
  if (input.shortName !== undefined && input.shortName !== null && input.shortName.length > 50) {
    issues.push(issue('shortName', 'shortName must be at most 50 characters', '简称不超过 50 字'));
  }
  if (input.kind !== undefined && !(ORGANIZATION_KINDS as readonly string[]).includes(input.kind)) {
    issues.push(issue('kind', `kind must be one of ${ORGANIZATION_KINDS.join(', ')}`, '机构类型无效'));
  }
  if (input.level !== undefined && !(ORGANIZATION_LEVELS as readonly string[]).includes(input.level)) {
    issues.push(issue('level', `level must be one of ${ORGANIZATION_LEVELS.join(', ')}`, '行政层级无效'));
  }
  if (input.divisionCode !== undefined && input.divisionCode !== null && !isValidDivisionCode(input.divisionCode)) {
    issues.push(issue('divisionCode', 'divisionCode must be a six-digit GB/T 2260 code', '行政区划代码应为 6 位 GB/T 2260 代码（如 640300）'));
  }
  if (input.organizationCode !== undefined && !isValidOrganizationCode(input.organizationCode)) {
    issues.push(issue('organizationCode', 'organizationCode must be 6–24 letters, digits or hyphens (organization code or unified social credit code)', '机构代码应为 6–24 位字母、数字或连字符（组织机构代码或统一社会信用代码）'));
  }
  if (input.indexNumberTemplate !== undefined && input.indexNumberTemplate !== null && !isValidTemplate(input.indexNumberTemplate)) {
    issues.push(issue('indexNumberTemplate', 'indexNumberTemplate must contain {yyyy} and a serial {nnnnn}, at most 64 characters', '索引号模板须包含 {yyyy} 和流水号 {nnnnn}，不超过 64 个字符'));
  }
  const office = input.ogiOffice;
  if (office) {
    for (const { key, labelZh } of OGI_OFFICE_FIELDS) {
      const value = office[key];
      if (value !== undefined && value.length > 200) issues.push(issue(`ogiOffice.${key}`, `ogiOffice.${key} must be at most 200 characters`, `${labelZh}不超过 200 字`));
    }
    if (office.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(office.email)) {
      issues.push(issue('ogiOffice.email', 'ogiOffice.email is not an e-mail address', '电子邮箱格式不正确'));
    }
    if (office.website && !/^https?:\/\/[^\s]+$/.test(office.website)) {
      issues.push(issue('ogiOffice.website', 'ogiOffice.website must start with http:// or https://', '网站地址应以 http:// 或 https:// 开头'));
    }
    if (office.postcode && !/^\d{6}$/.test(office.postcode)) {
      issues.push(issue('ogiOffice.postcode', 'ogiOffice.postcode must be six digits', '邮政编码应为 6 位数字'));
    }
  }
  return issues;
}

/**
 * Orders organizations as a tree (each parent directly followed by its subtree), siblings by kind
 * (governments first) then id. Done in code rather than SQL because `ORDER BY path` depends on the
 * PostgreSQL collation. Organizations whose parent is not in the list are treated as roots.
 */
export function sortAsTree(organizations: readonly Organization[]): Organization[] {
  const ids = new Set(organizations.map((o) => o.id));
  const children = new Map<number | null, Organization[]>();
  for (const org of organizations) {
    const key = org.parentId !== null && ids.has(org.parentId) ? org.parentId : null;
    const list = children.get(key) ?? [];
    list.push(org);
    children.set(key, list);
  }
  const kindRank = (k: OrganizationKind): number => ORGANIZATION_KINDS.indexOf(k);
  for (const list of children.values()) list.sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || a.id - b.id);
  const out: Organization[] = [];
  const visit = (parent: number | null): void => {
    for (const org of children.get(parent) ?? []) {
      out.push(org);
      visit(org.id);
    }
  };
  visit(null);
  return out;
}
