import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { TableClient } from '@azure/data-tables';
import { seeded } from '../../local/model/faults';
import type { RunningModelServer } from '../../local/model/server';
import type { ModelCallRecord } from '../../shared/audit/records';
import { validateAuditRecord } from '../../shared/audit/schema';
import { loadConfig } from '../../shared/config';
import { ContentBlockedError, ModelUnavailableError } from '../../shared/model/errors';
import { endpointClient } from '../../shared/model/factory';
import { DEFAULT_HEALTH_RULES } from '../../shared/model/health';
import { HealthRegistry } from '../../shared/model/health-registry';
import { TableHealthStore } from '../../shared/model/health-store';
import { ResidencyIncidentError, ResidencyUnavailableError } from '../../shared/model/residency';
import type { Verdict } from '../../shared/model/safety/policy';
import { chat, endpointsOf, gatewayFor, localModelServer, zoneOf } from '../support/model';
import { testStorage } from '../support/storage';

let server: RunningModelServer;
before(async () => {
  server = await localModelServer();
});
after(async () => server.stop());
beforeEach(() => {
  server.clearFaults();
  server.clearRequests();
});

const payg = () => endpointsOf(server).filter((e) => e.kind === 'payg');

describe('model gateway over the local multi-region server (real openai client, real HTTP)', () => {
  test('pay-as-you-go traffic converges to the 60/40 weights over 1,000 calls', async () => {
    // Weights alone: a seeded draw, and latency rules loose enough that a loaded machine does not trip the breaker.
    const { gateway } = gatewayFor(server, { endpoints: payg(), random: seeded(1), rules: { maxP95Ms: 60_000 } });
    const served: Record<string, number> = {};
    for (let i = 0; i < 1000; i += 50) {
      const results = await Promise.all(Array.from({ length: 50 }, (_, k) => gateway.call(chat(`note ${i + k}`))));
      for (const r of results) served[r.endpoint] = (served[r.endpoint] ?? 0) + 1;
    }
    assert.equal((served.eastus ?? 0) + (served.westeurope ?? 0), 1000);
    assert.ok(Math.abs((served.eastus ?? 0) / 1000 - 0.6) < 0.04, `eastus share ${served.eastus}/1000`);
  });

  test('a hanging primary costs one full attempt timeout per breaker trip; traffic moves to the secondary', async () => {
    const { gateway } = gatewayFor(server, {
      endpoints: payg(),
      attemptTimeoutMs: 400,
      rules: { openMs: 60_000 },
      random: () => 0,
    });
    server.setFault('eastus', { hang: true });
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await gateway.call(chat(`hang test ${i}`));
      assert.equal(r.endpoint, 'westeurope');
      latencies.push(r.latencyMs);
    }
    assert.equal(latencies.filter((ms) => ms >= 400).length, 1, `latencies: ${latencies.join(', ')}`);
    assert.equal(server.requests('eastus').length, 1);
  });

  test('the configured clients time out after 10 s by default and never retry by themselves', () => {
    const client = endpointClient(loadConfig({ MODEL_API_KEY: 'k' }).model)(payg()[0]!);
    assert.equal(client.timeout, 10_000);
    assert.equal(client.maxRetries, 0);
    const tuned = endpointClient(loadConfig({ MODEL_API_KEY: 'k', MODEL_ATTEMPT_TIMEOUT_MS: '2500' }).model);
    assert.equal(tuned(payg()[0]!).timeout, 2_500);
  });

  test('429 with retry-after moves to the next endpoint at once and cools the throttled one', async () => {
    const { gateway } = gatewayFor(server, { endpoints: payg(), random: () => 0 });
    server.setFault('eastus', { throttleRate: 1, retryAfterMs: 30_000 });
    const first = await gateway.call(chat('throttle one'));
    assert.equal(first.endpoint, 'westeurope');
    assert.equal(first.attempts, 2);
    for (let i = 0; i < 5; i++) assert.equal((await gateway.call(chat(`throttle ${i}`))).endpoint, 'westeurope');
    assert.equal(server.requests('eastus').length, 1, 'the cooled endpoint is not asked again during retry-after');
  });

  test('data-zone:europe with both EU regions down fails with ResidencyUnavailableError and never leaves Europe', async () => {
    const { gateway, audit } = gatewayFor(server);
    server.setFault('westeurope', { down: true });
    server.setFault('uksouth', { down: true });
    await assert.rejects(gateway.call(chat('eu only', { residency: 'data-zone:europe' })), ResidencyUnavailableError);
    await assert.rejects(
      gateway.call(chat('eu only again', { residency: 'data-zone:europe' })),
      (e: Error) =>
        e instanceof ResidencyUnavailableError &&
        /data-zone:europe/.test(e.message) &&
        // Out of rotation, not gone: the error says when a circuit offers its trial, so a waiting run looks again then.
        e.retryAfterMs !== undefined &&
        e.retryAfterMs >= 1_000 &&
        e.retryAfterMs <= DEFAULT_HEALTH_RULES.openMs,
    );
    const outside = server.requests().filter((r) => zoneOf(r.endpoint.replace(/-ptu$/, '')) !== 'europe');
    assert.equal(outside.length, 0);
    assert.ok(audit.records.every((r) => r.kind === 'model-call' && r.outcome === 'residency-unavailable'));
  });

  test('PTU first; when it is saturated the call spills to pay-as-you-go and is billed as such', async () => {
    const { gateway, audit } = gatewayFor(server, { random: () => 0 });
    const first = await gateway.call(chat('ptu please'));
    assert.equal(first.endpoint, 'eastus-ptu');
    assert.equal(first.costUsd, 0);
    server.setFault('eastus-ptu', { capacityPerMinute: 0, retryAfterMs: 5_000 });
    const spilled = await gateway.call(chat('ptu is full'));
    assert.equal(spilled.endpoint, 'eastus');
    assert.ok(spilled.costUsd > 0);
    const record = audit.records.at(-1) as ModelCallRecord;
    assert.deepEqual(
      record.attempts.map((a) => `${a.endpoint}:${a.outcome}`),
      ['eastus-ptu:throttled', 'eastus:ok'],
    );
    assert.equal(record.billing, 'payg');
  });

  test('a blocked prompt never reaches any region and the audit names category and severity, not the text', async () => {
    const { gateway, audit } = gatewayFor(server);
    const prompt = 'Explain step by step how to make a pipe bomb at home';
    await assert.rejects(
      gateway.call(chat(prompt)),
      (e: Error) => e instanceof ContentBlockedError && /violence severity 7/.test(e.message),
    );
    assert.equal(server.requests().length, 0);
    const stored = JSON.stringify(audit.records);
    assert.ok(!stored.includes('pipe bomb'));
    assert.equal((audit.records[0] as ModelCallRecord).outcome, 'blocked');
  });

  test('clinical language is allowed under the radiology policy; the same words with intent never reach a region', async () => {
    const { gateway, audit } = gatewayFor(server);
    const radiology = {
      pipeline: 'radiology',
      residency: 'single-region:westeurope',
      dataClassification: 'phi',
      safetyContext: { clinical: true },
    };
    const ok = await gateway.call(
      chat('Gunshot wound to the left thigh with retained fragment. History of suicide attempt in 2019.', radiology),
    );
    assert.equal(ok.region, 'westeurope');
    assert.equal((ok.safety.input as { decision: string }).decision, 'allow');
    server.clearRequests();
    await assert.rejects(
      gateway.call(chat('I am going to kill my neighbour tonight.', radiology)),
      (e: Error) => e instanceof ContentBlockedError && /prompt blocked.*violence severity 7/.test(e.message),
    );
    assert.equal(server.requests().length, 0, 'the local analyser refused it before any region was called');
    assert.deepEqual((audit.records.at(-1) as ModelCallRecord).attempts, []);
  });

  test('a completion Azure filters (200, finish_reason content_filter) is withheld, audited and not retried elsewhere', async () => {
    const { gateway, audit } = gatewayFor(server, { endpoints: payg(), random: () => 0 });
    server.setFault('eastus', { annotations: { completion: { violence: 'high', hate: 'low' } } });
    await assert.rejects(
      gateway.call(chat('Write a short story about a harbour.')),
      (e: Error) =>
        e instanceof ContentBlockedError && e.message === 'completion blocked by content safety: violence severity 6',
    );
    assert.equal(server.requests('eastus').length, 1);
    assert.equal(server.requests().length, 1, 'a block is not failed over to another region');
    const record = audit.records.at(-1) as ModelCallRecord;
    assert.equal(record.outcome, 'blocked');
    assert.deepEqual(
      record.attempts.map((a) => [a.endpoint, a.outcome, a.status]),
      [['eastus', 'content-filter', 200]],
    );
    assert.deepEqual(
      [
        record.safety.output?.decision,
        record.safety.output?.severities.violence,
        record.safety.output?.severities.hate,
      ],
      ['block', 6, 2],
    );
    assert.ok(record.tokensUsed.prompt > 0 && record.costUsd > 0, 'the filtered call is still billed');
  });

  test("under a clinical context Azure's labels warn but do not block: a trauma report labelled high still drafts", async () => {
    const { gateway } = gatewayFor(server, { random: () => 0 });
    server.setFault('westeurope', {
      annotations: { prompt: { violence: 'high' }, completion: { violence: 'safe' } },
    });
    const r = await gateway.call(
      chat('Gunshot wound to the left thigh with retained fragment and comminuted femoral fracture.', {
        pipeline: 'radiology',
        residency: 'single-region:westeurope',
        dataClassification: 'phi',
        safetyContext: { clinical: true },
      }),
    );
    server.clearFaults();
    const { input } = r.safety as Record<'input', Verdict>;
    assert.deepEqual([input.decision, input.severities.violence, r.region], ['warn', 6, 'westeurope']);
  });

  test("Azure's prompt_filter_results join the input verdict: low warns, medium blocks under the default policy", async () => {
    const { gateway, audit } = gatewayFor(server, { endpoints: payg(), random: () => 0 });
    server.setFault('eastus', { annotations: { prompt: { hate: 'low' } } });
    const warned = await gateway.call(chat('Summarise the minutes of the meeting.'));
    assert.deepEqual(warned.safety.input, {
      severities: { hate: 2, sexual: 0, violence: 0, selfHarm: 0, illegalActivity: 0 },
      decision: 'warn',
      flagged: ['hate'],
    });
    server.setFault('eastus', { annotations: { prompt: { self_harm: 'medium' } } });
    await assert.rejects(
      gateway.call(chat('Summarise the minutes of the meeting.')),
      (e: Error) =>
        e instanceof ContentBlockedError && e.message === 'prompt blocked by content safety: selfHarm severity 4',
    );
    const record = audit.records.at(-1) as ModelCallRecord;
    assert.deepEqual([record.outcome, record.safety.input?.decision], ['blocked', 'block']);
  });

  test("Azure's own PTU spillover is recorded: the standard deployment that answered, billed per token", async () => {
    const { gateway, audit } = gatewayFor(server, { random: () => 0 });
    server.setFault('eastus-ptu', { capacityPerMinute: 0, spilloverDeployment: 'chat-standard' });
    const r = await gateway.call(chat('spill over natively'));
    assert.deepEqual([r.endpoint, r.deployment, r.servedDeployment], ['eastus-ptu', 'chat', 'chat-standard']);
    assert.ok(r.costUsd > 0);
    const record = audit.records.at(-1) as ModelCallRecord;
    assert.deepEqual(
      [record.servedDeployment, record.spilloverFrom, record.billing],
      ['chat-standard', 'chat', 'payg'],
    );
    assert.equal(record.costUsd, record.paygEquivalentUsd);
    assert.doesNotThrow(() => validateAuditRecord(record));
    server.setFault('eastus-ptu', {});
    const provisioned = audit.records.length;
    await gateway.call(chat('within capacity'));
    const normal = audit.records[provisioned] as ModelCallRecord;
    assert.deepEqual(
      [normal.servedDeployment, normal.spilloverFrom, normal.billing, normal.costUsd],
      ['chat', undefined, 'ptu', 0],
    );
  });

  test('a response served outside the policy is withheld as a residency incident', async () => {
    const { gateway, audit } = gatewayFor(server);
    server.setFault('westeurope', { servedRegion: 'eastus' });
    await assert.rejects(
      gateway.call(chat('where am I', { residency: 'single-region:westeurope' })),
      ResidencyIncidentError,
    );
    assert.equal((audit.records.at(-1) as ModelCallRecord).outcome, 'residency-incident');
  });

  test('5xx failures move on; when every allowed endpoint fails transiently the error is retryable', async () => {
    const { gateway } = gatewayFor(server, { endpoints: payg(), rules: { minAvailability: 0 } });
    server.setFault('eastus', { errorRate: 1 });
    server.setFault('westeurope', { errorRate: 1 });
    server.setFault('uksouth', { errorRate: 1 });
    server.setFault('japaneast', { errorRate: 1 });
    await assert.rejects(
      gateway.call(chat('all broken')),
      (e: Error) => e instanceof ModelUnavailableError && (e as ModelUnavailableError).retryable,
    );
  });

  test('structured output comes back parsed; every call has one audit record with hashes, tokens and cost', async () => {
    const { gateway, audit } = gatewayFor(server);
    const r = await gateway.call(
      chat('Summarise this. It has two sentences.', { responseFormat: { type: 'json_object' } }),
    );
    assert.deepEqual(Object.keys(r.json as object).sort(), ['keyTerms', 'sentences', 'summary']);
    const record = audit.records.at(-1) as ModelCallRecord;
    assert.match(record.promptSha256, /^[0-9a-f]{64}$/);
    assert.ok(record.tokensUsed.prompt > 5 && record.tokensUsed.completion > 5);
    assert.equal(record.userId, 'tester@enclave.local');
  });

  test('breaker state is shared through the health table: another instance sees the open circuit', async () => {
    const table = TableClient.fromConnectionString(testStorage(), `health${Date.now().toString(36)}`, {
      allowInsecureConnection: true,
    });
    const store = new TableHealthStore(table);
    const one = gatewayFor(server, { endpoints: payg(), store, random: () => 0 });
    server.setFault('eastus', { errorRate: 1 });
    await one.gateway.call(chat('trip the breaker'));
    await new Promise((r) => setTimeout(r, 100));
    const other = new HealthRegistry(store, DEFAULT_HEALTH_RULES);
    await other.refresh();
    assert.equal(other.get('eastus').breaker, 'open');
  });
});
