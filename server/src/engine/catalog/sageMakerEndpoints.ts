// Pure facts about deployed SageMaker endpoints: which container family an image is, which model a container
// serves, and which endpoint serves a Bedrock model id. The network part (server/src/endpoints) fills
// `DiscoveredEndpoint` from the SageMaker control plane; everything here is plain data in, plain data out.
import { findModelIds, type ModelIdInfo } from './modelIds';
import type { EndpointMapping } from '../types';

export type ContainerFamily = 'lmi' | 'tgi';

/** The JumpStart tag the SageMaker Python SDK puts on the resources it deploys. */
export const JUMPSTART_MODEL_ID_TAG = 'sagemaker-sdk:jumpstart-model-id';

/** One invocable thing: a whole endpoint, or one inference component of an inference-component endpoint. */
export interface EndpointTarget {
  inferenceComponentName?: string;
  /** The inference component's status (the endpoint's status is on the endpoint). */
  inferenceComponentStatus?: string;
  variantName?: string;
  modelName?: string;
  image?: string;
  container?: ContainerFamily;
  /** From the `sagemaker-sdk:jumpstart-model-id` tag. */
  jumpStartId?: string;
  /** From the container's `HF_MODEL_ID` / `OPTION_MODEL_ID` (only Hugging Face Hub ids, not paths). */
  hfModelId?: string;
  /** TGI's `MESSAGES_API_ENABLED`, when set. */
  messagesApi?: boolean;
}

export interface DiscoveredEndpoint {
  endpointName: string;
  endpointArn?: string;
  status: string;
  failureReason?: string;
  creationTime?: string;
  /** The endpoint hosts inference components (calls must name one). */
  usesInferenceComponents: boolean;
  targets: EndpointTarget[];
  /** Details that could not be read (e.g. the model of a deleted config); the endpoint is still listed. */
  detailError?: string;
}

/** The container family of an image URI: LMI (`djl-inference`, vLLM/LMI tags) or TGI; undefined otherwise. */
export function containerFamilyOfImage(image: string | undefined): ContainerFamily | undefined {
  if (!image) return undefined;
  const repository = image.toLowerCase();
  if (/\/djl-inference[:@]/.test(repository) || /\/djl-inference$/.test(repository)) return 'lmi';
  if (/huggingface-pytorch-tgi-inference|text-generation-inference|\/tgi-inference[:@]/.test(repository)) return 'tgi';
  return undefined;
}

/** Container family from the image, else from LMI's `OPTION_*` environment variables. */
export function containerFamilyOf(image: string | undefined, environment: Readonly<Record<string, string>> | undefined): ContainerFamily | undefined {
  const fromImage = containerFamilyOfImage(image);
  if (fromImage) return fromImage;
  if (environment && Object.keys(environment).some((key) => key.startsWith('OPTION_'))) return 'lmi';
  return undefined;
}

/** A Hugging Face Hub id from the container environment; local paths and S3 URIs (JumpStart artefacts) are not ids. */
export function hfModelIdOf(environment: Readonly<Record<string, string>> | undefined): string | undefined {
  for (const key of ['HF_MODEL_ID', 'OPTION_MODEL_ID']) {
    const value = environment?.[key]?.trim();
    if (value && /^[\w.-]+\/[\w.-]+$/.test(value)) return value;
  }
  return undefined;
}

/** `MESSAGES_API_ENABLED` as a boolean, undefined when absent. */
export function messagesApiOf(environment: Readonly<Record<string, string>> | undefined): boolean | undefined {
  const value = environment?.MESSAGES_API_ENABLED;
  return value === undefined ? undefined : /^(?:true|1)$/i.test(value.trim());
}

// Hugging Face sources of the JumpStart models our catalogue names (the weights the JumpStart model deploys).
const HF_SOURCES: Readonly<Record<string, readonly string[]>> = {
  'meta-textgeneration-llama-3-8b-instruct': ['meta-llama/Meta-Llama-3-8B-Instruct'],
  'meta-textgeneration-llama-3-70b-instruct': ['meta-llama/Meta-Llama-3-70B-Instruct'],
  'meta-textgeneration-llama-3-1-8b-instruct': ['meta-llama/Llama-3.1-8B-Instruct'],
  'meta-textgeneration-llama-3-1-70b-instruct': ['meta-llama/Llama-3.1-70B-Instruct'],
  'meta-textgeneration-llama-3-1-405b-instruct-fp8': ['meta-llama/Llama-3.1-405B-Instruct-FP8'],
  'meta-textgeneration-llama-3-2-1b-instruct': ['meta-llama/Llama-3.2-1B-Instruct'],
  'meta-textgeneration-llama-3-2-3b-instruct': ['meta-llama/Llama-3.2-3B-Instruct'],
  'meta-vlm-llama-3-2-11b-vision-instruct': ['meta-llama/Llama-3.2-11B-Vision-Instruct'],
  'meta-textgeneration-llama-3-3-70b-instruct': ['meta-llama/Llama-3.3-70B-Instruct'],
  'meta-vlm-llama-4-scout-17b-16e-instruct': ['meta-llama/Llama-4-Scout-17B-16E-Instruct'],
  'meta-vlm-llama-4-maverick-17b-128e-instruct': ['meta-llama/Llama-4-Maverick-17B-128E-Instruct', 'meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8'],
  'deepseek-llm-r1': ['deepseek-ai/DeepSeek-R1'],
  'huggingface-llm-mistral-7b-instruct': ['mistralai/Mistral-7B-Instruct-v0.2'],
  'huggingface-llm-mixtral-8x7b-instruct': ['mistralai/Mixtral-8x7B-Instruct-v0.1'],
  'huggingface-llm-mistral-small-24B-Instruct-2501': ['mistralai/Mistral-Small-24B-Instruct-2501'],
};

/** The Hugging Face weights a JumpStart model deploys (to deploy with LMI where the hub does not have it). */
export function hfSourceOf(jumpStartId: string): string | undefined {
  return HF_SOURCES[jumpStartId]?.[0];
}

// Open-weight Bedrock models with no JumpStart id: deployed from the Hub with LMI.
const HF_ONLY: ReadonlyArray<[RegExp, string]> = [
  [/^openai\.gpt-oss-20b/, 'openai/gpt-oss-20b'],
  [/^openai\.gpt-oss-120b/, 'openai/gpt-oss-120b'],
];

/** What an endpoint must serve to stand in for a Bedrock model: its JumpStart id and/or Hugging Face ids. */
export interface ServingTarget {
  jumpStartId?: string;
  hfModelIds: readonly string[];
}

export function servingTargetOf(info: ModelIdInfo, baseModelId: string): ServingTarget {
  const hfOnly = HF_ONLY.find(([pattern]) => pattern.test(baseModelId))?.[1];
  return {
    jumpStartId: info.jumpStartId,
    hfModelIds: info.jumpStartId ? HF_SOURCES[info.jumpStartId] ?? [] : hfOnly ? [hfOnly] : [],
  };
}

const GEO_PREFIX = /^(?:us-gov|us|eu|apac|jp|au|global)\./;

/** The model id without its inference-profile geography, the key the engine looks up first. */
export function baseModelId(modelId: string): string {
  return modelId.replace(GEO_PREFIX, '');
}

// Neuron builds of a JumpStart model serve the same weights (`meta-textgenerationneuron-…`).
const normalizeJumpStartId = (id: string) => id.toLowerCase().replace(/^meta-textgenerationneuron-/, 'meta-textgeneration-');
// Meta renamed `meta-llama/Meta-Llama-3.1-…` to `meta-llama/Llama-3.1-…`; the Hub redirects, so both name the model.
const normalizeHfId = (id: string) => id.toLowerCase().replace(/\/+$/, '').replace(/\/meta-llama-/, '/llama-');

export function targetServes(target: EndpointTarget, wanted: ServingTarget): boolean {
  if (wanted.jumpStartId && target.jumpStartId && normalizeJumpStartId(target.jumpStartId) === normalizeJumpStartId(wanted.jumpStartId)) return true;
  if (target.hfModelId) {
    const served = normalizeHfId(target.hfModelId);
    return wanted.hfModelIds.some((id) => normalizeHfId(id) === served);
  }
  return false;
}

export interface Candidate {
  endpointName: string;
  endpointStatus: string;
  inferenceComponentName?: string;
  inferenceComponentStatus?: string;
  container?: ContainerFamily;
  /** How the served model was recognised. */
  matchedBy: 'jumpstart-tag' | 'hf-model-id';
}

/**
 * matched: exactly one in-service candidate (proposed). ambiguous: several in service (nothing proposed; choose).
 * not-in-service: only candidates that are not InService. no-endpoint: open weights, nothing serves it yet.
 * closed-weights: no endpoint can serve it. dynamic: the id is built at run time (`${…}`), nothing to match.
 */
export type MatchStatus = 'matched' | 'ambiguous' | 'not-in-service' | 'no-endpoint' | 'closed-weights' | 'dynamic';

export interface ModelMatch {
  /** The key of the proposed mapping: the id without its geography. */
  modelId: string;
  /** The spellings found in the workspace (`us.meta…`, `meta…`), sorted. */
  foundAs: string[];
  status: MatchStatus;
  jumpStartId?: string;
  hfModelIds: string[];
  candidates: Candidate[];
  proposal?: EndpointMapping;
  /** The proposal's container could not be recognised from the image and is LMI by default. */
  containerAssumed?: boolean;
}

export interface MatchResult {
  matches: ModelMatch[];
  /** The proposed `endpoints` setting: only unambiguous, in-service matches. */
  mapping: Record<string, EndpointMapping>;
}

const IN_SERVICE = 'InService';

/** Matches every Bedrock model id found in the workspace with the endpoints that serve the same model. */
export function matchEndpoints(modelIds: Iterable<string>, endpoints: readonly DiscoveredEndpoint[]): MatchResult {
  const byBase = new Map<string, Set<string>>();
  for (const id of modelIds) {
    const base = baseModelId(id);
    if (!byBase.has(base)) byBase.set(base, new Set());
    byBase.get(base)!.add(id);
  }
  const matches: ModelMatch[] = [];
  const mapping: Record<string, EndpointMapping> = {};
  for (const base of [...byBase.keys()].sort()) {
    const match = matchOne(base, [...byBase.get(base)!].sort(), endpoints);
    matches.push(match);
    if (match.proposal) mapping[base] = match.proposal;
  }
  return { matches, mapping };
}

function matchOne(modelId: string, foundAs: string[], endpoints: readonly DiscoveredEndpoint[]): ModelMatch {
  if (modelId.includes('${')) return { modelId, foundAs, status: 'dynamic', hfModelIds: [], candidates: [] };
  const info = findModelIds(modelId)[0]?.info;
  if (!info || !info.openWeights) return { modelId, foundAs, status: 'closed-weights', hfModelIds: [], candidates: [] };
  const wanted = servingTargetOf(info, modelId);
  const candidates: Candidate[] = [];
  for (const endpoint of endpoints) {
    for (const target of endpoint.targets) {
      if (!targetServes(target, wanted)) continue;
      const byTag = !!(wanted.jumpStartId && target.jumpStartId && normalizeJumpStartId(target.jumpStartId) === normalizeJumpStartId(wanted.jumpStartId));
      candidates.push({
        endpointName: endpoint.endpointName,
        endpointStatus: endpoint.status,
        ...(target.inferenceComponentName ? { inferenceComponentName: target.inferenceComponentName, inferenceComponentStatus: target.inferenceComponentStatus } : {}),
        ...(target.container ? { container: target.container } : {}),
        matchedBy: byTag ? 'jumpstart-tag' : 'hf-model-id',
      });
    }
  }
  const base = { modelId, foundAs, ...(wanted.jumpStartId ? { jumpStartId: wanted.jumpStartId } : {}), hfModelIds: [...wanted.hfModelIds], candidates };
  const ready = candidates.filter(isReady);
  if (ready.length === 1) {
    const [chosen] = ready;
    return {
      ...base,
      status: 'matched',
      proposal: {
        endpointName: chosen.endpointName,
        ...(chosen.inferenceComponentName ? { inferenceComponentName: chosen.inferenceComponentName } : {}),
        container: chosen.container ?? 'lmi',
      },
      ...(chosen.container ? {} : { containerAssumed: true }),
    };
  }
  if (ready.length > 1) return { ...base, status: 'ambiguous' };
  return { ...base, status: candidates.length > 0 ? 'not-in-service' : 'no-endpoint' };
}

/** An endpoint (and its inference component, if any) that can take calls now. */
export function isReady(candidate: Pick<Candidate, 'endpointStatus' | 'inferenceComponentName' | 'inferenceComponentStatus'>): boolean {
  return candidate.endpointStatus === IN_SERVICE && (!candidate.inferenceComponentName || candidate.inferenceComponentStatus === IN_SERVICE);
}

/** The mapping for a chosen candidate (editor: the user picked one of an ambiguous match). */
export function mappingOf(candidate: Candidate): EndpointMapping {
  return {
    endpointName: candidate.endpointName,
    ...(candidate.inferenceComponentName ? { inferenceComponentName: candidate.inferenceComponentName } : {}),
    container: candidate.container ?? 'lmi',
  };
}
