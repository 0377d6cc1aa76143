import { authenticateBearer } from '../../shared/auth/authenticate.ts';
import { bearerToken } from '../../shared/auth/tokens.ts';
import { Unauthorized } from '../../shared/errors.ts';
import { requestAuthorizer } from '../../shared/http/authorizer.ts';
import { authorizers } from '../../shared/http/authorizers.ts';

export const handler = requestAuthorizer(authorizers.jwt.identityHeader, (header) => {
  const token = bearerToken(header);
  if (!token) throw new Unauthorized('Expected "Authorization: Bearer <token>"');
  return authenticateBearer(token);
});
