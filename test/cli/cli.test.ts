// The gongkai CLI end to end: exit statuses, JSON outputs valid against the committed schemas,
// structured-report JSON as checker input, rendering, and the bin entry point.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { jsonSchemas } from '../../src/reports/model/json-schemas.ts';
import { runCli } from '../helpers/cli.ts';
import type { CliRun } from '../helpers/cli.ts';
import { fixturePath } from '../acceptance/read-fixture.ts';

const wuzhong = fixturePath('reports/wuzhong-2017.txt');
const huaian = fixturePath('reports/huaian-2024.pdf');
const schemaDir = new URL('../../schema/', import.meta.url);

function run(...args: string[]): Promise<CliRun> {
  return runCli(args);
}

function validator(name: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(readFileSync(new URL(name, schemaDir), 'utf8')) as object);
}

describe('gongkai CLI', () => {
  it('the committed JSON Schemas are current (npm run schema)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      assert.deepEqual(JSON.parse(readFileSync(new URL(name, schemaDir), 'utf8')), JSON.parse(JSON.stringify(schema)), `${name} is stale`);
    }
  });

  it('check exits 1 on a report with errors and prints them', async () => {
    const { status, stdout } = await run('check', wuzhong, '--lang', 'en');
    assert.equal(status, 1);
    assert.match(stdout, /wuzhong-2017\.txt: 吴忠市 2017 · format 2014 · 5 errors/);
    assert.match(stdout, /V07-swap/);
  });

  it('check exits 0 on a report without errors', async () => {
    const { status, stdout } = await run('check', huaian);
    assert.equal(status, 0, stdout);
  });

  it('check exits 2 with a typed error when a file cannot be read', async () => {
    const { status, stderr } = await run('check', '/nonexistent/report.txt');
    assert.equal(status, 2);
    assert.match(stderr, /error \[INPUT_UNREADABLE\]/);
    const empty = join(mkdtempSync(join(tmpdir(), 'gongkai-')), 'empty.txt');
    writeFileSync(empty, '');
    const second = await run('check', empty, wuzhong);
    assert.equal(second.status, 2);
    assert.match(second.stderr, /INPUT_EMPTY/);
  });

  it('check exits 2 on a text that is not an annual report, and reads a UTF-8 report with a stray byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-'));
    const letter = join(dir, 'letter.txt');
    writeFileSync(letter, '关于召开会议的通知\n请各单位于下周一上午九时参加会议。\n');
    const notReport = await run('check', letter);
    assert.equal(notReport.status, 2);
    assert.match(notReport.stderr, /error \[NOT_A_REPORT\]/);
    const bytes = readFileSync(wuzhong);
    const at = bytes.indexOf(Buffer.from('一、概述'));
    const damaged = join(dir, 'wuzhong-damaged.txt');
    writeFileSync(damaged, Buffer.concat([bytes.subarray(0, at), Buffer.from([0x80]), bytes.subarray(at)]));
    const read = await run('check', damaged, '--lang', 'en');
    assert.equal(read.status, 1);
    assert.match(read.stdout, /5 errors/);
  });

  it('check exits 2 on bad usage', async () => {
    assert.equal((await run('check', wuzhong, '--format', '2099')).status, 2);
    assert.equal((await run('frobnicate')).status, 2);
  });

  it('read --json prints a structured report valid against schema/structured-report.v1.schema.json', async () => {
    const validate = validator('structured-report.v1.schema.json');
    for (const file of [wuzhong, huaian, fixturePath('reports/pingtan-2020.txt')]) {
      const { status, stdout } = await run('read', file, '--json');
      assert.equal(status, 0);
      const data: unknown = JSON.parse(stdout);
      assert.ok(validate(data), JSON.stringify(validate.errors?.slice(0, 3)));
    }
  });

  it('check --json is valid against schema/check-result.v1.schema.json and gives the same findings on read --json output', async () => {
    const validate = validator('check-result.v1.schema.json');
    const direct = await run('check', wuzhong, '--json');
    const data = JSON.parse(direct.stdout) as { files: { findings: unknown[] }[] };
    assert.ok(validate(data), JSON.stringify(validate.errors?.slice(0, 3)));

    const dir = mkdtempSync(join(tmpdir(), 'gongkai-'));
    const jsonFile = join(dir, 'wuzhong.json');
    writeFileSync(jsonFile, (await run('read', wuzhong, '--json')).stdout);
    const forced = await run('check', jsonFile, '--format', '2021');
    assert.equal(forced.status, 2);
    assert.match(forced.stderr, /error \[USAGE\].*format 2014/);
    const viaJson = await run('check', jsonFile, '--json');
    assert.equal(viaJson.status, 1);
    const again = JSON.parse(viaJson.stdout) as { files: { findings: unknown[] }[] };
    // The findings name their input file, which differs by design; everything else must be equal.
    const withoutFile = (findings: unknown[] | undefined) => (findings ?? []).map((f) => ({ ...(f as object), file: null }));
    assert.deepEqual(withoutFile(again.files[0]?.findings), withoutFile(data.files[0]?.findings));
  });

  it('check rejects structured-report JSON that does not match the schema', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: '1.0.0', cells: 'nope' }));
    const { status, stderr } = await run('check', bad);
    assert.equal(status, 2);
    assert.match(stderr, /REPORT_JSON_INVALID/);
  });

  it('check with two years of one organization checks the carry-over and the repetition', async () => {
    const current = JSON.parse((await run('read', huaian, '--json')).stdout) as {
      year: number;
      cells: { id: string; status: string; value: number | null }[];
    };
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-'));
    // A previous year made from the current one: year 2023, its carried-over row set to what 2024
    // says it carried in (34 from natural persons), so V05 holds; the text is identical, so V13 fires.
    const previous = structuredClone(current);
    previous.year = 2023;
    for (const cell of previous.cells) {
      if (!cell.id.startsWith('t3/carried-over/')) continue;
      cell.value = cell.id.endsWith('/natural') || cell.id.endsWith('/total') ? 34 : 0;
    }
    const consistent = join(dir, 'huaian-2023.json');
    writeFileSync(consistent, JSON.stringify(previous));
    const ok = JSON.parse((await run('check', consistent, huaian, '--json')).stdout) as { files: { findings: { rule: string; severity: string }[] }[] };
    const rules = ok.files.flatMap((f) => f.findings);
    assert.ok(!rules.some((f) => f.rule === 'V05'), 'carry-over holds');
    assert.ok(rules.some((f) => f.rule === 'V13' && f.severity === 'warning'), 'identical text flagged');

    for (const cell of previous.cells) if (cell.id === 't3/carried-over/natural' || cell.id === 't3/carried-over/total') cell.value = 30;
    const inconsistent = join(dir, 'huaian-2023-wrong.json');
    writeFileSync(inconsistent, JSON.stringify(previous));
    const bad = await run('check', inconsistent, huaian, '--json');
    assert.equal(bad.status, 1);
    const v05 = (JSON.parse(bad.stdout) as { files: { findings: { rule: string; expected: unknown; found: unknown }[] }[] }).files
      .flatMap((f) => f.findings)
      .filter((f) => f.rule === 'V05');
    assert.deepEqual(v05.map((f) => [f.expected, f.found]), [
      [30, 34],
      [30, 34],
    ]);
  });

  it('render prints the tables with findings marked, as Markdown and HTML', async () => {
    const md = await run('render', wuzhong, '--to', 'md');
    assert.equal(md.status, 0);
    assert.match(md.stdout, /127736/);
    assert.match(md.stdout, /⚠/);
    assert.match(md.stdout, /\| \*\*三、依申请公开情况\*\* \| —— \|/, 'the 2014 group headings are printed as rows');
    const html = await run('render', fixturePath('reports/pingtan-2020.txt'), '--to', 'html');
    assert.equal(html.status, 0);
    assert.match(html.stdout, /<table/);
    assert.match(html.stdout, /rowspan/);
  });

  it('the bin entry point runs through npx-style invocation', () => {
    const bin = new URL('../../bin/gongkai.js', import.meta.url).pathname;
    const result = spawnSync(process.execPath, [bin, 'check', wuzhong, '--lang', 'en'], { encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /V07/);
  });
});
