import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MessageLease } from '../../local/host/triggers/queue-lease';
import { queueService } from '../support/storage';

test('a lease keeps a running message invisible past its visibility timeout; release yields the receipt to delete with', async () => {
  const queue = queueService().getQueueClient(`lease-${Date.now().toString(36)}`);
  await queue.create();
  await queue.sendMessage('leased');
  await queue.sendMessage('control');
  const received = (await queue.receiveMessages({ numberOfMessages: 2, visibilityTimeout: 1 })).receivedMessageItems;
  const leased = received.find((m) => m.messageText === 'leased')!;
  const errors: Error[] = [];
  const lease = new MessageLease(queue, leased, 1, (e) => errors.push(e));

  await new Promise((r) => setTimeout(r, 2_500));
  const visible = (await queue.peekMessages({ numberOfMessages: 32 })).peekedMessageItems.map((m) => m.messageText);
  assert.deepEqual(visible, ['control'], 'only the message without a lease is visible again');
  await queue.deleteMessage(leased.messageId, await lease.release());
  assert.equal((await queue.getProperties()).approximateMessagesCount, 1);
  assert.deepEqual(errors, []);
  await queue.delete();
});
