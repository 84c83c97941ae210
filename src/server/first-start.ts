/**
 * The first start of an empty store: the demo region is loaded (so a new installation shows a
 * working portal) and an `admin` system administrator is created with a random one-time password,
 * which the start-up prints once and which must be changed at the first login. "Empty" means no
 * organization and no user: a store that has either is never seeded again.
 */
import { systemActor } from '../auth/actor.ts';
import { generateOneTimePassword } from '../auth/password.ts';
import { createUser } from '../auth/user.service.ts';
import { loadDemoRegion } from '../demo/demo-region.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { countOrganizationsAndUsers } from './first-start.repository.ts';

/** The administrator account created on the first start. */
export const ADMIN_USERNAME = 'admin';

/** What a first start did. */
export interface SeedResult {
  adminPassword: string;
  /** A one-line description of the loaded demo region. */
  summary: string;
}

/**
 * Seeds an empty store; does nothing on a store with any organization or user.
 * @returns the admin's one-time password and what was loaded, or null when the store was not empty
 */
export async function seedEmptyStore(ctx: ServiceContext): Promise<SeedResult | null> {
  if ((await countOrganizationsAndUsers(ctx.store.db)) > 0) return null;
  const actor = systemActor('setup');
  const demo = await loadDemoRegion(ctx, systemActor('demo'));
  const adminPassword = generateOneTimePassword();
  await createUser(ctx, actor, {
    username: ADMIN_USERNAME,
    displayName: '系统管理员',
    password: adminPassword,
    grants: [{ role: 'system_admin', organizationId: null }],
    mustChangePassword: true,
  });
  const summary = demo ? `吴忠市演示地区：${demo.organizations} 个机构、${demo.items} 条目录信息、${demo.requests} 件依申请公开申请、${demo.users} 个演示用户（演示用户密码不显示，可由管理员重置）${demo.year.loaded ? `；${demo.year.year} 年度合成数据 ${demo.year.items.total} 条目录信息、${demo.year.requests.total} 件申请、${demo.year.reviews.total} 件复议诉讼，年度报告 ${demo.annualReports.reports} 份（已公开 ${demo.annualReports.published} 份）` : ''}${demo.year2017.loaded ? `；2017 年度合成数据 ${demo.year2017.items} 条目录信息、${demo.year2017.requests} 件申请、${demo.year2017.reviews} 件复议诉讼` : ''}` : '演示地区已存在';
  return { adminPassword, summary };
}
