import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock';

/**
 * What the local Functions host gives the Durable engine, and what the engine gives back.
 * The host owns function loading, hooks and HTTP; the engine owns orchestration state on Azurite.
 */

/** The worker's TypedData, as `@azure/functions` reads it (see devhost-protocol.md §b). */
export type TypedData =
  | { string: string }
  | { json: string }
  | { bytes: Uint8Array }
  | { int: number }
  | { double: number }
  | { http: unknown }
  | Record<string, never>;

export interface InvocationOutcome {
  /** The handler's return value, already converted to TypedData by the programming model. */
  returnValue?: TypedData;
  outputData: { name: string; data: TypedData }[];
}

export interface DurableFunctionInfo {
  name: string;
  /** `orchestrationTrigger`, `activityTrigger`, `entityTrigger`, ... */
  triggerType: string;
}

export interface DurableHostServices {
  /** Functions registered by the app whose trigger is one of the Durable trigger types. */
  durableFunctions(): DurableFunctionInfo[];
  /**
   * Runs function `name` exactly as the worker would: preInvocation hooks → handler → postInvocation hooks.
   * `triggerData` is the value for the trigger binding; the host adds every extra input (e.g. durableClient).
   * Rejects with the handler's error when the invocation failed.
   */
  invoke(name: string, triggerData: TypedData): Promise<InvocationOutcome>;
  /** Azurite (or Azure Storage) connection string the engine persists to. */
  storageConnectionString: string;
  /** Task hub name from host.json `extensions.durableTask.hubName`. */
  hubName: string;
  /** host.json `extensions.durableTask` as written (maxConcurrent…, extendedSessionsEnabled, …). */
  options: Record<string, unknown>;
  /** Origin the host serves HTTP on, e.g. `http://localhost:7071`. */
  origin: string;
  /** System key that management URLs carry (`code=`); requests without it are refused. */
  systemKey: string;
  clock: Clock;
  log(level: 'debug' | 'info' | 'warn' | 'error', message: string): void;
}

export interface DurableEngine {
  /** Recovers persisted instances and starts dispatching. */
  start(): Promise<void>;
  /** Stops taking new work and waits (up to the grace period) for in-flight episodes/activities. */
  stop(graceMs: number): Promise<void>;
  /** JSON text the host passes as the `durableClient` input binding (devhost-protocol.md §e). */
  clientBindingData(): string;
  /**
   * Serves the management API. The host forwards every request whose path starts with
   * `/runtime/webhooks/durabletask/` or `/durabletask/`; returns false when the path is not the engine's.
   */
  handleHttp(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
}

export type CreateDurableEngine = (services: DurableHostServices) => DurableEngine;
