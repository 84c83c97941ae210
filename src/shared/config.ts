/**
 * Configuration, read and validated once at start-up into a frozen object. Every variable is
 * documented in the README; an invalid one stops start-up with `CONFIG_INVALID` naming each bad one.
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { GongkaiError } from './errors.ts';

const envSchema = z.object({
  /** TCP port of the HTTP server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** PostgreSQL URL; absent = the embedded SQLite file in the data directory. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  /** Directory of the SQLite file and of attachments. */
  GONGKAI_DATA_DIR: z.string().min(1).default('./data'),
  /** The public base URL (for feeds, sitemap, cookies' Secure flag when https). */
  GONGKAI_PUBLIC_URL: z.string().url().optional(),
  /** Maximum attachment size in bytes. */
  GONGKAI_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  /**
   * Whether a request's reply period stands between a fee notice and payment. The sources do not
   * settle it (RULES.md §2, UNVERIFIED); default true.
   */
  GONGKAI_FEE_PAUSES_CLOCK: z.enum(['true', 'false']).default('true'),
  /**
   * Whether the day of receipt counts as the first working day of a period. The regulation does not
   * say; practice counts from the next day (自收到申请次日起算), which is the default (UNVERIFIED).
   */
  GONGKAI_COUNT_RECEIPT_DAY: z.enum(['true', 'false']).default('false'),
  /** Working days before a deadline when staff are reminded (queue "due soon", reminder e-mails). */
  GONGKAI_REMINDER_WORKING_DAYS: z.coerce.number().int().min(1).max(20).default(5),
  /** Calendar days before an annual report's deadline (2019 art. 49) when its OGI office is reminded by e-mail. */
  GONGKAI_REPORT_REMINDER_DAYS: z.coerce.number().int().min(1).max(60).default(10),
  /** Working days a mailbox message must be answered in when its organization sets none (a local rule; UNVERIFIED: no national rule). */
  GONGKAI_MESSAGE_REPLY_DAYS: z.coerce.number().int().min(1).max(60).default(10),
  /** Working days after a policy's publication within which its interpretation counts as timely (UNVERIFIED local practice; 国办发〔2016〕80号 asks for 同步). */
  GONGKAI_INTERPRETATION_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  /** Months an NPC suggestion or CPPCC proposal must be answered in (the national NPC rule's three months; local rules vary, UNVERIFIED). */
  GONGKAI_PROPOSAL_REPLY_MONTHS: z.coerce.number().int().min(1).max(12).default(3),
  /** SMTP server for reminder e-mails, e.g. `smtp://user:pass@mail.example.gov.cn:587`; absent = in-app reminders only. */
  GONGKAI_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  /** Sender address of reminder e-mails. */
  GONGKAI_MAIL_FROM: z.string().min(3).default('gongkai@localhost'),
  /**
   * Key that encrypts requesters' ID numbers and contact details at rest: 32 bytes, base64. Absent =
   * a key file `personal-data.key` in the data directory, created on first use (back it up with the
   * database; required when several servers share a PostgreSQL database).
   */
  GONGKAI_PERSONAL_DATA_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)')
    .optional(),
  /**
   * Which reverse proxies may set X-Forwarded-For (the client address that rate limits count):
   * absent = none (the socket address counts), `true` = any (only behind a proxy that rewrites the
   * header), or a comma-separated list of addresses/CIDRs, e.g. `127.0.0.1,10.0.0.0/8`.
   */
  GONGKAI_TRUST_PROXY: z.string().min(1).optional(),
  /** Log level of the server (pino levels). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The validated configuration. */
export interface Config {
  port: number;
  host: string;
  /** `postgres://…` or the SQLite file path. */
  databaseUrl: string;
  /** Absolute path of the data directory. */
  dataDir: string;
  /** Absolute path of the attachments directory (inside the data directory). */
  attachmentsDir: string;
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:3000`. */
  publicUrl: string;
  maxUploadBytes: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Whether the reply period stands between a fee notice and payment (UNVERIFIED rule; default true). */
  feePausesClock: boolean;
  /** Whether the day of receipt (or of the notice) counts as day 1 of a period (UNVERIFIED rule; default false). */
  countReceiptDay: boolean;
  /** Working days before a deadline when staff are reminded. */
  reminderWorkingDays: number;
  /** Calendar days before an annual report's deadline when its OGI office is reminded. */
  reportReminderDays: number;
  /** Default working days to answer a mailbox message (organizations may set their own). */
  messageReplyDays: number;
  /** Working days after a policy's publication within which its interpretation is timely. */
  interpretationDays: number;
  /** Months to answer an NPC suggestion or CPPCC proposal. */
  proposalReplyMonths: number;
  /** SMTP URL for reminder e-mails, or null (in-app only). */
  smtpUrl: string | null;
  mailFrom: string;
  /** The personal-data key (32 bytes, base64) when configured; null = the key file in the data directory. */
  personalDataKey: string | null;
  /** Fastify's `trustProxy`: false (default), true, or a list of proxy addresses. */
  trustProxy: boolean | string;
}

/**
 * Reads the configuration from environment variables, with flag overrides taking precedence.
 * @param env usually `process.env`
 * @param overrides values from command-line flags
 * @throws GongkaiError `CONFIG_INVALID`, naming every bad variable
 */
export function loadConfig(env: Record<string, string | undefined>, overrides: Partial<Record<keyof z.input<typeof envSchema>, string>> = {}): Readonly<Config> {
  const merged: Record<string, string | undefined> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = overrides[key as keyof typeof overrides] ?? env[key];
    if (value !== undefined && value !== '') merged[key] = value;
  }
  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new GongkaiError('CONFIG_INVALID', detail);
  }
  const e = parsed.data;
  const dataDir = resolve(e.GONGKAI_DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? join(dataDir, 'gongkai.sqlite'),
    dataDir,
    attachmentsDir: join(dataDir, 'attachments'),
    publicUrl: (e.GONGKAI_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    maxUploadBytes: e.GONGKAI_MAX_UPLOAD_BYTES,
    logLevel: e.LOG_LEVEL,
    feePausesClock: e.GONGKAI_FEE_PAUSES_CLOCK === 'true',
    countReceiptDay: e.GONGKAI_COUNT_RECEIPT_DAY === 'true',
    reminderWorkingDays: e.GONGKAI_REMINDER_WORKING_DAYS,
    reportReminderDays: e.GONGKAI_REPORT_REMINDER_DAYS,
    messageReplyDays: e.GONGKAI_MESSAGE_REPLY_DAYS,
    interpretationDays: e.GONGKAI_INTERPRETATION_DAYS,
    proposalReplyMonths: e.GONGKAI_PROPOSAL_REPLY_MONTHS,
    smtpUrl: e.GONGKAI_SMTP_URL ?? null,
    mailFrom: e.GONGKAI_MAIL_FROM,
    personalDataKey: e.GONGKAI_PERSONAL_DATA_KEY ?? null,
    trustProxy: e.GONGKAI_TRUST_PROXY === undefined || e.GONGKAI_TRUST_PROXY === 'false' ? false : e.GONGKAI_TRUST_PROXY === 'true' ? true : e.GONGKAI_TRUST_PROXY,
  });
}
