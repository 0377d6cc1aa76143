import { defineRoute } from '../http/route.ts';
import {
  contactsMaxCount,
  pollOptionMaxLength,
  pollOptionsMaxCount,
  pollQuestionMaxLength,
  sendContactBodySchema,
  sendLocationBodySchema,
  sendPollBodySchema,
  sendReactionBodySchema,
} from '../schemas/message-kinds.ts';
import { idempotencyHeaders, messagesTag, sendDescription, sendResponses } from './messages.ts';

/** The sends that carry no media: a location, contacts, a poll, a reaction. */
export const messageKindRoutes = {
  sendLocation: defineRoute({
    method: 'POST',
    path: '/message/send-location',
    auth: 'apiKey',
    handler: 'message/send-location',
    access: ['table:readWrite', 'sendQueues:send'],
    summary: 'Send a location',
    description: sendDescription(
      '`latitude` (-90 to 90) and `longitude` (-180 to 180) in degrees; optional `name` and `address` shown with the pin.',
    ),
    tag: messagesTag.name,
    body: sendLocationBodySchema,
    headers: idempotencyHeaders,
    responses: sendResponses,
  }),
  sendContact: defineRoute({
    method: 'POST',
    path: '/message/send-contact',
    auth: 'apiKey',
    handler: 'message/send-contact',
    access: ['table:readWrite', 'sendQueues:send'],
    summary: 'Send one or more contacts',
    description: sendDescription(
      `\`contacts\`: 1 to ${contactsMaxCount} of \`{ name, phone }\`, sent as vCards (\`FN\` the name, \`TEL;waid=\` the number, so WhatsApp offers to message it); one contact is one contact card, several one message of cards.`,
    ),
    tag: messagesTag.name,
    body: sendContactBodySchema,
    headers: idempotencyHeaders,
    responses: sendResponses,
  }),
  sendPoll: defineRoute({
    method: 'POST',
    path: '/message/send-poll',
    auth: 'apiKey',
    handler: 'message/send-poll',
    access: ['table:readWrite', 'sendQueues:send'],
    summary: 'Send a poll',
    description: sendDescription(
      `\`question\` up to ${pollQuestionMaxLength} characters; 2 to ${pollOptionsMaxCount} unique \`options\` up to ${pollOptionMaxLength} characters each; \`selectable_count\` how many one voter may choose (1, the default, to the number of options). A poll takes \`reply_to\` but no \`mentions\`.`,
    ),
    tag: messagesTag.name,
    body: sendPollBodySchema,
    headers: idempotencyHeaders,
    responses: sendResponses,
  }),
  sendReaction: defineRoute({
    method: 'POST',
    path: '/message/send-reaction',
    auth: 'apiKey',
    handler: 'message/send-reaction',
    access: ['table:readWrite', 'sendQueues:send'],
    summary: 'React to a message, or take a reaction back',
    description: sendDescription(
      '`message_id`: a stored message of this session, sent or received; `emoji`: one emoji, or empty to remove the reaction. It goes to the chat of that message, so it takes no `to` or `is_group` (nor `reply_to`, `mentions`): they are a 400. 404 "Message not found" for an unknown id or another session\'s message.',
      { toItsChat: true },
    ),
    tag: messagesTag.name,
    body: sendReactionBodySchema,
    headers: idempotencyHeaders,
    responses: sendResponses,
  }),
};
