/**
 * The date of receipt of a request by channel (2019 art. 31; RULES.md §1.4 and W1). The date of
 * receipt starts the reply clock, so which date counts matters:
 * - in person: the date of submission (art. 31 (一));
 * - registered post: the date the agency signed for it (art. 31 (二));
 * - ordinary post (no signature): the date the OGI office confirmed it with the requester, which it must
 *   do on the day the letter arrives (art. 31 (二));
 * - online or the OGI office's fax: the date both sides confirmed it (art. 31 (三));
 * - email: from 2019-05-15 as online (双方确认之日, an inference: UNVERIFIED); before, the date the mail
 *   system received it (国办公开办函〔2015〕207号).
 */
import type { Channel } from './request-case.ts';

/** The rule for one channel: which date counts, and where that comes from. */
export interface ReceiptRule {
  channel: Channel;
  /** Which date is the date of receipt: `submitted`, `signed` (for), `confirmed` (with the requester), `arrived` (mail system). */
  dateCounts: 'submitted' | 'signed' | 'confirmed' | 'arrived';
  /** The rule in Chinese, as quoted to staff and the public. */
  ruleZh: string;
  ruleEn: string;
  source: string;
  unverified?: string;
}

/**
 * The art. 31 rule for a channel under the regulation in force on the date.
 * @param channel the channel the request came by
 * @param on the (approximate) date of receipt, `YYYY-MM-DD`: decides 2008 vs 2019 practice for email
 */
export function receiptRule(channel: Channel, on: string): ReceiptRule {
  const rule = receiptRule2019(channel, on);
  // The 2008 text has no receipt article: the 2019 wording is applied as the practice of 国办公开办函〔2015〕207号.
  if (on < '2019-05-15' && rule.source.startsWith('2019')) {
    return { ...rule, source: `${rule.source}; 国办公开办函〔2015〕207号 (2008 text: no article)`, unverified: 'the 2008 text has no receipt article; the 2019 rule is applied as 207号 practice (RULES.md §1.4, §1.10)' };
  }
  return rule;
}

function receiptRule2019(channel: Channel, on: string): ReceiptRule {
  switch (channel) {
    case 'in-person':
      return { channel, dateCounts: 'submitted', ruleZh: '当面提交的，以提交之日为收到申请之日', ruleEn: 'in person: the date of submission', source: '2019 art. 31 (一)' };
    case 'registered-post':
      return { channel, dateCounts: 'signed', ruleZh: '以邮寄方式提交的，以行政机关签收之日为收到申请之日', ruleEn: 'registered post: the date the agency signed for it', source: '2019 art. 31 (二)' };
    case 'ordinary-post':
      return {
        channel,
        dateCounts: 'confirmed',
        ruleZh: '以平常信函等无需签收的邮寄方式提交的，政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日',
        ruleEn: 'ordinary post: the date the OGI office confirmed it with the requester (on the day it arrived)',
        source: '2019 art. 31 (二)',
      };
    case 'fax':
    case 'online':
      return {
        channel,
        dateCounts: 'confirmed',
        ruleZh: '通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日',
        ruleEn: 'online or fax: the date both sides confirmed it',
        source: '2019 art. 31 (三)',
      };
    case 'email':
      return on >= '2019-05-15'
        ? {
            channel,
            dateCounts: 'confirmed',
            ruleZh: '通过电子邮件提交的，按互联网渠道以双方确认之日为收到申请之日',
            ruleEn: 'email: as an internet channel, the date both sides confirmed it',
            source: '2019 art. 31 (三)',
            unverified: 'that art. 31 (三) covers email and supersedes 国办公开办函〔2015〕207号 is an inference (RULES.md §1.4)',
          }
        : {
            channel,
            dateCounts: 'arrived',
            ruleZh: '通过电子邮件提交的，自电子邮件系统接收之日为收到申请之日',
            ruleEn: 'email (before 2019-05-15): the date the mail system received it',
            source: '国办公开办函〔2015〕207号',
          };
  }
}

/** The dates a request may carry; which one counts depends on the channel. All `YYYY-MM-DD`. */
export interface ReceiptDates {
  submittedOn: string;
  signedOn?: string;
  confirmedOn?: string;
}

/**
 * The date of receipt for a channel from the dates known, or a reason it cannot be decided yet.
 * @returns `{ receivedOn }` or `{ missing: 'signedOn' | 'confirmedOn' }` (the date the channel needs)
 */
export function dateOfReceipt(channel: Channel, dates: ReceiptDates): { receivedOn: string; rule: ReceiptRule } | { missing: 'signedOn' | 'confirmedOn'; rule: ReceiptRule } {
  // The regulation in force when the request arrived decides the rule (an e-mail of 2019-05-10 confirmed later is a 2008-era e-mail).
  const rule = receiptRule(channel, dates.submittedOn);
  switch (rule.dateCounts) {
    case 'submitted':
    case 'arrived':
      return { receivedOn: dates.submittedOn, rule };
    case 'signed':
      return dates.signedOn ? { receivedOn: dates.signedOn, rule } : { missing: 'signedOn', rule };
    case 'confirmed':
      return dates.confirmedOn ? { receivedOn: dates.confirmedOn, rule } : { missing: 'confirmedOn', rule };
  }
}
