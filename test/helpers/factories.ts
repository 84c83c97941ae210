/**
 * Test data for every module: a small region tree, users with one role, and logged-in sessions
 * (bearer token for the API, cookie + CSRF token for pages). Everything goes through the real
 * services (as the system actor), so audit events are written as in production.
 *
 * ```ts
 * const region = await seedRegion(store, clock);
 * const { user, password } = await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id });
 * const token = await loginToken(store, user.username, password);       // or loginToken(app, …)
 * const { cookie, csrfToken } = await loginCookie(app, user.username, password);
 * ```
 */
import type { Role } from '../../src/auth/actor.ts';
import { systemActor } from '../../src/auth/actor.ts';
import { login } from '../../src/auth/session.service.ts';
import type { User } from '../../src/auth/user.ts';
import { createUser } from '../../src/auth/user.service.ts';
import type { Store } from '../../src/db/dialect.ts';
import type { GongkaiApp } from '../../src/http/context.ts';
import { createOrganization } from '../../src/organizations/organization.service.ts';
import type { OrganizationInput } from '../../src/organizations/organization.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import type { Clock } from '../../src/shared/clock.ts';
import { loadConfig } from '../../src/shared/config.ts';
import type { ServiceContext } from '../../src/shared/service-context.ts';

/** The password {@link createTestUser} gives unless told otherwise (meets the policy). */
export const TEST_PASSWORD = 'Test-Passw0rd!';

/** A service context over `store` and `clock` with a default test configuration (http://127.0.0.1:3000). */
export function testContext(store: Store, clock: Clock): ServiceContext {
  return { store, clock, config: loadConfig({ GONGKAI_DATA_DIR: '/tmp/gongkai-test', LOG_LEVEL: 'silent' }) };
}

/** One seeded organization. */
export interface SeededOrganization {
  id: number;
  path: string;
  name: string;
  organizationCode: string;
}

/** The seeded tree (ids differ per store; paths follow them). */
export interface SeededRegion {
  /** 吴忠市人民政府 (city government, code 640300000, division 640300): the root. */
  city: SeededOrganization;
  /** 吴忠市财政局: a city department. */
  cityDepartment: SeededOrganization;
  /** 利通区人民政府 (division 640302), below the city. */
  litong: SeededOrganization;
  /** 利通区教育局, below 利通区. */
  litongDepartment: SeededOrganization;
  /** 盐池县人民政府 (division 640323), below the city. */
  yanchi: SeededOrganization;
  /** 盐池县卫生健康局, below 盐池县. */
  yanchiDepartment: SeededOrganization;
}

/**
 * Creates the region tree: 吴忠市人民政府 → { 吴忠市财政局, 利通区人民政府 → 利通区教育局,
 * 盐池县人民政府 → 盐池县卫生健康局 }. Organization codes are synthetic but well-formed.
 */
export async function seedRegion(store: Store, clock: Clock): Promise<SeededRegion> {
  const ctx = testContext(store, clock);
  const actor = systemActor('test-seed');
  const make = async (input: OrganizationInput): Promise<SeededOrganization> => {
    const org = await createOrganization(ctx, actor, input);
    return { id: org.id, path: org.path, name: org.name, organizationCode: org.organizationCode };
  };
  const city = await make({
    parentId: null,
    name: '吴忠市人民政府',
    shortName: '吴忠市',
    kind: 'government',
    level: 'city',
    divisionCode: '640300',
    organizationCode: '640300000',
    ogiOffice: { name: '吴忠市人民政府办公室', address: '吴忠市利通区裕民街', officeHours: '工作日 8:30–12:00, 14:30–18:00', phone: '0953-2021234', postcode: '751100' },
  });
  const cityDepartment = await make({ parentId: city.id, name: '吴忠市财政局', kind: 'department', level: 'city', divisionCode: '640300', organizationCode: '640300101', competentDepartmentId: city.id });
  const litong = await make({ parentId: city.id, name: '利通区人民政府', kind: 'government', level: 'county', divisionCode: '640302', organizationCode: '640302000', competentDepartmentId: city.id });
  const litongDepartment = await make({ parentId: litong.id, name: '利通区教育局', kind: 'department', level: 'county', divisionCode: '640302', organizationCode: '640302101', competentDepartmentId: litong.id });
  const yanchi = await make({ parentId: city.id, name: '盐池县人民政府', kind: 'government', level: 'county', divisionCode: '640323', organizationCode: '640323000', competentDepartmentId: city.id });
  const yanchiDepartment = await make({ parentId: yanchi.id, name: '盐池县卫生健康局', kind: 'department', level: 'county', divisionCode: '640323', organizationCode: '640323101', competentDepartmentId: yanchi.id });
  return { city, cityDepartment, litong, litongDepartment, yanchi, yanchiDepartment };
}

let userCounter = 0;

/**
 * Creates an active user with one role (no pending password change unless asked).
 * @param options `organizationId` null (or omitted) for `system_admin`; `username` defaults to a unique `<role>-<n>`
 * @returns the user and the clear password to log in with
 */
export async function createTestUser(
  store: Store,
  clock: Clock,
  options: { role: Role; organizationId?: number | null; username?: string; password?: string; mustChangePassword?: boolean },
): Promise<{ user: User; password: string }> {
  userCounter += 1;
  const password = options.password ?? TEST_PASSWORD;
  const user = await createUser(testContext(store, clock), systemActor('test-seed'), {
    username: options.username ?? `${options.role.replace('_', '-')}-${userCounter}`,
    displayName: `测试用户${userCounter}`,
    password,
    grants: [{ role: options.role, organizationId: options.role === 'system_admin' ? null : (options.organizationId ?? null) }],
    mustChangePassword: options.mustChangePassword ?? false,
  });
  return { user, password };
}

function isApp(target: GongkaiApp | Store): target is GongkaiApp {
  return typeof (target as GongkaiApp).inject === 'function';
}

/**
 * A bearer token: through `POST /api/session` when given the app, or straight through the session
 * service when given a store (then `clock` is the one sessions are dated by).
 */
export async function loginToken(target: GongkaiApp | Store, username: string, password: string, clock?: Clock): Promise<string> {
  if (!isApp(target)) {
    const result = await login(testContext(target, clock ?? new FixedClock('2026-11-30T02:00:00Z')), { username, password, clientKey: 'test' });
    return result.token;
  }
  const response = await target.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (response.statusCode !== 201) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  return (response.json<{ token: string }>()).token;
}

/** Collects `name=value` pairs of every Set-Cookie header into `jar` (an empty value deletes the cookie). */
function collectCookies(jar: Map<string, string>, setCookie: string | string[] | undefined): void {
  for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
    const pair = line.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (value === '') jar.delete(name);
    else jar.set(name, value);
  }
}

/** Joins a cookie jar into a `Cookie` header value. */
function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/**
 * Logs in through the login page like a browser: GET /login (CSRF cookie and token), POST /login.
 * @returns `cookie`: the `Cookie` header value (session and CSRF cookies) for further page requests;
 *   `csrfToken`: a token to send as `_csrf` in forms
 * @throws Error when the login does not redirect (303)
 */
export async function loginCookie(app: GongkaiApp, username: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const jar = new Map<string, string>();
  const page = await app.inject({ method: 'GET', url: '/login' });
  collectCookies(jar, page.headers['set-cookie']);
  const csrfToken = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!csrfToken) throw new Error('no CSRF token on /login');
  const response = await app.inject({
    method: 'POST',
    url: '/login',
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfToken, username, password, next: '/console' }).toString(),
  });
  if (response.statusCode !== 303) throw new Error(`login failed: ${response.statusCode}`);
  collectCookies(jar, response.headers['set-cookie']);
  return { cookie: cookieHeader(jar), csrfToken };
}
