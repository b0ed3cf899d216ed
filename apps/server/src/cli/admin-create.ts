/**
 * npm run admin:create -- --email ops@example.com [--name 'Ops']
 * The password is asked for at a hidden prompt, or read from a pipe: `… < password-file`.
 */
import { parseArgs } from 'node:util';
import { loginBodySchema, passwordSchema } from '@btb/contracts';
import { loadConfig } from '../config.ts';
import { readPassword } from './admin-password.ts';
import { createIdentityModule } from '../modules/identity/index.ts';
import { DataDirInUseError } from '../platform/db/data-dir-lock.ts';
import { createPlatform } from '../platform/platform.ts';

const usage =
  'Usage: npm run admin:create -- --email <email> [--name <name>], then type the password (8-128 characters), or pipe it in';
const options = { email: { type: 'string' }, name: { type: 'string', default: 'Administrator' } } as const;
let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
try {
  ({ values } = parseArgs({ options }));
} catch {
  // An unknown option, such as a password on the command line.
  console.error(usage);
  process.exit(2);
}
if (!values.email) {
  console.error(usage);
  process.exit(2);
}
const password = await readPassword();
const parsed = loginBodySchema.safeParse({ email: values.email, password });
const strong = passwordSchema.safeParse(password);
if (!parsed.success || !strong.success) {
  console.error(usage);
  process.exit(2);
}
// In embedded mode the store is locked by a running server: refuse clearly rather than write behind it.
const platform = await createPlatform(loadConfig({ ...process.env, LOG_LEVEL: 'warn' })).catch((error) => {
  if (!(error instanceof DataDirInUseError)) throw error;
  console.error(error.message);
  process.exit(3);
});
try {
  const identity = await createIdentityModule(platform);
  const { created, user } = await identity.service.ensureAdmin(
    parsed.data.email,
    parsed.data.password,
    values.name,
  );
  console.log(`${created ? 'Created' : 'Promoted'} admin ${user.email} (${user.id})`);
  await platform.relay.flush();
} finally {
  await platform.close();
}
