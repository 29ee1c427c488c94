// Recognises Bedrock model ids, ARNs, endpoint hosts and IAM actions inside string values. These
// patterns run over the *contents* of string literals the parser found, never over source code.

/** A character standing in for a `${...}` substitution of a template literal (same length as the source). */
export const PLACEHOLDER = '\u0001';
/** How a substitution is shown in messages and data. */
export const TEMPLATE_SUBSTITUTION = '${…}';

/** A matched text with each run of placeholders shown as `${…}`. */
export function displayTemplate(text: string): string {
  return text.replace(/\u0001+/g, TEMPLATE_SUBSTITUTION);
}

export type ModelFamily =
  | 'llama' | 'deepseek' | 'mistral' | 'anthropic' | 'titan' | 'nova' | 'cohere' | 'ai21'
  | 'gpt-oss' | 'qwen' | 'gemma' | 'writer' | 'stability' | 'twelvelabs' | 'minimax' | 'luma' | 'amazon-other';

export interface ModelIdInfo {
  modelId: string;
  /** Inference-profile geography (`us`, `eu`, `apac`, `global`...) when present. */
  geoPrefix?: string;
  provider: string;
  family: ModelFamily;
  /** Open weights exist, so the model can be deployed on a SageMaker endpoint. */
  openWeights: boolean;
  embedding: boolean;
  /** Closest SageMaker JumpStart model id, when one is known. */
  jumpStartId?: string;
}

// `luma` (Luma AI Ray video models, `luma.ray-v2:0`) is served by Bedrock but not yet in domain-facts §5's regex.
const PROVIDERS = 'meta|amazon|anthropic|mistral|cohere|deepseek|ai21|openai|qwen|google|writer|stability|twelvelabs|minimax|luma';
const GEOS = 'us-gov|us|eu|apac|jp|au|global';
const GEO_PREFIX = new RegExp(`^(?:${GEOS})\\.`);

/** A model id without its cross-region inference profile's geography: `us.meta.llama3-...` → `meta.llama3-...`. */
export function withoutGeoPrefix(modelId: string): string {
  return modelId.replace(GEO_PREFIX, '');
}

/** The catalogue's description of a model id, when it is a Bedrock id it knows. */
export function modelInfo(modelId: string): ModelIdInfo | undefined {
  return findModelIds(modelId)[0]?.info;
}
// Provisioned-throughput variants add a context size (`anthropic.claude-3-haiku-20240307-v1:0:200k`); an id is never
// followed by another `:N` or by a file extension (`meta.llama3-8b-instruct-v1:0.json` names a file).
// Nor does it end in '-' or '.' (`meta.llama3-${size}-` is still being typed).
const BAD_ENDING = /\.[a-z]+$|[.-]$/;
// A model name has a hyphen and a digit (`llama3-8b-instruct-v1:0`), which keeps `amazon.com` out. In a template
// literal each `${...}` is a run of PLACEHOLDER characters: it may stand for the geography (`${geo}.meta.llama3-...`)
// or for part of the name after its first literal character (`meta.llama3-${size}-instruct-v1:0`). Name segments
// are separated by a required `.`/`-`, so the pattern cannot backtrack exponentially.
const MODEL_ID = new RegExp(
  '(?<![\\w.\\-:@\u0001])(?:(' + GEOS + '|\u0001+)\\.)?(' + PROVIDERS + ')\\.'
    + '((?=[a-z0-9.\\-\u0001]*\\d)[a-z0-9][a-z0-9\u0001]*(?:[.\\-][a-z0-9\u0001]+)*-[a-z0-9.\\-\u0001]*?)'
    + '(?::(\\d+))?(?::\\d+k?)?(?![\\w\\-\u0001]|:\\d|\\.[a-z])',
  'g',
);

export interface Match {
  index: number;
  length: number;
  text: string;
}

export function findModelIds(value: string): Array<Match & { info: ModelIdInfo }> {
  const results: Array<Match & { info: ModelIdInfo }> = [];
  for (const match of value.matchAll(MODEL_ID)) {
    const [text, geo, provider, name] = match;
    const index = match.index ?? 0;
    if (!name.includes('-') || !hasKnownFamily(provider, name) || isPathSegment(value, index) || BAD_ENDING.test(text)) continue;
    // `${geo}.meta.llama3-...`: the id is the base model, the geography is decided at run time.
    const dynamicGeo = geo?.startsWith(PLACEHOLDER) ?? false;
    const modelId = displayTemplate(dynamicGeo ? text.slice(geo.length + 1) : text);
    const info = describeModel(modelId, provider, name, dynamicGeo ? TEMPLATE_SUBSTITUTION : geo);
    results.push({ index, length: text.length, text, info });
  }
  return results;
}

// `amazon.` and `google.` prefix far more than model ids (`amazon.s3-logs-2024`, `google.maps-v3`), so for them only
// the families Bedrock serves count. Other providers' namespaces are Bedrock-specific enough to accept any name.
const PROVIDER_FAMILIES: Readonly<Record<string, RegExp>> = {
  amazon: /^(?:titan|nova|rerank)-/,
  google: /^gemma-/,
};

function hasKnownFamily(provider: string, name: string): boolean {
  return PROVIDER_FAMILIES[provider]?.test(name) ?? true;
}

/**
 * `node_modules/meta.llama3-8b/index.js` is a path, but `bedrock/anthropic.claude-...` (LiteLLM-style routing),
 * `/model/meta.llama3-...-v1:0/invoke` (the REST path) and `foundation-model/...` name a Bedrock model.
 */
function isPathSegment(value: string, index: number): boolean {
  if (value.charAt(index - 1) !== '/') return false;
  return !/(?:bedrock|model)\/$/i.test(value.slice(Math.max(0, index - 8), index));
}

function describeModel(modelId: string, provider: string, name: string, geoPrefix?: string): ModelIdInfo {
  const family = familyOf(provider, name);
  const embedding = /embed/.test(name);
  const openWeights = ['llama', 'deepseek', 'mistral', 'gpt-oss', 'qwen', 'gemma'].includes(family) && !/large-24|pixtral-large/.test(name);
  return { modelId, geoPrefix, provider, family, openWeights, embedding, jumpStartId: jumpStartIdFor(provider, name) };
}

function familyOf(provider: string, name: string): ModelFamily {
  switch (provider) {
    case 'meta': return 'llama';
    case 'deepseek': return 'deepseek';
    case 'mistral': return 'mistral';
    case 'anthropic': return 'anthropic';
    case 'cohere': return 'cohere';
    case 'ai21': return 'ai21';
    case 'openai': return 'gpt-oss';
    case 'qwen': return 'qwen';
    case 'google': return 'gemma';
    case 'writer': return 'writer';
    case 'stability': return 'stability';
    case 'twelvelabs': return 'twelvelabs';
    case 'minimax': return 'minimax';
    case 'luma': return 'luma';
    default: return name.startsWith('titan') ? 'titan' : name.startsWith('nova') ? 'nova' : 'amazon-other';
  }
}

// Closest JumpStart ids from the SageMaker Python SDK model table (docs/rules.md cites it).
const JUMPSTART: ReadonlyArray<[RegExp, string]> = [
  [/^llama3-8b-instruct/, 'meta-textgeneration-llama-3-8b-instruct'],
  [/^llama3-70b-instruct/, 'meta-textgeneration-llama-3-70b-instruct'],
  [/^llama3-1-8b-instruct/, 'meta-textgeneration-llama-3-1-8b-instruct'],
  [/^llama3-1-70b-instruct/, 'meta-textgeneration-llama-3-1-70b-instruct'],
  [/^llama3-1-405b-instruct/, 'meta-textgeneration-llama-3-1-405b-instruct-fp8'],
  [/^llama3-2-1b-instruct/, 'meta-textgeneration-llama-3-2-1b-instruct'],
  [/^llama3-2-3b-instruct/, 'meta-textgeneration-llama-3-2-3b-instruct'],
  [/^llama3-2-11b-instruct/, 'meta-vlm-llama-3-2-11b-vision-instruct'],
  [/^llama3-3-70b-instruct/, 'meta-textgeneration-llama-3-3-70b-instruct'],
  [/^llama4-scout-17b/, 'meta-vlm-llama-4-scout-17b-16e-instruct'],
  [/^llama4-maverick-17b/, 'meta-vlm-llama-4-maverick-17b-128e-instruct'],
  [/^r1-/, 'deepseek-llm-r1'],
  [/^mistral-7b-instruct/, 'huggingface-llm-mistral-7b-instruct'],
  [/^mixtral-8x7b-instruct/, 'huggingface-llm-mixtral-8x7b-instruct'],
  [/^mistral-small/, 'huggingface-llm-mistral-small-24B-Instruct-2501'],
];

function jumpStartIdFor(provider: string, name: string): string | undefined {
  if (provider !== 'meta' && provider !== 'deepseek' && provider !== 'mistral') return undefined;
  return JUMPSTART.find(([pattern]) => pattern.test(name))?.[1];
}

// ---- ARNs, hosts, IAM actions, API keys ----


const ARN = /arn:(?:aws[a-z-]*|\u0001+):bedrock(?:-agentcore)?:[\w\u0001*-]*:[\w\u0001*]*:[\w\u0001\-/.:*]+/g;
// Regional hosts (`bedrock-runtime.us-east-1.amazonaws.com`), and the region-less form some configurations carry
// (`bedrock-runtime.amazonaws.com`). The bare `bedrock.amazonaws.com` is left out: it is also the IAM service
// principal of trust policies, not a host a client connects to.
const HOST = new RegExp('(?<![\\w-])(?:[\\w-]+\\.)?(?:'
  + 'bedrock(?:-runtime|-agent-runtime|-agent|-mantle|-data-automation-runtime|-data-automation|-agentcore-control|-agentcore)?(?:-fips)?\\.[a-z0-9\u0001-]+\\.(?:vpce\\.)?(?:amazonaws\\.com(?:\\.cn)?|api\\.aws)'
  + '|bedrock(?:-runtime|-agent-runtime|-agent|-data-automation-runtime|-data-automation|-agentcore-control|-agentcore)(?:-fips)?\\.amazonaws\\.com'
  + ')(?![\\w-])', 'g');
const IAM_ACTION = /(?<![\w-])bedrock(?:-agentcore)?:(?:[A-Z][A-Za-z]*\*?|\*)(?![\w])/g;
export const BEDROCK_API_KEY_ENV = 'AWS_BEARER_TOKEN_BEDROCK';

function allMatches(pattern: RegExp, value: string): Match[] {
  return [...value.matchAll(pattern)].map((m) => ({ index: m.index ?? 0, length: m[0].length, text: m[0] }));
}

export const findArns = (value: string): Match[] => allMatches(ARN, value);
export const findHosts = (value: string): Match[] => allMatches(HOST, value);
export const findIamActions = (value: string): Match[] => allMatches(IAM_ACTION, value);

// Deliberately looser than MODEL_ID (no look-behind before the provider): `${geo}.meta.llama3-...` must not be
// skipped. The search starts at the dot and looks back for the provider: the regexp engine then skips ahead to each
// dot instead of trying the fifteen provider names at every character (twice as fast over a dependency tree).
const MAY_BE_MODEL_ID = new RegExp(`\\.(?<=(?:${PROVIDERS})\\.)[a-z0-9][a-z0-9.]*-`);

// What every pattern of one value needs: ARN, HOST and IAM_ACTION the word `bedrock`, the API key's name `BEDROCK`,
// MODEL_ID a provider and its dot (placeholders may stand in the name, so not MAY_BE_MODEL_ID).
const VALUE_MAY_HAVE_MATCHES = new RegExp(`bedrock|BEDROCK|\\.(?<=(?:${PROVIDERS})\\.)`);

/**
 * Cheap pre-check on one string value before its four searches (scanValue): false only when none of findArns,
 * findHosts, findIamActions, findModelIds and the API key's name can match (most string literals of a file).
 */
export function valueMayHaveMatches(value: string): boolean {
  return VALUE_MAY_HAVE_MATCHES.test(value);
}

/** Cheap pre-check on a whole text: could it contain anything the engine reports? */
export function mayMentionBedrock(text: string): boolean {
  return /bedrock/i.test(text) || MAY_BE_MODEL_ID.test(text);
}
