import * as vscode from 'vscode';
import { type AwsProfile, readAwsProfiles } from '../../../shared/awsProfiles';
import {
  CHINA_REGIONS, type ChinaRegion, DiscoverEndpointsRequest, type EndpointMappingDto, type EndpointTargetDto, type ModelMatchDto,
} from '../../../shared/endpointsProtocol';
import { CONFIG_SECTION } from '../../../shared/protocol';
import type { ServerHandle } from '../client';
import { reportFolderParams } from './reportFolders';
import { sendWithProgress } from './reportRequestWithProgress';
import { explainServerNotRunning } from './serverNotRunning';

/** Arguments for tests and keybindings: skip the profile and region picks. */
export interface ConnectEndpointsArgument {
  /** A profile name; '' for the default credential chain. */
  profile?: string;
  region?: ChinaRegion;
}

/**
 * Connect to SageMaker Endpoints…: pick an AWS profile and a China region, let the server read the endpoints (the
 * only network access of the extension, read-only, on this command only, in a trusted workspace), confirm or choose
 * an endpoint for each Bedrock model id of the workspace, and write `bedrockToSagemaker.endpoints` to the workspace
 * settings. Nothing is written unless the user goes through every pick.
 */
export function connectEndpoints(server: ServerHandle) {
  return async (argument?: unknown): Promise<void> => {
    if (!vscode.workspace.isTrusted) {
      const manage = vscode.l10n.t('Manage Workspace Trust');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Connecting to SageMaker needs a trusted workspace: it uses your AWS credentials.'), manage);
      if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
      return;
    }
    const client = server.running;
    if (!client) return explainServerNotRunning();
    const folders = reportFolderParams();
    if (folders.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to connect its Bedrock model ids to SageMaker endpoints.'));
      return;
    }
    const preset = (argument && typeof argument === 'object' ? argument : {}) as ConnectEndpointsArgument;
    // `{ profile: '' }` (or undefined) means the default credential chain.
    const profile = 'profile' in preset ? { name: preset.profile || undefined } : await pickProfile();
    if (!profile) return;
    const region = preset.region ?? await pickRegion(profile.region);
    if (!region) return;

    const result = await sendWithProgress(client, vscode.l10n.t('Bedrock to SageMaker: reading the SageMaker endpoints of {0}', region),
      (workDoneToken, token) => client.sendRequest(DiscoverEndpointsRequest.type, {
        region, ...(profile.name ? { profile: profile.name } : {}), folders, workDoneToken,
      }, token));
    if (!result) return;
    if (!result.ok) {
      void vscode.window.showErrorMessage(result.message);
      return;
    }
    for (const warning of result.warnings) void vscode.window.showWarningMessage(warning);
    if (result.endpointCount === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t(
        'There are no SageMaker endpoints in {0} for these credentials. Deploy the models first (the migration report\'s Deployment plan lists them), then connect again.', region));
      return;
    }
    const askable = result.models.filter((model) => model.status !== 'closed-weights' && model.status !== 'dynamic');
    if (askable.length === 0) {
      void vscode.window.showInformationMessage(result.models.length === 0
        ? vscode.l10n.t('No Bedrock model ids found in the workspace; nothing to connect. {0} endpoints in {1}.', result.endpointCount, region)
        : vscode.l10n.t('The Bedrock model ids of the workspace are closed-weight or built at run time; no endpoint can be mapped to them.'));
      return;
    }
    const chosen: Record<string, EndpointMappingDto> = {};
    for (const [index, model] of askable.entries()) {
      const pick = await pickEndpoint(model, result.targets, index + 1, askable.length);
      if (pick === undefined) return;
      if (pick !== 'none') chosen[model.modelId] = pick;
    }
    if (Object.keys(chosen).length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No endpoint chosen; the settings are unchanged.'));
      return;
    }
    await writeEndpoints(chosen);
    const open = vscode.l10n.t('Open Settings');
    // Not awaited: the command is done once the settings are written, whatever happens to the notification.
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Saved {0} endpoint mappings in bedrockToSagemaker.endpoints (workspace settings).', Object.keys(chosen).length), open,
    ).then((choice) => (choice === open ? vscode.commands.executeCommand('workbench.action.openWorkspaceSettings', { query: `${CONFIG_SECTION}.endpoints` }) : undefined));
  };
}

interface ProfileItem extends vscode.QuickPickItem {
  profile: { name?: string; region?: string };
}

async function pickProfile(): Promise<ProfileItem['profile'] | undefined> {
  const profiles: AwsProfile[] = readAwsProfiles();
  const items: ProfileItem[] = [
    {
      label: vscode.l10n.t('Default credentials'),
      description: vscode.l10n.t('AWS_PROFILE, environment variables, or the default profile'),
      profile: {},
    },
    ...profiles.map((profile): ProfileItem => ({
      label: profile.name,
      ...(profile.region ? { description: profile.region } : {}),
      profile,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('AWS profile of your China account'),
    placeHolder: vscode.l10n.t('Profiles of ~/.aws/config and ~/.aws/credentials'),
    ignoreFocusOut: true,
  });
  return picked?.profile;
}

async function pickRegion(profileRegion: string | undefined): Promise<ChinaRegion | undefined> {
  const configured = vscode.workspace.getConfiguration(CONFIG_SECTION).get<string>('targetRegion');
  const preferred = [profileRegion, configured].find((region): region is ChinaRegion => (CHINA_REGIONS as readonly string[]).includes(region ?? ''));
  const names: Record<ChinaRegion, string> = { 'cn-north-1': vscode.l10n.t('China (Beijing)'), 'cn-northwest-1': vscode.l10n.t('China (Ningxia)') };
  const regions = preferred ? [preferred, ...CHINA_REGIONS.filter((region) => region !== preferred)] : [...CHINA_REGIONS];
  const picked = await vscode.window.showQuickPick(regions.map((region) => ({ label: region, description: names[region], region })), {
    title: vscode.l10n.t('Region of the SageMaker endpoints'),
    ignoreFocusOut: true,
  });
  return picked?.region;
}

interface EndpointItem extends vscode.QuickPickItem {
  mapping?: EndpointMappingDto;
}

/** The endpoints that serve the model first (the proposal on top), then every other endpoint, then "none yet". */
async function pickEndpoint(model: ModelMatchDto, targets: readonly EndpointTargetDto[], index: number, total: number): Promise<EndpointMappingDto | 'none' | undefined> {
  const key = (target: { endpointName: string; inferenceComponentName?: string }) => `${target.endpointName}\u0000${target.inferenceComponentName ?? ''}`;
  const serving = new Set(model.candidates.map(key));
  const proposalKey = model.proposal ? key(model.proposal) : undefined;
  const ordered = [...model.candidates].sort((a, b) => Number(key(b) === proposalKey) - Number(key(a) === proposalKey));
  const others = targets.filter((target) => !serving.has(key(target)));
  const item = (target: EndpointTargetDto, serves: boolean): EndpointItem => ({
    label: target.inferenceComponentName ? `${target.endpointName} / ${target.inferenceComponentName}` : target.endpointName,
    description: [target.inferenceComponentStatus ?? target.endpointStatus, target.container ?? vscode.l10n.t('container not recognised')].join(' · '),
    detail: serves
      ? (key(target) === proposalKey ? vscode.l10n.t('$(check) Serves this model (proposed)') : vscode.l10n.t('Serves this model'))
      : target.model ?? vscode.l10n.t('model not recognised'),
    mapping: {
      endpointName: target.endpointName,
      ...(target.inferenceComponentName ? { inferenceComponentName: target.inferenceComponentName } : {}),
      container: target.container ?? 'lmi',
    },
  });
  const fullTarget = (candidate: ModelMatchDto['candidates'][number]) => targets.find((target) => key(target) === key(candidate)) ?? candidate;
  const items: Array<EndpointItem | vscode.QuickPickItem> = [
    ...ordered.map((candidate) => item(fullTarget(candidate), true)),
    ...(others.length > 0 ? [{ label: vscode.l10n.t('Other endpoints'), kind: vscode.QuickPickItemKind.Separator }] : []),
    ...others.map((target) => item(target, false)),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    {
      label: vscode.l10n.t('None yet'),
      detail: model.jumpStartId
        ? vscode.l10n.t('Deploy JumpStart model {0} first; the fixes write a placeholder endpoint until then.', model.jumpStartId)
        : vscode.l10n.t('The fixes write a placeholder endpoint until you map one.'),
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Endpoint for {0} ({1}/{2})', model.modelId, index, total),
    placeHolder: model.locations.length > 0 ? vscode.l10n.t('Used in {0}', model.locations.slice(0, 3).join(', ')) : undefined,
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  return (picked as EndpointItem).mapping ?? 'none';
}

/** Merges the chosen mappings into the workspace value of the setting (other model ids are kept). */
async function writeEndpoints(chosen: Record<string, EndpointMappingDto>): Promise<void> {
  const configuration = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const current = configuration.inspect<Record<string, unknown>>('endpoints')?.workspaceValue ?? {};
  await configuration.update('endpoints', { ...current, ...chosen }, vscode.ConfigurationTarget.Workspace);
}
