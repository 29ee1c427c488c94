// A local SageMaker control plane (the `api.sagemaker` service) for discovery tests: HTTP/1.1 on 127.0.0.1 speaking
// AWS JSON 1.1 (`POST /`, `X-Amz-Target: SageMaker.<Operation>`, `application/x-amz-json-1.1`), as the real
// @aws-sdk/client-sagemaker sends it. Point the client at it with `endpoint` (or AWS_ENDPOINT_URL_SAGEMAKER) and dummy
// credentials. Pages are small on purpose (2 endpoints, 1 inference component per page) so paging is exercised.
// Behaviour by access key id (the Credential= of the SigV4 header): EXPIRED → ExpiredTokenException,
// GLOBAL → UnrecognizedClientException (credentials of another partition); faults below add AccessDenied and throttling.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandinModel {
  image: string;
  environment?: Record<string, string>;
}

export interface StandinComponent {
  name: string;
  status: string;
  modelName?: string;
  /** Set when the component carries its own container (no model). */
  image?: string;
  environment?: Record<string, string>;
  tags?: Record<string, string>;
}

export interface StandinEndpoint {
  name: string;
  status: string;
  failureReason?: string;
  /** Missing config: DescribeEndpointConfig answers "Could not find" (a deleted config of a Failed endpoint). */
  configMissing?: boolean;
  /** Model per variant; an inference-component endpoint has variants without a model. */
  variants: Array<{ variantName: string; modelName?: string }>;
  components?: StandinComponent[];
  tags?: Record<string, string>;
}

export interface ControlPlaneFixture {
  endpoints: StandinEndpoint[];
  models: Record<string, StandinModel>;
  /** SageMakerPublicHub model ids (JumpStart) of this region. */
  hubModels?: string[];
  /** DescribeHubContent's HubContentDocument (sent as a JSON string) per hub model id; `{}` when absent. */
  hubDocuments?: Record<string, Record<string, unknown>>;
}

export interface ControlPlaneFaults {
  /** Operations answered with ThrottlingException this many times before they succeed. */
  throttle?: Record<string, number>;
  /** Operations answered with AccessDeniedException (naming the action, as IAM does). */
  accessDenied?: string[];
  /** Delay every answer (ms), so a test can cancel in the middle. */
  delayMs?: number;
  /** Never answer this operation: the request stays open until the client gives up (a test cancels it). */
  hold?: string;
}

export interface ControlPlaneRequest {
  operation: string;
  body: Record<string, unknown>;
  accessKeyId?: string;
  /** The region of the SigV4 credential scope. */
  signingRegion?: string;
  authorization: string;
}

export interface ControlPlaneStandin {
  url: string;
  requests: ControlPlaneRequest[];
  /** Resolves when a request of the `hold` operation arrived (and is being held). */
  held(): Promise<ControlPlaneRequest>;
  /** Held requests whose connection the client closed (an aborted SDK call). */
  abandoned: ControlPlaneRequest[];
  close(): Promise<void>;
}

const ACCOUNT = '123456789012';
const ENDPOINT_PAGE = 2;
const COMPONENT_PAGE = 1;

export async function startControlPlaneStandin(fixture: ControlPlaneFixture = defaultFixture(), faults: ControlPlaneFaults = {}): Promise<ControlPlaneStandin> {
  const requests: ControlPlaneRequest[] = [];
  const abandoned: ControlPlaneRequest[] = [];
  const heldRequests: ControlPlaneRequest[] = [];
  const heldWaiters: Array<(request: ControlPlaneRequest) => void> = [];
  const throttles = new Map(Object.entries(faults.throttle ?? {}));
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      const authorization = String(request.headers.authorization ?? '');
      const scope = /Credential=([^/]+)\/\d+\/([^/]+)\/([^/]+)\//.exec(authorization);
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      const recorded: ControlPlaneRequest = { operation: target.replace(/^SageMaker\./, ''), body, accessKeyId: scope?.[1], signingRegion: scope?.[2], authorization };
      requests.push(recorded);
      if (faults.hold === recorded.operation) {
        response.on('close', () => { if (!response.writableEnded) abandoned.push(recorded); });
        heldRequests.push(recorded);
        for (const waiter of heldWaiters.splice(0)) waiter(recorded);
        return;
      }
      const answer = () => handle(request, recorded, response);
      if (faults.delayMs) setTimeout(answer, faults.delayMs);
      else answer();
    });
  });

  function handle(request: IncomingMessage, recorded: ControlPlaneRequest, response: ServerResponse): void {
    if (response.destroyed) return;
    const target = String(request.headers['x-amz-target'] ?? '');
    const { operation, body } = recorded;
    const scope = recorded.accessKeyId ? [undefined, recorded.accessKeyId, recorded.signingRegion] : undefined;
    if (request.method !== 'POST' || !target.startsWith('SageMaker.')) return fail(response, 400, 'UnknownOperationException', `Unexpected ${request.method} ${target}`);
    if (request.headers['content-type'] !== 'application/x-amz-json-1.1') return fail(response, 400, 'SerializationException', 'Expected application/x-amz-json-1.1');
    if (scope?.[1] === 'EXPIRED') return fail(response, 400, 'ExpiredTokenException', 'The security token included in the request is expired');
    if (scope?.[1] === 'GLOBAL') return fail(response, 400, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
    const remaining = throttles.get(operation) ?? 0;
    if (remaining > 0) {
      throttles.set(operation, remaining - 1);
      return fail(response, 400, 'ThrottlingException', 'Rate exceeded');
    }
    if (faults.accessDenied?.includes(operation)) {
      return fail(response, 400, 'AccessDeniedException',
        `User: arn:aws-cn:iam::${ACCOUNT}:user/dev is not authorized to perform: sagemaker:${operation} because no identity-based policy allows the sagemaker:${operation} action`);
    }
    const region = scope?.[2] ?? 'cn-north-1';
    try {
      ok(response, operate(operation, body, region));
    } catch (error) {
      const { status, type, message } = error as ServiceError;
      fail(response, status ?? 500, type ?? 'InternalFailure', message ?? String(error));
    }
  }

  function operate(operation: string, body: Record<string, unknown>, region: string): unknown {
    const arn = (kind: string, name: string) => `arn:aws-cn:sagemaker:${region}:${ACCOUNT}:${kind}/${name.toLowerCase()}`;
    const endpointNamed = (name: unknown) => fixture.endpoints.find((endpoint) => endpoint.name === name);
    switch (operation) {
      case 'ListEndpoints': {
        const sorted = [...fixture.endpoints].sort((a, b) => a.name.localeCompare(b.name));
        const { page, next } = paginate(sorted, body.NextToken, ENDPOINT_PAGE);
        return {
          Endpoints: page.map((endpoint) => ({
            EndpointName: endpoint.name, EndpointArn: arn('endpoint', endpoint.name), CreationTime: 1_767_225_600, LastModifiedTime: 1_767_225_600,
            EndpointStatus: endpoint.status,
          })),
          ...(next ? { NextToken: next } : {}),
        };
      }
      case 'DescribeEndpoint': {
        const endpoint = endpointNamed(body.EndpointName);
        if (!endpoint) throw validation(`Could not find endpoint "${String(body.EndpointName)}".`);
        return {
          EndpointName: endpoint.name, EndpointArn: arn('endpoint', endpoint.name), EndpointConfigName: `${endpoint.name}-config`,
          EndpointStatus: endpoint.status, ...(endpoint.failureReason ? { FailureReason: endpoint.failureReason } : {}),
          CreationTime: 1_767_225_600, LastModifiedTime: 1_767_225_600,
          ProductionVariants: endpoint.variants.map((variant) => ({ VariantName: variant.variantName, CurrentInstanceCount: 1 })),
        };
      }
      case 'DescribeEndpointConfig': {
        const endpoint = fixture.endpoints.find((candidate) => `${candidate.name}-config` === body.EndpointConfigName);
        if (!endpoint || endpoint.configMissing) throw validation(`Could not find endpoint configuration "${String(body.EndpointConfigName)}".`);
        return {
          EndpointConfigName: body.EndpointConfigName, EndpointConfigArn: arn('endpoint-config', String(body.EndpointConfigName)), CreationTime: 1_767_225_600,
          ProductionVariants: endpoint.variants.map((variant) => ({
            VariantName: variant.variantName, ...(variant.modelName ? { ModelName: variant.modelName, InitialInstanceCount: 1 } : {}), InstanceType: 'ml.g5.2xlarge',
          })),
        };
      }
      case 'DescribeModel': {
        const model = fixture.models[String(body.ModelName)];
        if (!model) throw validation(`Could not find model "${String(body.ModelName)}".`);
        return {
          ModelName: body.ModelName, ModelArn: arn('model', String(body.ModelName)), CreationTime: 1_767_225_600,
          ExecutionRoleArn: `arn:aws-cn:iam::${ACCOUNT}:role/sagemaker`,
          PrimaryContainer: { Image: model.image, Environment: model.environment ?? {} },
        };
      }
      case 'ListInferenceComponents': {
        const endpoint = endpointNamed(body.EndpointNameEquals);
        const components = [...(endpoint?.components ?? [])].sort((a, b) => a.name.localeCompare(b.name));
        const { page, next } = paginate(components, body.NextToken, COMPONENT_PAGE);
        return {
          InferenceComponents: page.map((component) => ({
            InferenceComponentName: component.name, InferenceComponentArn: arn('inference-component', component.name),
            EndpointName: endpoint!.name, EndpointArn: arn('endpoint', endpoint!.name), VariantName: endpoint!.variants[0]?.variantName,
            InferenceComponentStatus: component.status, CreationTime: 1_767_225_600, LastModifiedTime: 1_767_225_600,
          })),
          ...(next ? { NextToken: next } : {}),
        };
      }
      case 'DescribeInferenceComponent': {
        for (const endpoint of fixture.endpoints) {
          const component = endpoint.components?.find((candidate) => candidate.name === body.InferenceComponentName);
          if (!component) continue;
          return {
            InferenceComponentName: component.name, InferenceComponentArn: arn('inference-component', component.name),
            EndpointName: endpoint.name, EndpointArn: arn('endpoint', endpoint.name), VariantName: endpoint.variants[0]?.variantName,
            InferenceComponentStatus: component.status, CreationTime: 1_767_225_600, LastModifiedTime: 1_767_225_600,
            Specification: {
              ...(component.modelName ? { ModelName: component.modelName } : {}),
              ...(component.image ? { Container: { DeployedImage: { SpecifiedImage: component.image }, Environment: component.environment ?? {} } } : {}),
            },
          };
        }
        throw validation(`Could not find inference component "${String(body.InferenceComponentName)}".`);
      }
      case 'ListTags': {
        const resource = String(body.ResourceArn);
        const tags = tagsOf(resource, arn);
        return { Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) };
      }
      case 'ListHubContents': {
        if (body.HubName !== 'SageMakerPublicHub') throw validation(`Hub ${String(body.HubName)} not found`);
        const contains = String(body.NameContains ?? '');
        return {
          HubContentSummaries: (fixture.hubModels ?? []).filter((name) => name.includes(contains)).map((name) => ({
            HubContentName: name, HubContentArn: arn('hub-content', `SageMakerPublicHub/Model/${name}`), HubContentVersion: '2.1.0',
            HubContentType: 'Model', DocumentSchemaVersion: '2.3.0', HubContentStatus: 'Available', CreationTime: 1_767_225_600,
          })),
        };
      }
      case 'DescribeHubContent': {
        const name = String(body.HubContentName);
        if (body.HubName !== 'SageMakerPublicHub' || body.HubContentType !== 'Model' || !(fixture.hubModels ?? []).includes(name)) {
          throw { status: 400, type: 'ResourceNotFound', message: `Hub content ${name} not found` } satisfies ServiceError;
        }
        return {
          HubContentName: name, HubContentArn: arn('hub-content', `SageMakerPublicHub/Model/${name}`), HubContentVersion: body.HubContentVersion ?? '2.1.0',
          HubContentType: 'Model', DocumentSchemaVersion: '2.3.0', HubName: 'SageMakerPublicHub', HubArn: arn('hub', 'SageMakerPublicHub'),
          HubContentDocument: JSON.stringify(fixture.hubDocuments?.[name] ?? {}), HubContentStatus: 'Available', CreationTime: 1_767_225_600,
        };
      }
      default:
        throw { status: 400, type: 'UnknownOperationException', message: `Not implemented by the stand-in: ${operation}` } satisfies ServiceError;
    }
  }

  function tagsOf(resource: string, arn: (kind: string, name: string) => string): Record<string, string> {
    for (const endpoint of fixture.endpoints) {
      if (arn('endpoint', endpoint.name) === resource) return endpoint.tags ?? {};
      for (const component of endpoint.components ?? []) if (arn('inference-component', component.name) === resource) return component.tags ?? {};
    }
    return {};
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    abandoned,
    held: () => (heldRequests.length > 0 ? Promise.resolve(heldRequests[0]!) : new Promise((resolve) => heldWaiters.push(resolve))),
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

interface ServiceError {
  status?: number;
  type?: string;
  message?: string;
}

const validation = (message: string): ServiceError => ({ status: 400, type: 'ValidationException', message });

function paginate<T>(items: readonly T[], token: unknown, size: number): { page: T[]; next?: string } {
  const start = typeof token === 'string' ? Number(token.replace(/^page-/, '')) : 0;
  const page = items.slice(start, start + size);
  return { page, ...(start + size < items.length ? { next: `page-${start + size}` } : {}) };
}

function ok(response: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': 'standin' });
  response.end(text);
}

function fail(response: ServerResponse, status: number, type: string, message: string): void {
  const text = JSON.stringify({ __type: `com.amazonaws.sagemaker#${type}`, message });
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text), 'x-amzn-errortype': type, 'x-amzn-requestid': 'standin',
  });
  response.end(text);
}

export const LMI_IMAGE = '727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/djl-inference:0.36.0-lmi27.0.0-cu130';
export const TGI_IMAGE = '727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/huggingface-pytorch-tgi-inference:2.7.0-tgi3.3.6-gpu-py311-cu124-ubuntu22.04';

/**
 * Four endpoints over two pages: a JumpStart Llama 3 8B on LMI (found by its tag), a Mistral 7B on TGI (found by
 * HF_MODEL_ID), an inference-component endpoint with a Llama 3.1 8B in service and a DeepSeek-R1 still creating,
 * and a Failed endpoint whose config is gone.
 */
export function defaultFixture(): ControlPlaneFixture {
  return {
    endpoints: [
      {
        name: 'jumpstart-dft-llama-3-8b', status: 'InService', variants: [{ variantName: 'AllTraffic', modelName: 'llama-3-8b-model' }],
        tags: { 'sagemaker-sdk:jumpstart-model-id': 'meta-textgeneration-llama-3-8b-instruct', 'sagemaker-sdk:jumpstart-model-version': '2.3.0' },
      },
      { name: 'mistral-tgi', status: 'InService', variants: [{ variantName: 'AllTraffic', modelName: 'mistral-tgi-model' }] },
      {
        name: 'shared-ic', status: 'InService', variants: [{ variantName: 'AllTraffic' }],
        components: [
          {
            name: 'ic-llama-3-1-8b', status: 'InService', modelName: 'llama-3-1-8b-model',
            tags: { 'sagemaker-sdk:jumpstart-model-id': 'meta-textgeneration-llama-3-1-8b-instruct' },
          },
          { name: 'ic-deepseek-r1', status: 'Creating', image: LMI_IMAGE, environment: { HF_MODEL_ID: 'deepseek-ai/DeepSeek-R1', OPTION_TENSOR_PARALLEL_DEGREE: '8' } },
        ],
      },
      { name: 'zz-old', status: 'Failed', failureReason: 'Image pull failed', configMissing: true, variants: [{ variantName: 'AllTraffic', modelName: 'gone' }] },
    ],
    models: {
      'llama-3-8b-model': { image: LMI_IMAGE, environment: { HF_MODEL_ID: '/opt/ml/model', OPTION_ROLLING_BATCH: 'vllm' } },
      'mistral-tgi-model': { image: TGI_IMAGE, environment: { HF_MODEL_ID: 'mistralai/Mistral-7B-Instruct-v0.2', MESSAGES_API_ENABLED: 'true', SM_NUM_GPUS: '1' } },
      'llama-3-1-8b-model': { image: LMI_IMAGE, environment: { HF_MODEL_ID: '/opt/ml/model' } },
    },
    hubModels: ['meta-textgeneration-llama-3-8b-instruct', 'meta-textgeneration-llama-3-8b-instruct-neuron', 'meta-textgeneration-llama-3-1-8b-instruct', 'huggingface-llm-mistral-7b-instruct'],
    // The Llama models are gated (their hosting EULA must be accepted); Mistral is not.
    hubDocuments: {
      'meta-textgeneration-llama-3-8b-instruct': { DefaultInferenceInstanceType: 'ml.g5.2xlarge', HostingEulaUri: 's3://jumpstart-cache-prod-cn-north-1/fmhMetadata/eula/llama3Eula.txt' },
      'meta-textgeneration-llama-3-1-8b-instruct': { DefaultInferenceInstanceType: 'ml.g5.4xlarge', HostingEulaUri: 's3://jumpstart-cache-prod-cn-north-1/fmhMetadata/eula/llama3_1Eula.txt' },
      'huggingface-llm-mistral-7b-instruct': { DefaultInferenceInstanceType: 'ml.g5.2xlarge', HostingEulaUri: null },
    },
  };
}
