import { BedrockAgentRuntimeClient, InvokeAgentCommand, RetrieveAndGenerateCommand } from "@aws-sdk/client-bedrock-agent-runtime";
import { BedrockClient, ListFoundationModelsCommand } from "@aws-sdk/client-bedrock";

const agents = new BedrockAgentRuntimeClient({ region: "us-east-1" });

export async function askDocs(question: string): Promise<string | undefined> {
  const result = await agents.send(
    new RetrieveAndGenerateCommand({
      input: { text: question },
      retrieveAndGenerateConfiguration: {
        type: "KNOWLEDGE_BASE",
        knowledgeBaseConfiguration: {
          knowledgeBaseId: "KB12345678",
          modelArn: "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-premier-v1:0",
        },
      },
    }),
  );
  return result.output?.text;
}

export async function bookTrip(sessionId: string, inputText: string) {
  return agents.send(new InvokeAgentCommand({ agentId: "AGENT123", agentAliasId: "ALIAS1", sessionId, inputText }));
}

export async function listModels() {
  const control = new BedrockClient({});
  return control.send(new ListFoundationModelsCommand({ byProvider: "Meta" }));
}
