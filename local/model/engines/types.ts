/**
 * A deterministic domain engine of the local model server: it reads the chat request the gateway sent
 * and writes the completion a capable model would. It is a stand-in for GPT-4o, not a model.
 */
export interface EngineMessage {
  role: 'system' | 'user' | 'assistant' | 'tool' | 'developer';
  content: string;
}

export interface EngineRequest {
  /** The deployment name in the URL, e.g. `radiology-draft`. */
  deployment: string;
  messages: EngineMessage[];
  /** `response_format` exactly as the client sent it (text, json_object or json_schema). */
  responseFormat?: { type: string; json_schema?: { name: string; schema?: unknown; strict?: boolean } };
  maxTokens?: number;
}

export interface EngineReply {
  content: string;
  finishReason?: 'stop' | 'length';
}

export type DomainEngine = (request: EngineRequest) => EngineReply | Promise<EngineReply>;
