import { createAuditSink } from '../../shared/audit/index';
import type { Config } from '../../shared/config';
import { LinkStore } from '../../shared/review/link-store';
import { localNotifier, type Notifier, serviceBusNotifier } from '../../shared/review/notifier';
import { blobServiceClient, queueServiceClient, tableClient } from '../../shared/storage/clients';
import type { ReviewActivityDeps } from './activities';

export const DRAFTS_CONTAINER = 'review-drafts';

let notifier: Promise<Notifier> | undefined;

/** Production wiring of the review activities and page from configuration. */
export async function reviewDeps(config: Config): Promise<ReviewActivityDeps> {
  notifier ??= (async () => {
    const namespace = process.env.ServiceBusConnection__fullyQualifiedNamespace;
    if (config.environment === 'azure' && namespace) return serviceBusNotifier(namespace);
    return localNotifier(
      queueServiceClient(config.storage).getQueueClient('notifications'),
      tableClient(config.storage, 'reviewoutbox'),
    );
  })();
  return {
    secret: config.review.linkSecret,
    baseUrl: config.review.baseUrl,
    links: new LinkStore(tableClient(config.storage, 'reviewlinks')),
    notifier: await notifier,
    audit: await createAuditSink(config),
  };
}

export const draftsContainer = (config: Config) =>
  blobServiceClient(config.storage).getContainerClient(DRAFTS_CONTAINER);
