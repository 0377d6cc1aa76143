/**
 * `npm run admin:create -- --email ops@example.com`: creates the first admin (self-registration
 * never can), or promotes an existing user. The password comes from ADMIN_PASSWORD or standard
 * input, never from the command line, where it would land in shell history and `ps`.
 *
 * Against the local stack it finds the running stack through its data folder. Against a deployed
 * stack, set AWS credentials, AWS_REGION, TABLE_NAME and SECRETS_ARN (the stack's outputs).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseConfig } from '../../shared/config.ts';
import { emailSchema, passwordSchema } from '../../shared/schemas/users.ts';
import { readStackFile } from '../local/stack-file.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' } }, strict: true });
  const email = emailSchema.safeParse(values.email ?? process.env.ADMIN_EMAIL);
  if (!email.success) throw new Error('Give the admin email with --email (or ADMIN_EMAIL)');

  useLocalStackIfNoTarget();
  const password = passwordSchema.safeParse(process.env.ADMIN_PASSWORD ?? (await readPassword()));
  if (!password.success) throw new Error(`Password ${password.error.issues[0]?.message ?? 'is invalid'}`);

  // Imported only now: the target's settings are in place before anything reads the configuration.
  const { findUserByEmail, promoteToAdmin } = await import('../../shared/users/repository.ts');
  const { createUser } = await import('../../shared/users/service.ts');
  const existing = await findUserByEmail(email.data);
  if (existing) {
    await promoteToAdmin(existing.id, new Date().toISOString());
    console.log(`User ${existing.id} (${existing.email}) is now an admin; their password is unchanged.`);
    return;
  }
  const { user } = await createUser({ email: email.data, password: password.data, role: 'admin' });
  console.log(`Admin ${user.id} (${user.email}) created. API key: ${user.apiKey}`);
}

/** With no explicit target, the running local stack's settings (from its data folder) apply. */
function useLocalStackIfNoTarget(): void {
  if (process.env.SECRETS_ARN || process.env.DYNAMODB_ENDPOINT) return;
  const dataDir = resolve(parseConfig(process.env).DATA_DIR);
  const stack = readStackFile(dataDir);
  if (!stack) {
    throw new Error(
      `No local stack is running for ${dataDir}: start it with \`npm start\`, or set SECRETS_ARN, TABLE_NAME and AWS_REGION for a deployed stack`,
    );
  }
  Object.assign(process.env, stack.env);
}

/** The first line of standard input; typed at a terminal, it is not echoed. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) return promptHidden('Admin password: ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

function promptHidden(question: string): Promise<string> {
  process.stderr.write(question);
  process.stdin.setRawMode(true);
  process.stdin.setEncoding('utf8');
  return new Promise((resolvePassword, reject) => {
    let typed = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') return finish(() => reject(new Error('cancelled')));
        if (char === '\r' || char === '\n') return finish(() => resolvePassword(typed));
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
      }
    };
    const finish = (settle: () => void) => {
      process.stdin.setRawMode(false);
      process.stdin.removeListener('data', onData);
      process.stdin.pause();
      process.stderr.write('\n');
      settle();
    };
    process.stdin.on('data', onData);
  });
}

main().catch((error: unknown) => {
  console.error(`admin:create: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
