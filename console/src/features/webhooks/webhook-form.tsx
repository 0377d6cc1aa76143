import { useState } from 'preact/hooks';
import { ErrorNote } from '../../components/states.tsx';
import { formValues } from '../../lib/form.ts';
import { eventTypes, type EventType, type Webhook } from './webhook-api.ts';

export interface WebhookFields {
  readonly url: string;
  readonly events: EventType[];
  readonly session: string | undefined;
  readonly description: string | undefined;
}

/** Adds an endpoint, or edits one: its URL, the events it takes, the session it is limited to, a note. */
// Uncontrolled fields (default values only): a controlled one would be reset to its prop whenever
// the live list above re-renders, losing what the person typed.
export function WebhookForm(props: { webhook?: Webhook; onSave: (fields: WebhookFields) => Promise<void>; onCancel?: () => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const title = props.webhook ? 'Edit webhook' : 'Add a webhook';
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    const text = (name: string) => values[name]?.trim() || undefined;
    const events = eventTypes.filter((type) => values[`event:${type}`] === 'on');
    if (events.length === 0) return setError('Choose at least one event type.');
    setBusy(true);
    setError(undefined);
    await props.onSave({ url: text('url') ?? '', events, session: text('session'), description: text('description') }).then(
      () => form.reset(),
      (failure: Error) => setError(failure.message),
    );
    setBusy(false);
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-label={title} class="card">
      <h2>{title}</h2>
      <label>
        URL
        <input name="url" type="url" required defaultValue={props.webhook?.url} placeholder="https://example.com/whatsapp-events" />
      </label>
      <fieldset>
        <legend>Events</legend>
        {eventTypes.map((type) => (
          <label class="inline" key={type}>
            <input type="checkbox" name={`event:${type}`} defaultChecked={props.webhook ? props.webhook.events.includes(type) : true} />{' '}
            {type}
          </label>
        ))}
      </fieldset>
      <label>
        Only this session (optional)
        <input name="session" defaultValue={props.webhook?.session ?? ''} />
      </label>
      <label>
        Description (optional)
        <input name="description" defaultValue={props.webhook?.description ?? ''} />
      </label>
      {error && <ErrorNote>{error}</ErrorNote>}
      <div class="row">
        <button type="submit" disabled={busy}>
          {props.webhook ? 'Save webhook' : 'Add webhook'}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
