import { randomUUID } from 'node:crypto';
import { executedLine, executingLine } from './invocation-log';
import type { CoreApi, RegisteredFunction } from './runtime/core-api';
import { type InputEntry, type InvocationRequest, type InvocationResponse, invokeFunction } from './runtime/invoke';
import { entryFiles, loadEntryFiles } from './runtime/load';
import { settlesWithin } from './settles-within';

export type HostLog = (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;

/** Supplies the value of a non-trigger input binding (e.g. `durableClient`) for an invocation. */
export type ExtraInputProvider = (binding: { type: string; [k: string]: unknown }) => unknown | undefined;

/** Writes a function's output bindings (queue, blob, ...) after it returns. */
export type OutputWriter = (
  fn: RegisteredFunction,
  outputs: { name: string; data: unknown }[],
  trigger: InvocationRequest,
) => Promise<void>;

/** The loaded app: its functions, hooks, and a worker-faithful invoke. */
export class FunctionApp {
  readonly appHookData: Record<string, unknown> = {};
  readonly #appLevelHookData: Record<string, unknown> = {};
  extraInputs: ExtraInputProvider = () => undefined;
  /** The library's own HTTP server when the app enabled HTTP streams (the worker's HttpUri capability). */
  httpUri: string | undefined;
  writeOutputs: OutputWriter = async () => {};
  #inFlight = 0;
  #idle: (() => void)[] = [];

  private constructor(
    readonly core: CoreApi,
    readonly appDir: string,
    readonly log: HostLog,
  ) {}

  static async load(appDir: string, log: HostLog, main?: string): Promise<FunctionApp> {
    const core = loadEntryFiles(entryFiles(appDir, main));
    core.userLog = (level, category, message) => {
      if (category === 'system' && level !== 'error' && level !== 'warning') return;
      log(level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug', message);
    };
    const capabilities = await core.programmingModel!.getCapabilities({});
    const app = new FunctionApp(core, appDir, log);
    // With app.setup({ enableHttpStream: true }) the library serves HTTP itself here; the host proxies to it.
    app.httpUri = capabilities.HttpUri;
    return app;
  }

  get functions(): RegisteredFunction[] {
    return [...this.core.functions.values()];
  }

  get(name: string): RegisteredFunction | undefined {
    return this.core.functions.get(name);
  }

  async runAppHook(name: 'appStart' | 'appTerminate'): Promise<void> {
    for (const hook of this.core.hooks[name]) {
      await hook({
        hookData: this.#appLevelHookData,
        appHookData: this.appHookData,
        functionAppDirectory: this.appDir,
      });
    }
  }

  /** Invokes `name` with its trigger value; adds the extra inputs the function declares and writes its outputs. */
  async invoke(
    name: string,
    triggerData: unknown,
    triggerMetadata: Record<string, unknown> = {},
    retryContext?: InvocationRequest['retryContext'],
    invocationId?: string,
  ): Promise<InvocationResponse> {
    const fn = this.get(name);
    if (!fn) throw new Error(`function "${name}" is not registered`);
    const inputData: InputEntry[] = [{ name: fn.triggerName, data: triggerData }];
    for (const [bindingName, binding] of Object.entries(fn.metadata.bindings)) {
      if (bindingName === fn.triggerName || binding.direction !== 'in') continue;
      const value = this.extraInputs(binding);
      if (value !== undefined) inputData.push({ name: bindingName, data: value });
    }
    const id = invocationId ?? randomUUID();
    const request: InvocationRequest = { inputData, triggerMetadata, retryContext, invocationId: id };
    this.#inFlight++;
    const started = performance.now();
    let succeeded = false;
    this.log('info', executingLine(fn, id, triggerMetadata));
    try {
      // The function's own context.log lines, unprefixed as `func start` prints them, between Executing and Executed.
      const response = await invokeFunction(this.core, fn, request, this.appHookData, (_fnName, level, message) =>
        this.log(level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'info', message),
      );
      const outputs = [...response.outputData, ...returnOutput(fn, response.returnValue)];
      if (outputs.length > 0) await this.writeOutputs(fn, outputs, request);
      succeeded = true;
      return response;
    } finally {
      this.log(succeeded ? 'info' : 'error', executedLine(fn, id, succeeded, performance.now() - started));
      this.#inFlight--;
      if (this.#inFlight === 0) for (const resolve of this.#idle.splice(0)) resolve();
    }
  }

  /** Resolves when no invocation is running, or after `graceMs`. */
  async drain(graceMs: number): Promise<boolean> {
    if (this.#inFlight === 0) return true;
    return settlesWithin(new Promise<void>((resolve) => this.#idle.push(resolve)), graceMs);
  }
}

/** A `return: output.storageQueue(...)` (or blob, ...) binding: the handler's return value is that output's data. */
function returnOutput(fn: RegisteredFunction, returnValue: unknown): { name: string; data: unknown }[] {
  const binding = fn.metadata.bindings.$return;
  if (!binding || binding.type.toLowerCase() === 'http' || returnValue == null) return [];
  return [{ name: '$return', data: returnValue }];
}
