import { app } from '@azure/functions';
import { loadConfig } from '../shared/config';
import { ConfigError } from '../shared/errors';
import { healthReport } from '../shared/health/report';
import { blobServiceClient } from '../shared/storage/clients';

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
  handler: async () => {
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
    const count = Number(process.env.ENCLAVE_HOST_FUNCTION_COUNT);
    const report = await healthReport({
      version,
      environment: config.environment,
      functionsLoaded: Number.isFinite(count) ? count : null,
      probeStorage: async () => void (await blobServiceClient(config.storage).getProperties()),
    });
    return { status: report.status === 'ok' ? 200 : 503, jsonBody: report };
  },
});
