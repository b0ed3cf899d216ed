import { createHash, randomBytes } from 'node:crypto';
import type { Role, Tier } from '@btb/contracts';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from '../../platform/errors.ts';

export const ISSUER = 'boutique-to-box';
const ALGORITHM = 'HS256';

export interface AccessClaims {
  sub: string;
  role: Role;
  tier: Tier;
  /** The user's token version when the token was issued; a bump revokes it. */
  ver: number;
}

export class AccessTokens {
  constructor(
    private readonly secret: Uint8Array,
    readonly ttlSeconds: number,
  ) {}

  sign(claims: AccessClaims): Promise<string> {
    return new SignJWT({ role: claims.role, tier: claims.tier, ver: claims.ver })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.secret);
  }

  /** The algorithm and issuer are pinned: `alg: none`, another algorithm or issuer, or a bad signature are all refused. */
  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.secret, { algorithms: [ALGORITHM], issuer: ISSUER });
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
