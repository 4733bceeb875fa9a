import type { ModelCallRequest } from './request';

type JsonSchemaFormat = Extract<
  NonNullable<ModelCallRequest['responseFormat']>,
  { type: 'json_schema' }
>['json_schema'];

/** A system instruction and one user turn, answered as JSON under `schema`: the shape of every drafting step. */
export function structuredPrompt(system: string, user: string, schema: JsonSchemaFormat) {
  return {
    messages: [
      { role: 'system' as const, content: system },
      { role: 'user' as const, content: user },
    ],
    responseFormat: { type: 'json_schema' as const, json_schema: schema },
  };
}
