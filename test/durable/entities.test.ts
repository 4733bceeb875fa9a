import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { startHost } from '../../local/host/index';
import { testStorage } from '../support/storage';

const appDir = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'durable-app');

test('an app that registers a Durable entity is refused at start-up, naming the function and what to do', async () => {
  await assert.rejects(
    startHost({
      appDir,
      main: '../../../dist/test/fixtures/durable-app/entities/*.js',
      port: 0,
      storageConnectionString: testStorage(),
      log: () => {},
    }),
    /Durable entities are not supported by the local host \(functions: counter\); run them on Azure/,
  );
});
