import type { Command } from 'commander';

/** One line per command module; each exports `register(program)`. */
export function registerCommands(_program: Command): void {}
