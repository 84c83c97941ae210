import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, renderHtml } from './render-html.ts';
import { checkReport } from '../checker/check-report.ts';
import { buildReport } from '../checker/test-report-builder.ts';

void describe('escapeHtml', () => {
  void it('escapes the five HTML-significant characters', () => {
    assert.equal(escapeHtml('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
    assert.equal(escapeHtml(`a & b "c" 'd'`), 'a &amp; b &quot;c&quot; &#39;d&#39;');
    assert.equal(escapeHtml('吴忠市'), '吴忠市');
  });
});

void describe('renderHtml', () => {
  const attack = '<script>alert(1)</script>';
  const report = buildReport('2021', {
    organization: { name: `${attack}市人民政府` },
    title: `<img src=x onerror=alert(2)>年报`,
    cells: { 't3/new/natural': 21, 't3/new/total': 21, 't3/disclosed/natural': 20, 't3/disclosed/total': 20, 't3/total/natural': 20, 't3/total/total': 20, 't3/partial/business': { status: 'ambiguous', candidates: [1, 10] } },
    claims: [{ text: `受理申请 22 件${attack}`, value: 22, mapping: 'requests-new', section: 'requests' }],
    sections: [
      { id: 'overview', text: '统计期限自2022年1月1日起至2022年12月31日止。开展考核。' },
      { id: 'requests', title: `收到和处理申请${attack}`, text: '受理申请 22 件。' },
    ],
  });
  const findings = checkReport(report);
  const html = renderHtml(report, findings);

  void it('escapes report text everywhere: organization, title, claim text, section title', () => {
    assert.equal(html.includes('<script>'), false);
    assert.equal(html.includes('<img'), false);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;市人民政府'));
    assert.ok(html.includes('受理申请 22 件&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(2)&gt;年报'));
  });

  void it('is a complete page in zh-CN with captions and scoped headers', () => {
    assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.match(html, /<\/html>\n$/);
    assert.equal((html.match(/<table /g) ?? []).length, 6);
    assert.equal((html.match(/<caption>/g) ?? []).length, 6);
    assert.ok(html.includes('<caption>表三 收到和处理政府信息公开申请情况</caption>'));
    assert.ok(html.includes('<th scope="col" colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th scope="colgroup" colspan="7">申请人情况</th>'));
    assert.ok(html.includes('<th scope="col" rowspan="2">自然人</th><th scope="colgroup" colspan="5">法人或其他组织</th><th scope="col" rowspan="2">总计</th>'));
    assert.ok(html.includes('<th scope="rowgroup" rowspan="22">三、本年度办理结果</th>'));
    assert.ok(html.includes('<th scope="colgroup" colspan="5">行政复议</th><th scope="colgroup" colspan="10">行政诉讼</th>'));
    assert.equal(html.includes('<script'), false);
  });

  void it('marks cells with findings by class, title and a marker link to the finding', () => {
    assert.match(html, /<td class="value has-finding sev-error" id="cell-t3\/new\/natural" title="[^"]*">21<a class="marker sev-error" href="#finding-E1"[^>]*>⚠E1<\/a><\/td>/);
    assert.ok(html.includes('<li id="finding-E1" class="sev-error">'));
    assert.match(html, /\?<sup><a href="#note-1" id="noteref-1">注1<\/a><\/sup>/);
    assert.ok(html.includes('<li id="note-1">'));
  });

  void it('lists the narrative passages with findings under their section', () => {
    const narrative = html.slice(html.indexOf('id="narrative"'));
    assert.match(narrative, /<h3 id="section-2">三、收到和处理申请&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h3>\n<ul><li id="passage-1"><a class="marker sev-error" href="#finding-E3">⚠E3<\/a> \[V07\]/);
  });

  void it('renders a report whose format is unknown without throwing', () => {
    const odd = { ...report, format: { id: 'nope', source: 'option' } } as unknown as typeof report;
    assert.match(renderHtml(odd, []), /格式不明/);
  });
});
