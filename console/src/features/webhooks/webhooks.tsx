import { useState } from 'preact/hooks';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { CopyButton } from '../../components/copy-button.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { Empty, ErrorNote, PolledView } from '../../components/states.tsx';
import { href } from '../../lib/router.ts';
import { usePoll } from '../../lib/use-poll.ts';
import { Deliveries } from './deliveries.tsx';
import { createWebhook, deleteWebhook, listWebhooks, rotateSecret, testWebhook, updateWebhook, type Webhook } from './webhook-api.ts';
import { WebhookForm, type WebhookFields } from './webhook-form.tsx';

type Notice = { secret: string; of: string } | { text: string } | { error: string };

/** The account's webhook endpoints: add, edit, enable or disable, delete, rotate the secret, test, and read deliveries. */
export function Webhooks({ webhookId }: { webhookId: string | undefined }) {
  const { polled, poke } = usePoll(listWebhooks, 'webhooks');
  const [editing, setEditing] = useState<Webhook>();
  const [deleting, setDeleting] = useState<Webhook>();
  const [notice, setNotice] = useState<Notice>();

  const act = async (action: () => Promise<Notice | undefined>) => {
    setNotice(undefined);
    setNotice(await action().catch((failure: Error) => ({ error: failure.message })));
    poke();
  };
  const add = async (fields: WebhookFields) => {
    const created = await createWebhook({
      url: fields.url,
      events: fields.events,
      ...(fields.session ? { session: fields.session } : {}),
      ...(fields.description ? { description: fields.description } : {}),
    });
    setNotice({ secret: created.secret, of: created.url });
    poke();
  };
  const save = async (webhook: Webhook, fields: WebhookFields) => {
    await updateWebhook(webhook.id, {
      url: fields.url,
      events: fields.events,
      session: fields.session ?? null,
      description: fields.description ?? null,
    });
    setEditing(undefined);
    poke();
  };
  const test = async (webhook: Webhook): Promise<Notice> => {
    const result = await testWebhook(webhook.id);
    if (result.delivered) return { text: `Test event delivered to ${webhook.url} (${result.statusCode}, ${result.latencyMs} ms).` };
    return { error: `Test event not delivered to ${webhook.url}: ${result.error ?? `it answered ${result.statusCode}`}.` };
  };

  return (
    <section aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">Webhooks</h1>
      {notice && 'secret' in notice && (
        <div role="status" class="notice">
          <p>
            The signing secret of {notice.of}, shown only now: <code aria-label="Signing secret">{notice.secret}</code>
          </p>
          <CopyButton text={notice.secret} label="Copy secret" />
        </div>
      )}
      {notice && 'text' in notice && (
        <p role="status" class="ok">
          {notice.text}
        </p>
      )}
      {notice && 'error' in notice && <ErrorNote>{notice.error}</ErrorNote>}
      <PolledView polled={polled} what="webhooks">
        {(webhooks) =>
          webhooks.length === 0 ? (
            <Empty>No webhooks yet: add one below to receive events as they happen.</Empty>
          ) : (
            <DataTable
              label="Webhooks"
              columns={['URL', { label: 'Events', wideOnly: true }, { label: 'Session', wideOnly: true }, 'State', 'Actions']}
            >
              {webhooks.map((webhook) => (
                <tr key={webhook.id}>
                  <th scope="row">
                    {webhook.url}
                    {webhook.description && <div class="muted">{webhook.description}</div>}
                  </th>
                  <td class="wide-only">{webhook.events.join(', ')}</td>
                  <td class="wide-only">{webhook.session ?? 'all'}</td>
                  <td>
                    {webhook.enabled ? 'enabled' : 'disabled'}
                    {!webhook.enabled && webhook.disabledReason && <div class="muted">{webhook.disabledReason}</div>}
                  </td>
                  <td class="actions">
                    <button type="button" onClick={() => void act(() => test(webhook))}>
                      Send test
                    </button>
                    <a href={href('webhooks', webhook.id)}>Deliveries</a>
                    <button type="button" onClick={() => setEditing(webhook)}>
                      Edit
                    </button>
                    <button
                      type="button"
                      onClick={() => void act(async () => void (await updateWebhook(webhook.id, { enabled: !webhook.enabled })))}
                    >
                      {webhook.enabled ? 'Disable' : 'Enable'}
                    </button>
                    <button
                      type="button"
                      onClick={() => void act(async () => ({ secret: (await rotateSecret(webhook.id)).secret, of: webhook.url }))}
                    >
                      Rotate secret
                    </button>
                    <button type="button" class="danger" onClick={() => setDeleting(webhook)}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </PolledView>
      {editing ? (
        <WebhookForm key={editing.id} webhook={editing} onSave={(fields) => save(editing, fields)} onCancel={() => setEditing(undefined)} />
      ) : (
        <WebhookForm onSave={add} />
      )}
      {webhookId && <Deliveries key={webhookId} webhookId={webhookId} onNotice={(text) => setNotice(text)} />}
      {deleting && (
        <ConfirmDialog
          title="Delete this webhook?"
          confirmLabel="Delete"
          onCancel={() => setDeleting(undefined)}
          onConfirm={() => {
            setDeleting(undefined);
            void act(async () => void (await deleteWebhook(deleting.id)));
          }}
        >
          <p>Nothing more is delivered to {deleting.url}, retries included.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
