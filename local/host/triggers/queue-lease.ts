import type { DequeuedMessageItem, QueueClient } from '@azure/storage-queue';

/**
 * Keeps a dequeued message invisible while its handler runs, renewing at half the lease as WebJobs does, so a handler
 * slower than the lease is not started a second time in parallel. Each renewal changes the pop receipt; `release()`
 * stops renewing and returns the receipt to delete or update the message with.
 */
export class MessageLease {
  #popReceipt: string;
  #renewing: Promise<void> = Promise.resolve();
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly queue: QueueClient,
    private readonly message: DequeuedMessageItem,
    private readonly leaseSeconds: number,
    onRenewalError: (error: Error) => void,
  ) {
    this.#popReceipt = message.popReceipt;
    this.#timer = setInterval(() => {
      this.#renewing = this.#renewing.then(() => this.#renew()).catch(onRenewalError);
    }, leaseSeconds * 500);
    this.#timer.unref();
  }

  async #renew(): Promise<void> {
    const renewed = await this.queue.updateMessage(
      this.message.messageId,
      this.#popReceipt,
      undefined,
      this.leaseSeconds,
    );
    if (renewed.popReceipt) this.#popReceipt = renewed.popReceipt;
  }

  async release(): Promise<string> {
    clearInterval(this.#timer);
    await this.#renewing;
    return this.#popReceipt;
  }
}
