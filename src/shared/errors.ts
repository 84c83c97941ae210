/**
 * The one catalogue of gongkai's typed errors. Every error has a stable machine code, an English
 * message for CLI/API users and a Chinese message for the UI. Edges (CLI, HTTP) map these to exit
 * codes or HTTP statuses; domain code throws only these, never HTTP or process errors.
 */

/** Stable error codes. Never rename or reuse one: API clients and scripts match on them. */
export const ERROR_CODES = {
  /** The input file could not be read at all (missing, unreadable, a directory). */
  INPUT_UNREADABLE: { status: 400, zh: '无法读取输入文件', en: 'The input file could not be read' },
  /** The input is larger than the reader accepts. */
  INPUT_TOO_LARGE: { status: 413, zh: '输入文件过大', en: 'The input file is too large' },
  /** The input is empty or has no text that could be a report. */
  INPUT_EMPTY: { status: 422, zh: '输入文件没有可读的文字', en: 'The input has no readable text' },
  /** The bytes are not a format the reader knows (text, HTML, DOCX, PDF, structured-report JSON). */
  INPUT_UNSUPPORTED: { status: 415, zh: '不支持的文件格式', en: 'The input format is not supported' },
  /** The PDF or DOCX container is damaged and its text could not be extracted. */
  INPUT_CORRUPT: { status: 422, zh: '文件已损坏，无法提取文字', en: 'The file is damaged and its text could not be extracted' },
  /** The input was read but holds no annual report: no table of any format, no report section, no report title. */
  NOT_A_REPORT: { status: 422, zh: '输入不是政府信息公开工作年度报告', en: 'The input is not an annual OGI report' },
  /** A structured-report JSON document does not match the schema. */
  REPORT_JSON_INVALID: { status: 422, zh: '结构化年报 JSON 不符合模式', en: 'The structured report JSON does not match the schema' },
  /** An unknown report format id was asked for. */
  FORMAT_UNKNOWN: { status: 400, zh: '未知的年度报告格式', en: 'Unknown annual report format' },
  /** A command-line argument or option is invalid. */
  USAGE: { status: 400, zh: '参数错误', en: 'Invalid arguments' },

  // Records system (issue 3). Each entry: HTTP status, Chinese for pages, English for CLI/API.
  /** Configuration (environment variables, flags) is invalid; the detail names every bad variable. */
  CONFIG_INVALID: { status: 500, zh: '配置错误', en: 'Invalid configuration' },
  /** A schema migration failed; the store stays at the last good migration. */
  MIGRATION_FAILED: { status: 500, zh: '数据库迁移失败', en: 'Database migration failed' },
  /** Input failed validation; `issues` names each bad field. Nothing was written. */
  VALIDATION_FAILED: { status: 400, zh: '输入有误', en: 'Invalid input' },
  /** The record asked for does not exist (or is not visible to the caller). */
  NOT_FOUND: { status: 404, zh: '未找到', en: 'Not found' },
  /** The route needs a logged-in user. */
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Login required' },
  /** The user's roles do not allow this action on this organization. */
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'Not permitted' },
  /** The form's CSRF token is missing or wrong. */
  CSRF_INVALID: { status: 403, zh: '表单已过期，请刷新页面后重试', en: 'Missing or invalid CSRF token' },
  /** Too many requests from this client; retry later. */
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests' },
  /** Wrong user name or password (deliberately not saying which). */
  LOGIN_FAILED: { status: 401, zh: '用户名或密码错误', en: 'Wrong user name or password' },
  /** The account is locked after repeated failed logins, until the time in the detail. */
  ACCOUNT_LOCKED: { status: 423, zh: '账户已临时锁定', en: 'Account temporarily locked' },
  /** A new password does not meet the policy. */
  PASSWORD_WEAK: { status: 400, zh: '密码不符合要求', en: 'Password does not meet the policy' },
  /** The user must change a one-time password before doing anything else. */
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '请先修改初始密码', en: 'Password change required' },
  /** A user name is already taken. */
  USERNAME_TAKEN: { status: 409, zh: '用户名已存在', en: 'User name already taken' },
  /** An organization id or code that does not exist. */
  ORGANIZATION_UNKNOWN: { status: 400, zh: '机构不存在', en: 'Unknown organization' },
  /** A change would make the organization tree cyclic or orphan a subtree. */
  ORGANIZATION_TREE_INVALID: { status: 409, zh: '机构层级关系无效', en: 'Invalid organization tree change' },
  /** The index number is already used by another item (index numbers are never reused). */
  INDEX_NUMBER_DUPLICATE: { status: 409, zh: '索引号已存在', en: 'Duplicate index number' },
  /** The index number's form is not one we accept. */
  INDEX_NUMBER_INVALID: { status: 400, zh: '索引号格式不正确', en: 'Invalid index number' },
  /** An index number cannot change after publication. */
  INDEX_NUMBER_IMMUTABLE: { status: 409, zh: '索引号发布后不可更改', en: 'Index number cannot change after publication' },
  /** The action is not allowed in the record's current state (e.g. approving a draft). */
  ILLEGAL_TRANSITION: { status: 409, zh: '当前状态不允许此操作', en: 'Not allowed in the current state' },
  /** An upload is larger than the limit. */
  UPLOAD_TOO_LARGE: { status: 413, zh: '上传文件过大', en: 'Upload too large' },
  /** An upload's type is not allowed, or its content does not match its declared type. */
  UPLOAD_TYPE: { status: 415, zh: '不允许的文件类型', en: 'File type not allowed' },
  /** A bulk import had bad rows; nothing was imported. The detail counts them; `issues` lists them. */
  IMPORT_INVALID: { status: 400, zh: '导入文件有错误，未导入任何记录', en: 'Import file has errors; nothing was imported' },
  /** A date computation needs a year the working-day calendar does not cover. */
  CALENDAR_YEAR_MISSING: { status: 422, zh: '工作日历缺少该年度数据', en: 'The working-day calendar has no data for that year' },
  /** The record changed since it was read (concurrent edit). */
  CONFLICT: { status: 409, zh: '记录已被他人修改，请刷新后重试', en: 'The record was changed by someone else' },
  /** A backup or restore failed; the detail says where. */
  BACKUP_FAILED: { status: 500, zh: '备份或恢复失败', en: 'Backup or restore failed' },
  /** No CJK font could be found or loaded for PDF output; the detail names the paths tried and GONGKAI_PDF_FONT. */
  FONT_MISSING: { status: 500, zh: '找不到可用于生成 PDF 的中文字体', en: 'No CJK font available for PDF output' },
  /** The checker found errors in an annual report: submission needs an approver's written override (issue 5). */
  REPORT_CHECK_FAILED: { status: 422, zh: '年度报告未通过校验，存在错误；如确需报送，须由审核人填写理由后放行', en: 'The annual report has checker errors; an approver must override them with a written reason to submit' },
  /** A submitted, accepted or published annual report cannot be edited (2019 art. 49: what was submitted and published stays as it was). */
  REPORT_LOCKED: { status: 409, zh: '年度报告已报送或已公开，不能修改', en: 'The annual report is submitted or published and cannot be edited' },

  // Engagement records (issue 6).
  /** A message's writer did not agree to publication, so the exchange cannot be published. */
  PUBLISH_CONSENT_MISSING: { status: 409, zh: '留言人未同意公开，不能公开该留言', en: 'The writer did not agree to publication' },
} as const;

/**
 * One field-level problem: `field` is the input's field name (`title`, `creation_date`), `row` the
 * 1-based data row of an import (absent elsewhere), with an English and a Chinese message.
 */
export interface ErrorIssue {
  field: string;
  row?: number;
  message: string;
  messageZh: string;
}

/** One of the stable error codes of {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * A typed gongkai error. `message` is English (CLI/API); `messageZh` is for the UI.
 * `detail` carries the specific cause (a file name, a schema path) and is appended to both.
 */
export class GongkaiError extends Error {
  /** The stable code, e.g. `INPUT_TOO_LARGE`. */
  readonly code: ErrorCode;
  /** The Chinese message for the UI. */
  readonly messageZh: string;
  /** The HTTP status the API edge maps this error to. */
  readonly status: number;
  /** Field-level problems (validation, import rows); empty for other errors. */
  readonly issues: readonly ErrorIssue[];

  /**
   * @param code a code of {@link ERROR_CODES}
   * @param detail the specific cause, appended to the catalogue message
   * @param options `cause`: the underlying error, kept for logs, never shown to the public;
   *   `issues`: the field-level problems
   */
  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown; issues?: readonly ErrorIssue[] }) {
    const entry = ERROR_CODES[code];
    super(detail ? `${entry.en}: ${detail}` : entry.en, options);
    this.name = 'GongkaiError';
    this.code = code;
    this.messageZh = detail ? `${entry.zh}：${detail}` : entry.zh;
    this.status = entry.status;
    this.issues = options?.issues ?? [];
  }
}

/** True when `error` is a {@link GongkaiError}, optionally with the given code. */
export function isGongkaiError(error: unknown, code?: ErrorCode): error is GongkaiError {
  return error instanceof GongkaiError && (code === undefined || error.code === code);
}

/**
 * A `VALIDATION_FAILED` error carrying field issues; its detail names the bad fields
 * (`applicantName, filedOn`). Throw it: nothing was written.
 */
export function validationFailed(issues: readonly ErrorIssue[]): GongkaiError {
  return new GongkaiError('VALIDATION_FAILED', issues.map((i) => i.field).join(', '), { issues });
}
