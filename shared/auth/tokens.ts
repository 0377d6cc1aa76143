import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { config } from '../config.ts';
import { Unauthorized } from '../errors.ts';
import type { Secrets } from './secrets.ts';

export const jwtIssuer = 'whatsapp-hub';
export const jwtAudience = 'whatsapp-hub-api';
const algorithm = 'HS256';

export type Role = 'user' | 'admin';

/** What an access token vouches for: the user, their role, and the token version it was issued under. */
export interface AccessClaims {
  userId: number;
  role: Role;
  tokenVersion: number;
}

const claimsSchema = z.object({
  sub: z.string().regex(/^\d+$/),
  role: z.enum(['user', 'admin']),
  tv: z.number().int().nonnegative(),
});

export function issueAccessToken(claims: AccessClaims, secrets: Secrets): Promise<string> {
  return new SignJWT({ role: claims.role, tv: claims.tokenVersion })
    .setProtectedHeader({ alg: algorithm, typ: 'JWT' })
    .setSubject(String(claims.userId))
    .setIssuer(jwtIssuer)
    .setAudience(jwtAudience)
    .setIssuedAt()
    .setExpirationTime(`${config().JWT_TTL_SECONDS}s`)
    .sign(secrets.jwtSigningKey);
}

/** Accepts only HS256 tokens of this service, signed with its key, unexpired and for its audience. */
export async function verifyAccessToken(token: string, secrets: Secrets): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, secrets.jwtSigningKey, {
      algorithms: [algorithm],
      issuer: jwtIssuer,
      audience: jwtAudience,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const claims = claimsSchema.parse(payload);
    return { userId: Number(claims.sub), role: claims.role, tokenVersion: claims.tv };
  } catch (cause) {
    const reason = cause instanceof errors.JWTExpired ? 'Token expired' : 'Invalid token';
    throw new Unauthorized(reason, { cause });
  }
}

/** The token of an `Authorization: Bearer <token>` header, if that is what the header holds. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
