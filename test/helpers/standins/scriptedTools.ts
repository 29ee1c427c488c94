// What the scripted model answers after a tool result, shared by the Bedrock and SageMaker stand-ins so both
// answer it the same way (the tool call itself: scriptedModel's toolCallFor).

/** The question a tool result asks the model to answer. */
export function toolResultQuestion(result: string): string {
  return `tool said ${result}`;
}
