import { defineRoute, type RouteTag } from '../http/route.ts';
import { contactProfileResultSchema, profileBodySchema } from '../schemas/profile.ts';
import { errors } from './responses.ts';

export const profileTag: RouteTag = {
  name: 'Profile',
  description: "A contact's WhatsApp profile, looked up through one of your linked sessions.",
};

export const profileRoutes = {
  contactProfile: defineRoute({
    method: 'POST',
    path: '/profile',
    auth: 'apiKey',
    handler: 'profile/lookup',
    access: ['table:read', 'controlQueues:send'],
    summary: 'Get the WhatsApp profile of a contact',
    description:
      'Through the session\'s live socket: whether the number is on WhatsApp, its about text and picture URL (null when hidden). 400 "target not registered" for a number not on WhatsApp.',
    tag: profileTag.name,
    body: profileBodySchema,
    responses: {
      200: { description: 'The contact profile', schema: contactProfileResultSchema },
      ...errors(400, 401, 413, 500, 504),
    },
  }),
};
