/** A person: E.164 digits without `+`. A group: its id, with or without `@g.us`. */
const personPattern = /^[1-9]\d{6,14}$/;
const groupPattern = /^\d{5,}(-\d+)?(@g\.us)?$/;

export interface Recipient {
  to: string;
  jid: string;
  isGroup: boolean;
}

/** Why `to` is not a valid recipient, or undefined when it is. */
export function recipientProblem(to: string, isGroup: boolean): string | undefined {
  if (isGroup) return groupPattern.test(to) ? undefined : 'must be a group id like 120363025246125888@g.us';
  return personPattern.test(to) ? undefined : 'must be the number in international format, digits only, like 6287654321';
}

export function toRecipient(to: string, isGroup: boolean): Recipient {
  const bare = to.replace(/@g\.us$/, '');
  return { to: bare, jid: isGroup ? `${bare}@g.us` : `${bare}@s.whatsapp.net`, isGroup };
}
