import { randomUUID } from 'node:crypto';
import type { DequeuedMessageItem, QueueClient } from '@azure/storage-queue';
import type { FunctionApp } from '../function-app';
import type { QueueSettings } from '../host-json';
import type { RegisteredFunction } from '../runtime/core-api';
import { jsonData } from '../runtime/typed-data';
import { settlesWithin } from '../settles-within';
import { PollingBackoff, sleep, type TriggerListener } from './listener';
import { MessageLease } from './queue-lease';

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** WebJobs keeps a running message invisible for 10 minutes, renewed while the handler runs (MessageLease). */
const LEASE_SECONDS = 600;

export type QueueFlavour = 'storage' | 'servicebus';

/**
 * A storage-queue trigger with the WebJobs QueueProcessor rules: batches of `batchSize`, a new batch when fewer than
 * `newBatchThreshold` run, delete on success, visible again after `visibilityTimeout` on failure, and after
 * `maxDequeueCount` failures the message is copied intact to `<queue>-poison`. Locally, Service Bus queue triggers
 * run on an Azurite queue of the same name with plain-text bodies and Service Bus-shaped metadata.
 */
export class QueueListener implements TriggerListener {
  readonly description: string;
  #abort = new AbortController();
  #stopRequested = new Promise<void>((resolve) => this.#abort.signal.addEventListener('abort', () => resolve()));
  #loop: Promise<void> | undefined;
  #running = new Set<Promise<void>>();

  constructor(
    private readonly app: FunctionApp,
    private readonly fn: RegisteredFunction,
    private readonly queue: QueueClient,
    private readonly poison: QueueClient,
    private readonly settings: QueueSettings,
    private readonly flavour: QueueFlavour = 'storage',
  ) {
    this.description = `${flavour === 'servicebus' ? 'Service Bus queue (local: Azurite queue)' : 'queue'} ${queue.name}`;
  }

  async start(): Promise<void> {
    await this.queue.createIfNotExists();
    await this.poison.createIfNotExists();
    this.app.log(
      'debug',
      `${this.fn.name}: listening on ${this.description} (batch ${this.settings.batchSize}, new batch under ${this.settings.newBatchThreshold} running, polling up to every ${this.settings.maxPollingIntervalMs} ms, poison ${this.poison.name} after ${this.settings.maxDequeueCount} attempts)`,
    );
    this.#loop = this.#poll();
  }

  /** Stops receiving, then waits up to `graceMs` for running handlers; an unfinished message stays leased. */
  async stop(graceMs: number): Promise<void> {
    this.#abort.abort();
    await this.#loop;
    if (!(await settlesWithin(Promise.allSettled([...this.#running]), graceMs)))
      this.app.log('warn', `${this.description}: ${this.#running.size} handler(s) still running after ${graceMs} ms`);
  }

  async #poll(): Promise<void> {
    const backoff = new PollingBackoff(50, this.settings.maxPollingIntervalMs);
    while (!this.#abort.signal.aborted) {
      if (this.#running.size > this.settings.newBatchThreshold) {
        await Promise.race([...this.#running, this.#stopRequested]);
        continue;
      }
      let messages: DequeuedMessageItem[] = [];
      try {
        const batch = await this.queue.receiveMessages({
          numberOfMessages: this.settings.batchSize,
          visibilityTimeout: LEASE_SECONDS,
        });
        messages = batch.receivedMessageItems;
      } catch (error) {
        this.app.log('warn', `${this.description}: receive failed: ${(error as Error).message}`);
      }
      if (messages.length === 0) {
        await sleep(backoff.next(), this.#abort.signal);
        continue;
      }
      if (this.#abort.signal.aborted) return this.#giveBack(messages);
      backoff.reset();
      this.app.log(
        'debug',
        `${this.fn.name}: ${messages.length} message(s) from ${this.description}, leased ${LEASE_SECONDS} s (renewed every ${LEASE_SECONDS / 2} s while running)`,
      );
      for (const message of messages) {
        const run = this.#process(message).finally(() => this.#running.delete(run));
        this.#running.add(run);
      }
    }
  }

  async #process(message: DequeuedMessageItem): Promise<void> {
    let text = message.messageText;
    if (this.flavour === 'storage' && this.settings.messageEncoding === 'base64') {
      if (!STRICT_BASE64.test(text.replace(/\s/g, ''))) {
        this.app.log(
          'warn',
          `${this.description}: message ${message.messageId} is not valid base64 (host.json messageEncoding is base64); moved to ${this.poison.name} without running ${this.fn.name}`,
        );
        return this.#toPoison(message);
      }
      text = Buffer.from(text, 'base64').toString('utf8');
    }
    const lease = new MessageLease(this.queue, message, LEASE_SECONDS, (e) =>
      this.app.log(
        'warn',
        `${this.description}: could not renew the lease of message ${message.messageId}: ${e.message}`,
      ),
    );
    try {
      await this.app.invoke(this.fn.name, { string: text }, this.#metadata(message, text));
      await this.queue.deleteMessage(message.messageId, await lease.release());
      this.app.log('debug', `${this.fn.name}: message ${message.messageId} done, deleted from ${this.queue.name}`);
    } catch (error) {
      const popReceipt = await lease.release();
      const attempt = message.dequeueCount;
      this.app.log(
        'warn',
        `${this.fn.name} failed on ${this.description} message ${message.messageId} (attempt ${attempt} of ${this.settings.maxDequeueCount}): ${(error as Error).message}`,
      );
      if (attempt >= this.settings.maxDequeueCount) return this.#toPoison(message, popReceipt);
      await this.queue
        .updateMessage(message.messageId, popReceipt, undefined, Math.round(this.settings.visibilityTimeoutMs / 1000))
        .catch((e: Error) =>
          this.app.log('warn', `${this.description}: could not release message ${message.messageId}: ${e.message}`),
        );
    }
  }

  /** Messages received as the listener stopped: visible again at once, for the next host to take. */
  async #giveBack(messages: DequeuedMessageItem[]): Promise<void> {
    await Promise.allSettled(messages.map((m) => this.queue.updateMessage(m.messageId, m.popReceipt, undefined, 0)));
  }

  async #toPoison(message: DequeuedMessageItem, popReceipt = message.popReceipt): Promise<void> {
    await this.poison.sendMessage(message.messageText);
    await this.queue.deleteMessage(message.messageId, popReceipt);
    this.app.log('warn', `message ${message.messageId} moved to ${this.poison.name}`);
  }

  #metadata(message: DequeuedMessageItem, text: string): Record<string, unknown> {
    const iso = (d: Date | undefined) => jsonData(d ? d.toISOString() : null);
    if (this.flavour === 'servicebus') {
      return {
        MessageId: { string: message.messageId },
        DeliveryCount: jsonData(message.dequeueCount),
        EnqueuedTimeUtc: iso(message.insertedOn),
        ExpiresAtUtc: iso(message.expiresOn),
        LockToken: { string: message.popReceipt },
        ContentType: { string: 'text/plain' },
        SequenceNumber: jsonData(message.insertedOn.getTime()),
        UserProperties: jsonData({}),
      };
    }
    return {
      QueueTrigger: { string: text },
      DequeueCount: jsonData(message.dequeueCount),
      Id: { string: message.messageId },
      PopReceipt: { string: message.popReceipt },
      InsertionTime: iso(message.insertedOn),
      ExpirationTime: iso(message.expiresOn),
      NextVisibleTime: iso(message.nextVisibleOn),
      sys: jsonData({ MethodName: this.fn.name, UtcNow: new Date().toISOString(), RandGuid: randomUUID() }),
    };
  }
}
