import * as l10n from '@vscode/l10n';

export type ProseService =
  | 'guardrails' | 'knowledge-bases' | 'agents' | 'marketplace' | 'custom-model-import' | 'converse'
  | 'titan' | 'nova' | 'bedrock';

export interface ServiceTerm {
  service: ProseService;
  /** Product names that are unambiguous on their own. */
  qualified: RegExp;
  /** Short forms ("Guardrails", "Nova") that count only in a document that mentions Bedrock. */
  bare?: RegExp;
}

// Prose is text, not code: these patterns run over paragraphs, headings and table cells with code spans
// and link targets blanked out. Case-sensitive, because product names are capitalised. Ordered from the
// most specific; a match consumes its text, so "Amazon Bedrock Guardrails" is Guardrails, not also Bedrock.
export const SERVICE_TERMS: readonly ServiceTerm[] = [
  {
    service: 'guardrails',
    qualified: /\b(?:Amazon\s+)?Bedrock\s+Guardrails?\b|\bGuardrails\s+for\s+Amazon\s+Bedrock\b/g,
    bare: /\bGuardrails\b/g,
  },
  {
    service: 'knowledge-bases',
    qualified: /\b(?:Amazon\s+)?Bedrock\s+Knowledge\s+Bases?\b|\bKnowledge\s+Bases\s+for\s+Amazon\s+Bedrock\b/g,
    bare: /\bKnowledge\s+Bases?\b/g,
  },
  {
    service: 'agents',
    qualified: /\b(?:Amazon\s+)?Bedrock\s+(?:Agents?|AgentCore)\b|\bAgents\s+for\s+Amazon\s+Bedrock\b|\bAgentCore\b/g,
  },
  {
    service: 'marketplace',
    qualified: /\b(?:Amazon\s+)?Bedrock\s+Marketplace\b/g,
    bare: /(?<!\bAWS\s+)\bMarketplace\b/g,
  },
  {
    service: 'custom-model-import',
    qualified: /\b(?:(?:Amazon\s+)?Bedrock\s+)?Custom\s+Model\s+Import\b/g,
  },
  {
    service: 'converse',
    qualified: /\b(?:(?:Amazon\s+)?Bedrock\s+)?Converse(?:Stream)?\s+API\b/g,
  },
  {
    service: 'titan',
    qualified: /\bAmazon\s+Titan\b(?:\s+(?:Text|Embeddings?|Image|Multimodal)\b)?|\bTitan\s+(?:Text|Embeddings?|Image\s+Generator|Multimodal)\b/g,
    bare: /\bTitan\b/g,
  },
  {
    service: 'nova',
    qualified: /\bAmazon\s+Nova\b(?:\s+(?:Micro|Lite|Pro|Premier|Canvas|Reel|Sonic|Act)\b)?|\bNova\s+(?:Micro|Lite|Pro|Premier|Canvas|Reel|Sonic|Act)\b/g,
    bare: /\bNova\b/g,
  },
  {
    service: 'bedrock',
    qualified: /\b(?:(?:Amazon|AWS)\s+)?Bedrock\b/g,
  },
];

/** Every pattern of SERVICE_TERMS needs one of these words: a text without any has no service mention. */
export const SERVICE_WORDS = /Bedrock|Guardrails|Knowledge|Agent|Marketplace|Custom|Converse|Titan|Nova/;

/** A document mentions Bedrock at all: the gate for short forms. */
export const MENTIONS_BEDROCK = /\bBedrock\b/;

export function serviceDisplayName(service: ProseService): string {
  switch (service) {
    case 'guardrails': return 'Amazon Bedrock Guardrails';
    case 'knowledge-bases': return 'Amazon Bedrock Knowledge Bases';
    case 'agents': return 'Amazon Bedrock Agents';
    case 'marketplace': return 'Amazon Bedrock Marketplace';
    case 'custom-model-import': return 'Amazon Bedrock Custom Model Import';
    case 'converse': return 'Amazon Bedrock Converse API';
    case 'titan': return 'Amazon Titan';
    case 'nova': return 'Amazon Nova';
    case 'bedrock': return 'Amazon Bedrock';
  }
}

/** The China-region alternative named in the diagnostic. */
export function serviceAlternative(service: ProseService): string {
  switch (service) {
    case 'guardrails':
      return l10n.t('a guardrail model (e.g. Llama Guard from SageMaker JumpStart) on its own SageMaker endpoint');
    case 'knowledge-bases':
      return l10n.t('self-built RAG: Amazon OpenSearch Service + an embedding model and a chat model on SageMaker endpoints');
    case 'agents':
      return l10n.t('application-side orchestration with tool calls to a model on a SageMaker Runtime endpoint');
    case 'marketplace':
    case 'bedrock':
      return l10n.t('deploy the model from SageMaker JumpStart and call it on a SageMaker Runtime endpoint');
    case 'custom-model-import':
      return l10n.t('host the custom weights on a SageMaker endpoint (LMI container)');
    case 'converse':
      return l10n.t('InvokeEndpoint on a SageMaker Runtime endpoint with a chat-completions body');
    case 'titan':
    case 'nova':
      return l10n.t('an open model from SageMaker JumpStart (e.g. Qwen, Llama, DeepSeek; BGE for embeddings) on a SageMaker Runtime endpoint');
  }
}
