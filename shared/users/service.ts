import { apiKeyHmac, decryptApiKey, encryptApiKey, generateApiKey } from '../auth/api-keys.ts';
import { authenticateBearer, type Caller } from '../auth/authenticate.ts';
import { clearPasswordAttempts, reservePasswordAttempt } from '../auth/login-throttle.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { rotateRefreshToken, startRefreshFamily } from '../auth/refresh-tokens.ts';
import { secrets } from '../auth/secrets.ts';
import { bearerToken, issueAccessToken, type Role } from '../auth/tokens.ts';
import { config } from '../config.ts';
import { Forbidden, NotFound, Unauthorized } from '../errors.ts';
import * as users from './repository.ts';
import type { User } from './user.ts';

/** A user as the API shows it: the API key decrypted, never the hash or the lookup HMAC. */
export interface UserView {
  id: number;
  email: string;
  role: Role;
  apiKey: string;
  createdAt: string;
  updatedAt: string;
}

export interface SignedIn {
  user: UserView;
  token: string;
  refreshToken: string;
}

export const invalidCredentialsMessage = 'Invalid email or password';
export const incorrectCurrentPasswordMessage = 'Current password is incorrect';

/**
 * Creates a user with a fresh API key. Only an admin (by bearer token) may create another admin;
 * self-registration always makes a plain user.
 */
export async function register(input: { email: string; password: string; role: Role }, authorization?: string): Promise<SignedIn> {
  if (input.role === 'admin') await assertAdmin(authorization);
  return createUser(input);
}

/** Creates a user without the admin check: for the ops command that makes the first admin. */
export async function createUser(input: { email: string; password: string; role: Role }): Promise<SignedIn> {
  const keyring = await secrets();
  const apiKey = generateApiKey();
  const [id, passwordHash] = await Promise.all([users.nextUserId(), hashPassword(input.password)]);
  const now = new Date().toISOString();
  const user: User = {
    id,
    email: input.email,
    role: input.role,
    passwordHash,
    tokenVersion: 0,
    apiKeyHmac: apiKeyHmac(apiKey, keyring),
    apiKeyCiphertext: encryptApiKey(apiKey, keyring),
    createdAt: now,
    updatedAt: now,
  };
  await users.createUser(user);
  return signIn(user);
}

/** The same answer, in about the same time, for an unknown email and a wrong password. */
export async function login(input: { email: string; password: string }): Promise<SignedIn> {
  const user = await users.findUserByEmail(input.email);
  if (!(await checkPassword(input.email, input.password, user?.passwordHash)) || !user) throw new Unauthorized(invalidCredentialsMessage);
  return signIn(user);
}

export async function refresh(refreshToken: string): Promise<{ token: string; refreshToken: string }> {
  const rotated = await rotateRefreshToken(refreshToken);
  const user = await users.getUser(rotated.grant.userId);
  if (!user || user.tokenVersion !== rotated.grant.tokenVersion) throw new Unauthorized('Invalid or expired refresh token');
  return {
    token: await issueAccessToken({ userId: user.id, role: user.role, tokenVersion: user.tokenVersion }, await secrets()),
    refreshToken: rotated.token,
  };
}

export async function getProfile(caller: Caller): Promise<UserView> {
  return view(await existingUser(caller.userId));
}

/**
 * Changes email and/or password once the current password is confirmed, so a stolen token alone
 * cannot take the account over; a new password signs out every token issued before it.
 */
export async function updateProfile(
  caller: Caller,
  change: { currentPassword: string; email?: string; password?: string },
): Promise<UserView> {
  const current = await existingUser(caller.userId);
  if (!(await checkPassword(current.email, change.currentPassword, current.passwordHash)))
    throw new Forbidden(incorrectCurrentPasswordMessage);
  const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
  const updated = await users.updateProfile(current, { email: change.email, passwordHash }, new Date().toISOString());
  return view(updated);
}

/** Issues a new API key; the old one stops working at once. */
export async function regenerateApiKey(caller: Caller): Promise<string> {
  const current = await existingUser(caller.userId);
  const keyring = await secrets();
  const apiKey = generateApiKey();
  await users.replaceApiKey(
    current,
    { hmac: apiKeyHmac(apiKey, keyring), ciphertext: encryptApiKey(apiKey, keyring) },
    new Date().toISOString(),
  );
  return apiKey;
}

export async function listUsers(page: { limit: number; cursor?: string }): Promise<{ users: User[]; nextCursor?: string }> {
  return users.listUsers(page);
}

/** Verifies a password within the email's attempt limit; a correct one clears the count. */
async function checkPassword(email: string, password: string, hash: string | undefined): Promise<boolean> {
  await reservePasswordAttempt(email);
  if (!(await verifyPassword(password, hash))) return false;
  await clearPasswordAttempts(email);
  return true;
}

async function signIn(user: User): Promise<SignedIn> {
  const keyring = await secrets();
  const grant = { userId: user.id, tokenVersion: user.tokenVersion };
  const [token, refreshToken] = await Promise.all([
    issueAccessToken({ ...grant, role: user.role }, keyring),
    startRefreshFamily(grant, config().REFRESH_TTL_SECONDS),
  ]);
  return { user: await view(user), token, refreshToken };
}

async function view(user: User): Promise<UserView> {
  const { id, email, role, createdAt, updatedAt } = user;
  return { id, email, role, apiKey: decryptApiKey(user.apiKeyCiphertext, await secrets()), createdAt, updatedAt };
}

async function existingUser(userId: number): Promise<User> {
  const user = await users.getUser(userId);
  if (!user) throw new NotFound('User not found');
  return user;
}

async function assertAdmin(authorization: string | undefined): Promise<void> {
  const token = bearerToken(authorization);
  const caller = token === undefined ? undefined : await authenticateBearer(token).catch(() => undefined);
  if (caller?.role !== 'admin') throw new Forbidden('Only an admin can create admin accounts');
}
