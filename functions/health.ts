import { app } from '@azure/functions';
import { loadConfig } from '../shared/config';
import { ConfigError } from '../shared/errors';
import { healthReport } from '../shared/health/report';
import { blobServiceClient } from '../shared/storage/clients';

const version: string = require('../../package.json').version;

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
