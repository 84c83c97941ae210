/**
 * The reply-clock rules of the OGI Regulations in force on a request's date of receipt, as data,
 * each with its article. RULES.md §1.1–1.5: the 2008 text (Decree 492, effective 2008-05-01) and
 * the 2019 revision (Decree 711, effective 2019-05-15). That a request received before 2019-05-15
 * follows the 2008 text is an inference (the 2019 text has no transitional article): UNVERIFIED.
 */

/** One regulation text's clock rules. */
export interface RegulationRuleSet {
  id: 'regulations2008' | 'regulations2019';
  /** The first date of receipt (`YYYY-MM-DD`) this text applies to. */
  appliesFrom: string;
  /** Human name, Chinese. */
  nameZh: string;
  /** Working days to reply, counted from the date of receipt. */
  replyWorkingDays: number;
  replySource: string;
  /** The longest extension, in working days (approved by the OGI office head, notified to the requester). */
  maxExtensionWorkingDays: number;
  extensionSource: string;
  /** The longest a clarification request may wait after receipt (working days); null when the text sets none. */
  clarificationRequestWorkingDays: number | null;
  clarificationSource: string | null;
  /** Consultation time (third parties; other agencies in 2019) that does not count. */
  excludedTimeSource: string;
  /** Working days a consulted party has to reply, after which the agency decides (2019 art. 32, 34). */
  consultationWorkingDays: number;
  consultationSource: string;
}

/** The rule sets, newest last. */
export const REGULATION_RULE_SETS: readonly RegulationRuleSet[] = [
  {
    id: 'regulations2008',
    appliesFrom: '2008-05-01',
    nameZh: '《中华人民共和国政府信息公开条例》（2007年国务院令第492号）',
    replyWorkingDays: 15,
    replySource: '2008 art. 24 ¶2',
    maxExtensionWorkingDays: 15,
    extensionSource: '2008 art. 24 ¶2',
    clarificationRequestWorkingDays: null,
    clarificationSource: null,
    excludedTimeSource: '2008 art. 24 ¶3 (third-party consultation)',
    consultationWorkingDays: 15,
    consultationSource: '国办公开办函〔2015〕207号 practice; the 2008 text sets no window (UNVERIFIED, RULES.md §1.10)',
  },
  {
    id: 'regulations2019',
    appliesFrom: '2019-05-15',
    nameZh: '《中华人民共和国政府信息公开条例》（2019年国务院令第711号修订）',
    replyWorkingDays: 20,
    replySource: '2019 art. 33 ¶2',
    maxExtensionWorkingDays: 20,
    extensionSource: '2019 art. 33 ¶2',
    clarificationRequestWorkingDays: 7,
    clarificationSource: '2019 art. 30',
    excludedTimeSource: '2019 art. 33 ¶3 (third-party and inter-agency consultation)',
    consultationWorkingDays: 15,
    consultationSource: '2019 art. 32 (third party), art. 34 (other agencies; silence = consent)',
  },
];

/**
 * The rule set in force on a date of receipt, or null before 2008-05-01 (no regulation applied).
 * @param receivedOn `YYYY-MM-DD`
 */
export function ruleSetFor(receivedOn: string): RegulationRuleSet | null {
  let found: RegulationRuleSet | null = null;
  for (const set of REGULATION_RULE_SETS) if (receivedOn >= set.appliesFrom) found = set;
  return found;
}
