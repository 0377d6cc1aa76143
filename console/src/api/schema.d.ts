// Generated from the API's OpenAPI document by `npm run console:api-types`: do not edit.

export type paths = {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check system health
         * @description Process figures and whether DynamoDB, SQS and S3 answer. 503 with status "degraded" when one does not.
         */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a new user account
         * @description Creates a user with an API key and signs them in. `role: "admin"` needs an admin's bearer token (403 otherwise).
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Authenticate and get a JWT
         * @description An email gets 5 password attempts within 15 minutes (current passwords on PUT /user/profile count too), each counted before the password is checked, parallel ones included; further attempts get 429 with Retry-After. A successful login clears the count.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new JWT
         * @description Refresh tokens rotate: each is good once. Presenting a spent one signs out its whole login.
         */
        post: operations["refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the current user */
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/regenerate-api-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate a new API key
         * @description The old key stops working at once.
         */
        post: operations["regenerateApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the current user profile */
        get: operations["getProfile"];
        /**
         * Update the current user profile
         * @description Changes email and/or password; either needs `currentPassword` (403 when it is wrong). Wrong current passwords count against the same per-email limit as logins (429 with Retry-After once used up). A new password revokes every token issued before it: sign in again.
         */
        put: operations["updateProfile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the WhatsApp accounts of the current user */
        get: operations["accounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List all users (admin only)
         * @description Paginated in id order: pass `nextCursor` back as `cursor`.
         */
        get: operations["adminUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a WhatsApp session and get its QR (deprecated: use /session/create)
         * @deprecated
         * @description Creates the session (or restarts your own unlinked one) and waits up to 20 s (SESSION_START_WAIT_MS) for the QR to scan. `"method": "code"` answers `{ "pairingCode" }` to type on the phone instead. An already linked session answers `{ "data": { "message": "Connected" } }`. Session names and phone numbers are unique among your own sessions only: other tenants may use the same ones.
         */
        post: operations["startSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a WhatsApp session for a frontend
         * @description Like /session/start, but answers the session with its status and the QR as a PNG data URL for an `<img src>`.
         */
        post: operations["createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your WhatsApp sessions */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the status of a session */
        get: operations["sessionStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log out and delete a session
         * @description Give `session` in the body or the query. Unlinks the device on WhatsApp, deletes the session and its stored credentials, and fails every message still waiting on it ("session was logged out"). Its name is then free again; a new session of that name starts with nothing of the old one.
         */
        post: operations["logoutSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session/check-phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check whether a phone number has an active session */
        post: operations["checkPhone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session/qr-image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the QR code as a PNG image */
        get: operations["qrImage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session/cleanup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete your sessions inactive for longer than `hours`
         * @description Inactive: not connected and not reconnecting (logged out, failed, stopped, or never linked), unchanged for `hours` (default 24). Messages still waiting on a removed session are failed ("session was removed as inactive").
         */
        post: operations["cleanupSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/message/send-text": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Send a text message (deprecated: use POST, removed in v2.0)
         * @deprecated
         * @description The same as POST with `session`, `to`, `text` and `is_group` in the query. `text` must fit in the URL: its limit (see the parameter) counts URL-encoded bytes; POST takes up to 65,536 characters. A 200 carries `Deprecation`, `Sunset` and a `Link` to the POST.
         */
        get: operations["sendTextDeprecated"];
        put?: never;
        /**
         * Send a text message
         * @description Text up to 65,536 characters. The message is queued and sent paced; follow it with GET /message/status or GET /message/queue-status. Limits, as sliding windows: 20 in any 60 s and 500 in any hour per session, 10 in any hour per recipient by default (settings RATE_LIMIT_*; 429 with Retry-After). 503 when the message could not be queued (it is failed, never sent). `is_group: true` sends to a group id. An optional Idempotency-Key header makes retries safe for 24 h. Optional `reply_to` (a stored messageId of this session, sent or received; 404 "Message not found" otherwise) sends it as a reply quoting that message; optional `mentions` (numbers, groups only) mentions them: put `@` and each number in the text for WhatsApp to show it.
         */
        post: operations["sendText"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/message/send-image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an image, with an optional caption
         * @description `image_url`: http(s), public, JPEG/PNG/WebP/GIF up to 16 MB; `text`: caption up to 1,024 characters. The media is exactly one of: `image_url`; `media_base64` with `mime_type` (standard base64, up to 4,500,000 bytes decoded: what fits in the 6 MB a Lambda is invoked with; the body may then be 6 MB); or `media_id`, an upload of yours from POST /media (400 if unknown, another account's, expired or never uploaded). None or several: 400. The message is queued and sent paced; follow it with GET /message/status or GET /message/queue-status. Limits, as sliding windows: 20 in any 60 s and 500 in any hour per session, 10 in any hour per recipient by default (settings RATE_LIMIT_*; 429 with Retry-After). 503 when the message could not be queued (it is failed, never sent). `is_group: true` sends to a group id. An optional Idempotency-Key header makes retries safe for 24 h. Optional `reply_to` (a stored messageId of this session, sent or received; 404 "Message not found" otherwise) sends it as a reply quoting that message; optional `mentions` (numbers, groups only) mentions them: put `@` and each number in the text for WhatsApp to show it.
         */
        post: operations["sendImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/message/send-document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a document
         * @description `document_url`: http(s), public, up to 100 MB; `document_name`: the file name shown; `text`: caption up to 1,024 characters. The media is exactly one of: `document_url`; `media_base64` with `mime_type` (standard base64, up to 4,500,000 bytes decoded: what fits in the 6 MB a Lambda is invoked with; the body may then be 6 MB); or `media_id`, an upload of yours from POST /media (400 if unknown, another account's, expired or never uploaded). None or several: 400. The message is queued and sent paced; follow it with GET /message/status or GET /message/queue-status. Limits, as sliding windows: 20 in any 60 s and 500 in any hour per session, 10 in any hour per recipient by default (settings RATE_LIMIT_*; 429 with Retry-After). 503 when the message could not be queued (it is failed, never sent). `is_group: true` sends to a group id. An optional Idempotency-Key header makes retries safe for 24 h. Optional `reply_to` (a stored messageId of this session, sent or received; 404 "Message not found" otherwise) sends it as a reply quoting that message; optional `mentions` (numbers, groups only) mentions them: put `@` and each number in the text for WhatsApp to show it.
         */
        post: operations["sendDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/message/send-sticker": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a sticker
         * @description `image_url`: an image up to 1 MB; one that is not a 512×512 WebP is converted to one (contained, on a transparent background), which must fit WhatsApp's 100 KB (500 KB animated). The media is exactly one of: `image_url`; `media_base64` with `mime_type` (standard base64, up to 4,500,000 bytes decoded: what fits in the 6 MB a Lambda is invoked with; the body may then be 6 MB); or `media_id`, an upload of yours from POST /media (400 if unknown, another account's, expired or never uploaded). None or several: 400. The message is queued and sent paced; follow it with GET /message/status or GET /message/queue-status. Limits, as sliding windows: 20 in any 60 s and 500 in any hour per session, 10 in any hour per recipient by default (settings RATE_LIMIT_*; 429 with Retry-After). 503 when the message could not be queued (it is failed, never sent). `is_group: true` sends to a group id. An optional Idempotency-Key header makes retries safe for 24 h. Optional `reply_to` (a stored messageId of this session, sent or received; 404 "Message not found" otherwise) sends it as a reply quoting that message; optional `mentions` (numbers, groups only) mentions them: put `@` and each number in the text for WhatsApp to show it.
         */
        post: operations["sendSticker"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/message/queue-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the message queue status of a session */
        get: operations["queueStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/message/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a session's messages
         * @description Newest first, `limit` (1-100, default 50) a page: pass `nextCursor` back as `cursor` for the next page, until it is null. `direction` keeps only received (`in`) or sent (`out`) messages. Only this session's, never those of an earlier session of the same name. Outbound messages have `status` and `from: null` (the session itself). 400 "Invalid cursor" for a cursor not of this listing.
         */
        get: operations["listMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/message/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one message with its whole story
         * @description The message as listed, with its `history`: every status an outbound message passed and when (`failed` with its `reason`), its `attempts` and the WhatsApp message id. 404 "Message not found" for an unknown id or a message of another session.
         */
        get: operations["messageStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/message/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a message's media
         * @description The image, video, audio, voice note, document or sticker a contact sent, or the media the service fetched for a message sent through the API, as a redirect (302) to a signed download URL valid 300 s by default (setting MEDIA_URL_TTL_SECONDS): follow it, e.g. `curl -L`. With `Accept: application/json` it answers 200 with that URL and when it expires instead: a web page then shows the URL itself (an `<img src>`), as a browser may refuse to follow a redirect to another origin with the request's API key. The bytes are the ones sent on WhatsApp; their SHA-256 is the message's `media.sha256`. Media is kept 30 days (setting INBOUND_RETENTION_DAYS): as long as a received message, and from its send for a sent one. Received media over 100 MB (setting INBOUND_MEDIA_MAX_BYTES), or that could not be downloaded, is not stored: the message shows `media.stored: false` and `media.unavailableReason`. 404 "Message not found" for an unknown id or a message of another session; 404 "No media for this message" when none is stored, or it has expired.
         */
        get: operations["messageMedia"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/message/send-location": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a location
         * @description `latitude` (-90 to 90) and `longitude` (-180 to 180) in degrees; optional `name` and `address` shown with the pin. The message is queued and sent paced; follow it with GET /message/status or GET /message/queue-status. Limits, as sliding windows: 20 in any 60 s and 500 in any hour per session, 10 in any hour per recipient by default (settings RATE_LIMIT_*; 429 with Retry-After). 503 when the message could not be queued (it is failed, never sent). `is_group: true` sends to a group id. An optional Idempotency-Key header makes retries safe for 24 h. Optional `reply_to` (a stored messageId of this session, sent or received; 404 "Message not found" otherwise) sends it as a reply quoting that message; optional `mentions` (numbers, groups only) mentions them: put `@` and each number in the text for WhatsApp to show it.
         */
        post: operations["sendLocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/message/send-contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send one or more contacts
         * @description `contacts`: 1 to 10 of `{ name, phone }`, sent as vCards (`FN` the name, `TEL;waid=` the number, so WhatsApp offers to message it); one contact is one contact card, several one message of cards. The message is queued and sent paced; follow it with GET /message/status or GET /message/queue-status. Limits, as sliding windows: 20 in any 60 s and 500 in any hour per session, 10 in any hour per recipient by default (settings RATE_LIMIT_*; 429 with Retry-After). 503 when the message could not be queued (it is failed, never sent). `is_group: true` sends to a group id. An optional Idempotency-Key header makes retries safe for 24 h. Optional `reply_to` (a stored messageId of this session, sent or received; 404 "Message not found" otherwise) sends it as a reply quoting that message; optional `mentions` (numbers, groups only) mentions them: put `@` and each number in the text for WhatsApp to show it.
         */
        post: operations["sendContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/message/send-poll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a poll
         * @description `question` up to 255 characters; 2 to 12 unique `options` up to 100 characters each; `selectable_count` how many one voter may choose (1, the default, to the number of options). A poll takes `reply_to` but no `mentions`. The message is queued and sent paced; follow it with GET /message/status or GET /message/queue-status. Limits, as sliding windows: 20 in any 60 s and 500 in any hour per session, 10 in any hour per recipient by default (settings RATE_LIMIT_*; 429 with Retry-After). 503 when the message could not be queued (it is failed, never sent). `is_group: true` sends to a group id. An optional Idempotency-Key header makes retries safe for 24 h. Optional `reply_to` (a stored messageId of this session, sent or received; 404 "Message not found" otherwise) sends it as a reply quoting that message; optional `mentions` (numbers, groups only) mentions them: put `@` and each number in the text for WhatsApp to show it.
         */
        post: operations["sendPoll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/message/send-reaction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * React to a message, or take a reaction back
         * @description `message_id`: a stored message of this session, sent or received; `emoji`: one emoji, or empty to remove the reaction. It goes to the chat of that message, so it takes no `to` or `is_group` (nor `reply_to`, `mentions`): they are a 400. 404 "Message not found" for an unknown id or another session's message. The message is queued and sent paced; follow it with GET /message/status or GET /message/queue-status. Limits, as sliding windows: 20 in any 60 s and 500 in any hour per session, 10 in any hour per recipient by default (settings RATE_LIMIT_*; 429 with Retry-After). 503 when the message could not be queued (it is failed, never sent). An optional Idempotency-Key header makes retries safe for 24 h.
         */
        post: operations["sendReaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/message/send-video": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a video, with an optional caption, or as a GIF
         * @description `video_url`: http(s), public, MP4 or 3GPP up to 16 MB (WhatsApp plays H.264 with AAC); `text`: caption up to 1,024 characters; `gif_playback: true` plays it looped and muted, as a GIF. Its first bytes must be of that kind, whatever its Content-Type or `mime_type` says: `media_base64` or a `media_id` upload that is not is a 400 with the reason (both are checked before anything is queued); media from a URL that is not fails the message with the reason. The media is exactly one of: `video_url`; `media_base64` with `mime_type` (standard base64, up to 4,500,000 bytes decoded: what fits in the 6 MB a Lambda is invoked with; the body may then be 6 MB); or `media_id`, an upload of yours from POST /media (400 if unknown, another account's, expired or never uploaded). None or several: 400. The message is queued and sent paced; follow it with GET /message/status or GET /message/queue-status. Limits, as sliding windows: 20 in any 60 s and 500 in any hour per session, 10 in any hour per recipient by default (settings RATE_LIMIT_*; 429 with Retry-After). 503 when the message could not be queued (it is failed, never sent). `is_group: true` sends to a group id. An optional Idempotency-Key header makes retries safe for 24 h. Optional `reply_to` (a stored messageId of this session, sent or received; 404 "Message not found" otherwise) sends it as a reply quoting that message; optional `mentions` (numbers, groups only) mentions them: put `@` and each number in the text for WhatsApp to show it.
         */
        post: operations["sendVideo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/message/send-audio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an audio file, or a voice note
         * @description `audio_url`: http(s), public, AAC, AMR, MP3, M4A or OGG/Opus up to 16 MB; `ptt: true` sends it as a voice note, which must be OGG/Opus (an OGG whose first page is an Opus head). Its first bytes must be of that kind, whatever its Content-Type or `mime_type` says: `media_base64` or a `media_id` upload that is not is a 400 with the reason (both are checked before anything is queued); media from a URL that is not fails the message with the reason. The media is exactly one of: `audio_url`; `media_base64` with `mime_type` (standard base64, up to 4,500,000 bytes decoded: what fits in the 6 MB a Lambda is invoked with; the body may then be 6 MB); or `media_id`, an upload of yours from POST /media (400 if unknown, another account's, expired or never uploaded). None or several: 400. The message is queued and sent paced; follow it with GET /message/status or GET /message/queue-status. Limits, as sliding windows: 20 in any 60 s and 500 in any hour per session, 10 in any hour per recipient by default (settings RATE_LIMIT_*; 429 with Retry-After). 503 when the message could not be queued (it is failed, never sent). `is_group: true` sends to a group id. An optional Idempotency-Key header makes retries safe for 24 h. Optional `reply_to` (a stored messageId of this session, sent or received; 404 "Message not found" otherwise) sends it as a reply quoting that message; optional `mentions` (numbers, groups only) mentions them: put `@` and each number in the text for WhatsApp to show it.
         */
        post: operations["sendAudio"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload media to send, straight to storage
         * @description Answers a presigned POST: post the file to `uploadUrl` as multipart/form-data with every field of `fields` and then the file as `file`, within 15 minutes. Storage refuses a file whose size is not exactly `size` or that is posted with another Content-Type than `mime_type`. Then send it with `media_id` on any media send, any number of times within 24 hours (its kind's limit still applies). Up to 100 MB, beyond the 4 MB of `media_base64`.
         */
        post: operations["createMediaUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/message/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Edit a sent message's text or caption
         * @description `message_id`: a message this session sent, through the API (once sent) or on its own phone; 404 "Message not found" for an unknown id or another session's message, 400 with the reason for a message received from a contact or already deleted. Only a text, or an image, video or document with a caption, and only within 15 minutes of its sending (WhatsApp's edit window): otherwise 400. `text` replaces its text or caption. It goes to the chat of that message (so no `to`, `is_group`, `reply_to` or `mentions`: they are a 400) as a message of its own, with its own `messageId` and status; the target changes once it is sent. GET /message/status of the target then shows the new words, `editedAt` and an `edited` step in its history. The message is queued and sent paced; follow it with GET /message/status or GET /message/queue-status. Limits, as sliding windows: 20 in any 60 s and 500 in any hour per session, 10 in any hour per recipient by default (settings RATE_LIMIT_*; 429 with Retry-After). 503 when the message could not be queued (it is failed, never sent). An optional Idempotency-Key header makes retries safe for 24 h.
         */
        post: operations["editMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/message/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete a sent message for everyone
         * @description `message_id`: a message this session sent, through the API (once sent) or on its own phone; 404 "Message not found" for an unknown id or another session's message, 400 with the reason for a message received from a contact or already deleted. Within 60 hours of its sending (WhatsApp's limit for deleting for everyone): otherwise 400; a reaction, edit or delete is not deleted (400). It goes to the chat of that message (so no `to`, `is_group`, `reply_to` or `mentions`: they are a 400) as a message of its own, with its own `messageId` and status; the target changes once it is sent. GET /message/status of the target then shows `deletedAt`, no content, and a `deleted` step in its history. The message is queued and sent paced; follow it with GET /message/status or GET /message/queue-status. Limits, as sliding windows: 20 in any 60 s and 500 in any hour per session, 10 in any hour per recipient by default (settings RATE_LIMIT_*; 429 with Retry-After). 503 when the message could not be queued (it is failed, never sent). An optional Idempotency-Key header makes retries safe for 24 h.
         */
        post: operations["deleteMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get the WhatsApp profile of a contact
         * @description Through the session's live socket: whether the number is on WhatsApp, its about text and picture URL (null when hidden). 400 "target not registered" for a number not on WhatsApp.
         */
        post: operations["contactProfile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your webhook endpoints
         * @description Oldest first, without their secrets.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Add a webhook endpoint
         * @description Answers the endpoint with its signing `secret`, shown only here and on rotation: keep it. `events` defaults to every type; `session` limits it to one of your sessions (400 "Session does not exist" otherwise). `url` must be https with a public address (400 "url …" saying why not). `description` up to 256 characters. At most 20 endpoints per tenant.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook endpoint
         * @description Without its secret. `{id}` is the endpoint's `wh_…` id; another tenant's endpoint, or one that does not exist, is 404 "Webhook not found".
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint
         * @description Nothing more is delivered to it, retries included. `{id}` is the endpoint's `wh_…` id; another tenant's endpoint, or one that does not exist, is 404 "Webhook not found".
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Change a webhook endpoint
         * @description Give any of `url`, `events`, `session`, `description` (validated as on creation; null removes `session` or `description`) and `enabled`: `false` disables it ("disabled by its owner"), `true` enables it again, whatever disabled it, and forgets its past failures. `{id}` is the endpoint's `wh_…` id; another tenant's endpoint, or one that does not exist, is 404 "Webhook not found".
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a webhook endpoint's signing secret
         * @description Answers a new secret, which signs from now on. The one it replaces keeps signing too for 24 h by default (setting WEBHOOK_SECRET_OVERLAP_SECONDS, until `previousSecretExpiresAt`): each delivery then carries both signatures, so a receiver can switch to the new secret without missing one. Any older secret stops signing at once. `{id}` is the endpoint's `wh_…` id; another tenant's endpoint, or one that does not exist, is 404 "Webhook not found".
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test event to a webhook endpoint now
         * @description POSTs a signed `webhook.test` event to the endpoint at once, even a disabled one, and answers how it went: `delivered` on a 2xx within 10 s, else the status or the error. It is not retried, changes nothing about the endpoint, and shows in its deliveries and in `GET /events`. `{id}` is the endpoint's `wh_…` id; another tenant's endpoint, or one that does not exist, is 404 "Webhook not found".
         */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a webhook endpoint's delivery attempts
         * @description Newest first, 7 days: each attempt's event, attempt number, time, HTTP status or error, latency, the start of the answer, and when a failure is tried again. Page with `cursor` (`nextCursor`, null at the end). `{id}` is the endpoint's `wh_…` id; another tenant's endpoint, or one that does not exist, is 404 "Webhook not found".
         */
        get: operations["webhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver an event to a webhook endpoint again
         * @description Queues one of your events of the last 7 days for the endpoint again, under the same event id (deduplicate by it), with retries as for any delivery. 404 "Event not found" for an unknown or expired event; 400 when the endpoint is disabled or does not take events of that type or session. `{id}` is the endpoint's `wh_…` id; another tenant's endpoint, or one that does not exist, is 404 "Webhook not found".
         */
        post: operations["redeliverWebhookEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your events
         * @description Every event of yours of the last 7 days, delivered or not, oldest first from `since`: a receiver that was down catches up here without waiting for retries. Filter by `session` and `type`; page with `cursor`. `nextCursor` is null when no more events are kept yet: poll again later with `since` set to the last `timestamp` you have (and skip the ids you saw).
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        ErrorBody: {
            /** @enum {boolean} */
            success: false;
            error: string;
        };
        Webhook: {
            /** @description `wh_` and a ULID. */
            id: string;
            url: string;
            events: ("message.received" | "message.status" | "message.updated" | "session.status")[];
            /** @description The session it is limited to; null for all of them. */
            session: string | null;
            description: string | null;
            enabled: boolean;
            /** @description Why it is disabled: by its owner ("disabled by its owner"), a `410 Gone` answer, or every attempt failing for days; null while enabled. */
            disabledReason: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WebhookDelivery: {
            attemptId: string;
            eventId: string;
            /** @enum {string} */
            eventType: "message.received" | "message.status" | "message.updated" | "session.status" | "webhook.test";
            /** @description 1 for the first try; a redelivery starts again at 1. */
            attempt: number;
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            outcome: "delivered" | "failed";
            statusCode: number | null;
            error: string | null;
            latencyMs: number;
            responseBody: string | null;
            /**
             * Format: date-time
             * @description A failure: when it is tried again; null when it is not.
             */
            nextAttemptAt: string | null;
        };
        Event: {
            /**
             * @description The event's id (`evt_` and a ULID), the same on every delivery of it.
             * @example evt_01K8NB6Q2W3E4R5T6Y7V8J9M0P
             */
            id: string;
            /** @enum {string} */
            type: "message.received" | "message.status" | "message.updated" | "session.status" | "webhook.test";
            /**
             * Format: date-time
             * @description When it happened (the change was stored), not when it was delivered.
             */
            timestamp: string;
            /** @description `message.received`: the message as `GET /message/status` shows it, with `session`. `message.status`: `messageId`, `session`, `to`, `isGroup`, `status`, `failureReason` (failed only) and `at`. `message.updated`: `session`, `messageId`, `direction`, `change` (`edited`, `deleted` or `reacted`), `at`, `text` (edited), `emoji` and `from` (reacted; `emoji` empty when taken back, `from` null for the account's own) and the `message` as `GET /message/status` shows it now. `session.status`: `session`, `status`, `qr` and `pairingCode` (while linking), `lastError`. `webhook.test`: `webhookId` and a `message`. */
            data: {
                [key: string]: unknown;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description System is healthy */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "timestamp": "2025-10-28T01:00:00.000Z",
                     *       "uptime": 3600,
                     *       "memory": {
                     *         "rss": 123456789,
                     *         "heapTotal": 67108864,
                     *         "heapUsed": 33554432,
                     *         "external": 1234567
                     *       },
                     *       "version": "v20.0.0",
                     *       "checks": {
                     *         "dynamodb": {
                     *           "status": "ok",
                     *           "latencyMs": 16
                     *         },
                     *         "sqs": {
                     *           "status": "ok",
                     *           "latencyMs": 5
                     *         },
                     *         "s3": {
                     *           "status": "ok",
                     *           "latencyMs": 6
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "degraded";
                        /** Format: date-time */
                        timestamp: string;
                        uptime: number;
                        memory: {
                            rss: number;
                            heapTotal: number;
                            heapUsed: number;
                            external: number;
                        };
                        version: string;
                        checks: {
                            dynamodb: {
                                /** @enum {string} */
                                status: "ok" | "error";
                                latencyMs: number;
                                error?: string;
                            };
                            sqs: {
                                /** @enum {string} */
                                status: "ok" | "error";
                                latencyMs: number;
                                error?: string;
                            };
                            s3: {
                                /** @enum {string} */
                                status: "ok" | "error";
                                latencyMs: number;
                                error?: string;
                            };
                        };
                    };
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency does not answer */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "degraded";
                        /** Format: date-time */
                        timestamp: string;
                        uptime: number;
                        memory: {
                            rss: number;
                            heapTotal: number;
                            heapUsed: number;
                            external: number;
                        };
                        version: string;
                        checks: {
                            dynamodb: {
                                /** @enum {string} */
                                status: "ok" | "error";
                                latencyMs: number;
                                error?: string;
                            };
                            sqs: {
                                /** @enum {string} */
                                status: "ok" | "error";
                                latencyMs: number;
                                error?: string;
                            };
                            s3: {
                                /** @enum {string} */
                                status: "ok" | "error";
                                latencyMs: number;
                                error?: string;
                            };
                        };
                    };
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "user@example.com",
                 *       "password": "SecurePass123",
                 *       "role": "user"
                 *     }
                 */
                "application/json": {
                    email: string;
                    password: string;
                    /**
                     * @default user
                     * @enum {string}
                     */
                    role?: "user" | "admin";
                };
            };
        };
        responses: {
            /** @description Registered */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "user": {
                     *           "id": 1,
                     *           "email": "user@example.com",
                     *           "role": "user",
                     *           "apiKey": "abc123...",
                     *           "createdAt": "2025-10-28T01:00:00.000Z"
                     *         },
                     *         "token": "eyJhbGciOiJIUzI1NiIs...",
                     *         "refreshToken": "whr_abc123..."
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            user: {
                                id: number;
                                email: string;
                                /** @enum {string} */
                                role: "user" | "admin";
                                apiKey: string;
                                /** Format: date-time */
                                createdAt: string;
                            };
                            token: string;
                            refreshToken: string;
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Insufficient permissions */
            403: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "user@example.com",
                 *       "password": "SecurePass123"
                 *     }
                 */
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "user": {
                     *           "id": 1,
                     *           "email": "user@example.com",
                     *           "role": "user",
                     *           "apiKey": "abc123...",
                     *           "createdAt": "2025-10-28T01:00:00.000Z"
                     *         },
                     *         "token": "eyJhbGciOiJIUzI1NiIs...",
                     *         "refreshToken": "whr_abc123..."
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            user: {
                                id: number;
                                email: string;
                                /** @enum {string} */
                                role: "user" | "admin";
                                apiKey: string;
                                /** Format: date-time */
                                createdAt: string;
                            };
                            token: string;
                            refreshToken: string;
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A limit of this route is full (see Retry-After) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description Whole seconds until the full limit lets the same request through. API Gateway's own throttling (cloud) answers 429 without it. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description New tokens */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            token: string;
                            refreshToken: string;
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current user */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "id": 1,
                     *         "email": "user@example.com",
                     *         "role": "user",
                     *         "apiKey": "abc123...",
                     *         "createdAt": "2025-10-28T01:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            id: number;
                            email: string;
                            /** @enum {string} */
                            role: "user" | "admin";
                            apiKey: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    regenerateApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new key */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "apiKey": "new_api_key_123..."
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            apiKey: string;
                        };
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicting concurrent change */
            409: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "id": 1,
                     *         "email": "user@example.com",
                     *         "role": "user",
                     *         "apiKey": "abc123...",
                     *         "createdAt": "2025-10-28T01:00:00.000Z",
                     *         "updatedAt": "2025-10-28T01:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            id: number;
                            email: string;
                            /** @enum {string} */
                            role: "user" | "admin";
                            apiKey: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "newemail@example.com",
                 *       "password": "NewPassword123",
                 *       "currentPassword": "SecurePass123"
                 *     }
                 */
                "application/json": {
                    /** @description Required to change email or password */
                    currentPassword: string;
                    email?: string;
                    password?: string;
                };
            };
        };
        responses: {
            /** @description The updated profile */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "id": 1,
                     *         "email": "newemail@example.com",
                     *         "role": "user",
                     *         "apiKey": "abc123...",
                     *         "updatedAt": "2025-10-28T02:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            id: number;
                            email: string;
                            /** @enum {string} */
                            role: "user" | "admin";
                            apiKey: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Insufficient permissions */
            403: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicting concurrent change */
            409: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A limit of this route is full (see Retry-After) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description Whole seconds until the full limit lets the same request through. API Gateway's own throttling (cloud) answers 429 without it. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    accounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The linked accounts */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": [
                     *         {
                     *           "sessionId": "62812345678",
                     *           "phoneNumber": "+62812345678",
                     *           "status": "connected",
                     *           "userId": 1,
                     *           "createdAt": "2025-10-28T01:00:00.000Z",
                     *           "updatedAt": "2025-10-28T01:05:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            sessionId: string;
                            phoneNumber: string;
                            /** @enum {string} */
                            status: "starting" | "qr" | "connected" | "reconnecting" | "logged_out" | "failed" | "stopped";
                            userId: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description Why the session is `failed`, `stopped` or `logged_out`, when known. */
                            lastError?: string;
                        }[];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    adminUsers: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": [
                     *         {
                     *           "id": 1,
                     *           "email": "user@example.com",
                     *           "role": "user",
                     *           "createdAt": "2025-10-28T01:00:00.000Z",
                     *           "updatedAt": "2025-10-28T01:00:00.000Z"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            id: number;
                            email: string;
                            /** @enum {string} */
                            role: "user" | "admin";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Insufficient permissions */
            403: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    startSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "session": "62812345678",
                 *       "phoneNumber": "+62812345678"
                 *     }
                 */
                "application/json": {
                    session: string;
                    phoneNumber: string;
                    /**
                     * @default qr
                     * @enum {string}
                     */
                    method?: "qr" | "code";
                };
            };
        };
        responses: {
            /** @description The QR (or pairing code) to link with, or "Connected" */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "qr": "2@abc123..."
                     *     }
                     */
                    "application/json": {
                        qr: string;
                    } | {
                        pairingCode: string;
                    } | {
                        data: {
                            /** @enum {string} */
                            message: "Connected";
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description WhatsApp refused or could not be reached */
            502: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The connector did not answer in time */
            504: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    session: string;
                    phoneNumber: string;
                    /**
                     * @default qr
                     * @enum {string}
                     */
                    method?: "qr" | "code";
                };
            };
        };
        responses: {
            /** @description The session, with its QR or pairing code */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            sessionId: string;
                            phoneNumber: string;
                            /** @enum {string} */
                            status: "starting" | "qr" | "connected" | "reconnecting" | "logged_out" | "failed" | "stopped";
                            userId: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description Why the session is `failed`, `stopped` or `logged_out`, when known. */
                            lastError?: string;
                            qr: string | null;
                            pairingCode: string | null;
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description WhatsApp refused or could not be reached */
            502: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The connector did not answer in time */
            504: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your sessions */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "sessionId": "62812345678",
                     *           "phoneNumber": "+62812345678",
                     *           "status": "connected",
                     *           "userId": 1,
                     *           "createdAt": "2025-10-28T01:00:00.000Z",
                     *           "updatedAt": "2025-10-28T01:05:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        data: {
                            sessionId: string;
                            phoneNumber: string;
                            /** @enum {string} */
                            status: "starting" | "qr" | "connected" | "reconnecting" | "logged_out" | "failed" | "stopped";
                            userId: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description Why the session is `failed`, `stopped` or `logged_out`, when known. */
                            lastError?: string;
                        }[];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    sessionStatus: {
        parameters: {
            query: {
                session: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session status */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "sessionId": "62812345678",
                     *         "phoneNumber": "+62812345678",
                     *         "status": "connected",
                     *         "isConnected": true,
                     *         "lastUpdated": "2025-10-28T01:05:00.000Z",
                     *         "createdAt": "2025-10-28T01:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            sessionId: string;
                            phoneNumber: string;
                            /** @enum {string} */
                            status: "starting" | "qr" | "connected" | "reconnecting" | "logged_out" | "failed" | "stopped";
                            isConnected: boolean;
                            /** Format: date-time */
                            lastUpdated: string;
                            /** Format: date-time */
                            createdAt: string;
                            lastError?: string;
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    logoutSession: {
        parameters: {
            query?: {
                session?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "session": "62812345678"
                 *     }
                 */
                "application/json": {
                    session: string;
                };
            };
        };
        responses: {
            /** @description Logged out */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": "success"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        data: "success";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    checkPhone: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "phoneNumber": "+62812345678"
                 *     }
                 */
                "application/json": {
                    phoneNumber: string;
                };
            };
        };
        responses: {
            /** @description Whether you have an active session for it */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "hasActiveSession": false
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        hasActiveSession: false;
                    } | {
                        /** @enum {boolean} */
                        hasActiveSession: true;
                        session: {
                            sessionId: string;
                            phoneNumber: string;
                            /** @enum {string} */
                            status: "starting" | "qr" | "connected" | "reconnecting" | "logged_out" | "failed" | "stopped";
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    qrImage: {
        parameters: {
            query: {
                session: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The QR code */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "image/png": unknown;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    cleanupSessions: {
        parameters: {
            query?: {
                hours?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many were deleted */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "message": "Cleaned up 5 inactive sessions",
                     *         "cleanedCount": 5
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            message: string;
                            cleanedCount: number;
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    sendTextDeprecated: {
        parameters: {
            query: {
                session: string;
                to: string;
                is_group?: string;
                /** @description At most 8,192 bytes once URL-encoded (a character other than an ASCII letter, digit or `-_.!~*'()` takes 3 bytes per UTF-8 byte: "é" 6, an emoji 12), as API Gateway takes at most 10,240 bytes of request line and headers. POST takes up to 65,536 characters. */
                text: string;
            };
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 h answers the first message's id and sends nothing; with another request, 409. 1 to 255 printable ASCII characters, no spaces. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description Since when the route is deprecated: `@` and seconds since the epoch. */
                    Deprecation: string;
                    /** @description When the route is removed (with v2.0), as an HTTP date. */
                    Sunset: string;
                    /** @description The route that replaces it, as `rel="successor-version"`. */
                    Link: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        messageId: string;
                        /** @enum {string} */
                        message: "Message queued successfully";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicting concurrent change */
            409: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A limit of this route is full (see Retry-After) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description Whole seconds until the full limit lets the same request through. API Gateway's own throttling (cloud) answers 429 without it. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    sendText: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 h answers the first message's id and sends nothing; with another request, 409. 1 to 255 printable ASCII characters, no spaces. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "session": "62812345678",
                 *       "to": "6287654321",
                 *       "text": "Hello World!",
                 *       "is_group": false
                 *     }
                 */
                "application/json": {
                    session: string;
                    to: string;
                    /** @default false */
                    is_group?: boolean;
                    text: string;
                    /** @description The `messageId` of a stored message of this session, sent or received, that this one replies to: WhatsApp shows it quoted. 404 "Message not found" for any other. */
                    reply_to?: string;
                    /** @description Group messages only (`is_group: true`): the numbers it mentions, which WhatsApp notifies. A text (or caption) shows a mention as a name only where it has `@` and the number, digits only (`Hi @6287654321`); write it there yourself. */
                    mentions?: string[];
                };
            };
        };
        responses: {
            /** @description Queued */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "messageId": "msg_123456",
                     *       "message": "Message queued successfully"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        messageId: string;
                        /** @enum {string} */
                        message: "Message queued successfully";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicting concurrent change */
            409: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A limit of this route is full (see Retry-After) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description Whole seconds until the full limit lets the same request through. API Gateway's own throttling (cloud) answers 429 without it. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    sendImage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 h answers the first message's id and sends nothing; with another request, 409. 1 to 255 printable ASCII characters, no spaces. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    session: string;
                    to: string;
                    /** @default false */
                    is_group?: boolean;
                    image_url?: string;
                    /** @description The media's bytes in standard base64, at most 4,500,000 bytes (6,000,000 characters): what fits in one request to the Lambda behind API Gateway. Needs `mime_type`. Larger media: `POST /media`. */
                    media_base64?: string;
                    /**
                     * @description The type of `media_base64` (and only with it).
                     * @example image/png
                     */
                    mime_type?: string;
                    /** @description An upload of yours from `POST /media`, posted to its uploadUrl, within 24 h. */
                    media_id?: string;
                    text?: string;
                    /** @description The `messageId` of a stored message of this session, sent or received, that this one replies to: WhatsApp shows it quoted. 404 "Message not found" for any other. */
                    reply_to?: string;
                    /** @description Group messages only (`is_group: true`): the numbers it mentions, which WhatsApp notifies. A text (or caption) shows a mention as a name only where it has `@` and the number, digits only (`Hi @6287654321`); write it there yourself. */
                    mentions?: string[];
                };
            };
        };
        responses: {
            /** @description Queued */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "messageId": "msg_123456",
                     *       "message": "Message queued successfully"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        messageId: string;
                        /** @enum {string} */
                        message: "Message queued successfully";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicting concurrent change */
            409: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A limit of this route is full (see Retry-After) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description Whole seconds until the full limit lets the same request through. API Gateway's own throttling (cloud) answers 429 without it. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    sendDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 h answers the first message's id and sends nothing; with another request, 409. 1 to 255 printable ASCII characters, no spaces. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    session: string;
                    to: string;
                    /** @default false */
                    is_group?: boolean;
                    document_url?: string;
                    /** @description The media's bytes in standard base64, at most 4,500,000 bytes (6,000,000 characters): what fits in one request to the Lambda behind API Gateway. Needs `mime_type`. Larger media: `POST /media`. */
                    media_base64?: string;
                    /**
                     * @description The type of `media_base64` (and only with it).
                     * @example image/png
                     */
                    mime_type?: string;
                    /** @description An upload of yours from `POST /media`, posted to its uploadUrl, within 24 h. */
                    media_id?: string;
                    document_name?: string;
                    text?: string;
                    /** @description The `messageId` of a stored message of this session, sent or received, that this one replies to: WhatsApp shows it quoted. 404 "Message not found" for any other. */
                    reply_to?: string;
                    /** @description Group messages only (`is_group: true`): the numbers it mentions, which WhatsApp notifies. A text (or caption) shows a mention as a name only where it has `@` and the number, digits only (`Hi @6287654321`); write it there yourself. */
                    mentions?: string[];
                };
            };
        };
        responses: {
            /** @description Queued */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "messageId": "msg_123456",
                     *       "message": "Message queued successfully"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        messageId: string;
                        /** @enum {string} */
                        message: "Message queued successfully";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicting concurrent change */
            409: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A limit of this route is full (see Retry-After) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description Whole seconds until the full limit lets the same request through. API Gateway's own throttling (cloud) answers 429 without it. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    sendSticker: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 h answers the first message's id and sends nothing; with another request, 409. 1 to 255 printable ASCII characters, no spaces. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    session: string;
                    to: string;
                    /** @default false */
                    is_group?: boolean;
                    image_url?: string;
                    /** @description The media's bytes in standard base64, at most 4,500,000 bytes (6,000,000 characters): what fits in one request to the Lambda behind API Gateway. Needs `mime_type`. Larger media: `POST /media`. */
                    media_base64?: string;
                    /**
                     * @description The type of `media_base64` (and only with it).
                     * @example image/png
                     */
                    mime_type?: string;
                    /** @description An upload of yours from `POST /media`, posted to its uploadUrl, within 24 h. */
                    media_id?: string;
                    /** @description The `messageId` of a stored message of this session, sent or received, that this one replies to: WhatsApp shows it quoted. 404 "Message not found" for any other. */
                    reply_to?: string;
                    /** @description Group messages only (`is_group: true`): the numbers it mentions, which WhatsApp notifies. A text (or caption) shows a mention as a name only where it has `@` and the number, digits only (`Hi @6287654321`); write it there yourself. */
                    mentions?: string[];
                };
            };
        };
        responses: {
            /** @description Queued */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "messageId": "msg_123456",
                     *       "message": "Message queued successfully"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        messageId: string;
                        /** @enum {string} */
                        message: "Message queued successfully";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicting concurrent change */
            409: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A limit of this route is full (see Retry-After) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description Whole seconds until the full limit lets the same request through. API Gateway's own throttling (cloud) answers 429 without it. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    queueStatus: {
        parameters: {
            query: {
                session: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counters and the 50 most recent messages */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "session": "62812345678",
                     *       "stats": {
                     *         "pending": 5,
                     *         "processing": 1,
                     *         "completed": 100,
                     *         "failed": 2
                     *       },
                     *       "queue": [
                     *         {
                     *           "messageId": "msg_123",
                     *           "to": "6287654321",
                     *           "type": "text",
                     *           "status": "pending",
                     *           "createdAt": "2025-10-28T01:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        session: string;
                        stats: {
                            pending: number;
                            processing: number;
                            completed: number;
                            failed: number;
                        };
                        queue: {
                            messageId: string;
                            to: string;
                            /** @enum {string} */
                            type: "text" | "image" | "document" | "sticker" | "video" | "audio" | "location" | "contacts" | "poll" | "reaction" | "edit" | "delete";
                            /** @enum {string} */
                            status: "pending" | "processing" | "completed" | "delivered" | "read" | "failed";
                            /** Format: date-time */
                            createdAt: string;
                            failureReason?: string;
                        }[];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listMessages: {
        parameters: {
            query: {
                session: string;
                direction?: "in" | "out" | "all";
                limit?: number;
                /** @description The previous page's `nextCursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": [
                     *         {
                     *           "messageId": "msg_01K8NA9R4S5T6V7W8X9Y0Z1A2B",
                     *           "direction": "in",
                     *           "origin": "contact",
                     *           "from": "+6287654321",
                     *           "fromLid": "123456789012345@lid",
                     *           "pushName": "John Doe",
                     *           "to": "62812345678",
                     *           "isGroup": false,
                     *           "type": "text",
                     *           "text": "Thanks, got it!",
                     *           "quotedMessageId": "msg_01K8NA7D2E3F4G5H6J7K8M9N0P",
                     *           "quotedWaMessageId": "3EB001K8NA7D2E3F4G5H6J7K8M9N0P",
                     *           "sentAt": "2025-10-28T01:01:59.000Z",
                     *           "createdAt": "2025-10-28T01:02:00.000Z"
                     *         },
                     *         {
                     *           "messageId": "msg_01K8NA7D2E3F4G5H6J7K8M9N0P",
                     *           "direction": "out",
                     *           "origin": "api",
                     *           "from": null,
                     *           "to": "6287654321",
                     *           "isGroup": false,
                     *           "type": "image",
                     *           "caption": "Check this out!",
                     *           "media": {
                     *             "url": "https://example.com/image.jpg"
                     *           },
                     *           "status": "failed",
                     *           "createdAt": "2025-10-28T01:01:00.000Z"
                     *         },
                     *         {
                     *           "messageId": "msg_01K8NA5Q0Z3W4X5Y6Z7A8B9C0D",
                     *           "direction": "out",
                     *           "origin": "api",
                     *           "from": null,
                     *           "to": "6287654321",
                     *           "isGroup": false,
                     *           "type": "text",
                     *           "text": "Hello World!",
                     *           "status": "read",
                     *           "createdAt": "2025-10-28T01:00:00.000Z"
                     *         }
                     *       ],
                     *       "nextCursor": "eyJwayI6Ik1TRyNtc2dfMDFLOE5BNVEw..."
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            messageId: string;
                            /** @enum {string} */
                            direction: "in" | "out";
                            /**
                             * @description Outbound: sent through the API (`api`) or typed on the account's own phone (`phone`). Inbound: `contact`.
                             * @enum {string}
                             */
                            origin: "api" | "phone" | "contact";
                            /** @description Inbound: the sender's number (E.164 with +; in a group, the member), null when WhatsApp does not reveal it. Outbound: null, it is the session's own. */
                            from: string | null;
                            /** @description Inbound: the sender's LID (`…@lid`), when WhatsApp addressed it by one. */
                            fromLid?: string;
                            /** @description Inbound: the name the sender gave themselves. */
                            pushName?: string;
                            /** @description The group id for a group message. Otherwise digits (E.164 without +): outbound the recipient, inbound the session's own number. */
                            to: string;
                            isGroup: boolean;
                            /** @enum {string} */
                            type: "text" | "image" | "document" | "sticker" | "video" | "audio" | "location" | "contacts" | "poll" | "reaction" | "edit" | "delete" | "unsupported";
                            /** @description `unsupported`: WhatsApp's name of the message type. */
                            unsupportedType?: string;
                            text?: string;
                            caption?: string;
                            /** @description What the media is; its bytes are never in the listing. */
                            media?: {
                                mimeType?: string;
                                fileName?: string;
                                size?: number;
                                sha256?: string;
                                seconds?: number;
                                voiceNote?: boolean;
                                /** @description Whether `GET /message/media` serves its bytes. Sent through the API: absent until the send completes. */
                                stored?: boolean;
                                /** @description Why its bytes could not be stored. */
                                unavailableReason?: string;
                                /** @description Sent through the API: the URL it was fetched from. */
                                url?: string;
                                /** @description Sent through the API: the upload it was sent from (`media_base64` or `media_id`). */
                                mediaId?: string;
                            };
                            location?: {
                                latitude: number;
                                longitude: number;
                                name?: string;
                                address?: string;
                            };
                            contacts?: {
                                name: string;
                                vcard: string;
                            }[];
                            /** @description `reaction`: received, a reaction to a message that is not the session's (reactions to its own messages are in their `reactions`); sent through the API, the reaction it sent. */
                            reaction?: {
                                emoji: string;
                                targetWaMessageId: string;
                                /** @description Sent through the API: the messageId it reacts to. */
                                targetMessageId?: string;
                            };
                            /** @description `poll`, sent or received: its question, options and how many one voter may choose (0, as WhatsApp says it: any number). Votes are not read. */
                            poll?: {
                                question: string;
                                options: string[];
                                selectableCount: number;
                            };
                            /** @description Sent through the API: the numbers it mentions. */
                            mentions?: string[];
                            /** @description `edit` / `delete`, sent through the API: the message it edited (with its new `text`) or deleted for everyone. */
                            change?: {
                                targetMessageId: string;
                                targetWaMessageId: string;
                                text?: string;
                            };
                            /** @description Who reacts to it now, one reaction each; `from` null for the account's own (made on its phone, or sent through the API). */
                            reactions?: {
                                emoji: string;
                                from: string | null;
                            }[];
                            /** @description The message it replies to, when that is one of the session's. */
                            quotedMessageId?: string;
                            /** @description The WhatsApp id of the message it replies to. */
                            quotedWaMessageId?: string;
                            /**
                             * @description Sent through the API only.
                             * @enum {string}
                             */
                            status?: "pending" | "processing" | "completed" | "delivered" | "read" | "failed";
                            /** @description Sent through the API and `failed`: why ("recipient is not on WhatsApp", a media problem, a removed session). */
                            failureReason?: string;
                            /**
                             * Format: date-time
                             * @description Received: when its sender sent it, by WhatsApp.
                             */
                            sentAt?: string;
                            /** Format: date-time */
                            editedAt?: string;
                            /**
                             * Format: date-time
                             * @description Deleted for everyone: its content is gone, its history stays.
                             */
                            deletedAt?: string;
                            /**
                             * Format: date-time
                             * @description When the service stored it: sent through the API, or received.
                             */
                            createdAt: string;
                        }[];
                        /** @description Pass it back as `cursor` for the next page; null after the last. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    messageStatus: {
        parameters: {
            query: {
                session: string;
                messageId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message and its history */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "messageId": "msg_01K8NA5Q0Z3W4X5Y6Z7A8B9C0D",
                     *         "direction": "out",
                     *         "origin": "api",
                     *         "from": null,
                     *         "to": "6287654321",
                     *         "isGroup": false,
                     *         "type": "text",
                     *         "text": "Hello World!",
                     *         "status": "read",
                     *         "createdAt": "2025-10-28T01:00:00.000Z",
                     *         "history": [
                     *           {
                     *             "status": "pending",
                     *             "at": "2025-10-28T01:00:00.000Z"
                     *           },
                     *           {
                     *             "status": "processing",
                     *             "at": "2025-10-28T01:00:01.000Z"
                     *           },
                     *           {
                     *             "status": "completed",
                     *             "at": "2025-10-28T01:00:02.000Z"
                     *           },
                     *           {
                     *             "status": "delivered",
                     *             "at": "2025-10-28T01:00:03.000Z"
                     *           },
                     *           {
                     *             "status": "read",
                     *             "at": "2025-10-28T01:00:40.000Z"
                     *           }
                     *         ],
                     *         "attempts": 1,
                     *         "waMessageId": "3EB001K8NA5Q0Z3W4X5Y6Z7A8B9C0D"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            messageId: string;
                            /** @enum {string} */
                            direction: "in" | "out";
                            /**
                             * @description Outbound: sent through the API (`api`) or typed on the account's own phone (`phone`). Inbound: `contact`.
                             * @enum {string}
                             */
                            origin: "api" | "phone" | "contact";
                            /** @description Inbound: the sender's number (E.164 with +; in a group, the member), null when WhatsApp does not reveal it. Outbound: null, it is the session's own. */
                            from: string | null;
                            /** @description Inbound: the sender's LID (`…@lid`), when WhatsApp addressed it by one. */
                            fromLid?: string;
                            /** @description Inbound: the name the sender gave themselves. */
                            pushName?: string;
                            /** @description The group id for a group message. Otherwise digits (E.164 without +): outbound the recipient, inbound the session's own number. */
                            to: string;
                            isGroup: boolean;
                            /** @enum {string} */
                            type: "text" | "image" | "document" | "sticker" | "video" | "audio" | "location" | "contacts" | "poll" | "reaction" | "edit" | "delete" | "unsupported";
                            /** @description `unsupported`: WhatsApp's name of the message type. */
                            unsupportedType?: string;
                            text?: string;
                            caption?: string;
                            /** @description What the media is; its bytes are never in the listing. */
                            media?: {
                                mimeType?: string;
                                fileName?: string;
                                size?: number;
                                sha256?: string;
                                seconds?: number;
                                voiceNote?: boolean;
                                /** @description Whether `GET /message/media` serves its bytes. Sent through the API: absent until the send completes. */
                                stored?: boolean;
                                /** @description Why its bytes could not be stored. */
                                unavailableReason?: string;
                                /** @description Sent through the API: the URL it was fetched from. */
                                url?: string;
                                /** @description Sent through the API: the upload it was sent from (`media_base64` or `media_id`). */
                                mediaId?: string;
                            };
                            location?: {
                                latitude: number;
                                longitude: number;
                                name?: string;
                                address?: string;
                            };
                            contacts?: {
                                name: string;
                                vcard: string;
                            }[];
                            /** @description `reaction`: received, a reaction to a message that is not the session's (reactions to its own messages are in their `reactions`); sent through the API, the reaction it sent. */
                            reaction?: {
                                emoji: string;
                                targetWaMessageId: string;
                                /** @description Sent through the API: the messageId it reacts to. */
                                targetMessageId?: string;
                            };
                            /** @description `poll`, sent or received: its question, options and how many one voter may choose (0, as WhatsApp says it: any number). Votes are not read. */
                            poll?: {
                                question: string;
                                options: string[];
                                selectableCount: number;
                            };
                            /** @description Sent through the API: the numbers it mentions. */
                            mentions?: string[];
                            /** @description `edit` / `delete`, sent through the API: the message it edited (with its new `text`) or deleted for everyone. */
                            change?: {
                                targetMessageId: string;
                                targetWaMessageId: string;
                                text?: string;
                            };
                            /** @description Who reacts to it now, one reaction each; `from` null for the account's own (made on its phone, or sent through the API). */
                            reactions?: {
                                emoji: string;
                                from: string | null;
                            }[];
                            /** @description The message it replies to, when that is one of the session's. */
                            quotedMessageId?: string;
                            /** @description The WhatsApp id of the message it replies to. */
                            quotedWaMessageId?: string;
                            /**
                             * @description Sent through the API only.
                             * @enum {string}
                             */
                            status?: "pending" | "processing" | "completed" | "delivered" | "read" | "failed";
                            /** @description Sent through the API and `failed`: why ("recipient is not on WhatsApp", a media problem, a removed session). */
                            failureReason?: string;
                            /**
                             * Format: date-time
                             * @description Received: when its sender sent it, by WhatsApp.
                             */
                            sentAt?: string;
                            /** Format: date-time */
                            editedAt?: string;
                            /**
                             * Format: date-time
                             * @description Deleted for everyone: its content is gone, its history stays.
                             */
                            deletedAt?: string;
                            /**
                             * Format: date-time
                             * @description When the service stored it: sent through the API, or received.
                             */
                            createdAt: string;
                            /** @description Oldest first: every status a message sent through the API reached (`failed` with its `reason`); when a received one was received; when either was edited (with the new `text`), deleted for everyone, or reacted to (`emoji`, empty when taken back; `from` the reactor, absent for the account's own phone). */
                            history: ({
                                /** @enum {string} */
                                status: "pending" | "processing" | "completed" | "delivered" | "read" | "failed";
                                /** Format: date-time */
                                at: string;
                                reason?: string;
                            } | {
                                /** @enum {string} */
                                event: "received" | "edited" | "deleted";
                                /** Format: date-time */
                                at: string;
                                text?: string;
                            } | {
                                /** @enum {string} */
                                event: "reacted";
                                /** Format: date-time */
                                at: string;
                                emoji: string;
                                from?: string;
                            })[];
                            /** @description Outbound: how many times sending it was started. */
                            attempts?: number;
                            /** @description The id WhatsApp knows it by. */
                            waMessageId: string;
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    messageMedia: {
        parameters: {
            query: {
                session: string;
                messageId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With `Accept: application/json`, the signed URL and when it expires; otherwise the media bytes, once the redirect is followed */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            /**
                             * Format: uri
                             * @description The signed download URL: fetch it at once rather than keep it.
                             */
                            url: string;
                            /**
                             * Format: date-time
                             * @description When the URL stops working.
                             */
                            expiresAt: string;
                        };
                    };
                    "*/*": unknown;
                };
            };
            /** @description To a short-lived signed URL of the media */
            302: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description The signed download URL; it expires, so fetch it at once rather than keep it. */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    sendLocation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 h answers the first message's id and sends nothing; with another request, 409. 1 to 255 printable ASCII characters, no spaces. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "session": "62812345678",
                 *       "to": "6287654321",
                 *       "latitude": -6.2088,
                 *       "longitude": 106.8456,
                 *       "name": "Monas",
                 *       "address": "Gambir, Central Jakarta"
                 *     }
                 */
                "application/json": {
                    session: string;
                    to: string;
                    /** @default false */
                    is_group?: boolean;
                    latitude: number;
                    longitude: number;
                    name?: string;
                    address?: string;
                    /** @description The `messageId` of a stored message of this session, sent or received, that this one replies to: WhatsApp shows it quoted. 404 "Message not found" for any other. */
                    reply_to?: string;
                    /** @description Group messages only (`is_group: true`): the numbers it mentions, which WhatsApp notifies. A text (or caption) shows a mention as a name only where it has `@` and the number, digits only (`Hi @6287654321`); write it there yourself. */
                    mentions?: string[];
                };
            };
        };
        responses: {
            /** @description Queued */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "messageId": "msg_123456",
                     *       "message": "Message queued successfully"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        messageId: string;
                        /** @enum {string} */
                        message: "Message queued successfully";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicting concurrent change */
            409: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A limit of this route is full (see Retry-After) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description Whole seconds until the full limit lets the same request through. API Gateway's own throttling (cloud) answers 429 without it. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    sendContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 h answers the first message's id and sends nothing; with another request, 409. 1 to 255 printable ASCII characters, no spaces. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "session": "62812345678",
                 *       "to": "6287654321",
                 *       "contacts": [
                 *         {
                 *           "name": "John Doe",
                 *           "phone": "6281234567890"
                 *         }
                 *       ],
                 *       "is_group": false
                 *     }
                 */
                "application/json": {
                    session: string;
                    to: string;
                    /** @default false */
                    is_group?: boolean;
                    contacts: {
                        name: string;
                        phone: string;
                    }[];
                    /** @description The `messageId` of a stored message of this session, sent or received, that this one replies to: WhatsApp shows it quoted. 404 "Message not found" for any other. */
                    reply_to?: string;
                    /** @description Group messages only (`is_group: true`): the numbers it mentions, which WhatsApp notifies. A text (or caption) shows a mention as a name only where it has `@` and the number, digits only (`Hi @6287654321`); write it there yourself. */
                    mentions?: string[];
                };
            };
        };
        responses: {
            /** @description Queued */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "messageId": "msg_123456",
                     *       "message": "Message queued successfully"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        messageId: string;
                        /** @enum {string} */
                        message: "Message queued successfully";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicting concurrent change */
            409: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A limit of this route is full (see Retry-After) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description Whole seconds until the full limit lets the same request through. API Gateway's own throttling (cloud) answers 429 without it. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    sendPoll: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 h answers the first message's id and sends nothing; with another request, 409. 1 to 255 printable ASCII characters, no spaces. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "session": "62812345678",
                 *       "to": "6287654321",
                 *       "question": "Lunch on Friday?",
                 *       "options": [
                 *         "Nasi goreng",
                 *         "Sate",
                 *         "Bakso"
                 *       ],
                 *       "selectable_count": 1,
                 *       "is_group": false
                 *     }
                 */
                "application/json": {
                    session: string;
                    to: string;
                    /** @default false */
                    is_group?: boolean;
                    question: string;
                    options: string[];
                    /**
                     * @description How many options one voter may choose, 1 to the number of options.
                     * @default 1
                     */
                    selectable_count?: number;
                    /** @description The `messageId` of a stored message of this session, sent or received, that this one replies to: WhatsApp shows it quoted. 404 "Message not found" for any other. */
                    reply_to?: string;
                    /** @description Group messages only (`is_group: true`): the numbers it mentions, which WhatsApp notifies. A text (or caption) shows a mention as a name only where it has `@` and the number, digits only (`Hi @6287654321`); write it there yourself. */
                    mentions?: string[];
                };
            };
        };
        responses: {
            /** @description Queued */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "messageId": "msg_123456",
                     *       "message": "Message queued successfully"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        messageId: string;
                        /** @enum {string} */
                        message: "Message queued successfully";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicting concurrent change */
            409: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A limit of this route is full (see Retry-After) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description Whole seconds until the full limit lets the same request through. API Gateway's own throttling (cloud) answers 429 without it. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    sendReaction: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 h answers the first message's id and sends nothing; with another request, 409. 1 to 255 printable ASCII characters, no spaces. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "session": "62812345678",
                 *       "message_id": "msg_01K8NA5Q0Z3W4X5Y6Z7A8B9C0D",
                 *       "emoji": "👍"
                 *     }
                 */
                "application/json": {
                    session: string;
                    /** @description The `messageId` of a stored message of this session, sent or received; the reaction goes to that message's chat. */
                    message_id: string;
                    emoji: string;
                };
            };
        };
        responses: {
            /** @description Queued */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "messageId": "msg_123456",
                     *       "message": "Message queued successfully"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        messageId: string;
                        /** @enum {string} */
                        message: "Message queued successfully";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicting concurrent change */
            409: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A limit of this route is full (see Retry-After) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description Whole seconds until the full limit lets the same request through. API Gateway's own throttling (cloud) answers 429 without it. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    sendVideo: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 h answers the first message's id and sends nothing; with another request, 409. 1 to 255 printable ASCII characters, no spaces. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "session": "62812345678",
                 *       "to": "6287654321",
                 *       "text": "Watch this",
                 *       "mime_type": "video/mp4",
                 *       "media_base64": "AAAAIGZ0eXBpc29tAAACAGlzb21pc28yYXZjMW1wNDEAAAMkbW9vdgAAAGxtdmhkAAAAAAAAAAAAAAAAAAAD6AAAA+gAAQAAAQAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAk50cmFrAAAAXHRraGQAAAADAAAAAAAAAAAAAAABAAAAAAAAA+gAAAAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAABAAAAAAEAAAABAAAAAAAAkZWR0cwAAABxlbHN0AAAAAAAAAAEAAAPoAAAAAAABAAAAAAHGbWRpYQAAACBtZGhkAAAAAAAAAAAAAAAAAAAoAAAAKABVxAAAAAAALWhkbHIAAAAAAAAAAHZpZGUAAAAAAAAAAAAAAABWaWRlb0hhbmRsZXIAAAABcW1pbmYAAAAUdm1oZAAAAAEAAAAAAAAAAAAAACRkaW5mAAAAHGRyZWYAAAAAAAAAAQAAAAx1cmwgAAAAAQAAATFzdGJsAAAApXN0c2QAAAAAAAAAAQAAAJVhdmMxAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAAAAEAAQABIAAAASAAAAAAAAAABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAGP//AAAAL2F2Y0MBQsAK/+EAF2dCwArZBCbARAAAAwAEAAADACg8SJkgAQAFaMuA5LIAAAAQcGFzcAAAAAEAAAABAAAAGHN0dHMAAAAAAAAAAQAAAAUAAAgAAAAAFHN0c3MAAAAAAAAAAQAAAAEAAAAcc3RzYwAAAAAAAAABAAAAAQAAAAUAAAABAAAAKHN0c3oAAAAAAAAAAAAAAAUAAAPRAAAAHQAAAB0AAAAZAAAAIQAAABRzdGNvAAAAAAAAAAEAAANUAAAAYnVkdGEAAABabWV0YQAAAAAAAAAhaGRscgAAAAAAAAAAbWRpcmFwcGwAAAAAAAAAAAAAAAAtaWxzdAAAACWpdG9vAAAAHWRhdGEAAAABAAAAAExhdmY1OC4yNC4xMDAAAAAIZnJlZQAABE1tZGF0AAACcAYF//9s3EXpvebZSLeWLNgg2SPu73gyNjQgLSBjb3JlIDE1NyByMjkzNSA1NDVkZTJmIC0gSC4yNjQvTVBFRy00IEFWQyBjb2RlYyAtIENvcHlsZWZ0IDIwMDMtMjAxOCAtIGh0dHA6Ly93d3cudmlkZW9sYW4ub3JnL3gyNjQuaHRtbCAtIG9wdGlvbnM6IGNhYmFjPTAgcmVmPTMgZGVibG9jaz0xOjA6MCBhbmFseXNlPTB4MToweDExMSBtZT1oZXggc3VibWU9NyBwc3k9MSBwc3lfcmQ9MS4wMDowLjAwIG1peGVkX3JlZj0xIG1lX3JhbmdlPTE2IGNocm9tYV9tZT0xIHRyZWxsaXM9MSA4eDhkY3Q9MCBjcW09MCBkZWFkem9uZT0yMSwxMSBmYXN0X3Bza2lwPTEgY2hyb21hX3FwX29mZnNldD0tMiB0aHJlYWRzPTIgbG9va2FoZWFkX3RocmVhZHM9MSBzbGljZWRfdGhyZWFkcz0wIG5yPTAgZGVjaW1hdGU9MSBpbnRlcmxhY2VkPTAgYmx1cmF5X2NvbXBhdD0wIGNvbnN0cmFpbmVkX2ludHJhPTAgYmZyYW1lcz0wIHdlaWdodHA9MCBrZXlpbnQ9MjUwIGtleWludF9taW49NSBzY2VuZWN1dD00MCBpbnRyYV9yZWZyZXNoPTAgcmNfbG9va2FoZWFkPTQwIHJjPWNyZiBtYnRyZWU9MSBjcmY9NDAuMCBxY29tcD0wLjYwIHFwbWluPTAgcXBtYXg9NjkgcXBzdGVwPTQgaXBfcmF0aW89MS40MCBhcT0xOjEuMDAAgAAAAVlliIQnDGADALplBhy3r38/4EWMzHo//iEyIAARCGN9X9AJOelkwYpLOVxKH+GoppXBbmbWnA8MGCBAFYUQUH7BCY5f6rsD9jw+IBgH/DUamKW/ny3gcAJQABAHCFAKh5FLIJCtj4A7sgLvj/PhrpTxTlyKffmPwmLBLWGTASCAAIgHgzD32mPOisGZHXw2+zNDsAfheUVzKBNu2cdnlJx9/SzOm1P/Sn02CzjAO8g3D3Gz/NcIf/4JIHhqgwluY49/U9P//9mCHAdIeTLQzj/HAwDIAeq8KPmEbxd1hgIh8MAhwoWfQ+0wuLjEsCPrNFEBx5CEAQYQLXENOCk5bVzuEQAHihCA4CuKwXj3uE7+wLzWGnmF8v/wxDUkV4r5sZ574GAAEAgoUIAWpnh5FLFANphWK8BaF/R8OLhAAx5a43nl8P5blRAkhIEPyi6JpsVxnHiQJLuMEuAAAAAZQZo4TizvSHQjRO0FqrloLdXPghKqrGqIYAAAABlBmlQbjVBD6gt1y1jo+WzH2ufniLRKz7+AAAAAFUGaYEcb66DLVYS65awl/wRa1EWiDAAAAB1BmoBnGrDEMz/H8flv2sIay+M/SoCn4ItajVCkgA==",
                 *       "gif_playback": false,
                 *       "is_group": false
                 *     }
                 */
                "application/json": {
                    session: string;
                    to: string;
                    /** @default false */
                    is_group?: boolean;
                    video_url?: string;
                    /** @description The media's bytes in standard base64, at most 4,500,000 bytes (6,000,000 characters): what fits in one request to the Lambda behind API Gateway. Needs `mime_type`. Larger media: `POST /media`. */
                    media_base64?: string;
                    /**
                     * @description The type of `media_base64` (and only with it).
                     * @example image/png
                     */
                    mime_type?: string;
                    /** @description An upload of yours from `POST /media`, posted to its uploadUrl, within 24 h. */
                    media_id?: string;
                    text?: string;
                    /** @description Plays it looped and muted, as WhatsApp shows a GIF. */
                    gif_playback?: boolean;
                    /** @description The `messageId` of a stored message of this session, sent or received, that this one replies to: WhatsApp shows it quoted. 404 "Message not found" for any other. */
                    reply_to?: string;
                    /** @description Group messages only (`is_group: true`): the numbers it mentions, which WhatsApp notifies. A text (or caption) shows a mention as a name only where it has `@` and the number, digits only (`Hi @6287654321`); write it there yourself. */
                    mentions?: string[];
                };
            };
        };
        responses: {
            /** @description Queued */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "messageId": "msg_123456",
                     *       "message": "Message queued successfully"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        messageId: string;
                        /** @enum {string} */
                        message: "Message queued successfully";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicting concurrent change */
            409: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A limit of this route is full (see Retry-After) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description Whole seconds until the full limit lets the same request through. API Gateway's own throttling (cloud) answers 429 without it. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    sendAudio: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 h answers the first message's id and sends nothing; with another request, 409. 1 to 255 printable ASCII characters, no spaces. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "session": "62812345678",
                 *       "to": "6287654321",
                 *       "mime_type": "audio/ogg",
                 *       "media_base64": "T2dnUwACAAAAAAAAAAC//5DgAAAAAG8fxesBE09wdXNIZWFkAQE4AYC7AAAAAABPZ2dTAAAAAAAAAAAAAL//kOABAAAAbjZesAE+T3B1c1RhZ3MNAAAATGF2ZjU4LjI0LjEwMAEAAAAdAAAAZW5jb2Rlcj1MYXZjNTguNDIuMTAwIGxpYm9wdXNPZ2dTAACAuwAAAAAAAL//kOACAAAAfcYH3zIXFxESExAQFBITExUUDxEWEA8TEBIPDx8dDBIREA8OEg0RDxASDA8PEBQNDxAQEQ0QDgiC4jRFRViat+CIYZ6h6NaH6eEDslqgCKNA6AM8NKIzSXGtsrmd44YAkSi2hlAInVXw5F373AQqhHdzHL1k+AidX7B3MqpXPgECbRazmSkPDAidX7B3MqpeWCLnpbuPIDqJ0YAInXOgPermm7Ec2+SopvLNCJ1fsHcyqlwzV0UD7BsfXQidAEzyCcV/MT1aBN+ri2aSiUeMCJyQK+NOWngd7AD8Gfd0vrJUCJyQK+NOWn4N46bj4WGLF1oQoAickCvjS5tMh6XxadSb++YbL0UInJAr405aeBDzJq+sPZrJNIaT30AInJAr405aeuSlC/C0jHWfAuQGgAickCvjTlp4HoBqSnOmRgickCvjTlp7BIGn8H/grnccCJyXeOCHVn0jPOCageLH5c57rujugAickCvjTlp7BHaWFSunAfsInIyaBAEZDxyFfmPVC3gInJArWHKuZtma9qKJ9lYwHdG2CJyQK+NOWnr7DSM9IQ7ioAicl3jgh1Z8ygN7f9RRoKsm6AickCvjTlp7BHaYmqzkwAicjJoEARkPHIWFfoYeJAid16U06KlHRUwWQU49nFS/P39Bbs79MU7an8oX9bkIoG9PLmfHamIrZJxbVGrKcLuuJppDCH3UqvmgKAiesmSx5bMg7W3pgAiesmSxuwKQhrMFulGttVAKUAiesmSx4nNSTweiGkHyUDPMCJ6yZLHlsyDtbnk9D95DYAieqA78AjMYNsU5915+bAg4IvWeMTD0y99j0eW4CDgftqKeS+3GwXXTwIw7nWjQCDgi9Z4xOJ+0FSmswAg4IvWeMTENmUyR07+AZMHdCDgi9Z4vMgTsDkwpU5RiCDgi9Z4xOXS4hpdp/BnElgg4H7ainktfU+n5agHUvsT2QAg4IvWeMTio4oSfXAg4IvWeMTDXASw7ml+ZJQg4IvWeLzGwJagw64bv4Ag4IvWeMTll8HTvJtIvi+AIOB+2op5O7o+j62+Jm7sCeqbdQAg4IvWeMTia/Cg1RoAIOCL1njExEXvo4T55o3IIOCL1ni8xrFyzwQAyTq5ACDgi9Z4xOXOySqOHksVnkAg4H7ainkvtwUlHFMr5NzJsCDgi9Z4xOJ/G8KhtQAg4IvWeMTEwAT3jmaMMNN8IOCL1ni8xzm61rHQGt09nZ1MABLi8AAAAAAAAv/+Q4AMAAACGkOBQARIIgw+ZD90fIWENDn4/bUnB8ag=",
                 *       "ptt": true,
                 *       "is_group": false
                 *     }
                 */
                "application/json": {
                    session: string;
                    to: string;
                    /** @default false */
                    is_group?: boolean;
                    audio_url?: string;
                    /** @description The media's bytes in standard base64, at most 4,500,000 bytes (6,000,000 characters): what fits in one request to the Lambda behind API Gateway. Needs `mime_type`. Larger media: `POST /media`. */
                    media_base64?: string;
                    /**
                     * @description The type of `media_base64` (and only with it).
                     * @example image/png
                     */
                    mime_type?: string;
                    /** @description An upload of yours from `POST /media`, posted to its uploadUrl, within 24 h. */
                    media_id?: string;
                    /** @description Sends it as a voice note (push to talk): it must then be OGG/Opus; `media_base64` or a `media_id` upload that is not is a 400, a URL that is not fails the message. */
                    ptt?: boolean;
                    /** @description The `messageId` of a stored message of this session, sent or received, that this one replies to: WhatsApp shows it quoted. 404 "Message not found" for any other. */
                    reply_to?: string;
                    /** @description Group messages only (`is_group: true`): the numbers it mentions, which WhatsApp notifies. A text (or caption) shows a mention as a name only where it has `@` and the number, digits only (`Hi @6287654321`); write it there yourself. */
                    mentions?: string[];
                };
            };
        };
        responses: {
            /** @description Queued */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "messageId": "msg_123456",
                     *       "message": "Message queued successfully"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        messageId: string;
                        /** @enum {string} */
                        message: "Message queued successfully";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicting concurrent change */
            409: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A limit of this route is full (see Retry-After) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description Whole seconds until the full limit lets the same request through. API Gateway's own throttling (cloud) answers 429 without it. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createMediaUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "mime_type": "image/jpeg",
                 *       "size": 204800,
                 *       "file_name": "photo.jpg"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description The Content-Type the file must be posted with: S3 refuses any other.
                     * @example image/png
                     */
                    mime_type: string;
                    /** @description The file's exact size in bytes, at most 100 MB: S3 refuses a file of any other size. */
                    size: number;
                    /** @description Sent as a document, the name shown when the send gives no `document_name`. */
                    file_name?: string;
                };
            };
        };
        responses: {
            /** @description Ready for the upload */
            201: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "mediaId": "med_01K8NA5Q0Z3W4X5Y6Z7A8B9C0D",
                     *         "uploadUrl": "https://whatsapp-hub-media.s3.us-east-1.amazonaws.com/",
                     *         "fields": {
                     *           "key": "uploads/1/med_01K8NA5Q0Z3W4X5Y6Z7A8B9C0D",
                     *           "Content-Type": "image/jpeg",
                     *           "bucket": "whatsapp-hub-media",
                     *           "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
                     *           "X-Amz-Credential": "ASIA.../20251028/us-east-1/s3/aws4_request",
                     *           "X-Amz-Date": "20251028T010000Z",
                     *           "X-Amz-Security-Token": "IQoJb3JpZ2luX2Vj...",
                     *           "Policy": "eyJleHBpcmF0aW9uIjoi...",
                     *           "X-Amz-Signature": "5d41402abc4b2a76b9719d911017c592..."
                     *         },
                     *         "uploadExpiresAt": "2025-10-28T01:15:00.000Z",
                     *         "expiresAt": "2025-10-29T01:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            /** @description Pass it as `media_id` to any media send, as often as you like, until `expiresAt`. */
                            mediaId: string;
                            /**
                             * Format: uri
                             * @description POST the file here as multipart/form-data: every field of `fields`, then the file as `file`.
                             */
                            uploadUrl: string;
                            /** @description The form fields to post before the file, unchanged. */
                            fields: {
                                [key: string]: string;
                            };
                            /**
                             * Format: date-time
                             * @description The form must be posted before this (15 minutes).
                             */
                            uploadExpiresAt: string;
                            /**
                             * Format: date-time
                             * @description Until when the media may be sent (24 hours); then it is deleted.
                             */
                            expiresAt: string;
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A limit of this route is full (see Retry-After) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description Whole seconds until the full limit lets the same request through. API Gateway's own throttling (cloud) answers 429 without it. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    editMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 h answers the first message's id and sends nothing; with another request, 409. 1 to 255 printable ASCII characters, no spaces. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "session": "62812345678",
                 *       "message_id": "msg_01K8NA5Q0Z3W4X5Y6Z7A8B9C0D",
                 *       "text": "See you at 8, not 7"
                 *     }
                 */
                "application/json": {
                    session: string;
                    /** @description The `messageId` of a message this session sent, through the API or on its own phone; the edit goes to that message's chat. */
                    message_id: string;
                    /** @description The new text, or the new caption of a media message (up to 1,024 characters). */
                    text: string;
                };
            };
        };
        responses: {
            /** @description Queued */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "messageId": "msg_123456",
                     *       "message": "Message queued successfully"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        messageId: string;
                        /** @enum {string} */
                        message: "Message queued successfully";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicting concurrent change */
            409: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A limit of this route is full (see Retry-After) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description Whole seconds until the full limit lets the same request through. API Gateway's own throttling (cloud) answers 429 without it. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 h answers the first message's id and sends nothing; with another request, 409. 1 to 255 printable ASCII characters, no spaces. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "session": "62812345678",
                 *       "message_id": "msg_01K8NA5Q0Z3W4X5Y6Z7A8B9C0D"
                 *     }
                 */
                "application/json": {
                    session: string;
                    /** @description The `messageId` of a message this session sent, through the API or on its own phone; the delete goes to that message's chat. */
                    message_id: string;
                };
            };
        };
        responses: {
            /** @description Queued */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "messageId": "msg_123456",
                     *       "message": "Message queued successfully"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        messageId: string;
                        /** @enum {string} */
                        message: "Message queued successfully";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicting concurrent change */
            409: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A limit of this route is full (see Retry-After) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    /** @description Whole seconds until the full limit lets the same request through. API Gateway's own throttling (cloud) answers 429 without it. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    contactProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "session": "62812345678",
                 *       "target": "6287654321@s.whatsapp.net"
                 *     }
                 */
                "application/json": {
                    session: string;
                    target: string;
                };
            };
        };
        responses: {
            /** @description The contact profile */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "name": "John Doe",
                     *         "about": "Available",
                     *         "profilePicUrl": "https://...",
                     *         "phoneNumber": "+6287654321"
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            name: string | null;
                            about: string | null;
                            profilePicUrl: string | null;
                            phoneNumber: string;
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The connector did not answer in time */
            504: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your endpoints */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": [
                     *         {
                     *           "id": "wh_01K8NB2C3D4E5F6G7H8J9K0M1N",
                     *           "url": "https://example.com/whatsapp-events",
                     *           "events": [
                     *             "message.received",
                     *             "message.status",
                     *             "message.updated",
                     *             "session.status"
                     *           ],
                     *           "session": null,
                     *           "description": "Order updates",
                     *           "enabled": true,
                     *           "disabledReason": null,
                     *           "createdAt": "2025-10-28T01:00:00.000Z",
                     *           "updatedAt": "2025-10-28T01:00:00.000Z"
                     *         },
                     *         {
                     *           "id": "wh_01K8NC7P8Q9R0S1T2V3W4X5Y6Z",
                     *           "url": "https://example.com/sales-inbox",
                     *           "events": [
                     *             "message.received"
                     *           ],
                     *           "session": "62812345678",
                     *           "description": null,
                     *           "enabled": false,
                     *           "disabledReason": "disabled by its owner",
                     *           "createdAt": "2025-10-28T01:10:00.000Z",
                     *           "updatedAt": "2025-10-28T01:15:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        /** @description Oldest first. */
                        data: components["schemas"]["Webhook"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://example.com/whatsapp-events",
                 *       "description": "Order updates"
                 *     }
                 */
                "application/json": {
                    /** @description Where events are POSTed: https, with a public address. A local stack (`npm start`) also takes http and loopback or private addresses; link-local and cloud metadata addresses are refused everywhere. */
                    url: string;
                    /** @description The event types it receives; every type when left out. */
                    events?: ("message.received" | "message.status" | "message.updated" | "session.status")[];
                    /** @description One of your sessions, by name: the endpoint then gets only that session's events. */
                    session?: string;
                    /** @description Your note about it, up to 256 characters. */
                    description?: string;
                };
            };
        };
        responses: {
            /** @description The endpoint, with its secret */
            201: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "id": "wh_01K8NB2C3D4E5F6G7H8J9K0M1N",
                     *         "url": "https://example.com/whatsapp-events",
                     *         "events": [
                     *           "message.received",
                     *           "message.status",
                     *           "message.updated",
                     *           "session.status"
                     *         ],
                     *         "session": null,
                     *         "description": "Order updates",
                     *         "enabled": true,
                     *         "disabledReason": null,
                     *         "createdAt": "2025-10-28T01:00:00.000Z",
                     *         "updatedAt": "2025-10-28T01:00:00.000Z",
                     *         "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw8bCyQwvGBWY="
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            /** @description `wh_` and a ULID. */
                            id: string;
                            url: string;
                            events: ("message.received" | "message.status" | "message.updated" | "session.status")[];
                            /** @description The session it is limited to; null for all of them. */
                            session: string | null;
                            description: string | null;
                            enabled: boolean;
                            /** @description Why it is disabled: by its owner ("disabled by its owner"), a `410 Gone` answer, or every attempt failing for days; null while enabled. */
                            disabledReason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The signing secret, `whsec_` and the base64 of 32 random bytes, as Standard Webhooks libraries take it. Shown only when it is made: keep it. */
                            secret: string;
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The endpoint's id, as its creation answered it (`wh_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "id": "wh_01K8NB2C3D4E5F6G7H8J9K0M1N",
                     *         "url": "https://example.com/whatsapp-events",
                     *         "events": [
                     *           "message.received",
                     *           "message.status",
                     *           "message.updated",
                     *           "session.status"
                     *         ],
                     *         "session": null,
                     *         "description": "Order updates",
                     *         "enabled": true,
                     *         "disabledReason": null,
                     *         "createdAt": "2025-10-28T01:00:00.000Z",
                     *         "updatedAt": "2025-10-28T01:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["Webhook"];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The endpoint's id, as its creation answered it (`wh_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "message": "Webhook deleted"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        /** @enum {string} */
                        message: "Webhook deleted";
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The endpoint's id, as its creation answered it (`wh_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "events": [
                 *         "message.status"
                 *       ],
                 *       "session": "62812345678"
                 *     }
                 */
                "application/json": {
                    /** @description Where events are POSTed: https, with a public address. A local stack (`npm start`) also takes http and loopback or private addresses; link-local and cloud metadata addresses are refused everywhere. */
                    url?: string;
                    /** @description The event types it receives: any of `message.received`, `message.status`, `message.updated`, `session.status`. */
                    events?: ("message.received" | "message.status" | "message.updated" | "session.status")[];
                    /** @description One of your sessions, by name; null for every session. */
                    session?: string | null;
                    /** @description Your note about it; null removes it. */
                    description?: string | null;
                    /** @description `true` turns a disabled endpoint on again (and forgets its failures); `false` turns it off ("disabled by its owner"). */
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description The endpoint as changed */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "id": "wh_01K8NB2C3D4E5F6G7H8J9K0M1N",
                     *         "url": "https://example.com/whatsapp-events",
                     *         "events": [
                     *           "message.status"
                     *         ],
                     *         "session": "62812345678",
                     *         "description": "Order updates",
                     *         "enabled": true,
                     *         "disabledReason": null,
                     *         "createdAt": "2025-10-28T01:00:00.000Z",
                     *         "updatedAt": "2025-10-28T02:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: components["schemas"]["Webhook"];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The endpoint's id, as its creation answered it (`wh_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new secret */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "id": "wh_01K8NB2C3D4E5F6G7H8J9K0M1N",
                     *         "secret": "whsec_Cq2hN1c0v2uWk9XQJ5bUe3f8yq6kB7o0uR4m1T9zL2E=",
                     *         "previousSecretExpiresAt": "2025-10-29T01:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            /** @description `wh_` and a ULID. */
                            id: string;
                            /** @description The signing secret, `whsec_` and the base64 of 32 random bytes, as Standard Webhooks libraries take it. Shown only when it is made: keep it. */
                            secret: string;
                            /**
                             * Format: date-time
                             * @description Until then the previous secret signs too (a second signature in `webhook-signature`); any older one no longer does.
                             */
                            previousSecretExpiresAt: string;
                        };
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too busy for now; try again */
            503: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The endpoint's id, as its creation answered it (`wh_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How the delivery went */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "eventId": "evt_01K8NB6Q2W3E4R5T6Y7V8J9M0P",
                     *         "delivered": true,
                     *         "statusCode": 200,
                     *         "error": null,
                     *         "latencyMs": 184,
                     *         "responseBody": "ok"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            /**
                             * @description The event's id (`evt_` and a ULID), the same on every delivery of it.
                             * @example evt_01K8NB6Q2W3E4R5T6Y7V8J9M0P
                             */
                            eventId: string;
                            /** @description Whether the endpoint answered 2xx in time. */
                            delivered: boolean;
                            /** @description The endpoint's HTTP status; null when it did not answer. */
                            statusCode: number | null;
                            /** @description Why no answer came (timed out, connection refused, …). */
                            error: string | null;
                            latencyMs: number;
                            /** @description The start of its answer, a few KiB at most. */
                            responseBody: string | null;
                        };
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    webhookDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The previous page's `nextCursor`. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The endpoint's id, as its creation answered it (`wh_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of attempts */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": [
                     *         {
                     *           "attemptId": "att_01K8NB7A8S9D0F1G2H3J4K5N6M",
                     *           "eventId": "evt_01K8NB6Q2W3E4R5T6Y7V8J9M0P",
                     *           "eventType": "message.status",
                     *           "attempt": 2,
                     *           "at": "2025-10-28T01:05:10.000Z",
                     *           "outcome": "delivered",
                     *           "statusCode": 200,
                     *           "error": null,
                     *           "latencyMs": 96,
                     *           "responseBody": "ok",
                     *           "nextAttemptAt": null
                     *         },
                     *         {
                     *           "attemptId": "att_01K8NB6R9T0Y1V2J3K4P5A6S7D",
                     *           "eventId": "evt_01K8NB6Q2W3E4R5T6Y7V8J9M0P",
                     *           "eventType": "message.status",
                     *           "attempt": 1,
                     *           "at": "2025-10-28T01:00:05.000Z",
                     *           "outcome": "failed",
                     *           "statusCode": 503,
                     *           "error": null,
                     *           "latencyMs": 41,
                     *           "responseBody": "Service Unavailable",
                     *           "nextAttemptAt": "2025-10-28T01:05:05.000Z"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        /** @description Newest first. */
                        data: components["schemas"]["WebhookDelivery"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    redeliverWebhookEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The endpoint's id, as its creation answered it (`wh_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "eventId": "evt_01K8NB6Q2W3E4R5T6Y7V8J9M0P"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description The event's id (`evt_` and a ULID), the same on every delivery of it.
                     * @example evt_01K8NB6Q2W3E4R5T6Y7V8J9M0P
                     */
                    eventId: string;
                };
            };
        };
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "webhookId": "wh_01K8NB2C3D4E5F6G7H8J9K0M1N",
                     *         "eventId": "evt_01K8NB6Q2W3E4R5T6Y7V8J9M0P"
                     *       },
                     *       "message": "Event queued for delivery"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        data: {
                            webhookId: string;
                            eventId: string;
                        };
                        /** @enum {string} */
                        message: "Event queued for delivery";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Only this session's events. */
                session?: string;
                /** @description Only events of this type. */
                type?: "message.received" | "message.status" | "message.updated" | "session.status" | "webhook.test";
                /** @description Events at or after this time (ISO 8601), oldest first; the oldest kept when left out. */
                since?: string;
                limit?: number;
                /** @description The previous page's `nextCursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events */
            200: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": [
                     *         {
                     *           "id": "evt_01K8NB6Q2W3E4R5T6Y7V8J9M0P",
                     *           "type": "message.status",
                     *           "timestamp": "2025-10-28T01:00:04.000Z",
                     *           "data": {
                     *             "messageId": "msg_01K8NA5Q0Z3W4X5Y6Z7A8B9C0D",
                     *             "session": "62812345678",
                     *             "to": "6287654321",
                     *             "isGroup": false,
                     *             "status": "completed",
                     *             "at": "2025-10-28T01:00:04.000Z"
                     *           }
                     *         },
                     *         {
                     *           "id": "evt_01K8NB7H3J4K5M6N7P8Q9R0S1T",
                     *           "type": "message.updated",
                     *           "timestamp": "2025-10-28T01:00:50.000Z",
                     *           "data": {
                     *             "session": "62812345678",
                     *             "messageId": "msg_01K8NA5Q0Z3W4X5Y6Z7A8B9C0D",
                     *             "direction": "out",
                     *             "change": "reacted",
                     *             "at": "2025-10-28T01:00:50.000Z",
                     *             "emoji": "❤️",
                     *             "from": "+6287654321",
                     *             "message": {
                     *               "messageId": "msg_01K8NA5Q0Z3W4X5Y6Z7A8B9C0D",
                     *               "direction": "out",
                     *               "origin": "api",
                     *               "from": null,
                     *               "to": "6287654321",
                     *               "isGroup": false,
                     *               "type": "text",
                     *               "text": "Hello World!",
                     *               "status": "read",
                     *               "createdAt": "2025-10-28T01:00:00.000Z",
                     *               "reactions": [
                     *                 {
                     *                   "emoji": "❤️",
                     *                   "from": "+6287654321"
                     *                 }
                     *               ],
                     *               "history": [
                     *                 {
                     *                   "status": "pending",
                     *                   "at": "2025-10-28T01:00:00.000Z"
                     *                 },
                     *                 {
                     *                   "status": "completed",
                     *                   "at": "2025-10-28T01:00:02.000Z"
                     *                 },
                     *                 {
                     *                   "status": "read",
                     *                   "at": "2025-10-28T01:00:40.000Z"
                     *                 },
                     *                 {
                     *                   "event": "reacted",
                     *                   "at": "2025-10-28T01:00:50.000Z",
                     *                   "emoji": "❤️",
                     *                   "from": "+6287654321"
                     *                 }
                     *               ],
                     *               "attempts": 1,
                     *               "waMessageId": "3EB001K8NA5Q0Z3W4X5Y6Z7A8B9C0D"
                     *             }
                     *           }
                     *         },
                     *         {
                     *           "id": "evt_01K8NB9V1B2N3M4Q5W6E7R8T9Y",
                     *           "type": "session.status",
                     *           "timestamp": "2025-10-28T01:01:00.000Z",
                     *           "data": {
                     *             "session": "62812345678",
                     *             "status": "reconnecting",
                     *             "qr": null,
                     *             "pairingCode": null,
                     *             "lastError": "connection lost"
                     *           }
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        /** @description Oldest first. */
                        data: components["schemas"]["Event"][];
                        /** @description The next page; null when there is none yet (poll again later with it, or with `since`). */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests to the API as a whole (API Gateway's throttling) */
            429: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Server error */
            500: {
                headers: {
                    /** @description The request's id: quote it when reporting a problem. */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
