import { defaultPreferences, type Preferences, type User } from '@btb/contracts';
import { and, desc, eq, ilike, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { refreshTokens, userProfiles, users } from './tables.ts';

export type UserRow = typeof users.$inferSelect;
export type ProfileRow = typeof userProfiles.$inferSelect;

export function toUser(row: UserRow, profile: ProfileRow | undefined, designsPerHour: number): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as User['role'],
    subscriptionTier: row.subscriptionTier as User['subscriptionTier'],
    status: row.status as User['status'],
    avatarUrl: row.avatarUrl,
    bio: profile?.bio ?? null,
    website: profile?.website ?? null,
    socialLinks: (profile?.socialLinks ?? {}) as User['socialLinks'],
    preferences: { ...defaultPreferences, ...((profile?.preferences ?? {}) as Partial<Preferences>) },
    quotas: { designsPerHour },
    createdAt: row.createdAt.toISOString(),
  };
}

/** Ends every access token of the user (they carry the old version). */
export async function bumpTokenVersion(db: Executor, id: string) {
  await db
    .update(users)
    .set({ tokenVersion: sql`${users.tokenVersion} + 1` })
    .where(eq(users.id, id));
}

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserWithProfile(db: Executor, id: string) {
  const [row] = await db
    .select({ user: users, profile: userProfiles })
    .from(users)
    .leftJoin(userProfiles, eq(userProfiles.userId, users.id))
    .where(eq(users.id, id));
  return row ? { user: row.user, profile: row.profile ?? undefined } : undefined;
}

export async function insertRefreshToken(
  db: Executor,
  values: { userId: string; familyId: string; tokenHash: string; expiresAt: Date },
) {
  await db.insert(refreshTokens).values(values);
}

/** Locks the token row so two concurrent refreshes with one token cannot both succeed. */
export async function lockRefreshToken(db: Executor, tokenHash: string) {
  const [row] = await db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .for('update');
  return row;
}

export async function markRefreshTokenUsed(db: Executor, id: string) {
  await db.update(refreshTokens).set({ usedAt: sql`now()` }).where(eq(refreshTokens.id, id));
}

export async function revokeFamily(db: Executor, familyId: string) {
  await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

export async function revokeAllForUser(db: Executor, userId: string) {
  await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
}

export async function searchUsers(db: Executor, query: { q?: string; cursor?: string; limit: number }) {
  const conditions = [];
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.email, like), ilike(users.name, like)));
  }
  if (query.cursor) conditions.push(lt(users.createdAt, new Date(query.cursor)));
  return db
    .select()
    .from(users)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(users.createdAt))
    .limit(query.limit + 1);
}
