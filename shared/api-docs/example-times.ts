/** The moment the examples happen at, and a time that many seconds after it. */
export const createdAt = '2025-10-28T01:00:00.000Z';
export const at = (seconds: number) => new Date(Date.parse(createdAt) + seconds * 1_000).toISOString();
