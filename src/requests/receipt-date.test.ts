import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateOfReceipt, receiptRule } from './receipt-date.ts';
import { CHANNELS } from './request-case.ts';

void describe('receipt rule by channel (2019 art. 31)', () => {
  void it('in person: the date of submission, art. 31 (一)', () => {
    const rule = receiptRule('in-person', '2025-03-03');
    assert.equal(rule.dateCounts, 'submitted');
    assert.equal(rule.source, '2019 art. 31 (一)');
    assert.equal(rule.ruleZh, '当面提交的，以提交之日为收到申请之日');
  });

  void it('registered post: the date the agency signed for it, art. 31 (二)', () => {
    const rule = receiptRule('registered-post', '2025-03-03');
    assert.equal(rule.dateCounts, 'signed');
    assert.equal(rule.source, '2019 art. 31 (二)');
    assert.equal(rule.ruleZh, '以邮寄方式提交的，以行政机关签收之日为收到申请之日');
  });

  void it('ordinary post: the date confirmed with the requester on arrival, art. 31 (二)', () => {
    const rule = receiptRule('ordinary-post', '2025-03-03');
    assert.equal(rule.dateCounts, 'confirmed');
    assert.equal(rule.source, '2019 art. 31 (二)');
    assert.ok(rule.ruleZh.includes('应当于收到申请的当日与申请人确认，确认之日为收到申请之日'));
  });

  void it('online and fax: the date both sides confirmed, art. 31 (三)', () => {
    for (const channel of ['online', 'fax'] as const) {
      const rule = receiptRule(channel, '2025-03-03');
      assert.equal(rule.channel, channel);
      assert.equal(rule.dateCounts, 'confirmed');
      assert.equal(rule.source, '2019 art. 31 (三)');
      assert.equal(rule.ruleZh, '通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日');
    }
  });

  void it('email: as online from 2019-05-15 (marked as an inference), the mail system date before (207号)', () => {
    const from2019 = receiptRule('email', '2019-05-15');
    assert.equal(from2019.dateCounts, 'confirmed');
    assert.equal(from2019.source, '2019 art. 31 (三)');
    assert.ok(from2019.unverified);
    const before = receiptRule('email', '2019-05-14');
    assert.equal(before.dateCounts, 'arrived');
    assert.equal(before.source, '国办公开办函〔2015〕207号');
    assert.equal(before.ruleZh, '通过电子邮件提交的，自电子邮件系统接收之日为收到申请之日');
    assert.equal(before.unverified, undefined);
  });

  void it('before 2019-05-15 cites the 2019 wording as 207号 practice, marked unverified (the 2008 text has no receipt article)', () => {
    const rule = receiptRule('registered-post', '2019-05-14');
    assert.equal(rule.source, '2019 art. 31 (二); 国办公开办函〔2015〕207号 (2008 text: no article)');
    assert.match(rule.unverified ?? '', /no receipt article/);
  });

  void it('has a rule with Chinese text and a source for every channel', () => {
    for (const channel of CHANNELS) {
      const rule = receiptRule(channel, '2025-03-03');
      assert.equal(rule.channel, channel);
      assert.ok(rule.ruleZh.length > 0 && rule.ruleEn.length > 0 && rule.source.length > 0);
    }
  });
});

void describe('date of receipt', () => {
  void it('in person: the submission date, whatever else is known', () => {
    const result = dateOfReceipt('in-person', { submittedOn: '2025-03-03', confirmedOn: '2025-03-05' });
    assert.ok('receivedOn' in result);
    assert.equal(result.receivedOn, '2025-03-03');
  });

  void it('registered post: the signing date, or missing until signed for', () => {
    const signed = dateOfReceipt('registered-post', { submittedOn: '2025-02-27', signedOn: '2025-03-03' });
    assert.ok('receivedOn' in signed);
    assert.equal(signed.receivedOn, '2025-03-03');
    const unsigned = dateOfReceipt('registered-post', { submittedOn: '2025-02-27' });
    assert.ok('missing' in unsigned);
    assert.equal(unsigned.missing, 'signedOn');
    assert.equal(unsigned.rule.dateCounts, 'signed');
  });

  void it('ordinary post: the confirmation date; a signature does not replace it', () => {
    const confirmed = dateOfReceipt('ordinary-post', { submittedOn: '2025-02-27', confirmedOn: '2025-03-03' });
    assert.ok('receivedOn' in confirmed);
    assert.equal(confirmed.receivedOn, '2025-03-03');
    const signedOnly = dateOfReceipt('ordinary-post', { submittedOn: '2025-02-27', signedOn: '2025-03-03' });
    assert.ok('missing' in signedOnly);
    assert.equal(signedOnly.missing, 'confirmedOn');
  });

  void it('online and fax: the confirmation date, or missing until both sides confirmed', () => {
    for (const channel of ['online', 'fax'] as const) {
      // Submitted on Sat 2025-03-01, confirmed on Mon 03-03: the confirmation date counts.
      const confirmed = dateOfReceipt(channel, { submittedOn: '2025-03-01', confirmedOn: '2025-03-03' });
      assert.ok('receivedOn' in confirmed);
      assert.equal(confirmed.receivedOn, '2025-03-03');
      const unconfirmed = dateOfReceipt(channel, { submittedOn: '2025-03-01' });
      assert.ok('missing' in unconfirmed);
      assert.equal(unconfirmed.missing, 'confirmedOn');
    }
  });

  void it('email from 2019-05-15: the confirmation date, or missing until confirmed', () => {
    const confirmed = dateOfReceipt('email', { submittedOn: '2025-03-01', confirmedOn: '2025-03-03' });
    assert.ok('receivedOn' in confirmed);
    assert.equal(confirmed.receivedOn, '2025-03-03');
    assert.equal(confirmed.rule.source, '2019 art. 31 (三)');
    const firstDay = dateOfReceipt('email', { submittedOn: '2019-05-15' });
    assert.ok('missing' in firstDay);
    assert.equal(firstDay.missing, 'confirmedOn');
  });

  void it('email before 2019-05-15: the day the mail system received it, confirmation or not', () => {
    const arrived = dateOfReceipt('email', { submittedOn: '2019-05-14' });
    assert.ok('receivedOn' in arrived);
    assert.equal(arrived.receivedOn, '2019-05-14');
    assert.equal(arrived.rule.source, '国办公开办函〔2015〕207号');
    const confirmedLater = dateOfReceipt('email', { submittedOn: '2019-05-10', confirmedOn: '2019-05-13' });
    assert.ok('receivedOn' in confirmedLater);
    assert.equal(confirmedLater.receivedOn, '2019-05-10');
  });
});
