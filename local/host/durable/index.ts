import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleManagementApi } from './api';
import type { CreateDurableEngine } from './contract';
import { Engine } from './engine';

/** The engine, with its management API routed beside it rather than inside it (api.ts reads the engine). */
export const createDurableEngine: CreateDurableEngine = (services) => {
  const engine = new Engine(services);
  return Object.assign(engine, {
    handleHttp: async (req: IncomingMessage, res: ServerResponse, url: URL) => {
      await engine.ready();
      return handleManagementApi(engine, req, res, url);
    },
  });
};
