import type { CreateDurableEngine } from './contract';

// Placeholder until the Durable engine lands: apps that register orchestrations fail at start-up with this message.
export const createDurableEngine: CreateDurableEngine = () => {
  throw new Error('the Durable engine is not built yet: orchestrations and activities cannot run on this host');
};
