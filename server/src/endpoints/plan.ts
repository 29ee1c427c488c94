// Glue shared by the CLI and the language server: which JumpStart ids to check, and the match of a discovery.
import { findModelIds } from '../engine/catalog/modelIds';
import { baseModelId, matchEndpoints, type MatchResult } from '../engine/catalog/sageMakerEndpoints';
import type { TargetRegion } from '../engine/types';
import { TARGET_REGIONS } from '../engine/settings';
import type { AwsProfile } from '../../../shared/awsProfiles';
import type { DiscoveryResult, HubAvailability } from './discoveryTypes';

/** The JumpStart ids of the open-weight models among `modelIds` (their availability in the region is worth checking). */
export function jumpStartIdsOf(modelIds: Iterable<string>): string[] {
  const ids = new Set<string>();
  for (const id of modelIds) {
    const info = findModelIds(baseModelId(id))[0]?.info;
    if (info?.openWeights && info.jumpStartId) ids.add(info.jumpStartId);
  }
  return [...ids].sort();
}

export interface EndpointsPlan extends MatchResult {
  region: string;
  profile?: string;
  endpoints: Extract<DiscoveryResult, { ok: true }>['endpoints'];
  hub?: HubAvailability[];
}

export function planOf(modelIds: Iterable<string>, discovery: Extract<DiscoveryResult, { ok: true }>): EndpointsPlan {
  return {
    region: discovery.region, ...(discovery.profile ? { profile: discovery.profile } : {}), endpoints: discovery.endpoints,
    ...(discovery.hub ? { hub: discovery.hub } : {}), ...matchEndpoints(modelIds, discovery.endpoints),
  };
}

/**
 * The region to look in: the one asked for, else the profile's own region or AWS_REGION when it is a China region,
 * else the target region of the settings.
 */
export function discoveryRegion(asked: TargetRegion | undefined, profile: AwsProfile | undefined, env: NodeJS.ProcessEnv, fallback: TargetRegion): TargetRegion {
  const china = (value: string | undefined) => (TARGET_REGIONS as readonly string[]).includes(value ?? '') ? value as TargetRegion : undefined;
  return asked ?? china(profile?.region) ?? china(env.AWS_REGION) ?? china(env.AWS_DEFAULT_REGION) ?? fallback;
}
