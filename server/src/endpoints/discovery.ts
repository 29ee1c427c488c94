// Reads the SageMaker endpoints of one region with @aws-sdk/client-sagemaker. Bundled on its own as
// server/out/sagemaker-discovery.js and loaded only when the user runs the endpoints command (see loadDiscovery.ts):
// the SDK is large and neither `scan` nor the language server's start-up should pay for it.
// Read-only: List*/Describe*/ListTags/ListHubContents. Credentials come from the SDK's default provider chain and are
// never read, logged or returned here.
import {
  DescribeEndpointCommand, DescribeEndpointConfigCommand, DescribeHubContentCommand, DescribeInferenceComponentCommand, DescribeModelCommand,
  type DescribeModelCommandOutput, ListEndpointsCommand, ListHubContentsCommand, ListInferenceComponentsCommand, ListTagsCommand,
  SageMakerClient, type Tag,
} from '@aws-sdk/client-sagemaker';
import {
  containerFamilyOf, type DiscoveredEndpoint, type EndpointTarget, hfModelIdOf, JUMPSTART_MODEL_ID_TAG, messagesApiOf,
} from '../engine/catalog/sageMakerEndpoints';
import { readAwsProfiles } from '../../../shared/awsProfiles';
import type { DiscoveryFailure, DiscoveryFailureCode, DiscoveryOptions, DiscoveryResult, HubAvailability } from './discoveryTypes';

const DESCRIBE_CONCURRENCY = 4;
const PUBLIC_HUB = 'SageMakerPublicHub';

/** A failed SageMaker call, with the operation it was (so AccessDenied can name the IAM action). */
class CallFailure extends Error {
  constructor(readonly operation: string, readonly cause: unknown) {
    super(operation);
  }
}

export async function discoverEndpoints(options: DiscoveryOptions): Promise<DiscoveryResult> {
  // The SDK warns on Node 20 about its own future releases; this bundle is pinned, so the warning is only noise.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // The SDK's chain only says "Could not load credentials from any providers" for a misspelt profile.
  if (options.profile && !readAwsProfiles().some((profile) => profile.name === options.profile)) {
    return { ok: false, failure: { code: 'profile-not-found', operation: 'ListEndpoints', action: 'sagemaker:ListEndpoints', region: options.region, profile: options.profile, detail: '' } };
  }
  const client = new SageMakerClient({
    region: options.region,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    // Standard retries with backoff for throttling and transient errors; then the failure is reported.
    maxAttempts: 4,
  });
  const calls = new Calls(client, options.signal);
  try {
    const summaries = await calls.listEndpoints();
    const endpoints: DiscoveredEndpoint[] = new Array(summaries.length);
    let done = 0;
    options.onProgress?.(0, summaries.length);
    await eachLimited(summaries, DESCRIBE_CONCURRENCY, async (summary, index) => {
      endpoints[index] = await describeEndpoint(calls, summary);
      options.onProgress?.(++done, summaries.length);
    });
    let hub: HubAvailability[] | undefined;
    let hubFailure: DiscoveryFailure | undefined;
    if (options.hubModelIds && options.hubModelIds.length > 0) {
      try {
        hub = await hubAvailability(calls, options.hubModelIds);
      } catch (error) {
        // The endpoints are known; a hub that cannot be read only leaves the deployment plan unchecked.
        const failure = toFailure(error, options);
        if (failure.code === 'cancelled') return { ok: false, failure };
        hubFailure = failure;
      }
    }
    return {
      ok: true, region: options.region, ...(options.profile ? { profile: options.profile } : {}), endpoints,
      ...(hub ? { hub } : {}), ...(hubFailure ? { hubFailure } : {}),
    };
  } catch (error) {
    return { ok: false, failure: toFailure(error, options) };
  } finally {
    client.destroy();
  }
}

interface EndpointSummary {
  name: string;
  arn?: string;
  status: string;
  creationTime?: string;
}

/** Every call goes through here: the abort signal, and the operation name on failure. */
class Calls {
  constructor(private readonly client: SageMakerClient, private readonly signal: AbortSignal | undefined) {}

  private async send<T>(operation: string, run: (abortSignal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    if (this.signal?.aborted) throw new CallFailure(operation, abortError());
    try {
      return await run(this.signal);
    } catch (error) {
      throw new CallFailure(operation, error);
    }
  }

  async listEndpoints(): Promise<EndpointSummary[]> {
    const result: EndpointSummary[] = [];
    let NextToken: string | undefined;
    do {
      const page = await this.send('ListEndpoints', (abortSignal) =>
        this.client.send(new ListEndpointsCommand({ MaxResults: 100, SortBy: 'Name', SortOrder: 'Ascending', NextToken }), { abortSignal }));
      for (const endpoint of page.Endpoints ?? []) {
        if (!endpoint.EndpointName) continue;
        result.push({
          name: endpoint.EndpointName, arn: endpoint.EndpointArn, status: endpoint.EndpointStatus ?? 'Unknown',
          ...(endpoint.CreationTime ? { creationTime: endpoint.CreationTime.toISOString() } : {}),
        });
      }
      NextToken = page.NextToken;
    } while (NextToken);
    return result;
  }

  describeEndpoint(EndpointName: string) {
    return this.send('DescribeEndpoint', (abortSignal) => this.client.send(new DescribeEndpointCommand({ EndpointName }), { abortSignal }));
  }

  describeEndpointConfig(EndpointConfigName: string) {
    return this.send('DescribeEndpointConfig', (abortSignal) => this.client.send(new DescribeEndpointConfigCommand({ EndpointConfigName }), { abortSignal }));
  }

  describeModel(ModelName: string) {
    return this.send('DescribeModel', (abortSignal) => this.client.send(new DescribeModelCommand({ ModelName }), { abortSignal }));
  }

  async listInferenceComponents(EndpointNameEquals: string): Promise<string[]> {
    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await this.send('ListInferenceComponents', (abortSignal) =>
        this.client.send(new ListInferenceComponentsCommand({ EndpointNameEquals, MaxResults: 100, SortBy: 'Name', SortOrder: 'Ascending', NextToken }), { abortSignal }));
      for (const component of page.InferenceComponents ?? []) if (component.InferenceComponentName) names.push(component.InferenceComponentName);
      NextToken = page.NextToken;
    } while (NextToken);
    return names;
  }

  describeInferenceComponent(InferenceComponentName: string) {
    return this.send('DescribeInferenceComponent', (abortSignal) =>
      this.client.send(new DescribeInferenceComponentCommand({ InferenceComponentName }), { abortSignal }));
  }

  async listTags(ResourceArn: string): Promise<Tag[]> {
    const tags: Tag[] = [];
    let NextToken: string | undefined;
    do {
      const page = await this.send('ListTags', (abortSignal) => this.client.send(new ListTagsCommand({ ResourceArn, NextToken, MaxResults: 100 }), { abortSignal }));
      tags.push(...(page.Tags ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return tags;
  }

  describeHubModel(HubContentName: string, HubContentVersion: string | undefined) {
    return this.send('DescribeHubContent', (abortSignal) => this.client.send(new DescribeHubContentCommand({
      HubName: PUBLIC_HUB, HubContentType: 'Model', HubContentName, ...(HubContentVersion ? { HubContentVersion } : {}),
    }), { abortSignal }));
  }

  async hubModelNames(nameContains: string): Promise<Array<{ name: string; version?: string }>> {
    const names: Array<{ name: string; version?: string }> = [];
    let NextToken: string | undefined;
    do {
      const page = await this.send('ListHubContents', (abortSignal) => this.client.send(new ListHubContentsCommand({
        HubName: PUBLIC_HUB, HubContentType: 'Model', NameContains: nameContains, MaxResults: 100, NextToken,
      }), { abortSignal }));
      for (const content of page.HubContentSummaries ?? []) {
        if (content.HubContentName) names.push({ name: content.HubContentName, ...(content.HubContentVersion ? { version: content.HubContentVersion } : {}) });
      }
      NextToken = page.NextToken;
    } while (NextToken);
    return names;
  }
}

async function describeEndpoint(calls: Calls, summary: EndpointSummary): Promise<DiscoveredEndpoint> {
  const base: DiscoveredEndpoint = {
    endpointName: summary.name, ...(summary.arn ? { endpointArn: summary.arn } : {}), status: summary.status,
    ...(summary.creationTime ? { creationTime: summary.creationTime } : {}), usesInferenceComponents: false, targets: [],
  };
  // Known once DescribeEndpoint answered, and still worth showing when a later describe fails.
  let described: DiscoveredEndpoint = base;
  try {
    const endpoint = await calls.describeEndpoint(summary.name);
    const status = endpoint.EndpointStatus ?? summary.status;
    described = { ...base, status, ...(endpoint.FailureReason ? { failureReason: endpoint.FailureReason } : {}) };
    const deployedImage = endpoint.ProductionVariants?.flatMap((variant) => variant.DeployedImages ?? [])[0];
    const endpointTags = summary.arn ? await calls.listTags(summary.arn) : [];
    const endpointJumpStartId = jumpStartIdOf(endpointTags);
    const config = endpoint.EndpointConfigName ? await calls.describeEndpointConfig(endpoint.EndpointConfigName) : undefined;
    const variants = config?.ProductionVariants ?? [];
    const modelVariants = variants.filter((variant) => variant.ModelName);
    if (variants.length > 0 && modelVariants.length === 0) {
      // No model on any variant: an inference-component endpoint; every component is a target of its own.
      described.usesInferenceComponents = true;
      const names = await calls.listInferenceComponents(summary.name);
      for (const name of names) described.targets.push(await describeComponent(calls, name));
      if (described.targets.length === 1 && !described.targets[0]!.jumpStartId && endpointJumpStartId) described.targets[0]!.jumpStartId = endpointJumpStartId;
      return described;
    }
    for (const variant of modelVariants) {
      const model = await calls.describeModel(variant.ModelName!);
      const container = primaryContainer(model);
      const image = container?.Image ?? deployedImage?.SpecifiedImage ?? deployedImage?.ResolvedImage;
      described.targets.push(target({
        variantName: variant.VariantName, modelName: variant.ModelName, image, environment: container?.Environment, jumpStartId: endpointJumpStartId,
      }));
    }
    return described;
  } catch (error) {
    // A resource that vanished between the list and the describe (Deleting, Failed) still shows in the list.
    if (error instanceof CallFailure && isNotFound(error.cause)) return { ...described, targets: [], usesInferenceComponents: false, detailError: sanitize(messageOf(error.cause)) };
    throw error;
  }
}

async function describeComponent(calls: Calls, name: string): Promise<EndpointTarget> {
  const component = await calls.describeInferenceComponent(name);
  const specification = component.Specification;
  const containerSpec = specification?.Container;
  const model = specification?.ModelName ? await calls.describeModel(specification.ModelName) : undefined;
  const container = model ? primaryContainer(model) : undefined;
  const tags = component.InferenceComponentArn ? await calls.listTags(component.InferenceComponentArn) : [];
  return target({
    inferenceComponentName: name,
    inferenceComponentStatus: component.InferenceComponentStatus ?? 'Unknown',
    variantName: component.VariantName,
    modelName: specification?.ModelName,
    image: containerSpec?.DeployedImage?.SpecifiedImage ?? containerSpec?.DeployedImage?.ResolvedImage ?? container?.Image,
    environment: { ...(container?.Environment ?? {}), ...(containerSpec?.Environment ?? {}) },
    jumpStartId: jumpStartIdOf(tags),
  });
}

interface TargetFacts {
  inferenceComponentName?: string;
  inferenceComponentStatus?: string;
  variantName?: string;
  modelName?: string;
  image?: string;
  environment?: Record<string, string>;
  jumpStartId?: string;
}

function target(facts: TargetFacts): EndpointTarget {
  const container = containerFamilyOf(facts.image, facts.environment);
  const hfModelId = hfModelIdOf(facts.environment);
  const messagesApi = messagesApiOf(facts.environment);
  const result: EndpointTarget = {};
  if (facts.inferenceComponentName) result.inferenceComponentName = facts.inferenceComponentName;
  if (facts.inferenceComponentStatus) result.inferenceComponentStatus = facts.inferenceComponentStatus;
  if (facts.variantName) result.variantName = facts.variantName;
  if (facts.modelName) result.modelName = facts.modelName;
  if (facts.image) result.image = facts.image;
  if (container) result.container = container;
  if (facts.jumpStartId) result.jumpStartId = facts.jumpStartId;
  if (hfModelId) result.hfModelId = hfModelId;
  if (messagesApi !== undefined) result.messagesApi = messagesApi;
  return result;
}

function primaryContainer(model: DescribeModelCommandOutput) {
  return model.PrimaryContainer ?? model.Containers?.[0];
}

function jumpStartIdOf(tags: readonly Tag[]): string | undefined {
  return tags.find((tag) => tag.Key === JUMPSTART_MODEL_ID_TAG)?.Value || undefined;
}

async function hubAvailability(calls: Calls, ids: readonly string[]): Promise<HubAvailability[]> {
  const result: HubAvailability[] = [];
  for (const id of [...new Set(ids)].sort()) {
    const found = (await calls.hubModelNames(id)).find((content) => content.name === id);
    if (!found) {
      result.push({ jumpStartId: id, available: false });
      continue;
    }
    const described = await calls.describeHubModel(id, found.version);
    result.push({ jumpStartId: id, available: true, ...(found.version ? { version: found.version } : {}), ...hubModelFacts(described.HubContentDocument) });
  }
  return result;
}

/**
 * What the deployment plan needs from a JumpStart model's hub document (a JSON string): its default instance type and
 * whether deploying it needs the model's EULA accepted (a hosting EULA, or weights in JumpStart's gated bucket).
 * Keys as the SageMaker Python SDK reads them from hub documents; an unreadable document gives no facts, not an error.
 */
export function hubModelFacts(document: string | undefined): Pick<HubAvailability, 'defaultInstanceType' | 'gated'> {
  let parsed: unknown;
  try {
    parsed = document ? JSON.parse(document) : undefined;
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object') return {};
  const facts = parsed as Record<string, unknown>;
  const instanceType = facts.DefaultInferenceInstanceType;
  const eula = [facts.HostingEulaUri, facts.HostingEulaKey].some((value) => typeof value === 'string' && value !== '');
  return {
    ...(typeof instanceType === 'string' && instanceType ? { defaultInstanceType: instanceType } : {}),
    gated: eula || facts.GatedBucket === true,
  };
}

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// ---- errors ----

interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number };
}

function toFailure(error: unknown, options: DiscoveryOptions): DiscoveryFailure {
  const operation = error instanceof CallFailure ? error.operation : 'ListEndpoints';
  const cause = error instanceof CallFailure ? error.cause : error;
  return {
    code: options.signal?.aborted ? 'cancelled' : classify(cause),
    operation,
    action: `sagemaker:${operation}`,
    region: options.region,
    ...(options.profile ? { profile: options.profile } : {}),
    detail: sanitize(messageOf(cause)),
  };
}

export function classify(error: unknown): DiscoveryFailureCode {
  const sdk = (error ?? {}) as SdkError;
  const name = sdk.name ?? '';
  const message = messageOf(error);
  const status = sdk.$metadata?.httpStatusCode ?? sdk.$response?.statusCode;
  if (name === 'AbortError') return 'cancelled';
  if (/^(?:ExpiredToken(?:Exception)?|RequestExpired|TokenRefreshRequired)$/.test(name)) return 'expired-token';
  if (name === 'CredentialsProviderError' || name === 'TokenProviderError' || /could not load credentials/i.test(message)) {
    if (/profile .*(?:could not be found|not found)/i.test(message)) return 'profile-not-found';
    if (/expired|refresh/i.test(message)) return 'expired-token';
    return 'no-credentials';
  }
  if (/^(?:UnrecognizedClientException|InvalidClientTokenId|InvalidSignatureException|IncompleteSignature(?:Exception)?)$/.test(name)) return 'wrong-partition';
  if (/^(?:AccessDenied(?:Exception)?|NotAuthorized(?:Exception)?|UnauthorizedOperation)$/.test(name) || status === 403) return 'access-denied';
  if (/^(?:Throttling(?:Exception)?|ThrottledException|TooManyRequestsException|RequestLimitExceeded|SlowDown)$/.test(name) || status === 429) return 'throttled';
  if (name === 'TimeoutError' || /^(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/.test(sdk.code ?? '')) return 'network';
  return 'unknown';
}

function isNotFound(error: unknown): boolean {
  const sdk = (error ?? {}) as SdkError;
  return sdk.name === 'ResourceNotFound' || (sdk.name === 'ValidationException' && /could not find|does not exist|not found/i.test(messageOf(error)));
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** Removes access key ids and signatures from an SDK message before anyone prints it. */
export function sanitize(message: string): string {
  return message
    .replace(/\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g, '<redacted>')
    .replace(/(Signature|Credential|X-Amz-Security-Token)=[^\s,&]+/gi, '$1=<redacted>')
    .slice(0, 500);
}

function abortError(): Error {
  const error = new Error('The operation was aborted');
  error.name = 'AbortError';
  return error;
}
