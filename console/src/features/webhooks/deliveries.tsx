import { DataTable } from '../../components/data-table.tsx';
import { Empty, PolledView } from '../../components/states.tsx';
import { usePoll } from '../../lib/use-poll.ts';
import { deliveries, redeliver } from './webhook-api.ts';

/** An endpoint's delivery attempts, newest first, live; any event can be delivered again. */
export function Deliveries({
  webhookId,
  onNotice,
}: {
  webhookId: string;
  onNotice: (notice: { text: string } | { error: string }) => void;
}) {
  const { polled, poke } = usePoll(() => deliveries(webhookId), `deliveries:${webhookId}`);
  const again = async (eventId: string) => {
    await redeliver(webhookId, eventId).then(
      () => onNotice({ text: `Event ${eventId} queued for delivery again.` }),
      (failure: Error) => onNotice({ error: `Could not redeliver ${eventId}: ${failure.message}` }),
    );
    poke();
  };
  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Delivery log</h2>
      <PolledView polled={polled} what="the delivery log">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>Nothing delivered yet: send a test.</Empty>
          ) : (
            <DataTable label="Delivery log" columns={['Time', 'Event', 'Attempt', 'Outcome', 'Answer', 'Actions']}>
              {page.data.map((delivery) => (
                <tr key={delivery.attemptId}>
                  <td>{new Date(delivery.at).toLocaleString()}</td>
                  <td>
                    {delivery.eventType}
                    <div class="muted">{delivery.eventId}</div>
                  </td>
                  <td>{delivery.attempt}</td>
                  <td>{delivery.outcome}</td>
                  <td>
                    {delivery.statusCode ?? delivery.error} ({delivery.latencyMs} ms)
                    {delivery.nextAttemptAt && <div class="muted">next try {new Date(delivery.nextAttemptAt).toLocaleString()}</div>}
                  </td>
                  <td>
                    {delivery.eventType !== 'webhook.test' && (
                      <button type="button" onClick={() => void again(delivery.eventId)} aria-label={`Redeliver ${delivery.eventId}`}>
                        Redeliver
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </PolledView>
    </section>
  );
}
