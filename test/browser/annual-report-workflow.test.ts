/**
 * Browser acceptance test of issue 5 (the annual report's workflow, 2019 art. 49–50), in Debian's
 * Chromium through playwright-core, on both databases, driven by labels and roles only:
 * 1. 2026-01-15: 吴忠市财政局's editor opens its 2025 report, types the table 二 figures (行政许可 86,
 *    行政处罚 12, 行政强制 0, 收费 1.25 万元), replaces every 【请填写…】 marker, saves, checks, sees
 *    the findings and submits it to 吴忠市人民政府 (its competent OGI department); the report locks.
 * 2. 2026-01-16: the city's approver finds it 已报送 on the submission dashboard and returns it with
 *    a comment; the editor sees 已退回 and the comment, fixes section 五 and resubmits.
 * 3. The approver accepts it; 吴忠市财政局's own approver publishes it (publication date 2026-01-16,
 *    before the department deadline of 2026-01-31).
 * 4. 2026-02-10: the city's editor types the city's own figures (行政许可 40, 行政处罚 3, 行政强制 1,
 *    收费 0.5 万元), fills the roll-up's narrative (with the art. 50(四) paragraph) and submits; the
 *    approver accepts and publishes it (2026-02-10, before the government deadline of 2026-03-31).
 * 5. Logged out, the public finds both reports on /reports and opens the roll-up: its title, scope,
 *    tables (hand count of the entries: 行政许可 86 + 40 = 126, 收费 1.25 + 0.5 = 1.75 万元; the
 *    case figures as `computeAnnualReport` computes them: 34 new requests, from the 42 scripts of
 *    synthetic-requests.ts) and the DOCX and PDF downloads.
 *
 * The records (the 42 request scripts and 7 review records of 2025) are made through the services
 * with their own clock walking through 2025; the server's clock stands in the reporting season.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { systemActor } from '../../src/auth/actor.ts';
import { computeAnnualReport } from '../../src/annual-reports/report-compute.service.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { browserSkipReason, launchBrowser, logIn, logOut, startTestServer } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/browser.ts';
import { createTestUser, seedRegion, testContext } from '../helpers/factories.ts';
import type { SeededRegion } from '../helpers/factories.ts';
import { generateSyntheticYear, SYNTHETIC_START } from '../helpers/synthetic-requests.ts';
import { describeEachDialect } from '../helpers/stores.ts';

const skip = browserSkipReason();
const YEAR = 2025;
const DAY_MS = 86_400_000;

/** The labels of the narrative editor's textareas (2021 format): the preamble, then 一 … 六. */
const SECTION_LABELS = [
  '开头（依据、统计期限、查阅方式和联系方式）',
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

/** The accessible names of the hand-entered inputs of table 二 (2021: t2-5, t2-6, t2-8). */
const ENTRY = {
  licensing: '表二（第二十条第（五）项）“行政许可·本年处理决定数量”（手工填报）',
  penalties: '表二（第二十条第（六）项）“行政处罚”（手工填报）',
  coercive: '表二（第二十条第（六）项）“行政强制”（手工填报）',
  fees: '表二（第二十条第（八）项）“行政事业性收费·本年收费金额（单位：万元）”（手工填报）',
} as const;

/**
 * What the office writes in place of a template marker (no digits: a number in the narrative must
 * be a placeholder bound to the tables, or the checker compares it with them).
 */
function markerText(marker: string, organization: string): string {
  const texts: [string, string][] = [
    ['门户网站', `${organization}门户网站（www.wuzhong.gov.cn）政府信息公开专栏`],
    ['联系机构', `${organization}办公室（吴忠市利通区裕民街）`],
    ['总体情况', `${organization}认真贯彻落实《条例》，坚持以公开为常态、不公开为例外，各项工作有序推进。`],
    ['主动公开工作', '围绕财政预决算、惠企政策等重点领域及时发布信息，重要政策同步发布解读。'],
    ['依申请公开工作', '严格按照法定时限和程序办理申请，做到件件有登记、事事有回音。'],
    ['政府信息管理', '落实公开属性源头认定和保密审查制度，按要求开展政策文件清理。'],
    ['公开平台', '持续完善门户网站政府信息公开专栏，政务新媒体与网站同步发布。'],
    ['组织领导', '明确分管负责人和工作人员，将政府信息公开工作纳入年度工作要点并开展督查。'],
    ['考核、社会评议', '本年度政府信息公开工作考核等次为良好，社会评议总体满意，未发生责任追究情况。'],
    ['存在的主要问题', '一是部分政策解读形式较为单一；二是依申请公开答复文书的说理不够充分。'],
    ['改进情况', '上一年度所报问题均已整改；下一步将丰富解读形式，规范答复文书。'],
    ['其他需要报告', '无其他需要报告的事项。'],
  ];
  const found = texts.find(([key]) => marker.includes(key));
  if (!found) throw new Error(`no text for the marker ${marker}`);
  return found[1];
}

/** The text of the `<dd>` after the `<dt>` named `term` (the report page's facts list). */
async function fact(page: Page, term: string): Promise<string> {
  const dt = page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) });
  return (await dt.locator('xpath=following-sibling::dd[1]').innerText()).trim();
}

/** The page's notice (role status) after a POST-redirect-GET. */
async function notice(page: Page): Promise<string> {
  return (await page.getByRole('status').innerText()).trim();
}

/** Clicks a form's button and waits for the redirect with `?done=`. */
async function press(page: Page, button: string, done: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForURL(new RegExp(`\\?done=${done}$`));
}

/** Replaces every 【请填写…】 marker of the narrative as the office does, and saves. @returns how many */
async function fillNarrative(page: Page, organization: string): Promise<number> {
  let replaced = 0;
  for (const label of SECTION_LABELS) {
    const box = page.getByLabel(label, { exact: true });
    const text = await box.inputValue();
    const filled = text.replace(/【请填写([^】]*)】/g, (_, what: string) => {
      replaced += 1;
      return markerText(what, organization);
    });
    if (filled !== text) await box.fill(filled);
  }
  await press(page, '保存正文', 'saved');
  assert.equal(await notice(page), '已保存');
  return replaced;
}

/** The value cell `cellId` of the table inside the scrollable region named `caption`. */
function portalCell(page: Page, caption: string, cellId: string): Locator {
  return page.getByRole('region', { name: caption }).getByRole('table').locator(`[id="cell-${cellId}"]`);
}

describeEachDialect('browser: an annual report drafted, checked, returned, accepted, rolled up and published', (t) => {
  if (skip) {
    void it('is skipped', { skip }, () => undefined);
    return;
  }
  // The reporting season: departments report by 2026-01-31, governments by 2026-03-31.
  const clock = new FixedClock('2026-01-15T02:00:00Z');
  let server: TestServer;
  let browser: Browser;
  let region: SeededRegion;
  type Who = 'deptEditor' | 'deptApprover' | 'cityEditor' | 'cityApprover';
  const users = {} as Record<Who, { username: string; password: string }>;

  before(async () => {
    server = await startTestServer(t, clock);
    // The year's records are made as they happened, by a clock of their own walking through 2025.
    const past = new FixedClock(SYNTHETIC_START);
    region = await seedRegion(server.store, past);
    await generateSyntheticYear(testContext(server.store, past), past, region);
    for (const [who, role, organizationId] of [
      ['deptEditor', 'editor', region.cityDepartment.id],
      ['deptApprover', 'approver', region.cityDepartment.id],
      ['cityEditor', 'editor', region.city.id],
      ['cityApprover', 'approver', region.city.id],
    ] as const) {
      const { user, password } = await createTestUser(server.store, clock, { role, organizationId });
      users[who] = { username: user.username, password };
    }
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  void it('takes a department’s report and the city’s roll-up from draft to the portal', async () => {
    const base = server.baseUrl;
    const dept = region.cityDepartment;
    const city = region.city;
    const deptUrl = `${base}/console/reports/${dept.id}/${YEAR}`;
    const cityUrl = `${base}/console/reports/${city.id}/${YEAR}`;
    const staff = await browser.newContext({ locale: 'zh-CN' });
    const page = await staff.newPage();
    const as = (who: Who): Promise<void> => logIn(page, base, users[who].username, users[who].password);

    // ---- 1. The department's editor drafts, checks and submits (2026-01-15). ----
    await as('deptEditor');
    await page.getByRole('link', { name: '年度报告', exact: true }).click();
    await page.waitForURL(`${base}/console/reports`);
    const listRow = page.getByRole('row', { name: new RegExp(dept.name) });
    assert.match(await listRow.innerText(), /未开始\s+2026-01-31/, 'the list shows the state and the department deadline');
    await listRow.getByRole('link', { name: dept.name }).click();
    await page.waitForURL(deptUrl);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `${dept.name}2025年政府信息公开工作年度报告`);
    assert.equal(await fact(page, '状态'), '未开始');
    assert.equal(await fact(page, '审核机关'), `${city.name}（政府信息公开工作主管部门）`);

    await page.getByLabel(ENTRY.licensing, { exact: true }).fill('86');
    await page.getByLabel('表二（第二十条第（五）项）“行政许可·本年处理决定数量”的数据来源说明', { exact: true }).fill('行政审批系统导出');
    await page.getByLabel(ENTRY.penalties, { exact: true }).fill('12');
    await page.getByLabel(ENTRY.coercive, { exact: true }).fill('0');
    await page.getByLabel(ENTRY.fees, { exact: true }).fill('1.25');
    await press(page, '保存填报数据', 'entries');
    assert.equal(await notice(page), '填报数据已保存');
    assert.equal(await page.getByLabel(ENTRY.licensing, { exact: true }).inputValue(), '86');
    assert.match(await page.locator('main').innerText(), /填报于2026-01-15 10:00（行政审批系统导出）/);

    const editor = page.getByRole('region', { name: '报告正文' });
    assert.match(await editor.innerText(), /尚有 11 处待填写/);
    assert.equal(await fillNarrative(page, dept.name), 11);
    assert.equal(await fact(page, '状态'), '草稿');
    assert.doesNotMatch(await page.locator('main').innerText(), /处待填写/);
    const preview = page.getByRole('region', { name: '正文预览（数字已按统计表填入）' });
    assert.match(await preview.innerText(), /本年度新收政府信息公开申请2件，上年结转政府信息公开申请1件/, 'the narrative quotes the computed table 三');

    await press(page, '检查报告', 'checked');
    assert.equal(await notice(page), '已完成检查');
    const findings = page.getByRole('region', { name: '校验结果' });
    assert.match(await findings.innerText(), /错误 0 项/);
    const findingItems = await findings.getByRole('listitem').allInnerTexts();
    assert.ok(findingItems.some((text) => /V11.*未载明发布日期/.test(text)), `the findings list shows the checker’s findings: ${findingItems.join(' | ')}`);

    await press(page, `报送至${city.name}`, 'submitted');
    assert.equal(await notice(page), '年度报告已报送');
    assert.equal(await fact(page, '状态'), '已报送');
    // Locked: no editor, no inputs, no buttons; the figures are shown as submitted.
    assert.equal(await page.getByRole('region', { name: '报告正文' }).count(), 0);
    for (const label of [...SECTION_LABELS, ENTRY.licensing]) assert.equal(await page.getByLabel(label, { exact: true }).count(), 0, `${label} is not editable once submitted`);
    for (const button of ['保存正文', '保存填报数据', '检查报告']) assert.equal(await page.getByRole('button', { name: button }).count(), 0);
    assert.match(await page.getByRole('region', { name: '办理', exact: true }).innerText(), /本报告已报送，等待审核或公开；您当前没有可执行的操作。/);
    assert.match(await page.getByRole('region', { name: '正文预览（报送时冻结）' }).innerText(), /一是部分政策解读形式较为单一/);
    await logOut(page, base);

    // ---- 2. The city's approver returns it (2026-01-16). ----
    clock.advance(DAY_MS);
    await as('cityApprover');
    await page.goto(`${base}/console/reports`);
    await page.getByRole('link', { name: '报送情况统计' }).click();
    await page.waitForURL(`${base}/console/reports/dashboard?year=${YEAR}`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `${city.name}：2025年度报告报送情况`);
    const dashRow = page.getByRole('row', { name: new RegExp(dept.name) });
    assert.match(await dashRow.innerText(), /已报送\s+2026-01-31/);
    await dashRow.getByRole('link', { name: dept.name }).click();
    await page.waitForURL(deptUrl);
    assert.equal(await fact(page, '状态'), '已报送');
    const COMMENT = '第五部分过于笼统，请结合本年度办理的申请逐条写明具体问题及整改措施。';
    await page.getByLabel('退回意见（必填，写明需要修改的内容）').fill(COMMENT);
    await press(page, '退回修改', 'returned');
    assert.equal(await notice(page), '年度报告已退回');
    assert.equal(await fact(page, '状态'), '已退回');
    await logOut(page, base);

    // ---- 3. The department's editor fixes it and submits again. ----
    await as('deptEditor');
    await page.goto(deptUrl);
    assert.equal(await fact(page, '状态'), '已退回');
    assert.match(await page.getByRole('note').innerText(), new RegExp(`退回意见[\\s\\S]*${COMMENT}`));
    const problems = page.getByLabel('五、存在的主要问题及改进情况', { exact: true });
    await problems.fill(`${await problems.inputValue()}\n<p>三是个别申请的答复接近法定期限才办结，已建立到期前提醒机制，并逐件复核答复文书。</p>`);
    await press(page, '保存正文', 'saved');
    assert.match(await page.getByRole('region', { name: '正文预览（数字已按统计表填入）' }).innerText(), /三是个别申请的答复接近法定期限才办结/);
    await press(page, `报送至${city.name}`, 'submitted');
    assert.equal(await fact(page, '状态'), '已报送');
    assert.equal(await page.getByRole('note').count(), 0, 'the return comment is gone once resubmitted');
    await logOut(page, base);

    // ---- 4. The approver accepts; the department's own approver publishes. ----
    await as('cityApprover');
    await page.goto(deptUrl);
    await page.getByLabel('审核意见（选填）').fill('修改后符合要求，同意公开。');
    await press(page, '审核通过', 'accepted');
    assert.equal(await notice(page), '年度报告已审核通过');
    assert.equal(await fact(page, '状态'), '已审核通过');
    await logOut(page, base);

    await as('deptApprover');
    await page.goto(deptUrl);
    assert.equal(await page.getByRole('button', { name: '审核通过' }).count(), 0, 'the department cannot review its own report');
    assert.equal(await page.getByLabel('公开日期').inputValue(), '2026-01-16');
    await press(page, '公开年度报告', 'published');
    assert.equal(await notice(page), '年度报告已公开');
    assert.equal(await fact(page, '状态'), '已公开');
    assert.match(await page.getByRole('region', { name: '办理', exact: true }).innerText(), /本报告已公开，不能再变更。/);
    const steps = await page.getByRole('table', { name: '年度报告办理记录' }).getByRole('row').allInnerTexts();
    assert.deepEqual(
      steps.slice(1).map((row) => row.split('\t')[1]),
      ['创建', '保存', '检查', '报送', '退回', '保存', '报送', '审核通过', '公开'],
    );
    await logOut(page, base);

    // ---- 5. The city's roll-up (2026-02-10). ----
    clock.advance(Date.parse('2026-02-10T02:00:00Z') - clock.now().getTime());
    await as('cityEditor');
    await page.goto(`${base}/console/reports?year=${YEAR}`);
    await page.getByRole('row', { name: new RegExp(`^\\s*${city.name}`) }).getByRole('link', { name: city.name }).click();
    await page.waitForURL(cityUrl);
    assert.equal(await fact(page, '统计范围'), '汇总（6 个机构）');
    assert.equal(await fact(page, '报送期限'), '2026-03-31（2019年《条例》第四十九条第二款）');
    await page.getByLabel(ENTRY.licensing, { exact: true }).fill('40');
    await page.getByLabel(ENTRY.penalties, { exact: true }).fill('3');
    await page.getByLabel(ENTRY.coercive, { exact: true }).fill('1');
    await page.getByLabel(ENTRY.fees, { exact: true }).fill('0.5');
    await press(page, '保存填报数据', 'entries');
    const licensingCell = page.getByRole('table', { name: '表二（第二十条第（五）项） 主动公开政府信息情况' });
    assert.match(await licensingCell.innerText(), /汇总合计：126/, 'the roll-up adds the department’s 86 to the city’s 40');
    assert.equal(await fillNarrative(page, city.name), 12, 'a government’s template also asks for the art. 50(四) results');
    assert.match(await page.getByRole('region', { name: '正文预览（数字已按统计表填入）' }).innerText(), /本年度新收政府信息公开申请34件/);
    await press(page, '检查报告', 'checked');
    assert.match(await page.getByRole('region', { name: '校验结果' }).innerText(), /错误 0 项/);
    await press(page, `报送至${city.name}`, 'submitted');
    assert.equal(await fact(page, '状态'), '已报送');
    assert.equal(await page.getByRole('button', { name: '保存正文' }).count(), 0);
    await logOut(page, base);

    await as('cityApprover');
    await page.goto(cityUrl);
    await press(page, '审核通过', 'accepted');
    await press(page, '公开年度报告', 'published');
    assert.equal(await fact(page, '状态'), '已公开');
    await logOut(page, base);
    await staff.close();

    // ---- 6. The public reads the roll-up on the portal. ----
    const computed = await computeAnnualReport(server.ctx, systemActor('browser-test'), { organizationId: city.id, year: YEAR });
    const values = computed.cells.values;
    assert.equal(values['t3/new/total'], 34, 'the synthetic year: 34 new requests across the region');
    const visitor = await browser.newContext({ locale: 'zh-CN' });
    const pub = await visitor.newPage();
    await pub.goto(`${base}/`);
    await pub.getByRole('link', { name: '年度报告', exact: true }).click();
    await pub.waitForURL(`${base}/reports`);
    const year = pub.getByRole('region', { name: '2025年度' });
    const deptTitle = `${dept.name}2025年政府信息公开工作年度报告`;
    const cityTitle = `${city.name}2025年政府信息公开工作年度报告`;
    assert.match(await year.getByRole('row', { name: new RegExp(deptTitle) }).innerText(), /本平台编制\s+2026-01-16/);
    assert.match(await year.getByRole('row', { name: new RegExp(cityTitle) }).innerText(), /本平台编制（汇总）\s+2026-02-10/);
    await year.getByRole('link', { name: cityTitle }).click();
    await pub.waitForURL(`${base}/reports/${city.id}/${YEAR}`);
    assert.equal(await pub.getByRole('heading', { level: 1 }).innerText(), cityTitle);
    assert.equal(await fact(pub, '发布日期'), '2026年2月10日');
    assert.equal(await fact(pub, '统计范围'), '汇总（6 个机构）');
    assert.match(await pub.locator('main').innerText(), /本年度新收政府信息公开申请34件/);
    assert.match(await pub.locator('main').innerText(), /本年度政府信息公开工作考核等次为良好/);
    // Table 二's hand-entered figures, summed by hand; tables 三 and 四 as computed from the records.
    assert.equal(await portalCell(pub, '表二（第二十条第（五）项） 主动公开政府信息情况', 't2-5/licensing/decisions').innerText(), '126');
    assert.equal(await portalCell(pub, '表二（第二十条第（六）项） 主动公开政府信息情况', 't2-6/penalties/decisions').innerText(), '15');
    assert.equal(await portalCell(pub, '表二（第二十条第（八）项） 主动公开政府信息情况', 't2-8/fees/amount').innerText(), '1.75');
    for (const cell of ['t3/new/total', 't3/disclosed/total', 't3/total/total', 't3/carried-over/total']) {
      assert.equal(await portalCell(pub, '表三 收到和处理政府信息公开申请情况', cell).innerText(), String(values[cell]), cell);
    }
    assert.equal(await portalCell(pub, '表四 政府信息公开行政复议、行政诉讼情况', 't4/cases/reconsideration-total').innerText(), String(values['t4/cases/reconsideration-total']));
    for (const [name, type, magic] of [
      ['下载Word 文档（DOCX）', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK'],
      ['下载PDF 文档', 'application/pdf', '%PDF'],
    ] as const) {
      const href = await pub.getByRole('link', { name }).getAttribute('href');
      const response = await pub.request.get(`${base}${href ?? ''}`);
      assert.equal(response.status(), 200, name);
      assert.match(response.headers()['content-type'] ?? '', new RegExp(`^${type.replace(/\./g, '\\.')}`));
      assert.equal((await response.body()).subarray(0, magic.length).toString('latin1'), magic);
    }
    // The department's report is public too, with the fix the city asked for.
    await pub.goto(`${base}/reports`);
    await pub.getByRole('link', { name: deptTitle }).click();
    await pub.waitForURL(`${base}/reports/${dept.id}/${YEAR}`);
    assert.match(await pub.locator('main').innerText(), /三是个别申请的答复接近法定期限才办结/);
    assert.equal(await portalCell(pub, '表二（第二十条第（五）项） 主动公开政府信息情况', 't2-5/licensing/decisions').innerText(), '86');
    await visitor.close();
  });
});
