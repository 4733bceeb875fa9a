import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import { loadConfig } from '../shared/config';
import { ConfigError } from '../shared/errors';
import { healthReport } from '../shared/health/report';
import { breakerStatus } from '../shared/model/breaker-status';
import { healthRules } from '../shared/model/factory';
import { MODEL_HEALTH_TABLE, TableHealthStore } from '../shared/model/health-store';
import { blobServiceClient, tableClient } from '../shared/storage/clients';

const version: string = require('../../package.json').version;

// On Azure nothing can refuse to start the worker, so a bad setting is said once, loudly, at start-up; every
// function that reads the config then fails, and /api/health answers 503 with the setting.
app.hook.appStart(() => {
  try {
    loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Enclave is misconfigured and will not run: ${error.message}`);
  }
});

app.http('health', {
  route: 'health',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async (_request: HttpRequest, context: InvocationContext) => {
    let config: ReturnType<typeof loadConfig>;
    try {
      config = loadConfig();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return {
        status: 503,
        jsonBody: { status: 'misconfigured', version, setting: error.setting, error: error.message },
      };
    }
    const report = await healthReport({
      version,
      environment: config.environment,
      functionsLoaded: config.hostFunctionCount,
      probeStorage: async () => void (await blobServiceClient(config.storage).getProperties()),
    });
    context.log(`health: ${report.status}, ${report.functionsLoaded ?? '?'} functions loaded`);
    return { status: report.status === 'ok' ? 200 : 503, jsonBody: report };
  },
});

// Which region is down is an operator's business, not an anonymous caller's: the breakers sit behind the admin key.
app.http('healthModels', {
  route: 'health/models',
  methods: ['GET'],
  authLevel: 'admin',
  handler: async () => {
    let config: ReturnType<typeof loadConfig>;
    try {
      config = loadConfig();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return { status: 503, jsonBody: { status: 'misconfigured', setting: error.setting, error: error.message } };
    }
    const states = await new TableHealthStore(tableClient(config.storage, MODEL_HEALTH_TABLE)).load();
    const now = Date.now();
    return {
      jsonBody: {
        models: breakerStatus(config.model.endpoints, states, healthRules(config.model), now),
        checkedAt: new Date(now).toISOString(),
      },
    };
  },
});
