import { defineRoute } from '../http/route.ts';
import { deleteWindowHours, editWindowMinutes } from '../messages/changes.ts';
import { deleteMessageBodySchema, editMessageBodySchema } from '../schemas/message-changes.ts';
import { idempotencyHeaders, messagesTag, sendDescription, sendResponses } from './messages.ts';

const ownMessage =
  '`message_id`: a message this session sent, through the API (once sent) or on its own phone; 404 "Message not found" for an unknown id or another session\'s message, 400 with the reason for a message received from a contact or already deleted.';
const asItsOwn =
  'It goes to the chat of that message (so no `to`, `is_group`, `reply_to` or `mentions`: they are a 400) as a message of its own, with its own `messageId` and status; the target changes once it is sent.';

/** Changes of a message the session sent: an edit of its text or caption, a delete for everyone. */
export const messageChangeRoutes = {
  editMessage: defineRoute({
    method: 'POST',
    path: '/message/edit',
    auth: 'apiKey',
    handler: 'message/edit',
    access: ['table:readWrite', 'sendQueues:send'],
    summary: "Edit a sent message's text or caption",
    description: sendDescription(
      `${ownMessage} Only a text, or an image, video or document with a caption, and only within ${editWindowMinutes} minutes of its sending (WhatsApp's edit window): otherwise 400. \`text\` replaces its text or caption. ${asItsOwn} GET /message/status of the target then shows the new words, \`editedAt\` and an \`edited\` step in its history.`,
      { toItsChat: true },
    ),
    tag: messagesTag.name,
    body: editMessageBodySchema,
    headers: idempotencyHeaders,
    responses: sendResponses,
  }),
  deleteMessage: defineRoute({
    method: 'POST',
    path: '/message/delete',
    auth: 'apiKey',
    handler: 'message/delete',
    access: ['table:readWrite', 'sendQueues:send'],
    summary: 'Delete a sent message for everyone',
    description: sendDescription(
      `${ownMessage} Within ${deleteWindowHours} hours of its sending (WhatsApp's limit for deleting for everyone): otherwise 400; a reaction, edit or delete is not deleted (400). ${asItsOwn} GET /message/status of the target then shows \`deletedAt\`, no content, and a \`deleted\` step in its history.`,
      { toItsChat: true },
    ),
    tag: messagesTag.name,
    body: deleteMessageBodySchema,
    headers: idempotencyHeaders,
    responses: sendResponses,
  }),
};
