// Server start-up on a fresh data directory: the directory and the SQLite store are created and
// migrated, the empty store is seeded (demo region, `admin` with a one-time password that must be
// changed), the password is printed on that first start only, and the server answers and closes.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { login } from '../auth/session.service.ts';
import { FixedClock } from '../shared/clock.ts';
import { loadConfig } from '../shared/config.ts';
import { startServer } from './start.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');

void describe('startServer', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-start-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  void it('seeds an empty store once and prints the admin one-time password only then', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const config = loadConfig({ GONGKAI_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' });
    const printed: string[] = [];
    const first = await startServer(config, clock, { logger: false, print: (line) => printed.push(line) });
    try {
      assert.ok(existsSync(join(dataDir, 'gongkai.sqlite')));
      assert.ok(existsSync(join(dataDir, 'attachments')));
      assert.match(printed[0] ?? '', /^gongkai 已启动: http:\/\/127\.0\.0\.1:\d+ {2}\(store: .*gongkai\.sqlite\)$/);
      assert.ok(printed.includes('管理员账号: admin'));
      assert.ok(first.adminPassword);
      assert.ok(printed.includes(`一次性密码: ${first.adminPassword}`));
      const health = await fetch(`${first.url}/healthz`);
      assert.equal(health.status, 200);
      const session = await login(first.ctx, { username: 'admin', password: first.adminPassword, clientKey: 'test' });
      assert.equal(session.user.mustChangePassword, true);
      assert.deepEqual(session.user.grants.map((g) => g.role), ['system_admin']);
    } finally {
      await first.close();
    }
    await first.close();

    const again: string[] = [];
    const second = await startServer(config, clock, { logger: false, print: (line) => again.push(line) });
    try {
      assert.equal(second.adminPassword, null);
      assert.equal(again.length, 1, again.join('\n'));
      assert.ok(!again.some((l) => l.includes('一次性密码')));
    } finally {
      await second.close();
    }
  });
});
