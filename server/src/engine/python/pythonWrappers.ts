import * as l10n from '@vscode/l10n';
import type { Category } from '../types';

/** A Python class that calls Bedrock underneath (LangChain, LlamaIndex, the smithy-based async SDK). */
export interface PythonWrapper {
  library: 'langchain' | 'llamaindex' | 'aws-sdk-python';
  category: Category;
  alternative(): string;
}

const langchainChat: PythonWrapper = {
  library: 'langchain', category: 'manual',
  alternative: () => l10n.t('ChatSagemakerEndpoint or SagemakerEndpoint from langchain_aws with a content handler for your container'),
};
const langchainEmbeddings: PythonWrapper = {
  library: 'langchain', category: 'no-equivalent',
  alternative: () => l10n.t('SagemakerEndpointEmbeddings from langchain_aws over an open embedding model endpoint (re-embed the corpus)'),
};
const knowledgeBase: PythonWrapper = {
  library: 'langchain', category: 'no-equivalent',
  alternative: () => l10n.t('self-built RAG: OpenSearch + an embedding endpoint + a chat endpoint'),
};
const bedrockAgents: PythonWrapper = {
  library: 'langchain', category: 'no-equivalent',
  alternative: () => l10n.t('application-side orchestration with tool calls to a SageMaker endpoint'),
};
const llamaIndexLlm: PythonWrapper = {
  library: 'llamaindex', category: 'manual',
  alternative: () => l10n.t('SageMakerLLM from llama-index-llms-sagemaker-endpoint'),
};
const llamaIndexEmbeddings: PythonWrapper = {
  library: 'llamaindex', category: 'no-equivalent',
  alternative: () => l10n.t('SageMakerEmbedding from llama-index-embeddings-sagemaker-endpoint over an open embedding model (re-embed the corpus)'),
};

// The smithy-based async SDK (`pip install aws-sdk-bedrock-runtime`): its client has no boto3 shape, so no fix
// applies; aioboto3's SageMaker Runtime client is the async equivalent.
const smithyRuntimeClient: PythonWrapper = {
  library: 'aws-sdk-python', category: 'manual',
  alternative: () => 'aioboto3.Session().client("sagemaker-runtime")',
};

/** Modules of the smithy-based async Bedrock Runtime SDK, and its client class. */
export const SMITHY_RUNTIME_MODULE = /^aws_sdk_bedrock_runtime(?:\.|$)/;
export const SMITHY_RUNTIME_CLIENT = 'BedrockRuntimeClient';

// Bedrock classes by module prefix. SagemakerEndpoint and friends live in the same packages and are not here.
const WRAPPERS: ReadonlyArray<{ module: RegExp; classes: Readonly<Record<string, PythonWrapper>> }> = [
  {
    module: /^langchain_aws(?:\.|$)/,
    classes: {
      ChatBedrock: langchainChat, ChatBedrockConverse: langchainChat, BedrockLLM: langchainChat,
      BedrockEmbeddings: langchainEmbeddings, BedrockRerank: knowledgeBase,
      AmazonKnowledgeBasesRetriever: knowledgeBase, BedrockAgentsRunnable: bedrockAgents, BedrockInlineAgentsRunnable: bedrockAgents,
    },
  },
  {
    module: /^langchain(?:_community)?(?:\.|$)/,
    classes: {
      BedrockChat: langchainChat, ChatBedrock: langchainChat, Bedrock: langchainChat, BedrockLLM: langchainChat,
      BedrockEmbeddings: langchainEmbeddings, AmazonKnowledgeBasesRetriever: knowledgeBase,
    },
  },
  { module: SMITHY_RUNTIME_MODULE, classes: { [SMITHY_RUNTIME_CLIENT]: smithyRuntimeClient } },
  {
    module: /^llama_index\.(?:llms\.bedrock|llms\.bedrock_converse|embeddings\.bedrock|retrievers\.bedrock)(?:\.|$)/,
    classes: {
      Bedrock: llamaIndexLlm, BedrockConverse: llamaIndexLlm, BedrockEmbedding: llamaIndexEmbeddings,
      AmazonKnowledgeBasesRetriever: { ...knowledgeBase, library: 'llamaindex' },
    },
  },
];

export function pythonWrapper(moduleName: string, className: string): PythonWrapper | undefined {
  for (const entry of WRAPPERS) {
    if (entry.module.test(moduleName) && Object.hasOwn(entry.classes, className)) return entry.classes[className];
  }
  return undefined;
}

/** Modules whose attributes may be Bedrock classes (`import langchain_aws` then `langchain_aws.ChatBedrock(...)`). */
export function mayExportWrappers(moduleName: string): boolean {
  return WRAPPERS.some((entry) => entry.module.test(moduleName));
}
