import Module from 'node:module';

/**
 * `@azure/functions-core`: the module the real Node worker provides. `@azure/functions` requires it on its first
 * registration; without it the library silently switches to "test mode" and registers nothing, so this module
 * must be installed before any app file is loaded (devhost-protocol.md §a).
 */
export class Disposable {
  #dispose: (() => void) | undefined;
  constructor(dispose: () => void) {
    this.#dispose = dispose;
  }
  static from(...items: { dispose(): void }[]): Disposable {
    return new Disposable(() => {
      for (const d of items) d.dispose();
    });
  }
  dispose(): void {
    this.#dispose?.();
    this.#dispose = undefined;
  }
}

export interface Binding {
  type: string;
  direction: 'in' | 'out' | 'inout';
  name?: string;
  [option: string]: unknown;
}

export interface FunctionMetadata {
  name: string;
  bindings: Record<string, Binding>;
  retryOptions?: unknown;
}

export interface RegisteredFunction {
  name: string;
  metadata: FunctionMetadata;
  callback: (...args: unknown[]) => unknown;
  triggerName: string;
  trigger: Binding;
}

export type HookName = 'appStart' | 'appTerminate' | 'preInvocation' | 'postInvocation' | 'log';
type HookCallback = (context: Record<string, unknown>) => unknown;

export interface ProgrammingModel {
  name: string;
  version: string;
  getInvocationModel(coreContext: unknown): Promise<InvocationModel> | InvocationModel;
  getCapabilities(capabilities: Record<string, string>): Promise<Record<string, string>> | Record<string, string>;
}

export interface InvocationModel {
  getArguments(): Promise<{ context: unknown; inputs: unknown[] }>;
  invokeFunction(context: unknown, inputs: unknown[], callback: unknown): Promise<unknown>;
  getResponse(
    context: unknown,
    result: unknown,
  ): Promise<{ returnValue?: unknown; outputData?: { name: string; data: unknown }[] }>;
}

export type UserLog = (level: string, category: string, message: string) => void;

export class CoreApi {
  readonly functions = new Map<string, RegisteredFunction>();
  readonly hooks: Record<HookName, HookCallback[]> = {
    appStart: [],
    appTerminate: [],
    preInvocation: [],
    postInvocation: [],
    log: [],
  };
  programmingModel: ProgrammingModel | undefined;
  locked = false;
  userLog: UserLog = () => {};

  readonly api = {
    version: '3.10.1',
    hostVersion: '4.1037.0-enclave-local',
    Disposable,
    registerFunction: (metadata: FunctionMetadata, callback: RegisteredFunction['callback']) => {
      if (this.locked)
        throw new Error(
          `Function "${metadata.name}" was registered after start-up; register every function when the app loads.`,
        );
      if (this.functions.has(metadata.name))
        throw new Error(`A function with id "${metadata.name}" has already been registered.`);
      const entry = Object.entries(metadata.bindings).find(([, b]) => /trigger$/i.test(b.type));
      if (!entry) throw new Error(`Function "${metadata.name}" has no trigger binding.`);
      this.functions.set(metadata.name, {
        name: metadata.name,
        metadata,
        callback,
        triggerName: entry[0],
        trigger: entry[1],
      });
      return new Disposable(() => this.functions.delete(metadata.name));
    },
    registerHook: (name: HookName, callback: HookCallback) => {
      const list = this.hooks[name];
      if (!list) throw new RangeError(`Unrecognized hook "${name}"`);
      list.push(callback);
      return new Disposable(() => {
        const i = list.indexOf(callback);
        if (i >= 0) list.splice(i, 1);
      });
    },
    setProgrammingModel: (model: ProgrammingModel) => {
      this.programmingModel = model;
    },
    getProgrammingModel: () => this.programmingModel,
    log: (level: string, category: string, message: string) => this.userLog(level, category, message),
  };
}

let installed: CoreApi | undefined;

/** Installs `@azure/functions-core` for this process (once) and returns it. */
export function installCoreApi(): CoreApi {
  if (installed) return installed;
  const core = new CoreApi();
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = loader._load;
  loader._load = function load(request: string, parent: unknown, isMain: boolean) {
    if (request === '@azure/functions-core') return core.api;
    return original.call(this, request, parent, isMain);
  };
  installed = core;
  return core;
}
