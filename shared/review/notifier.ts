import type { TableClient } from '@azure/data-tables';
import type { QueueClient } from '@azure/storage-queue';

export interface Notification {
  kind: string;
  to: string;
  url?: string;
  pipeline: string;
  subjectId: string;
  instanceId: string;
  title: string;
  at: string;
}

/** Where reviewer notifications go: a Service Bus topic on Azure, a Storage queue plus a readable outbox locally. */
export interface Notifier {
  send(notification: Notification): Promise<void>;
}

export function localNotifier(queue: QueueClient, outbox: TableClient): Notifier {
  let ready: Promise<unknown> | undefined;
  return {
    async send(n) {
      ready ??= Promise.all([queue.createIfNotExists(), outbox.createTable()]);
      await ready;
      await queue.sendMessage(Buffer.from(JSON.stringify(n)).toString('base64'));
      await outbox.upsertEntity({
        partitionKey: 'outbox',
        rowKey: `${n.at}-${n.kind}-${n.instanceId}`.replace(/[^\w.:-]/g, '_'),
        ...n,
      });
    },
  };
}

export async function serviceBusNotifier(fullyQualifiedNamespace: string): Promise<Notifier> {
  const [{ ServiceBusClient }, { DefaultAzureCredential }] = await Promise.all([
    import('@azure/service-bus'),
    import('@azure/identity'),
  ]);
  const sender = new ServiceBusClient(fullyQualifiedNamespace, new DefaultAzureCredential()).createSender(
    'notifications',
  );
  return {
    async send(n) {
      await sender.sendMessages({
        body: n,
        contentType: 'application/json',
        subject: n.kind,
        applicationProperties: { pipeline: n.pipeline },
      });
    },
  };
}

export async function readOutbox(outbox: TableClient): Promise<Notification[]> {
  const rows: Notification[] = [];
  try {
    for await (const row of outbox.listEntities<Notification>({ queryOptions: { filter: "PartitionKey eq 'outbox'" } }))
      rows.push(row);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
  return rows.sort((a, b) => b.at.localeCompare(a.at));
}
