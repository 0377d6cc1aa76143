import { findUserIdByApiKeyHmac, getUser } from '../users/repository.ts';
import { Unauthorized } from '../errors.ts';
import { apiKeyHmac, looksLikeApiKey } from './api-keys.ts';
import { secrets } from './secrets.ts';
import { verifyAccessToken, type Role } from './tokens.ts';

/** Who is calling, as the authorizers establish it and handlers receive it. */
export interface Caller {
  userId: number;
  role: Role;
}

/** A bearer token is valid when it verifies and its user still exists at the same token version. */
export async function authenticateBearer(token: string): Promise<Caller> {
  const claims = await verifyAccessToken(token, await secrets());
  const user = await getUser(claims.userId);
  if (!user || user.tokenVersion !== claims.tokenVersion) throw new Unauthorized('Token revoked');
  return { userId: user.id, role: user.role };
}

export async function authenticateApiKey(apiKey: string): Promise<Caller> {
  if (!looksLikeApiKey(apiKey)) throw new Unauthorized('Invalid API key');
  const userId = await findUserIdByApiKeyHmac(apiKeyHmac(apiKey, await secrets()));
  const user = userId === undefined ? undefined : await getUser(userId);
  if (!user) throw new Unauthorized('Invalid API key');
  return { userId: user.id, role: user.role };
}
