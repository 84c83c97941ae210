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
} as const;

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

  /**
   * @param code a code of {@link ERROR_CODES}
   * @param detail the specific cause, appended to the catalogue message
   * @param options `cause`: the underlying error, kept for logs, never shown to the public
   */
  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown }) {
    const entry = ERROR_CODES[code];
    super(detail ? `${entry.en}: ${detail}` : entry.en, options);
    this.name = 'GongkaiError';
    this.code = code;
    this.messageZh = detail ? `${entry.zh}：${detail}` : entry.zh;
    this.status = entry.status;
  }
}

/** True when `error` is a {@link GongkaiError}, optionally with the given code. */
export function isGongkaiError(error: unknown, code?: ErrorCode): error is GongkaiError {
  return error instanceof GongkaiError && (code === undefined || error.code === code);
}
