/**
 * The demo region's historical annual report: the real 吴忠市2017年政府信息公开工作年度报告 as
 * published (data/wuzhong-2017.txt, copied from the reader's test fixture: src never reads test/),
 * imported through the same service staff use, so the portal's report list shows it with the
 * checker's findings. It is the report the 吴忠市 office compiled by hand, and it contradicts
 * itself (narrative against the 统计表, shares adding to 110%): the findings are real, not staged.
 */
import { readFile } from 'node:fs/promises';
import type { Actor } from '../auth/actor.ts';
import { importReport } from '../annual-reports/imported-report.service.ts';
import type { ImportOutcome } from '../annual-reports/imported-report.service.ts';
import type { Organization } from '../organizations/organization.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { DemoOrgKey } from './demo-organizations.ts';

/**
 * The published report's file. Resolved next to this module: `src/demo/data/` under tsx and
 * `dist/demo/data/` in the build (scripts/copy-assets.mjs copies every `src/**\/data/` directory).
 */
export const WUZHONG_2017_REPORT = new URL('./data/wuzhong-2017.txt', import.meta.url);

/**
 * Imports the real 2017 report as 吴忠市人民政府's.
 * @param orgs the demo organizations by key (`city` is 吴忠市人民政府)
 * @returns the import (an earlier identical import when there is one)
 * @throws Error when the city is missing from `orgs`; GongkaiError from the import service
 */
export async function loadDemoReports(ctx: ServiceContext, actor: Actor, orgs: ReadonlyMap<DemoOrgKey, Organization>): Promise<ImportOutcome> {
  const city = orgs.get('city');
  if (!city) throw new Error('the demo city government must be created before its reports');
  const bytes = await readFile(WUZHONG_2017_REPORT);
  return importReport(ctx, actor, { bytes, fileName: 'wuzhong-2017.txt', organizationId: city.id, year: 2017 });
}
