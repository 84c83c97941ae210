import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGongkaiError } from '../shared/errors.ts';
import { computeFee } from './fee-schedule.ts';
import { OUTCOMES_WITH_TEMPLATES, renderReplyDocument } from './reply-templates.ts';
import type { ReplyInput } from './reply-templates.ts';
import { REQUEST_OUTCOMES } from './request-outcome.ts';

const header = {
  organizationName: '吴忠市人民政府办公室',
  issuedOn: '2026-11-30',
  requesterName: '张三',
  receivedOn: '2026-11-02',
  requestSummary: '2025年度本市老旧小区改造项目的资金拨付明细',
};

const reply = (overrides: Partial<ReplyInput> & { outcomeId: string }) => renderReplyDocument('reply', { ...header, reasons: '该信息属于依法确定的国家秘密事项', ...overrides });

/** True when `f` throws VALIDATION_FAILED naming exactly `fields` (in order). */
const refusedWith = (f: () => unknown, fields: string[]) =>
  assert.throws(f, (e: unknown) => isGongkaiError(e, 'VALIDATION_FAILED') && assert.deepEqual(e.issues.map((i) => i.field), fields) === undefined);

void describe('reply templates per outcome', () => {
  void it('has a template for every outcome of table 三', () => {
    assert.deepEqual(OUTCOMES_WITH_TEMPLATES, REQUEST_OUTCOMES.map((o) => o.id));
  });

  for (const outcome of REQUEST_OUTCOMES) {
    void it(`renders ${outcome.id} with its 2019 and 2008 basis`, () => {
      const m2019 = reply({ outcomeId: outcome.id });
      const m2008 = reply({ outcomeId: outcome.id, receivedOn: '2019-05-14' });
      assert.equal(m2019.ruleSetId, 'regulations2019');
      assert.equal(m2008.ruleSetId, 'regulations2008');
      for (const [model, basis] of [[m2019, outcome.legalBasis2019], [m2008, outcome.legalBasis2008]] as const) {
        const text = model.paragraphs.join('\n');
        assert.equal(model.outcomeId, outcome.id);
        assert.equal(model.addressee, '张三：');
        assert.equal(model.dateZh, '2026年11月30日');
        if (basis === '') {
          assert.equal(model.legalBasisZh, null);
        } else {
          const cited = `《中华人民共和国政府信息公开条例》${basis.replace(/；/g, '和')}`;
          assert.equal(model.legalBasisZh, cited);
          assert.ok(text.includes(`根据${cited}的规定，`), `${outcome.id}: ${text}`);
        }
        assert.ok(text.includes('2025年度本市老旧小区改造项目的资金拨付明细'));
        assert.ok(model.paragraphs.at(-1)!.endsWith('可以在收到' + (outcome.byLapse ? '本告知' : '本答复') + '之日起60日内依法申请行政复议，或者在6个月内依法提起行政诉讼。'));
      }
      assert.equal(m2019.title, outcome.byLapse ? '政府信息公开申请告知书' : '政府信息公开申请答复书');
    });
  }

  void it('writes a full 不予公开 reply', () => {
    const m = reply({ outcomeId: 'withheld-state-secret', documentNumber: '吴政办信公〔2026〕12号', reconsiderationBody: '吴忠市人民政府', court: '吴忠市利通区人民法院' });
    assert.deepEqual(m.paragraphs, [
      '本机关于2026年11月2日收到您提出的政府信息公开申请，您申请公开：“2025年度本市老旧小区改造项目的资金拨付明细”。',
      '经审查，您申请公开的政府信息属于依法确定为国家秘密的政府信息。',
      '具体理由：该信息属于依法确定的国家秘密事项。',
      '根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项的规定，本机关决定不予公开。',
      '如对本答复不服，可以在收到本答复之日起60日内依法向吴忠市人民政府申请行政复议，或者在6个月内依法向吴忠市利通区人民法院提起行政诉讼。',
    ]);
    assert.equal(m.documentNumber, '吴政办信公〔2026〕12号');
  });

  void it('refuses a 不予公开, 部分公开 or 其他 reply without reasons', () => {
    for (const id of ['withheld-state-secret', 'withheld-process', 'partial', 'other-other']) {
      refusedWith(() => renderReplyDocument('reply', { ...header, outcomeId: id }), ['reasons']);
      refusedWith(() => renderReplyDocument('reply', { ...header, outcomeId: id, reasons: '  ' }), ['reasons']);
    }
    // Other outcomes need none.
    assert.equal(renderReplyDocument('reply', { ...header, outcomeId: 'disclosed' }).paragraphs.length, 4);
  });

  void it('names the responsible agency when the information is not this agency’s (art. 36(五))', () => {
    const plain = renderReplyDocument('reply', { ...header, outcomeId: 'unable-not-held' });
    assert.equal(plain.paragraphs[1], '经检索，本机关没有您申请公开的政府信息。');
    assert.match(plain.paragraphs[2]!, /的规定，告知您该政府信息不存在。$/);
    const known = renderReplyDocument('reply', { ...header, outcomeId: 'unable-not-held', responsibleAgency: { name: '吴忠市住房和城乡建设局', contact: '0953-2011234' } });
    assert.equal(known.paragraphs[1], '经核查，您申请公开的政府信息不属于本机关负责公开。');
    assert.match(known.paragraphs[2]!, /的规定，告知您该政府信息由吴忠市住房和城乡建设局负责公开，联系方式：0953-2011234。$/);
    const noContact = renderReplyDocument('reply', { ...header, outcomeId: 'unable-not-held', responsibleAgency: { name: '吴忠市财政局' } });
    assert.match(noContact.paragraphs[2]!, /告知您该政府信息由吴忠市财政局负责公开。$/);
  });

  void it('words the answer details: already public (art. 36(一)) and another agency’s (art. 36(五))', () => {
    const already = renderReplyDocument('reply', { ...header, outcomeId: 'disclosed', answerDetail: 'already-public', reasons: '该信息已于2026年3月在吴忠市人民政府门户网站“政府信息公开”专栏公开。' });
    assert.equal(already.paragraphs[1], '经检索，您申请公开的政府信息已经主动公开。');
    // The way to obtain it is the decision, not a reason; nothing is enclosed.
    assert.equal(already.paragraphs[2], '根据《中华人民共和国政府信息公开条例》第三十六条第（一）项、第（二）项的规定，告知您获取该政府信息的方式和途径：该信息已于2026年3月在吴忠市人民政府门户网站“政府信息公开”专栏公开。');
    assert.equal(already.paragraphs.length, 4);
    refusedWith(() => renderReplyDocument('reply', { ...header, outcomeId: 'disclosed', answerDetail: 'already-public' }), ['provisionZh']);
    refusedWith(() => renderReplyDocument('reply', { ...header, outcomeId: 'partial', reasons: '部分涉及个人隐私', answerDetail: 'already-public' }), ['answerDetail']);
    refusedWith(() => renderReplyDocument('reply', { ...header, outcomeId: 'unable-needs-creation', answerDetail: 'other-agency' }), ['answerDetail']);

    const unnamed = renderReplyDocument('reply', { ...header, outcomeId: 'unable-not-held', answerDetail: 'other-agency', reasons: '该项目由自治区直属单位实施' });
    assert.deepEqual(unnamed.paragraphs.slice(1, 4), [
      '经核查，您申请公开的政府信息不属于本机关负责公开。',
      '具体理由：该项目由自治区直属单位实施。',
      '根据《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项的规定，特此告知。',
    ]);
    const named = renderReplyDocument('reply', { ...header, outcomeId: 'unable-not-held', answerDetail: 'other-agency', responsibleAgency: { name: '吴忠市财政局' } });
    assert.match(named.paragraphs[2]!, /的规定，告知您该政府信息由吴忠市财政局负责公开。$/);
  });

  void it('says how the information is provided', () => {
    const m = renderReplyDocument('reply', { ...header, outcomeId: 'disclosed', provisionZh: '该信息已在本机关门户网站“政府信息公开”栏目主动公开，您可自行查阅' });
    assert.match(m.paragraphs[2]!, /本机关决定予以公开。该信息已在本机关门户网站“政府信息公开”栏目主动公开，您可自行查阅。$/);
  });

  void it('uses a 3-month suit period for documents dated before 2015-05-01', () => {
    const m = renderReplyDocument('reply', { ...header, receivedOn: '2015-04-01', issuedOn: '2015-04-20', outcomeId: 'disclosed' });
    assert.match(m.paragraphs.at(-1)!, /或者在3个月内依法提起行政诉讼。$/);
  });

  void it('refuses bad input, naming every field, and an unknown outcome', () => {
    refusedWith(() => renderReplyDocument('reply', { ...header, organizationName: '', requesterName: ' ', issuedOn: '2026-02-30', outcomeId: 'disclosed' }), [
      'organizationName',
      'issuedOn',
      'requesterName',
    ]);
    refusedWith(() => renderReplyDocument('reply', { ...header, outcomeId: 'granted' }), ['outcomeId']);
    refusedWith(() => renderReplyDocument('reply', { ...header, receivedOn: '2008-04-30', issuedOn: '2008-05-10', outcomeId: 'disclosed' }), ['receivedOn']);
    refusedWith(() => renderReplyDocument('reply', { ...header, issuedOn: '2026-11-01', outcomeId: 'disclosed' }), ['issuedOn']);
  });
});

void describe('procedural notices', () => {
  void it('补正告知书 lists the items, the period and (2019) the restart and the lapse', () => {
    const m = renderReplyDocument('clarification', {
      ...header,
      items: ['所需信息的具体名称或者文号。', '信息所属的时间范围'],
      periodWorkingDays: 15,
      supplyBy: '2026-12-21',
    });
    assert.equal(m.title, '政府信息公开申请补正告知书');
    assert.equal(m.legalBasisZh, '《中华人民共和国政府信息公开条例》第三十条');
    assert.deepEqual(m.paragraphs.slice(1), [
      '经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对下列事项作出补正：',
      '（一）所需信息的具体名称或者文号；',
      '（二）信息所属的时间范围。',
      '请您于2026年12月21日前（自收到本告知书之日起15个工作日内）向本机关提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    ]);
    const old = renderReplyDocument('clarification', { ...header, receivedOn: '2018-03-01', items: ['信息名称'], periodWorkingDays: 10, supplyBy: '2018-03-20', issuedOn: '2018-03-05' });
    assert.equal(old.legalBasisZh, '《中华人民共和国政府信息公开条例》第二十一条第（四）项');
    assert.ok(!old.paragraphs.join('').includes('视为放弃申请'));
    refusedWith(() => renderReplyDocument('clarification', { ...header, items: [' '], periodWorkingDays: 0, supplyBy: '' }), ['items', 'periodWorkingDays', 'supplyBy']);
  });

  void it('延期答复告知书 states the reason, the approval and the new deadline, within the maximum', () => {
    const m = renderReplyDocument('extension', { ...header, issuedOn: '2026-11-20', reason: '申请公开的信息涉及多个内设机构，需要调取、核对的材料较多', extensionWorkingDays: 20, newDeadline: '2026-12-28' });
    assert.equal(m.title, '政府信息公开延期答复告知书');
    assert.equal(
      m.paragraphs[1],
      '因申请公开的信息涉及多个内设机构，需要调取、核对的材料较多，本机关不能在法定期限内作出答复。经本机关政府信息公开工作机构负责人同意，根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，答复期限延长20个工作日，本机关将于2026年12月28日前作出答复。',
    );
    refusedWith(() => renderReplyDocument('extension', { ...header, issuedOn: '2026-11-20', reason: '材料较多', extensionWorkingDays: 21, newDeadline: '2026-12-29' }), ['extensionWorkingDays']);
    // The 2008 text allows 15 at most.
    refusedWith(() => renderReplyDocument('extension', { ...header, receivedOn: '2018-03-01', issuedOn: '2018-03-15', reason: '材料较多', extensionWorkingDays: 16, newDeadline: '2018-04-10' }), ['extensionWorkingDays']);
  });

  void it('收费通知书 carries the fee notice text and refuses requests under the 2008 text', () => {
    const fee = computeFee({ method: 'per-page', pages: 120 });
    // 31–100: 70 × 10 = 700; 101–120: 20 × 20 = 400; total 1100.
    assert.equal(fee.amountYuan, 1100);
    const m = renderReplyDocument('fee-notice', { ...header, fee, paymentMethodZh: '通过非税收入缴款码缴纳', payBy: '2026-12-29' });
    assert.equal(m.title, '政府信息公开信息处理费收费通知书');
    assert.equal(m.paragraphs.length, 7);
    assert.ok(m.paragraphs.some((p) => p.includes('合计人民币1100元（大写：壹仟壹佰元整）')));
    assert.ok(m.paragraphs.some((p) => p.includes('逾期未缴纳的，视为放弃申请')));
    refusedWith(() => renderReplyDocument('fee-notice', { ...header, receivedOn: '2019-05-10', fee, paymentMethodZh: '现场缴纳', payBy: '2026-12-29' }), ['receivedOn']);
  });

  void it('征求意见书 gives the third party 15 working days (2019 art. 32) and does not name the requester', () => {
    // The requester's name is passed along (as the case would have it) and must not reach the letter.
    const m = renderReplyDocument('third-party-consultation', {
      ...header,
      organizationName: '吴忠市人民政府办公室',
      issuedOn: '2026-11-10',
      thirdPartyName: '宁夏某建设工程有限公司',
      receivedOn: '2026-11-02',
      requestSummary: '某项目施工合同',
      concernZh: '涉及贵单位的商业秘密',
      replyBy: '2026-12-01',
    });
    assert.equal(m.title, '政府信息公开征求意见书');
    assert.equal(m.addressee, '宁夏某建设工程有限公司：');
    assert.match(m.paragraphs[0]!, /经审查，该政府信息涉及贵单位的商业秘密，公开可能损害第三方合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求您的意见。$/);
    assert.equal(m.paragraphs[1], '请您自收到本征求意见书之日起15个工作日内（即2026年12月1日前）提出书面意见，说明是否同意公开；不同意公开的，请说明理由。');
    assert.equal(header.requesterName, '张三');
    assert.ok(!m.paragraphs.join('').includes('张三'));
  });

  void it('refuses an unknown document kind', () => {
    refusedWith(() => renderReplyDocument('memo' as 'reply', { ...header, outcomeId: 'disclosed' }), ['kind']);
  });
});
