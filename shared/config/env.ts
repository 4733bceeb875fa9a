import type { z } from 'zod';
import { ConfigError } from '../errors';

export type Env = Record<string, string | undefined>;

/** Parses a section of settings; the error names the environment variable at fault. */
export function parseSection<T extends z.ZodType>(
  schema: T,
  values: Record<string, unknown>,
  settingOf: (key: string) => string,
): z.infer<T> {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  throw new ConfigError(issue.message, settingOf(key));
}
