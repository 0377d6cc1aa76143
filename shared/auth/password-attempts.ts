/**
 * Password checks allowed per email within one window, for logins and profile changes alike. Each
 * check reserves its attempt before the password is verified (`login-throttle.ts`), so parallel
 * guesses cannot all pass the limit before any of them is counted.
 */
export const passwordAttemptLimit = 5;
export const passwordAttemptWindowSeconds = 15 * 60;
