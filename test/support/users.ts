import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { createUser } from '../../shared/users/service.ts';
import { api } from './http.ts';

export interface TestUser {
  id: number;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
  apiKey: string;
}

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

/** Registers a user over HTTP, as a frontend would. */
export async function registerUser(label = 'user'): Promise<TestUser> {
  const email = uniqueEmail(label);
  const password = `Pass-${randomUUID()}`;
  const response = await api('/auth/register', { body: { email, password } });
  expect(response.status).toBe(200);
  const { user, token, refreshToken } = response.body.data;
  return { id: user.id, email, password, token, refreshToken, apiKey: user.apiKey };
}

/** An admin made the way the ops command makes one (self-registration cannot). */
export async function createAdmin(): Promise<TestUser> {
  const email = uniqueEmail('admin');
  const password = `Admin-${randomUUID()}`;
  const { user, token, refreshToken } = await createUser({ email, password, role: 'admin' });
  return { id: user.id, email, password, token, refreshToken, apiKey: user.apiKey };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The local stack's signing key, to forge tokens that are validly signed but wrong otherwise. */
export function stackSigningKey(): Buffer {
  const document = JSON.parse(readFileSync(process.env.SECRETS_FILE ?? '', 'utf8')) as { jwtSigningKey: string };
  return Buffer.from(document.jwtSigningKey, 'base64');
}
