import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkDeadline } from './check-deadline.ts';
import { createContext } from './check-context.ts';
import { deadlineFor } from './publication-deadlines.ts';
import { buildReport } from './test-report-builder.ts';
import type { BuildOptions } from './test-report-builder.ts';
import type { FormatId } from '../format/report-format.ts';

const run = (formatId: FormatId, options: BuildOptions) => checkDeadline(createContext(buildReport(formatId, options)));

void describe('publication deadline (V11)', () => {
  void it('picks the regulation by year', () => {
    assert.equal(deadlineFor(2018, 'department')?.date, '2019-03-31');
    assert.equal(deadlineFor(2018, 'department')?.rule.regulation, '2008');
    assert.equal(deadlineFor(2019, 'department')?.date, '2020-01-31');
    assert.equal(deadlineFor(2019, 'government')?.date, '2020-03-31');
    assert.equal(deadlineFor(2019, null)?.assumed, true);
    assert.equal(deadlineFor(2007, 'government'), null);
  });

  void it('2008 text: a 2017 report published 2018-01-20 is on time', () => {
    assert.deepEqual(run('2014', { year: 2017, publicationDate: '2018-01-20' }), []);
  });

  void it('2008 text: a 2017 report published 2018-04-02 is 2 days late', () => {
    const [f, ...rest] = run('2014', { year: 2017, publicationDate: '2018-04-02', organization: { kind: 'department' } });
    assert.equal(rest.length, 0);
    assert.equal(f?.rule, 'V11');
    assert.equal(f?.severity, 'error');
    assert.equal(f?.expected, '2018-03-31');
    assert.equal(f?.found, '2018-04-02');
    assert.match(f?.message.zh ?? '', /逾期2天/);
    assert.match(f?.source ?? '', /2008年《条例》第三十一条/);
  });

  void it('a date from the file metadata (creation date) gives information only, saying so', () => {
    const report = buildReport('2021', { year: 2024, publicationDate: '2025-12-03', organization: { kind: 'government' } });
    const fromMetadata = { ...report, publicationDate: { date: '2025-12-03', source: 'metadata' as const, position: null } };
    const [f, ...rest] = checkDeadline(createContext(fromMetadata));
    assert.equal(rest.length, 0);
    assert.equal(f?.severity, 'info');
    assert.equal(f?.expected, '2025-03-31');
    assert.match(f?.message.en ?? '', /creation date from its metadata/);
    assert.equal(checkDeadline(createContext(report))[0]?.severity, 'error');
  });

  void it('2019 text: a department publishing its 2020 report on 2021-02-03 is 3 days late', () => {
    const [f] = run('2019', { year: 2020, publicationDate: '2021-02-03', organization: { kind: 'department' } });
    assert.equal(f?.severity, 'error');
    assert.equal(f?.expected, '2021-01-31');
    assert.match(f?.message.zh ?? '', /逾期3天/);
    assert.match(f?.message.en, /3 day\(s\) late/);
    assert.match(f?.source ?? '', /第四十九条第一款/);
  });

  void it('2019 text: a government publishing its 2020 report on 2021-03-05 is on time', () => {
    assert.deepEqual(run('2019', { year: 2020, publicationDate: '2021-03-05', organization: { kind: 'government' } }), []);
  });

  void it('kind unknown: March 31 is used, with a warning about the January 31 department deadline', () => {
    const findings = run('2021', { year: 2022, publicationDate: '2023-02-10', organization: { kind: null, kindSource: 'unknown' } });
    assert.deepEqual(findings.map((f) => [f.severity, f.expected]), [['warning', '2023-01-31']]);
    assert.match(findings[0]?.message.zh ?? '', /逾期10天/);
  });

  void it('no date → info; a date before the year ended → warning', () => {
    assert.deepEqual(run('2021', { publicationDate: null }).map((f) => f.severity), ['info']);
    const [f] = run('2021', { year: 2022, publicationDate: '2022-12-20' });
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.found, '2022-12-20');
  });
});
