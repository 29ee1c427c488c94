import * as l10n from '@vscode/l10n';
import type { CancellationToken, WorkDoneProgressParams, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { DiscoveredEndpoint, ModelMatch } from '../engine/catalog/sageMakerEndpoints';
import { currentLocale } from '../engine/l10n';
import { describeFailure } from '../endpoints/failureMessage';
import type { DiscoveryModule } from '../endpoints/discoveryTypes';
import { jumpStartIdsOf, planOf } from '../endpoints/plan';
import { type ReportCache, scanReportFiles, type WatchedFileLists } from '../report/io';
import type { JumpStartCheck } from '../report/types';
import type {
  DiscoverEndpointsParams, DiscoverEndpointsResult, EndpointTargetDto, ModelMatchDto,
} from '../../../shared/endpointsProtocol';
import { cancelledError } from './errors';
import { type FolderConfiguration, reportScanFolders } from './reportScanFolders';
import type { Session } from './session';
import type { EndpointInventory } from '../engine/endpoints/endpointValidation';

export interface DiscoverEndpointsDependencies {
  workDone(params: WorkDoneProgressParams): WorkDoneProgressReporter;
  configuration: FolderConfiguration;
  session(): Session;
  /** Loads sagemaker-discovery.js on first use (never at start-up). */
  discovery(): DiscoveryModule;
  /** Keeps the JumpStart availability for the migration report of this session. */
  remember?(check: JumpStartCheck): void;
  /** Keeps the endpoints for the validation diagnostics of this session. */
  discovered?(inventory: EndpointInventory): void;
  /** The workspace report's cache of file analyses, shared: the model ids of unchanged files are not read again. */
  cache?: ReportCache;
  /** The folders' files as file events keep them. */
  fileLists?: WatchedFileLists;
}

/**
 * `bedrockToSagemaker/discoverEndpoints`: the only network access of the server, on an explicit user command, in a
 * trusted workspace. Cancelling the request aborts the AWS calls.
 */
export function createDiscoverEndpointsHandler(deps: DiscoverEndpointsDependencies) {
  return async (params: DiscoverEndpointsParams, token: CancellationToken): Promise<DiscoverEndpointsResult> => {
    if (!deps.session().isTrusted) {
      return { ok: false, code: 'untrusted', message: l10n.t('Connecting to SageMaker needs a trusted workspace: it uses your AWS credentials.') };
    }
    const progress = deps.workDone(params);
    progress.begin(l10n.t('Connecting to SageMaker'), undefined, l10n.t('Looking for Bedrock model ids…'), true);
    const abort = new AbortController();
    const subscription = token.onCancellationRequested(() => abort.abort());
    try {
      const folders = await reportScanFolders(params.folders, deps.configuration);
      const locations = new Map<string, string[]>();
      // A read in flight when a file change is reported is not kept (ReportCache); a partial scan sweeps nothing.
      deps.cache?.beginScan();
      try {
        for await (const file of scanReportFiles({ folders, locale: currentLocale(), token, cache: deps.cache, fileLists: deps.fileLists })) {
          for (const finding of file.findings) {
            const modelId = finding.data?.modelId;
            if (finding.ruleId !== 'bedrock/model-id' || typeof modelId !== 'string') continue;
            const place = `${folders.length > 1 ? `${file.folder}/` : ''}${file.path}:${finding.start.line + 1}`;
            locations.set(modelId, [...(locations.get(modelId) ?? []), place]);
          }
        }
      } finally {
        deps.cache?.resetSweep();
      }
      if (token.isCancellationRequested) throw cancelledError();
      progress.report(l10n.t('Reading the SageMaker endpoints of {0}…', params.region));
      const discovery = await deps.discovery().discoverEndpoints({
        region: params.region, profile: params.profile, signal: abort.signal, hubModelIds: jumpStartIdsOf(locations.keys()),
        onProgress: (done, total) => progress.report(l10n.t('Reading the SageMaker endpoints of {0}… {1}/{2}', params.region, done, total)),
      });
      if (token.isCancellationRequested) throw cancelledError();
      if (!discovery.ok) return { ok: false, code: discovery.failure.code, message: describeFailure(discovery.failure) };
      const plan = planOf(locations.keys(), discovery);
      if (discovery.hub) deps.remember?.({ region: params.region, models: discovery.hub });
      deps.discovered?.({ region: params.region, endpoints: discovery.endpoints });
      return {
        ok: true,
        region: params.region,
        ...(params.profile ? { profile: params.profile } : {}),
        targets: plan.endpoints.flatMap(targetsOf),
        endpointCount: plan.endpoints.length,
        models: plan.matches.map((match) => toDto(match, locations)),
        mapping: plan.mapping,
        ...(plan.hub ? { jumpStart: plan.hub } : {}),
        warnings: discovery.hubFailure ? [l10n.t('warning: JumpStart availability not checked: {0}', describeFailure(discovery.hubFailure))] : [],
      };
    } finally {
      subscription.dispose();
      progress.done();
    }
  };
}

function targetsOf(endpoint: DiscoveredEndpoint): EndpointTargetDto[] {
  if (endpoint.targets.length === 0) return [{ endpointName: endpoint.endpointName, endpointStatus: endpoint.status }];
  return endpoint.targets.map((target) => ({
    endpointName: endpoint.endpointName,
    endpointStatus: endpoint.status,
    ...(target.inferenceComponentName ? { inferenceComponentName: target.inferenceComponentName, inferenceComponentStatus: target.inferenceComponentStatus } : {}),
    ...(target.container ? { container: target.container } : {}),
    ...(target.jumpStartId ?? target.hfModelId ? { model: target.jumpStartId ?? target.hfModelId } : {}),
  }));
}

function toDto(match: ModelMatch, locations: ReadonlyMap<string, string[]>): ModelMatchDto {
  return {
    modelId: match.modelId,
    foundAs: match.foundAs,
    status: match.status,
    ...(match.jumpStartId ? { jumpStartId: match.jumpStartId } : {}),
    candidates: match.candidates.map((candidate) => ({
      endpointName: candidate.endpointName, endpointStatus: candidate.endpointStatus,
      ...(candidate.inferenceComponentName ? { inferenceComponentName: candidate.inferenceComponentName, inferenceComponentStatus: candidate.inferenceComponentStatus } : {}),
      ...(candidate.container ? { container: candidate.container } : {}),
    })),
    ...(match.proposal ? { proposal: match.proposal } : {}),
    locations: match.foundAs.flatMap((id) => locations.get(id) ?? []),
  };
}
