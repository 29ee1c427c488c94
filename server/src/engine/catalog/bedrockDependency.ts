import { ruleForClient } from './operations';
import {
  BEDROCK_SDK_PACKAGES, BEDROCK_WRAPPER_PACKAGES, type BedrockService, SAGEMAKER_RUNTIME_PACKAGE, type WrapperLibrary,
} from './packages';
import type { RuleId } from '../types';

/** A package a package.json can list that reaches Bedrock: an SDK client or a wrapper library. */
export type BedrockDependency =
  | { kind: 'sdk'; name: string; service: BedrockService; rule: RuleId }
  | { kind: 'wrapper'; name: string; library: WrapperLibrary; rule: RuleId };

export const BEDROCK_RUNTIME_PACKAGE = BEDROCK_SDK_PACKAGES.find((pkg) => pkg.service === 'runtime')!.name;
export { SAGEMAKER_RUNTIME_PACKAGE };

/** The Vercel AI SDK's Bedrock provider: migrated code uses the SageMaker provider module (SageMaker Runtime client) instead. */
export const AI_SDK_BEDROCK_PACKAGE = '@ai-sdk/amazon-bedrock';

/**
 * Packages the file migration replaces with SageMaker Runtime: the entry next to which the SageMaker Runtime client is
 * added (the first one a section lists), and the imports a migrated file no longer has.
 */
export const MIGRATED_PACKAGES: readonly string[] = [BEDROCK_RUNTIME_PACKAGE, AI_SDK_BEDROCK_PACKAGE];

const WRAPPER_RULES: Readonly<Record<WrapperLibrary, RuleId>> = {
  'ai-sdk': 'bedrock/ai-sdk', langchain: 'bedrock/langchain', llamaindex: 'bedrock/llamaindex', openai: 'bedrock/openai-compatible',
};

/** What a dependency name is from Bedrock's point of view (exact package names: no deep paths in package.json). */
export function bedrockDependency(name: string): BedrockDependency | undefined {
  const sdk = BEDROCK_SDK_PACKAGES.find((pkg) => pkg.name === name);
  if (sdk) return { kind: 'sdk', name, service: sdk.service, rule: ruleForClient(sdk.service) };
  const library = Object.hasOwn(BEDROCK_WRAPPER_PACKAGES, name) ? BEDROCK_WRAPPER_PACKAGES[name] : undefined;
  return library ? { kind: 'wrapper', name, library, rule: WRAPPER_RULES[library] } : undefined;
}
