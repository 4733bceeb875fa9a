import type { StackStarter } from '../stack-types';
import { LOCAL_ENDPOINT_NAMES, localEndpoints } from './endpoints';
import { startModelServer } from './server';

/** `npm start` runs the local model server on fixed ports (7101…) and hands the app its endpoint list. */
export const modelServerService: StackStarter = async () => {
  const basePort = Number(process.env.ENCLAVE_MODEL_BASE_PORT ?? 7101);
  const server = await startModelServer({
    regions: LOCAL_ENDPOINT_NAMES.map((name, i) => ({ name, region: name.replace(/-ptu$/, ''), port: basePort + i })),
  });
  const urls = Object.fromEntries(server.endpoints.map((e) => [e.name, e.url]));
  console.log(
    `Model server   ${server.endpoints.map((e) => `${e.name} ${e.url.replace('http://127.0.0.1', '')}`).join('  ')}`,
  );
  return {
    service: { name: 'local model server', stop: () => server.stop() },
    settings: { MODEL_ENDPOINTS: JSON.stringify(localEndpoints(urls)), MODEL_API_KEY: server.apiKey },
  };
};
