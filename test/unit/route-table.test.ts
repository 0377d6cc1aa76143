import { describe, expect, it } from 'vitest';
import { passwordAttemptLimit, passwordAttemptWindowSeconds } from '../../shared/auth/password-attempts.ts';
import { configSchema } from '../../shared/config.ts';
import { describeSize, MEDIA_MAX_BYTES } from '../../shared/messages/media-limits.ts';
import { routeList, routes } from '../../shared/routes.ts';
import { contactsMaxCount, pollOptionsMaxCount } from '../../shared/schemas/message-kinds.ts';
import { captionMaxLength, textMaxLength } from '../../shared/schemas/messages.ts';

describe('the route table', () => {
  it('declares for every route the AWS access its Lambda is granted (none means no permissions in the cloud)', () => {
    const undeclared = routeList.filter((route) => route.access === undefined).map((route) => `${route.method} ${route.path}`);

    expect(undeclared).toEqual([]);
  });

  it('has one route per method and path', () => {
    const keys = routeList.map((route) => `${route.method} ${route.path}`);

    expect(new Set(keys).size).toBe(keys.length);
  });

  it('describes each limit with the value the code enforces (the default, where config can change it)', () => {
    const setting = (name: 'RATE_LIMIT_PER_MINUTE' | 'RATE_LIMIT_PER_HOUR' | 'RATE_LIMIT_PER_RECIPIENT_PER_HOUR') =>
      configSchema.shape[name].parse(undefined);
    const rateLimits = `${setting('RATE_LIMIT_PER_MINUTE')} in any 60 s and ${setting('RATE_LIMIT_PER_HOUR')} in any hour per session, ${setting('RATE_LIMIT_PER_RECIPIENT_PER_HOUR')} in any hour per recipient`;

    expect(routes.login.description).toContain(
      `${passwordAttemptLimit} password attempts within ${passwordAttemptWindowSeconds / 60} minutes`,
    );
    expect(routes.sendText.description).toContain(`up to ${textMaxLength.toLocaleString('en-US')} characters`);
    expect(routes.sendImage.description).toContain(`up to ${describeSize(MEDIA_MAX_BYTES.image)}`);
    expect(routes.sendImage.description).toContain(`caption up to ${captionMaxLength.toLocaleString('en-US')} characters`);
    expect(routes.sendDocument.description).toContain(`up to ${describeSize(MEDIA_MAX_BYTES.document)}`);
    expect(routes.sendSticker.description).toContain(`up to ${describeSize(MEDIA_MAX_BYTES.sticker)}`);
    expect(routes.sendPoll.description).toContain(`2 to ${pollOptionsMaxCount} unique \`options\``);
    expect(routes.sendContact.description).toContain(`1 to ${contactsMaxCount} of`);
    expect(routes.sendVideo.description).toContain(`up to ${describeSize(MEDIA_MAX_BYTES.video)}`);
    expect(routes.sendAudio.description).toContain(`up to ${describeSize(MEDIA_MAX_BYTES.audio)}`);
    for (const route of [
      routes.sendText,
      routes.sendImage,
      routes.sendDocument,
      routes.sendSticker,
      routes.sendVideo,
      routes.sendAudio,
      routes.sendLocation,
      routes.sendContact,
    ])
      expect(route.description).toContain(rateLimits);
    for (const route of [routes.sendPoll, routes.sendReaction]) expect(route.description).toContain(rateLimits);
  });
});
