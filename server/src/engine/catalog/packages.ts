import type { Category, RuleId } from '../types';

// What the engine knows about packages: which are Bedrock, which classes they export, and which rule a
// use of each export belongs to. Facts from the packages' own .d.ts files (see docs/rules.md).

export type BedrockService =
  | 'runtime'
  | 'control'
  | 'agent'
  | 'agent-runtime'
  | 'data-automation'
  | 'data-automation-runtime'
  | 'agentcore'
  | 'agentcore-control';

export interface BedrockSdkPackage {
  name: string;
  service: BedrockService;
  /** Bare client (`send(command)` only). */
  clientClass: string;
  /** Aggregated client (one method per operation). */
  aggregatedClass: string;
}

export const BEDROCK_SDK_PACKAGES: readonly BedrockSdkPackage[] = [
  { name: '@aws-sdk/client-bedrock-runtime', service: 'runtime', clientClass: 'BedrockRuntimeClient', aggregatedClass: 'BedrockRuntime' },
  { name: '@aws-sdk/client-bedrock', service: 'control', clientClass: 'BedrockClient', aggregatedClass: 'Bedrock' },
  { name: '@aws-sdk/client-bedrock-agent', service: 'agent', clientClass: 'BedrockAgentClient', aggregatedClass: 'BedrockAgent' },
  { name: '@aws-sdk/client-bedrock-agent-runtime', service: 'agent-runtime', clientClass: 'BedrockAgentRuntimeClient', aggregatedClass: 'BedrockAgentRuntime' },
  { name: '@aws-sdk/client-bedrock-data-automation', service: 'data-automation', clientClass: 'BedrockDataAutomationClient', aggregatedClass: 'BedrockDataAutomation' },
  { name: '@aws-sdk/client-bedrock-data-automation-runtime', service: 'data-automation-runtime', clientClass: 'BedrockDataAutomationRuntimeClient', aggregatedClass: 'BedrockDataAutomationRuntime' },
  { name: '@aws-sdk/client-bedrock-agentcore', service: 'agentcore', clientClass: 'BedrockAgentCoreClient', aggregatedClass: 'BedrockAgentCore' },
  { name: '@aws-sdk/client-bedrock-agentcore-control', service: 'agentcore-control', clientClass: 'BedrockAgentCoreControlClient', aggregatedClass: 'BedrockAgentCoreControl' },
];

/** SDK v2 (`aws-sdk`) Bedrock classes and their `aws-sdk/clients/<file>` module names. */
export const V2_BEDROCK_CLASSES: Readonly<Record<string, { service: BedrockService; clientsModule: string }>> = {
  BedrockRuntime: { service: 'runtime', clientsModule: 'aws-sdk/clients/bedrockruntime' },
  Bedrock: { service: 'control', clientsModule: 'aws-sdk/clients/bedrock' },
  BedrockAgent: { service: 'agent', clientsModule: 'aws-sdk/clients/bedrockagent' },
  BedrockAgentRuntime: { service: 'agent-runtime', clientsModule: 'aws-sdk/clients/bedrockagentruntime' },
};

export const AWS_SDK_V2 = 'aws-sdk';
export const SAGEMAKER_RUNTIME_PACKAGE = '@aws-sdk/client-sagemaker-runtime';

/** Strips a deep import (`pkg/dist-cjs/index.js`) down to the package name. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Each specifier's package, looked up once: the symbol tracker asks for the same few specifiers on every keystroke
 * (issue #13). Emptied when it grows past a workspace's usual count of distinct specifiers.
 */
const sdkPackageBySpecifier = new Map<string, BedrockSdkPackage | null>();
const SPECIFIERS_KEPT = 10_000;

export function bedrockSdkPackage(specifier: string): BedrockSdkPackage | undefined {
  let pkg = sdkPackageBySpecifier.get(specifier);
  if (pkg === undefined) {
    const name = packageNameOf(specifier);
    pkg = BEDROCK_SDK_PACKAGES.find((candidate) => candidate.name === name) ?? null;
    if (sdkPackageBySpecifier.size >= SPECIFIERS_KEPT) sdkPackageBySpecifier.clear();
    sdkPackageBySpecifier.set(specifier, pkg);
  }
  return pkg ?? undefined;
}

/** The first class of V2_BEDROCK_CLASSES per clients module, made on first use. */
let v2ClassByClientsModule: Map<string, string> | undefined;

/** `aws-sdk/clients/bedrockruntime` → `BedrockRuntime`. */
export function v2ClassForClientsModule(specifier: string): string | undefined {
  if (!v2ClassByClientsModule) {
    v2ClassByClientsModule = new Map();
    for (const [name, info] of Object.entries(V2_BEDROCK_CLASSES)) {
      if (!v2ClassByClientsModule.has(info.clientsModule)) v2ClassByClientsModule.set(info.clientsModule, name);
    }
  }
  return v2ClassByClientsModule.get(specifier);
}

// ---- wrapper libraries ----

export type WrapperLibrary = 'langchain' | 'ai-sdk' | 'llamaindex' | 'openai';

export interface WrapperExport {
  library: WrapperLibrary;
  rule: RuleId;
  category?: Category;
  /** `class` is used with `new`, `provider` is a callable provider, `factory` returns a provider. */
  shape: 'class' | 'provider' | 'factory' | 'value';
  /** An embeddings class: its alternative is an embedding endpoint, not the rule's chat replacement. */
  embeddings?: true;
}

/**
 * The LangChain.js chat model classes the fix replaces with the SageMaker chat model module (`bedrock/langchain`),
 * by module: their constructions and imports are reported fixable, and the fix decides per file.
 */
export const LANGCHAIN_CHAT_CLASSES: ReadonlyArray<{ module: string; name: string }> = [
  { module: '@langchain/aws', name: 'ChatBedrockConverse' },
  { module: '@langchain/community/chat_models/bedrock', name: 'BedrockChat' },
  { module: '@langchain/community/chat_models/bedrock/web', name: 'BedrockChat' },
];

export function isLangChainChatClass(module: string, name: string): boolean {
  return LANGCHAIN_CHAT_CLASSES.some((entry) => entry.module === module && entry.name === name);
}

/** Whole modules that exist only to reach Bedrock: every export is a Bedrock use. */
export const BEDROCK_ONLY_WRAPPER_MODULES: Readonly<Record<string, WrapperLibrary>> = {
  '@ai-sdk/amazon-bedrock': 'ai-sdk',
  '@ai-sdk/amazon-bedrock/anthropic': 'ai-sdk',
  '@ai-sdk/amazon-bedrock/mantle': 'ai-sdk',
  '@langchain/community/chat_models/bedrock': 'langchain',
  '@langchain/community/chat_models/bedrock/web': 'langchain',
  '@langchain/community/llms/bedrock': 'langchain',
  '@langchain/community/llms/bedrock/web': 'langchain',
  '@langchain/community/embeddings/bedrock': 'langchain',
  '@langchain/community/retrievers/amazon_knowledge_base': 'langchain',
  '@llamaindex/aws/llm/bedrock': 'llamaindex',
};

/** Bedrock exports of mixed packages (which also export non-Bedrock things), by module. */
const WRAPPER_EXPORTS: Readonly<Record<string, Readonly<Record<string, WrapperExport>>>> = {
  '@langchain/aws': {
    ChatBedrockConverse: { library: 'langchain', rule: 'bedrock/langchain', shape: 'class' },
    BedrockEmbeddings: { library: 'langchain', rule: 'bedrock/langchain', category: 'no-equivalent', shape: 'class', embeddings: true },
    AmazonKnowledgeBaseRetriever: { library: 'langchain', rule: 'bedrock/knowledge-base', shape: 'class' },
  },
  '@langchain/community/chat_models/bedrock': { BedrockChat: { library: 'langchain', rule: 'bedrock/langchain', shape: 'class' } },
  '@langchain/community/chat_models/bedrock/web': { BedrockChat: { library: 'langchain', rule: 'bedrock/langchain', shape: 'class' } },
  '@langchain/community/llms/bedrock': { Bedrock: { library: 'langchain', rule: 'bedrock/langchain', shape: 'class' } },
  '@langchain/community/llms/bedrock/web': { Bedrock: { library: 'langchain', rule: 'bedrock/langchain', shape: 'class' } },
  '@langchain/community/embeddings/bedrock': { BedrockEmbeddings: { library: 'langchain', rule: 'bedrock/langchain', category: 'no-equivalent', shape: 'class', embeddings: true } },
  '@langchain/community/retrievers/amazon_knowledge_base': {
    AmazonKnowledgeBaseRetriever: { library: 'langchain', rule: 'bedrock/knowledge-base', shape: 'class' },
  },
  '@ai-sdk/amazon-bedrock': {
    bedrock: { library: 'ai-sdk', rule: 'bedrock/ai-sdk', shape: 'provider' },
    createAmazonBedrock: { library: 'ai-sdk', rule: 'bedrock/ai-sdk', shape: 'factory' },
  },
  '@ai-sdk/amazon-bedrock/anthropic': {
    bedrockAnthropic: { library: 'ai-sdk', rule: 'bedrock/ai-sdk', shape: 'provider' },
    createBedrockAnthropic: { library: 'ai-sdk', rule: 'bedrock/ai-sdk', shape: 'factory' },
  },
  '@ai-sdk/amazon-bedrock/mantle': {
    bedrockMantle: { library: 'ai-sdk', rule: 'bedrock/ai-sdk', shape: 'provider' },
    createBedrockMantle: { library: 'ai-sdk', rule: 'bedrock/ai-sdk', shape: 'factory' },
  },
  '@llamaindex/aws': {
    Bedrock: { library: 'llamaindex', rule: 'bedrock/llamaindex', shape: 'class' },
    BEDROCK_MODELS: { library: 'llamaindex', rule: 'bedrock/llamaindex', shape: 'value' },
    INFERENCE_BEDROCK_MODELS: { library: 'llamaindex', rule: 'bedrock/llamaindex', shape: 'value' },
    AmazonKnowledgeBaseRetriever: { library: 'llamaindex', rule: 'bedrock/knowledge-base', shape: 'class' },
  },
  '@llamaindex/aws/llm/bedrock': {
    Bedrock: { library: 'llamaindex', rule: 'bedrock/llamaindex', shape: 'class' },
    BEDROCK_MODELS: { library: 'llamaindex', rule: 'bedrock/llamaindex', shape: 'value' },
    INFERENCE_BEDROCK_MODELS: { library: 'llamaindex', rule: 'bedrock/llamaindex', shape: 'value' },
  },
};

export function wrapperExport(moduleName: string, exportName: string): WrapperExport | undefined {
  return WRAPPER_EXPORTS[moduleName]?.[exportName];
}

export function isWrapperModule(moduleName: string): boolean {
  return moduleName in WRAPPER_EXPORTS;
}

export const OPENAI_PACKAGE = 'openai';

/**
 * Wrapper packages that exist to reach Bedrock, as listed in a package.json. `@langchain/community` (which
 * also has Bedrock modules) and `openai` are general-purpose: only their Bedrock imports are reported.
 */
export const BEDROCK_WRAPPER_PACKAGES: Readonly<Record<string, WrapperLibrary>> = {
  '@ai-sdk/amazon-bedrock': 'ai-sdk',
  '@langchain/aws': 'langchain',
  '@llamaindex/aws': 'llamaindex',
};
