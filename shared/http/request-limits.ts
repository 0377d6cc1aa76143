/**
 * API Gateway REST's ceiling on a request's line and headers together ("total combined size of
 * request line and header values", AWS quotas); the local server refuses larger requests with 431.
 */
export const REQUEST_LINE_AND_HEADERS_MAX_BYTES = 10_240;
