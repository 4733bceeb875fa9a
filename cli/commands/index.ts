import type { Command } from 'commander';
import * as audit from './audit';
import * as cost from './cost';
import * as durable from './durable';
import * as review from './review';
import * as safety from './safety';
import * as start from './start';

/** One line per command module; each exports `register(program)`. */
export function registerCommands(program: Command): void {
  start.register(program);
  durable.register(program);
  audit.register(program);
  safety.register(program);
  cost.register(program);
  review.register(program);
}
