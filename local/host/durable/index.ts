import type { CreateDurableEngine } from './contract';
import { Engine } from './engine';

export const createDurableEngine: CreateDurableEngine = (services) => new Engine(services);
