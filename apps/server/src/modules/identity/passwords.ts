import argon2 from 'argon2';
import { commonPasswords } from './common-passwords.ts';

/** OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, parallelism 1. */
const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// argon2's native hashing runs on libuv's thread pool, off the event loop.
export const hashPassword = (password: string) => argon2.hash(password, options);

/** A hash of nothing in particular: verifying against it makes an unknown email cost as much as a wrong password. */
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (!hash) {
    decoyHash ??= hashPassword('decoy-password-for-timing');
    await argon2.verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}

export function passwordProblem(password: string, email: string, name: string): string | undefined {
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return 'is one of the most common passwords; choose another';
  if (lower === email.toLowerCase() || lower === email.split('@')[0].toLowerCase())
    return 'must not be your email';
  if (name.length >= 4 && lower === name.toLowerCase()) return 'must not be your name';
  if (/^(.)\1+$/.test(password)) return 'must not be one repeated character';
  return undefined;
}
