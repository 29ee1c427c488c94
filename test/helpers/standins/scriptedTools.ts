// Tool calls of the scripted model, shared by the Bedrock and SageMaker stand-ins so both answer a tool request
// the same way: when tools are offered and the conversation does not end with a tool result, the model calls the
// first tool with the question as the value of the tool's first parameter; after a tool result it answers about it.

export const TOOL_CALL_ID = 'call_standin_1';

/** The arguments of the scripted call: `{ <first property of the JSON schema>: question }`. */
export function toolArguments(schema: unknown, question: string): Record<string, unknown> {
  const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  return { [Object.keys(properties)[0] ?? 'input']: question };
}

/** The question a tool result asks the model to answer. */
export function toolResultQuestion(result: string): string {
  return `tool said ${result}`;
}
