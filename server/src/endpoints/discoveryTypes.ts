// Shapes exchanged with the lazily loaded discovery bundle (sagemaker-discovery.js). Types only: importing this
// file never loads @aws-sdk/client-sagemaker.
import type { DiscoveredEndpoint } from '../engine/catalog/sageMakerEndpoints';

export interface DiscoveryOptions {
  region: string;
  /** A profile of ~/.aws/config or ~/.aws/credentials; default: the SDK's provider chain (AWS_PROFILE, env keys...). */
  profile?: string;
  /** Tests: the loopback stand-in (AWS_ENDPOINT_URL_SAGEMAKER works too). */
  endpointUrl?: string;
  signal?: AbortSignal;
  /** Called as endpoints are described: (described, total). */
  onProgress?(done: number, total: number): void;
  /** Also check which JumpStart models exist in the region (ListHubContents on SageMakerPublicHub). */
  hubModelIds?: readonly string[];
}

/** Why discovery stopped. The caller words the message (l10n lives in the main bundle). */
export type DiscoveryFailureCode =
  | 'no-credentials' | 'profile-not-found' | 'expired-token' | 'wrong-partition' | 'access-denied'
  | 'throttled' | 'network' | 'cancelled' | 'unknown';

export interface DiscoveryFailure {
  code: DiscoveryFailureCode;
  /** The SageMaker operation that failed (`ListEndpoints`...). */
  operation: string;
  /** The IAM action it needs (`sagemaker:ListEndpoints`). */
  action: string;
  region: string;
  profile?: string;
  /** The SDK's own message, with anything that looks like a key removed. */
  detail: string;
}

/** A JumpStart model id and whether SageMakerPublicHub has it in the region. */
export interface HubAvailability {
  jumpStartId: string;
  available: boolean;
  /** The hub's latest version of the model, when available. */
  version?: string;
  /** From DescribeHubContent: the instance type JumpStart deploys the model on by default. */
  defaultInstanceType?: string;
  /** From DescribeHubContent: deploying needs the model's EULA accepted (`accept_eula=True`). */
  gated?: boolean;
}

export type DiscoveryResult =
  | { ok: true; region: string; profile?: string; endpoints: DiscoveredEndpoint[]; hub?: HubAvailability[]; hubFailure?: DiscoveryFailure }
  | { ok: false; failure: DiscoveryFailure };

/** The module sagemaker-discovery.js exports. */
export interface DiscoveryModule {
  discoverEndpoints(options: DiscoveryOptions): Promise<DiscoveryResult>;
}
