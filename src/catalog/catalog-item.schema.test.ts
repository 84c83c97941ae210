import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogItemInputSchema, validateCatalogItemInput } from './catalog-item.schema.ts';
import { sanitizeRichText } from './rich-text.ts';

const TODAY = '2026-11-30';
const valid = {
  organizationId: 3,
  title: '关于印发《吴忠市政府信息公开工作规则》的通知',
  issuingAgency: '吴忠市人民政府办公室',
  creationDate: '2026-11-02',
  subjectCategory: 'art20-01',
  genre: 'normative_document',
};

function issuesOf(raw: unknown): { field: string; messageZh: string }[] {
  const result = validateCatalogItemInput(raw, TODAY);
  assert.equal(result.ok, false, 'expected issues');
  return result.ok ? [] : result.issues.map((i) => ({ field: i.field, messageZh: i.messageZh }));
}

void describe('catalog item input', () => {
  void it('accepts a minimal item and fills the defaults', () => {
    const result = validateCatalogItemInput({ ...valid, title: '  带空格的标题  ', keywords: '信息公开，工作规则;条例 年报' }, TODAY);
    assert.ok(result.ok);
    assert.equal(result.value.title, '带空格的标题');
    assert.deepEqual(result.value.keywords, ['信息公开', '工作规则', '条例', '年报']);
    assert.equal(result.value.disclosureType, 'proactive');
    assert.equal(result.value.validity, 'in_force');
    assert.equal(result.value.summary, undefined);
  });

  void it('treats blank optional fields (forms, import cells) as absent', () => {
    const result = validateCatalogItemInput({ ...valid, summary: '', documentNumber: '  ', indexNumber: '', effectiveDate: '', bodyHtml: '' }, TODAY);
    assert.ok(result.ok);
    assert.equal(result.value.indexNumber, undefined);
  });

  void it('counts the summary in characters: 100 CJK characters pass, 101 fail', () => {
    assert.ok(validateCatalogItemInput({ ...valid, summary: '政'.repeat(100) }, TODAY).ok);
    // 100 astral characters are 200 UTF-16 units but 100 characters.
    assert.ok(validateCatalogItemInput({ ...valid, summary: '𠀀'.repeat(100) }, TODAY).ok);
    assert.deepEqual(issuesOf({ ...valid, summary: '政'.repeat(101) }), [{ field: 'summary', messageZh: '内容概述不能超过 100 个字符' }]);
  });

  void it('refuses dates in the future and publication before creation', () => {
    assert.deepEqual(issuesOf({ ...valid, creationDate: '2026-12-01' }), [{ field: 'creationDate', messageZh: '生成日期不能晚于今天' }]);
    assert.deepEqual(issuesOf({ ...valid, publicationDate: '2026-12-01' }), [{ field: 'publicationDate', messageZh: '发布日期不能晚于今天' }]);
    assert.deepEqual(issuesOf({ ...valid, publicationDate: '2026-11-01' }), [{ field: 'publicationDate', messageZh: '发布日期不能早于生成日期' }]);
    assert.deepEqual(issuesOf({ ...valid, creationDate: '2026-02-30' }), [{ field: 'creationDate', messageZh: '生成日期应为 YYYY-MM-DD 格式的有效日期' }]);
  });

  void it('needs a reason when exempt, and an expiry date when expired or repealed', () => {
    assert.deepEqual(issuesOf({ ...valid, disclosureType: 'exempt' }), [{ field: 'nonDisclosureReason', messageZh: '公开属性为不予公开时，必须填写不予公开理由' }]);
    assert.ok(validateCatalogItemInput({ ...valid, disclosureType: 'exempt', nonDisclosureReason: '涉及国家秘密（第十四条）' }, TODAY).ok);
    assert.deepEqual(issuesOf({ ...valid, validity: 'repealed' }), [{ field: 'expiryDate', messageZh: '有效性为失效或废止时，必须填写废止/失效日期' }]);
    assert.deepEqual(issuesOf({ ...valid, effectiveDate: '2026-03-01', expiryDate: '2026-02-01' }), [{ field: 'expiryDate', messageZh: '废止/失效日期不能早于生效日期' }]);
  });

  void it('refuses scripts, embeds, event handlers and javascript: URLs in the body with a reason', () => {
    for (const body of ['<p>a</p><script>alert(1)</script>', '<iframe src="https://x.cn"></iframe>', '<p onclick="x()">a</p>', '<a href="javascript:alert(1)">x</a>', '<object data="x"></object>', '<EMBED src=x>']) {
      assert.deepEqual(issuesOf({ ...valid, bodyHtml: body }), [{ field: 'bodyHtml', messageZh: '正文含有不允许的脚本或嵌入内容' }], body);
    }
    // Prose that merely mentions the words is fine.
    assert.ok(validateCatalogItemInput({ ...valid, bodyHtml: '<p>onclick = 1; javascript: 不在标签内</p>' }, TODAY).ok);
  });

  void it('checks index numbers, code lists and keywords, naming each field in Chinese', () => {
    const issues = issuesOf({ ...valid, indexNumber: '640300032-2026-1', subjectCategory: 'nope', genre: 'poem', keywords: Array.from({ length: 21 }, (_, i) => `词${i}`), title: '', organizationId: 'x' });
    assert.deepEqual(
      issues.map((i) => i.field),
      ['organizationId', 'indexNumber', 'title', 'subjectCategory', 'genre', 'keywords'],
    );
    assert.equal(issues.find((i) => i.field === 'title')?.messageZh, '请填写标题');
    assert.equal(issues.find((i) => i.field === 'keywords')?.messageZh, '关键词不能超过 20 个');
    assert.ok(validateCatalogItemInput({ ...valid, indexNumber: '640300032/2026-00001', subjectCategory: 'theme:rural-revitalization' }, TODAY).ok);
    assert.deepEqual(issuesOf({ ...valid, keywords: ['字'.repeat(31)] }), [{ field: 'keywords', messageZh: '每个关键词不能超过 30 个字符' }]);
  });

  void it('reports missing required fields as 请填写…', () => {
    const issues = issuesOf({});
    assert.deepEqual(
      issues.map((i) => i.messageZh),
      ['请填写所属机构', '请填写标题', '请填写发布机构', '请填写生成日期', '请填写主题分类', '请填写体裁分类'],
    );
  });

  void it('defaults 发布渠道 to 政府网站 when not given (absent, null, blank)', () => {
    for (const channels of [undefined, null, '', '  ']) {
      const result = validateCatalogItemInput({ ...valid, channels }, TODAY);
      assert.ok(result.ok, String(channels));
      assert.deepEqual(result.value.channels, ['website']);
    }
  });

  void it('takes 发布渠道 as a list or one separated string, and stores them in the list order', () => {
    const fromList = validateCatalogItemInput({ ...valid, channels: ['wechat', ' gazette ', 'other'] }, TODAY);
    assert.ok(fromList.ok);
    assert.deepEqual(fromList.value.channels, ['gazette', 'wechat', 'other']);
    const fromText = validateCatalogItemInput({ ...valid, channels: 'weibo、website，gazette;wechat other' }, TODAY);
    assert.ok(fromText.ok);
    assert.deepEqual(fromText.value.channels, ['gazette', 'website', 'weibo', 'wechat', 'other']);
  });

  void it('refuses an empty, repeated or unknown 发布渠道, naming the unknown ones', () => {
    assert.deepEqual(issuesOf({ ...valid, channels: [] }), [{ field: 'channels', messageZh: '请至少选择一个发布渠道' }]);
    assert.deepEqual(issuesOf({ ...valid, channels: ['website', 'website'] }), [{ field: 'channels', messageZh: '发布渠道不能重复' }]);
    assert.deepEqual(issuesOf({ ...valid, channels: ['website', 'tiktok'] }), [{ field: 'channels', messageZh: '发布渠道应为政府公报、政府网站、政务微博、政务微信或其他方式（“tiktok”不是）' }]);
    assert.deepEqual(issuesOf({ ...valid, channels: '政府网站' }), [{ field: 'channels', messageZh: '发布渠道应为政府公报、政府网站、政务微博、政务微信或其他方式（“政府网站”不是）' }], 'names are translated by the import, not here');
    assert.deepEqual(issuesOf({ ...valid, channels: 7 }), [{ field: 'channels', messageZh: '发布渠道格式不正确' }]);
    assert.deepEqual(issuesOf({ ...valid, channels: [7] }), [{ field: 'channels', messageZh: '发布渠道应为政府公报、政府网站、政务微博、政务微信或其他方式' }]);
  });

  void it('never throws on garbage', () => {
    for (const raw of [null, undefined, 42, 'x', [], { title: { a: 1 } }]) {
      const result = validateCatalogItemInput(raw, TODAY);
      assert.equal(result.ok, false);
    }
    assert.equal(catalogItemInputSchema.safeParse(valid).success, true);
  });
});

void describe('rich text', () => {
  void it('keeps structure, drops active content and adds rel to links', () => {
    const result = sanitizeRichText('<h1>标题</h1><p style="color:red" onclick="x()">正文<script>alert(1)</script><b>粗</b></p><table><tr><th colspan="2">表头</th></tr><tr><td rowspan="1">甲</td><td>乙</td></tr></table><a href="javascript:alert(1)">坏链接</a><a href="https://www.gov.cn/" target="_blank">中国政府网</a><img src="x" onerror="y">');
    assert.equal(
      result.html,
      '<h2>标题</h2><p>正文<strong>粗</strong></p><table><tr><th colspan="2">表头</th></tr><tr><td rowspan="1">甲</td><td>乙</td></tr></table><a rel="noopener noreferrer">坏链接</a><a href="https://www.gov.cn/" rel="noopener noreferrer">中国政府网</a>',
    );
    assert.equal(result.text, '标题\n正文粗\n表头\n甲 乙\n坏链接中国政府网');
  });

  void it('decodes entities in the plain text', () => {
    assert.deepEqual(sanitizeRichText('<p>A &amp; B &lt;C&gt;</p>'), { html: '<p>A &amp; B &lt;C&gt;</p>', text: 'A & B <C>' });
  });
});
