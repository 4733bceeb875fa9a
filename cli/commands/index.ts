import type { Command } from 'commander';
import * as audit from './audit';
import * as cost from './cost';
import * as durable from './durable';
import * as durableVerbs from './durable-verbs';
import * as finetune from './finetune';
import * as foia from './foia';
import * as radiology from './radiology';
import * as review from './review';
import * as safety from './safety';
import * as start from './start';
import * as submit from './submit';
import * as varCommands from './var';

/** One line per command module; each exports `register(program)`. */
export function registerCommands(program: Command): void {
  start.register(program);
  durable.register(program);
  durableVerbs.register(program);
  audit.register(program);
  safety.register(program);
  cost.register(program);
  review.register(program);
  radiology.register(program);
  varCommands.register(program);
  foia.register(program);
  finetune.register(program);
  submit.register(program);
}
