import { randomUUID } from 'node:crypto';
import type {
  AuthResponse,
  LoginBody,
  RegisterBody,
  Role,
  StreamTicket,
  Tier,
  UpdateProfileBody,
  User,
} from '@btb/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { appendEvent } from '../../platform/bus/outbox.ts';
import type { TwoLevelCache } from '../../platform/cache/two-level-cache.ts';
import type { Db } from '../../platform/db/database.ts';
import { onlyRow } from '../../platform/db/rows.ts';
import { AppError, conflict, notFound, unauthenticated, validationFailed } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { SignInGuard } from './sign-in-guard.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import {
  bumpTokenVersion,
  findUserByEmail,
  findUserWithProfile,
  insertRefreshToken,
  lockRefreshToken,
  markRefreshTokenUsed,
  revokeAllForUser,
  revokeFamily,
  searchUsers,
  toUser,
  type UserRow,
} from './repository.ts';
import { userProfiles, users } from './tables.ts';
import { type AccessTokens, hashRefreshToken, newRefreshToken, STREAM_TICKET_TTL_S } from './tokens.ts';

/** How long an instance may trust a cached token version when an invalidation does not reach it (Redis down). */
const TOKEN_VERSION_TTL_S = 10;
const tokenVersionKey = (userId: string) => `identity:token-version:${userId}`;
/** How long an instance keeps an author's public name and avatar when no change reaches it. */
const PUBLIC_PROFILE_TTL_S = 60;
const publicProfileKey = (userId: string) => `identity:public-profile:${userId}`;
type PublicProfile = { id: string; name: string; avatarUrl: string | null };

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string })?.code === '23505' ||
  (error as { cause?: { code?: string } })?.cause?.code === '23505';

export class IdentityService {
  constructor(
    private readonly db: Db,
    private readonly tokens: AccessTokens,
    private readonly config: Config,
    private readonly cache: TwoLevelCache,
    private readonly signIns: SignInGuard,
  ) {}

  /**
   * The version every access token of the user must carry, or null when the account is gone or
   * suspended. Checked on every authenticated request, so it is cached; a bump deletes the entry on
   * every instance through the cache's invalidation channel.
   */
  async currentTokenVersion(userId: string): Promise<number | null> {
    return this.cache.getOrLoad(
      tokenVersionKey(userId),
      async () => {
        const [row] = await this.db
          .select({ version: users.tokenVersion, status: users.status })
          .from(users)
          .where(eq(users.id, userId));
        return row?.status === 'active' ? row.version : null;
      },
      TOKEN_VERSION_TTL_S,
    );
  }

  /** A one-minute ticket for event-stream URLs, carrying the session's current version. */
  async streamTicket(actor: Actor): Promise<StreamTicket> {
    const ver = await this.currentTokenVersion(actor.id);
    if (ver === null) throw unauthenticated('This session has ended; sign in again');
    const ticket = await this.tokens.signStreamTicket({
      sub: actor.id,
      role: actor.role,
      tier: actor.tier,
      ver,
    });
    return { ticket, expiresIn: STREAM_TICKET_TTL_S };
  }

  /** Call after the transaction that bumped the version has committed. */
  private forgetTokenVersion(userId: string) {
    return this.cache.delete(tokenVersionKey(userId));
  }

  /** Design creations allowed per hour for a tier: pro gets ten times the free quota. */
  designsPerHour(tier: Tier): number {
    return tier === 'pro'
      ? this.config.RATE_LIMIT_DESIGNS_PER_HOUR * 10
      : this.config.RATE_LIMIT_DESIGNS_PER_HOUR;
  }

  async register(body: RegisterBody, options: { role?: Role } = {}): Promise<AuthResponse> {
    const problem = passwordProblem(body.password, body.email, body.name);
    if (problem) throw validationFailed([{ path: 'password', message: problem }]);
    const passwordHash = await hashPassword(body.password);
    try {
      const row = await this.db.transaction(async (tx) => {
        const user = onlyRow(
          await tx
            .insert(users)
            .values({ email: body.email, passwordHash, name: body.name, role: options.role ?? 'user' })
            .returning(),
          'the new user',
        );
        await tx.insert(userProfiles).values({ userId: user.id });
        await appendEvent(tx, {
          eventType: 'user_registered',
          userId: user.id,
          metadata: { name: user.name },
        });
        return user;
      });
      return this.issueSession(row, randomUUID());
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('An account with this email already exists');
      throw error;
    }
  }

  /**
   * Signs in. Only failures count against the limits, per account and per client address: once
   * they reach the limit sign-in pauses with a growing back-off, and the account's owner is e-mailed
   * a link that lifts the pause (someone else guessing must not keep them out). A success clears
   * the account's failures.
   */
  async login(body: LoginBody, clientAddress = 'unknown'): Promise<AuthResponse> {
    const account = `account:${body.email}`;
    const subjects = [account, `address:${clientAddress}`];
    await this.signIns.check(subjects, 'Too many failed sign-ins');
    const row = await findUserByEmail(this.db, body.email);
    // Unknown email and wrong password take the same path and the same time.
    const ok = await verifyPassword(row?.passwordHash, body.password);
    if (!row || !ok) {
      const [forAccount] = await this.signIns.recordFailure(subjects);
      // The first pause of a run of failures tells the owner, with a way back in.
      if (row && forAccount.firstPause) await this.tellLocked(row.id);
      throw unauthenticated('Email or password is incorrect');
    }
    if (row.status !== 'active') throw new AppError('forbidden', 'This account is suspended');
    await this.signIns.clear(account);
    return this.issueSession(row, randomUUID());
  }

  private async tellLocked(userId: string): Promise<void> {
    const unlockToken = await this.tokens.signUnlock(userId);
    await this.db.transaction((tx) =>
      appendEvent(tx, { eventType: 'sign_in_paused', userId, metadata: { unlockToken } }),
    );
  }

  /** The e-mailed link: lifts the account's pause. Refused when the link is not valid or has expired. */
  async unlock(token: string): Promise<void> {
    const userId = await this.tokens.verifyUnlock(token);
    const [row] = await this.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (!row) throw unauthenticated('This link is not valid');
    await this.signIns.clear(`account:${row.email}`);
  }

  /** Rotates the refresh token. A token presented twice means it was stolen: its whole family is revoked. */
  async refresh(refreshToken: string): Promise<AuthResponse> {
    const tokenHash = hashRefreshToken(refreshToken);
    const outcome = await this.db.transaction(async (tx) => {
      const token = await lockRefreshToken(tx, tokenHash);
      if (!token) return { error: 'Refresh token is not valid' } as const;
      if (token.revokedAt) return { error: 'Refresh token has been revoked' } as const;
      if (token.usedAt) {
        await revokeFamily(tx, token.familyId);
        return {
          error: 'Refresh token was already used; every session from it has been signed out',
        } as const;
      }
      if (token.expiresAt.getTime() <= Date.now()) return { error: 'Refresh token has expired' } as const;
      const [user] = await tx.select().from(users).where(eq(users.id, token.userId));
      if (user?.status !== 'active') {
        await revokeFamily(tx, token.familyId);
        return { error: 'This account cannot be used' } as const;
      }
      await markRefreshTokenUsed(tx, token.id);
      const next = newRefreshToken();
      await insertRefreshToken(tx, {
        userId: user.id,
        familyId: token.familyId,
        tokenHash: hashRefreshToken(next),
        expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_S * 1000),
      });
      return { user, next } as const;
    });
    // Revocations above must commit, so the refusal is thrown after the transaction.
    if ('error' in outcome) throw unauthenticated(outcome.error);
    return this.respond(outcome.user, outcome.next);
  }

  /**
   * Revokes the refresh token's family (or every family without one) and ends the user's access
   * tokens at once; other devices keep their refresh tokens and get a new access token from them.
   */
  async logout(refreshToken: string | undefined, actor: Actor | null): Promise<void> {
    let userId: string | undefined;
    if (refreshToken) {
      const tokenHash = hashRefreshToken(refreshToken);
      userId = await this.db.transaction(async (tx) => {
        const token = await lockRefreshToken(tx, tokenHash);
        if (!token || (actor && token.userId !== actor.id)) return undefined;
        await revokeFamily(tx, token.familyId);
        await bumpTokenVersion(tx, token.userId);
        return token.userId;
      });
    } else if (actor) {
      userId = actor.id;
      await this.db.transaction(async (tx) => {
        await revokeAllForUser(tx, actor.id);
        await bumpTokenVersion(tx, actor.id);
      });
    }
    if (userId) await this.forgetTokenVersion(userId);
  }

  async getUser(id: string): Promise<User> {
    const found = await findUserWithProfile(this.db, id);
    if (!found) throw notFound('User');
    return toUser(found.user, found.profile, this.designsPerHour(found.user.subscriptionTier));
  }

  /**
   * Public name and avatar of several users at once (for design authors). A gallery page names
   * the same few authors again and again: each instance keeps them in memory, and a change of
   * name or avatar drops them on every instance.
   */
  async publicProfiles(ids: string[]): Promise<Map<string, PublicProfile>> {
    const found = new Map<string, PublicProfile>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const kept = this.cache.peekLocal<PublicProfile>(publicProfileKey(id));
      if (kept) found.set(id, kept);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const rows = await this.db
      .select({ id: users.id, name: users.name, avatarUrl: users.avatarUrl })
      .from(users)
      .where(sql`${users.id} in ${missing}`);
    for (const row of rows) {
      this.cache.keepLocal(publicProfileKey(row.id), row, PUBLIC_PROFILE_TTL_S);
      found.set(row.id, row);
    }
    return found;
  }

  async updateProfile(actor: Actor, patch: UpdateProfileBody): Promise<User> {
    await this.db.transaction(async (tx) => {
      const userPatch: Partial<UserRow> = {};
      if (patch.name !== undefined) userPatch.name = patch.name;
      if (patch.avatarUrl !== undefined) userPatch.avatarUrl = patch.avatarUrl;
      if (Object.keys(userPatch).length) {
        await tx
          .update(users)
          .set({ ...userPatch, updatedAt: sql`now()` })
          .where(eq(users.id, actor.id));
      }
      const [profile] = await tx
        .select()
        .from(userProfiles)
        .where(eq(userProfiles.userId, actor.id))
        .for('update');
      if (!profile) throw notFound('User');
      await tx
        .update(userProfiles)
        .set({
          ...(patch.bio !== undefined ? { bio: patch.bio } : {}),
          ...(patch.website !== undefined ? { website: patch.website } : {}),
          ...(patch.socialLinks !== undefined ? { socialLinks: patch.socialLinks } : {}),
          ...(patch.preferences !== undefined
            ? { preferences: { ...(profile.preferences as object), ...patch.preferences } }
            : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(userProfiles.userId, actor.id));
    });
    if (patch.name !== undefined || patch.avatarUrl !== undefined)
      await this.cache.delete(publicProfileKey(actor.id));
    return this.getUser(actor.id);
  }

  // --- administration ---

  async listUsers(query: { q?: string; cursor?: string; limit: number }) {
    const rows = await searchUsers(this.db, query);
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((r) => toUser(r, undefined, this.designsPerHour(r.subscriptionTier))),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.createdAt.toISOString() ?? null) : null,
    };
  }

  async adminUpdateUser(
    id: string,
    patch: { role?: Role; status?: 'active' | 'suspended'; subscriptionTier?: Tier },
  ) {
    await this.db.transaction(async (tx) => {
      if (patch.role === 'user' || patch.status === 'suspended') {
        // Serialise changes to administrators, so two admins cannot remove each other at once.
        const admins = await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.role, 'admin'), eq(users.status, 'active')))
          .for('update');
        if (admins.length === 1 && admins[0].id === id)
          throw conflict('This is the last active administrator; make another one first');
      }
      const [row] = await tx
        .update(users)
        .set({ ...patch, updatedAt: sql`now()` })
        .where(eq(users.id, id))
        .returning();
      if (!row) throw notFound('User');
      if (patch.status === 'suspended') await revokeAllForUser(tx, id);
      // A new role or status must hold from the next request, not when the access token expires.
      if (patch.role !== undefined || patch.status !== undefined) await bumpTokenVersion(tx, id);
    });
    await this.forgetTokenVersion(id);
    return this.getUser(id);
  }

  /** The id of the account with this e-mail, registering it first when there is none. */
  async ensureAccount(body: RegisterBody): Promise<string> {
    const existing = await findUserByEmail(this.db, body.email);
    return existing ? existing.id : (await this.register(body)).user.id;
  }

  /** Creates an admin, or promotes an existing account (keeping its password unless a new one is given). */
  async ensureAdmin(
    email: string,
    password: string,
    name = 'Administrator',
  ): Promise<{ created: boolean; user: User }> {
    const existing = await findUserByEmail(this.db, email);
    if (existing) {
      // A new password ends the sessions made with the old one.
      const passwordHash = await hashPassword(password);
      await this.db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ role: 'admin', passwordHash, updatedAt: sql`now()` })
          .where(eq(users.id, existing.id));
        await revokeAllForUser(tx, existing.id);
        await bumpTokenVersion(tx, existing.id);
      });
      await this.forgetTokenVersion(existing.id);
      return { created: false, user: await this.getUser(existing.id) };
    }
    const session = await this.register({ email, password, name }, { role: 'admin' });
    return { created: true, user: session.user };
  }

  async countUsers(): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(users);
    return Number(row?.n ?? 0);
  }

  private async issueSession(user: UserRow, familyId: string): Promise<AuthResponse> {
    const refreshToken = newRefreshToken();
    await insertRefreshToken(this.db, {
      userId: user.id,
      familyId,
      tokenHash: hashRefreshToken(refreshToken),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_S * 1000),
    });
    return this.respond(user, refreshToken);
  }

  private async respond(user: UserRow, refreshToken: string): Promise<AuthResponse> {
    const accessToken = await this.tokens.sign({
      sub: user.id,
      role: user.role,
      tier: user.subscriptionTier,
      ver: user.tokenVersion,
    });
    return {
      user: await this.getUser(user.id),
      accessToken,
      refreshToken,
      expiresIn: this.tokens.ttlSeconds,
    };
  }
}
