import { createAuditSink } from '../../shared/audit/index';
import type { Config } from '../../shared/config';
import { perConfig } from '../../shared/config/per-config';
import { LinkStore } from '../../shared/review/link-store';
import { localNotifier, type Notifier, serviceBusNotifier } from '../../shared/review/notifier';
import { blobServiceClient, queueServiceClient, tableClient } from '../../shared/storage/clients';
import type { ReviewActivityDeps } from './activities';
import { DRAFTS_CONTAINER, LINKS_TABLE, NOTIFICATIONS_QUEUE, OUTBOX_TABLE } from './names';

const notifierFor = perConfig(
  async ({
    environment,
    storage,
    namespace,
  }: Pick<Config, 'environment' | 'storage'> & { namespace?: string }): Promise<Notifier> => {
    if (environment === 'azure' && namespace) return serviceBusNotifier(namespace);
    return localNotifier(
      queueServiceClient(storage).getQueueClient(NOTIFICATIONS_QUEUE),
      tableClient(storage, OUTBOX_TABLE),
    );
  },
);

/** Production wiring of the review activities and page from configuration. */
export async function reviewDeps(config: Config): Promise<ReviewActivityDeps> {
  const { environment, storage } = config;
  const notifier = notifierFor({ environment, storage, namespace: config.review.notificationNamespace });
  return {
    secret: config.review.linkSecret,
    baseUrl: config.review.baseUrl,
    links: new LinkStore(tableClient(config.storage, LINKS_TABLE)),
    notifier: await notifier,
    audit: await createAuditSink(config),
  };
}

export const draftsContainer = (config: Config) =>
  blobServiceClient(config.storage).getContainerClient(DRAFTS_CONTAINER);
