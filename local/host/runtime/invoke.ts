import { randomUUID } from 'node:crypto';
import type { CoreApi, RegisteredFunction } from './core-api';

export interface InputEntry {
  name: string;
  data?: unknown;
}

export interface InvocationRequest {
  inputData: InputEntry[];
  triggerMetadata?: Record<string, unknown>;
  retryContext?: { retryCount: number; maxRetryCount: number };
  /** Set by the caller when something else must know it first (the HTTP stream proxy matches requests by it). */
  invocationId?: string;
}

export interface InvocationResponse {
  returnValue?: unknown;
  outputData: { name: string; data: unknown }[];
}

/**
 * Runs one function the way the Node worker does: invocation model → preInvocation hooks (which may swap inputs
 * and the handler) → handler → postInvocation hooks (which may clear the error or replace the result) → response.
 */
export async function invokeFunction(
  core: CoreApi,
  fn: RegisteredFunction,
  request: InvocationRequest,
  appHookData: Record<string, unknown>,
  log: (name: string, level: string, message: string) => void,
): Promise<InvocationResponse> {
  const model = core.programmingModel;
  if (!model) throw new Error('the app set no programming model; was @azure/functions loaded?');
  const invocationId = request.invocationId ?? randomUUID();
  const coreContext: Record<string, unknown> = {
    invocationId,
    request: {
      invocationId,
      functionId: fn.name,
      inputData: request.inputData,
      triggerMetadata: request.triggerMetadata ?? {},
      retryContext: request.retryContext,
    },
    metadata: fn.metadata,
    state: undefined,
    log: (level: string, _category: string, message: string) => log(fn.name, level, message),
  };
  const invocation = await model.getInvocationModel(coreContext);
  const { context, inputs } = await invocation.getArguments();
  const hookData: Record<string, unknown> = {};
  const pre = { hookData, appHookData, invocationContext: context, inputs, functionCallback: fn.callback };
  await runHooks(core, 'preInvocation', pre, coreContext, 'preInvocationHooks');
  const post: Record<string, unknown> = {
    hookData,
    appHookData,
    invocationContext: context,
    inputs: pre.inputs,
    result: null,
    error: null,
  };
  coreContext.state = 'invocation';
  try {
    post.result = await invocation.invokeFunction(context, pre.inputs, pre.functionCallback);
  } catch (error) {
    post.error = error;
  } finally {
    coreContext.state = undefined;
  }
  await runHooks(core, 'postInvocation', post, coreContext, 'postInvocationHooks');
  if (post.error) throw post.error;
  const response = await invocation.getResponse(context, post.result);
  return { returnValue: response.returnValue, outputData: response.outputData ?? [] };
}

async function runHooks(
  core: CoreApi,
  name: 'preInvocation' | 'postInvocation',
  hookContext: Record<string, unknown>,
  coreContext: Record<string, unknown>,
  state: string,
): Promise<void> {
  coreContext.state = state;
  try {
    for (const hook of core.hooks[name]) await hook(hookContext);
  } finally {
    coreContext.state = undefined;
  }
}
