import * as df from 'durable-functions';

type Methods = Record<string, (input: never) => Promise<unknown>>;

/**
 * Registers a workflow's activities: each name maps to a method of the object its factory builds per invocation
 * (the factory reads configuration, so registration itself does no I/O).
 */
export function registerActivities<T extends Methods>(
  factory: () => Promise<T>,
  names: Record<string, keyof T & string>,
): void {
  for (const [name, method] of Object.entries(names)) {
    df.app.activity(name, { handler: async (input: unknown) => (await factory())[method]!(input as never) });
  }
}
