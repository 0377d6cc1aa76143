/**
 * Every DynamoDB key of the single table is spelled here and nowhere else. Items carry generic
 * `pk`/`sk` (and `gsi1pk`/`gsi1sk`, `gsi2pk`/`gsi2sk` where an index serves them).
 */

export interface Key {
  pk: string;
  sk: string;
}

/** Ids sort as strings in the indexes, so numbers are zero-padded. */
const pad = (id: number) => String(id).padStart(12, '0');

export const keys = {
  userCounter: (): Key => ({ pk: 'COUNTER#USER', sk: 'COUNTER' }),
  /** Never written: `/health` reads it to prove the table answers. */
  healthProbe: (): Key => ({ pk: 'HEALTH#PROBE', sk: 'PROBE' }),

  user: (userId: number): Key => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  /** gsi1: every user, in id order (the admin listing). */
  userListing: (userId: number) => ({ gsi1pk: 'USERS', gsi1sk: pad(userId) }),

  emailLock: (email: string): Key => ({ pk: `EMAIL#${email}`, sk: 'LOCK' }),
  apiKeyLookup: (apiKeyHmac: string): Key => ({ pk: `APIKEY#${apiKeyHmac}`, sk: 'LOOKUP' }),
  loginAttempts: (email: string): Key => ({ pk: `LOGIN#${email}`, sk: 'ATTEMPTS' }),

  refreshToken: (tokenHash: string): Key => ({ pk: `REFRESH#${tokenHash}`, sk: 'TOKEN' }),
  refreshFamily: (familyId: string): Key => ({ pk: `REFRESH_FAMILY#${familyId}`, sk: 'FAMILY' }),

  /**
   * A session by its internal id (`ses_<ULID>`), never reused. What the API calls `sessionId` is the
   * session's name, which belongs to its tenant; it is looked up through the name claim below.
   */
  session: (sessionId: string): Key => ({ pk: `SESSION#${sessionId}`, sk: 'SESSION' }),
  /** gsi1: a user's sessions, oldest first. */
  sessionsOfUser: (userId: number, createdAt = '') => ({ gsi1pk: `USER#${userId}#SESSIONS`, gsi1sk: createdAt }),
  /** gsi2: the sessions of one connector shard. */
  sessionsOfShard: (shard: number, sessionId = '') => ({ gsi2pk: `SHARD#${shard}#SESSIONS`, gsi2sk: sessionId }),
  /** A tenant's session name, pointing at the session that holds it: names are unique per tenant. */
  sessionName: (userId: number, name: string): Key => ({ pk: `USER#${userId}`, sk: `SESSION_NAME#${name}` }),
  /** A tenant's phone number, pointing at its session: one tenant cannot link one phone twice, two tenants can. */
  sessionPhone: (userId: number, phoneNumber: string): Key => ({ pk: `USER#${userId}`, sk: `SESSION_PHONE#${phoneNumber}` }),

  /** Shard leases and connector membership live in one partition each, read with one query. */
  shardLeases: () => ({ pk: 'CONNECTOR#LEASES' }),
  shardLease: (shard: number): Key => ({ pk: 'CONNECTOR#LEASES', sk: `SHARD#${String(shard).padStart(4, '0')}` }),
  connectorMembers: () => ({ pk: 'CONNECTOR#MEMBERS' }),
  connectorMember: (taskId: string): Key => ({ pk: 'CONNECTOR#MEMBERS', sk: taskId }),

  message: (messageId: string): Key => ({ pk: `MSG#${messageId}`, sk: 'MESSAGE' }),
  /** gsi1: a session's messages, by id (which sorts by time). */
  messagesOfSession: (sessionId: string, messageId = '') => ({ gsi1pk: `SESSION#${sessionId}#MESSAGES`, gsi1sk: messageId }),
  /** gsi2 (sparse, only while pending): what the sweeper re-enqueues. */
  pendingMessages: (shard: number, createdAt = '') => ({ gsi2pk: `PENDING#${shard}`, gsi2sk: createdAt }),
  sessionStats: (sessionId: string): Key => ({ pk: `SESSION#${sessionId}`, sk: 'STATS' }),
  /** The log of recent admissions under one rate limit: `scope` names the limit and its subject. */
  rateLog: (scope: string): Key => ({ pk: `RATE#${scope}`, sk: 'LOG' }),
  /** Media a tenant uploaded (`POST /media` or base64), usable in its sends until the item's TTL. */
  mediaUpload: (userId: number, mediaId: string): Key => ({ pk: `USER#${userId}`, sk: `MEDIA_UPLOAD#${mediaId}` }),
  idempotencyKey: (userId: number, key: string): Key => ({ pk: `IDEMPOTENCY#${userId}#${key}`, sk: 'KEY' }),
  /**
   * A WhatsApp message id a session received, naming our message for it: claimed in the transaction
   * that stores the message, so a second delivery stores nothing, and read to find the message an
   * edit, a delete, a reaction or a reply refers to.
   */
  inboundClaim: (sessionId: string, waMessageId: string): Key => ({ pk: `SESSION#${sessionId}`, sk: `WAMSG#${waMessageId}` }),
  /** A contact's push name as one session learned it, by the contact's digits (or its LID while the number is unknown). */
  contactName: (sessionId: string, contact: string): Key => ({ pk: `SESSION#${sessionId}`, sk: `CONTACT#${contact}` }),

  /** A tenant's webhook endpoint (`wh_<ULID>`); a query of `USER#<id>` from `WEBHOOK#` lists them all. */
  webhook: (userId: number, webhookId: string): Key => ({ pk: `USER#${userId}`, sk: `WEBHOOK#${webhookId}` }),
  webhooksOfUser: (userId: number) => ({ pk: `USER#${userId}`, skPrefix: 'WEBHOOK#' }),
  /** How many endpoints the tenant has: changed in the transaction that creates or deletes one, so a limit holds under concurrency. */
  webhookCount: (userId: number): Key => ({ pk: `USER#${userId}`, sk: 'WEBHOOK_COUNT' }),
  /** An event of a tenant (`evt_<ULID>`, which sorts by time): its partition lists them oldest first. */
  event: (userId: number, eventId: string): Key => ({ pk: `EVENTS#${userId}`, sk: `EVT#${eventId}` }),
  eventsOfUser: (userId: number) => ({ pk: `EVENTS#${userId}`, skPrefix: 'EVT#' }),
  /** One attempt to deliver an event to an endpoint (`att_<ULID>`): its partition lists them newest first. */
  deliveryAttempt: (webhookId: string, attemptId: string): Key => ({ pk: `WEBHOOK#${webhookId}#DELIVERIES`, sk: attemptId }),
  deliveriesOfWebhook: (webhookId: string) => ({ pk: `WEBHOOK#${webhookId}#DELIVERIES` }),

  /** The connector's answer to a request that needed the live socket. */
  rpcResult: (requestId: string): Key => ({ pk: `RPC#${requestId}`, sk: 'RESULT' }),

  /** The layout version of the table's data; the local stack refuses data of an older layout. */
  dataLayout: (): Key => ({ pk: 'LAYOUT#VERSION', sk: 'VERSION' }),
} as const;

export const indexNames = { gsi1: 'gsi1', gsi2: 'gsi2' } as const;
