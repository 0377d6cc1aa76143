import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { api } from '../support/http.ts';
import { bearer, registerUser, uniqueEmail } from '../support/users.ts';

const projectRoot = new URL('../..', import.meta.url).pathname;

/** The ops command pointed at the test stack through its settings, as against a deployed table. */
function createAdmin(email: string, password: string) {
  return spawnSync(process.execPath, ['infra/ops/create-admin.ts', '--email', email], {
    cwd: projectRoot,
    env: { ...process.env, ADMIN_PASSWORD: password },
    encoding: 'utf8',
  });
}

describe('npm run admin:create against a table named by its settings', () => {
  it('creates an admin who can use admin routes', async () => {
    const email = uniqueEmail('ops');

    const result = createAdmin(email, 'OpsPassword123');

    expect(result.status).toBe(0);
    const login = await api('/auth/login', { body: { email, password: 'OpsPassword123' } });
    expect(login.body.data.user.role).toBe('admin');
    expect((await api('/user/admin/users', { headers: bearer(login.body.data.token) })).status).toBe(200);
  });

  it('promotes an existing user, leaving their password alone', async () => {
    const user = await registerUser();

    const result = createAdmin(user.email, 'IgnoredPassword1');

    expect(result.stdout).toBe(`User ${user.id} (${user.email}) is now an admin; their password is unchanged.\n`);
    const login = await api('/auth/login', { body: { email: user.email, password: user.password } });
    expect(login.body.data.user.role).toBe('admin');
  });

  it('refuses a password that breaks the rules', () => {
    const result = createAdmin(uniqueEmail('ops'), 'short');

    expect(result.status).toBe(1);
    expect(result.stderr).toBe('admin:create: Password must be at least 8 characters\n');
  });
});
