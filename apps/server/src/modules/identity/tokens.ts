import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Role, Tier } from '@btb/contracts';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from '../../platform/errors.ts';

export const ISSUER = 'boutique-to-box';
const ALGORITHM = 'HS256';
/** Stream tickets are signed with their own key, so a ticket is never an access token nor the reverse. */
const STREAM_TICKET_AUDIENCE = 'event-stream';
export const STREAM_TICKET_TTL_S = 60;
/** Links that lift a sign-in pause: their own key and audience, an hour. */
const UNLOCK_AUDIENCE = 'sign-in-unlock';
const UNLOCK_TTL_S = 3600;

export interface AccessClaims {
  sub: string;
  role: Role;
  tier: Tier;
  /** The user's token version when the token was issued; a bump revokes it. */
  ver: number;
}

export class AccessTokens {
  private readonly ticketSecret: Uint8Array;
  private readonly unlockSecret: Uint8Array;

  constructor(
    private readonly secret: Uint8Array,
    readonly ttlSeconds: number,
  ) {
    this.ticketSecret = createHmac('sha256', secret).update(STREAM_TICKET_AUDIENCE).digest();
    this.unlockSecret = createHmac('sha256', secret).update(UNLOCK_AUDIENCE).digest();
  }

  sign(claims: AccessClaims): Promise<string> {
    return this.signWith(this.secret, claims, this.ttlSeconds);
  }

  /** A ticket for `?ticket=` on event-stream URLs: the same claims, a minute, another key. */
  signStreamTicket(claims: AccessClaims): Promise<string> {
    return this.signWith(this.ticketSecret, claims, STREAM_TICKET_TTL_S, STREAM_TICKET_AUDIENCE);
  }

  signUnlock(userId: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(UNLOCK_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${UNLOCK_TTL_S}s`)
      .sign(this.unlockSecret);
  }

  /** The user an unlock link was made for. */
  async verifyUnlock(token: string): Promise<string> {
    try {
      const { payload } = await jwtVerify(token, this.unlockSecret, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: UNLOCK_AUDIENCE,
      });
      if (typeof payload.sub !== 'string') throw new Error('no subject');
      return payload.sub;
    } catch {
      throw unauthenticated('This link is not valid or has expired; sign in again to get a new one');
    }
  }

  private signWith(key: Uint8Array, claims: AccessClaims, ttlSeconds: number, audience?: string) {
    const jwt = new SignJWT({ role: claims.role, tier: claims.tier, ver: claims.ver })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`);
    if (audience) jwt.setAudience(audience);
    return jwt.sign(key);
  }

  /** The algorithm and issuer are pinned: `alg: none`, another algorithm or issuer, or a bad signature are all refused. */
  verify(token: string): Promise<AccessClaims> {
    return this.verifyWith(this.secret, token);
  }

  verifyStreamTicket(ticket: string): Promise<AccessClaims> {
    return this.verifyWith(this.ticketSecret, ticket, STREAM_TICKET_AUDIENCE);
  }

  private async verifyWith(key: Uint8Array, token: string, audience?: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, key, { algorithms: [ALGORITHM], issuer: ISSUER, audience });
      if (typeof payload.sub !== 'string' || (payload.role !== 'user' && payload.role !== 'admin')) {
        throw unauthenticated('Invalid access token');
      }
      return {
        sub: payload.sub,
        role: payload.role,
        tier: payload.tier === 'pro' ? 'pro' : 'free',
        // Tokens issued before versions existed carry none: version 0, the column's default.
        ver: Number.isSafeInteger(payload.ver) ? (payload.ver as number) : 0,
      };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('Access token expired');
      throw unauthenticated('Invalid access token');
    }
  }
}

export const newRefreshToken = () => randomBytes(32).toString('base64url');
export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');
