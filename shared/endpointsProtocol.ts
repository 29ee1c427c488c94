// "Connect to SageMaker Endpoints…": the one request that makes the server call AWS (read-only SageMaker calls), and
// only when the user runs the command in a trusted workspace.
import { RequestType } from 'vscode-languageserver-protocol';
import type { WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { ReportFolderParams } from './reportProtocol';

export const EndpointsCommands = {
  connect: 'bedrockToSagemaker.connectEndpoints',
} as const;

export type ChinaRegion = 'cn-north-1' | 'cn-northwest-1';
export const CHINA_REGIONS: readonly ChinaRegion[] = ['cn-north-1', 'cn-northwest-1'];

/**
 * `bedrockToSagemaker/discoverEndpoints`: scans the folders for Bedrock model ids, lists the SageMaker endpoints of
 * the region with the profile's credentials, and matches them. Cancellable (the AWS calls are aborted); work-done
 * progress when given a token. Writes nothing: the client writes the settings the user confirms.
 */
export namespace DiscoverEndpointsRequest {
  export const method = 'bedrockToSagemaker/discoverEndpoints';
  export const type = new RequestType<DiscoverEndpointsParams, DiscoverEndpointsResult, void>(method);
}

export interface DiscoverEndpointsParams extends WorkDoneProgressParams {
  region: ChinaRegion;
  /** A profile of ~/.aws/config or ~/.aws/credentials; absent: the SDK's default chain. */
  profile?: string;
  folders: ReportFolderParams[];
}

export interface EndpointTargetDto {
  endpointName: string;
  endpointStatus: string;
  inferenceComponentName?: string;
  inferenceComponentStatus?: string;
  container?: 'lmi' | 'tgi';
  /** The JumpStart id or Hugging Face id it serves, when recognised. */
  model?: string;
}

export interface EndpointMappingDto {
  endpointName: string;
  inferenceComponentName?: string;
  container: 'lmi' | 'tgi';
}

export interface ModelMatchDto {
  modelId: string;
  foundAs: string[];
  status: 'matched' | 'ambiguous' | 'not-in-service' | 'no-endpoint' | 'closed-weights' | 'dynamic';
  jumpStartId?: string;
  /** Endpoints (or inference components) that serve this model. */
  candidates: EndpointTargetDto[];
  proposal?: EndpointMappingDto;
  /** Where the id appears, `folder/path:line`. */
  locations: string[];
}

export type DiscoverEndpointsResult =
  | {
    ok: true;
    region: ChinaRegion;
    profile?: string;
    /** Every invocable target: each endpoint, or each inference component of an inference-component endpoint. */
    targets: EndpointTargetDto[];
    endpointCount: number;
    models: ModelMatchDto[];
    mapping: Record<string, EndpointMappingDto>;
    /** SageMakerPublicHub in the region: availability, and from the hub document the default instance type and EULA. */
    jumpStart?: Array<{ jumpStartId: string; available: boolean; version?: string; defaultInstanceType?: string; gated?: boolean }>;
    warnings: string[];
  }
  | {
    ok: false;
    /** A discovery failure code, or `untrusted`. */
    code: string;
    /** Localised, actionable, without credentials. */
    message: string;
  };
