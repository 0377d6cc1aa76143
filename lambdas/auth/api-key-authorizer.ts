import { authenticateApiKey } from '../../shared/auth/authenticate.ts';
import { requestAuthorizer } from '../../shared/http/authorizer.ts';
import { authorizers } from '../../shared/http/authorizers.ts';

export const handler = requestAuthorizer(authorizers.apiKey.identityHeader, authenticateApiKey);
