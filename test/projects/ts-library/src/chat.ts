import { type BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { textOf, userMessage } from "./content.js";
import type { ChatOptions, ConverseCommandOutput, Message } from "./types.js";

const DEFAULT_MODEL = "meta.llama3-8b-instruct-v1:0";

export class Chat {
  readonly history: Message[] = [];

  constructor(private readonly client: BedrockRuntimeClient, private readonly options: ChatOptions = {}) {}

  async say(text: string): Promise<string> {
    this.history.push(userMessage(text));
    const response: ConverseCommandOutput = await this.client.send(
      new ConverseCommand({
        modelId: DEFAULT_MODEL,
        messages: this.history,
        inferenceConfig: { maxTokens: this.options.maxTokens ?? 256 },
      }),
    );
    const reply = response.output?.message;
    if (reply) this.history.push(reply);
    return textOf(reply?.content);
  }
}
