import * as l10n from '@vscode/l10n';
import type { ModelMatch } from '../engine/catalog/sageMakerEndpoints';
import type { EndpointsPlan } from '../endpoints/plan';
import type { EndpointTarget } from '../engine/catalog/sageMakerEndpoints';
import type { LocatedEndpointProblem } from './endpointProblems';

/** The human-readable output of `endpoints`: endpoints, model ids with their match, the proposed setting. */
export function renderEndpointsText(plan: EndpointsPlan, locations: ReadonlyMap<string, string[]>): string {
  const lines: string[] = [];
  lines.push(plan.profile
    ? l10n.t('SageMaker endpoints in {0} (profile {1}): {2}', plan.region, plan.profile, plan.endpoints.length)
    : l10n.t('SageMaker endpoints in {0}: {1}', plan.region, plan.endpoints.length));
  const rows: string[][] = [];
  for (const endpoint of plan.endpoints) {
    if (endpoint.usesInferenceComponents) {
      rows.push([endpoint.endpointName, endpoint.status, '', l10n.t('inference components: {0}', endpoint.targets.length)]);
      for (const target of endpoint.targets) rows.push([`  ${target.inferenceComponentName ?? ''}`, target.inferenceComponentStatus ?? '', target.container ?? '?', modelText(target)]);
    } else {
      const target = endpoint.targets[0];
      const note = endpoint.detailError ? l10n.t('details not readable: {0}', endpoint.detailError)
        : endpoint.failureReason ? endpoint.failureReason : target ? modelText(target) : '';
      rows.push([endpoint.endpointName, endpoint.status, target?.container ?? (endpoint.detailError ? '' : '?'), note]);
      for (const extra of endpoint.targets.slice(1)) rows.push([`  ${extra.variantName ?? ''}`, '', extra.container ?? '?', modelText(extra)]);
    }
  }
  if (rows.length === 0) lines.push(`  ${l10n.t('(none: deploy a model from SageMaker JumpStart, then run this again)')}`);
  lines.push(...table(rows));
  lines.push('');
  lines.push(l10n.t('Bedrock model ids in the scanned files: {0}', plan.matches.length));
  for (const match of plan.matches) {
    lines.push(`  ${match.modelId}  →  ${matchText(match)}`);
    const where = match.foundAs.flatMap((id) => locations.get(id) ?? []);
    if (where.length > 0) lines.push(`      ${l10n.t('found in {0}', where.slice(0, 3).join(', ') + (where.length > 3 ? ', …' : ''))}`);
  }
  if (plan.hub && plan.hub.length > 0) {
    lines.push('');
    lines.push(l10n.t('JumpStart models in {0} (SageMakerPublicHub):', plan.region));
    for (const entry of plan.hub) {
      const details = [
        ...(entry.defaultInstanceType ? [l10n.t('default instance {0}', entry.defaultInstanceType)] : []),
        ...(entry.gated ? [l10n.t('gated: accept its EULA to deploy')] : []),
      ];
      lines.push(`  ${entry.jumpStartId}  ${entry.available ? [l10n.t('available (version {0})', entry.version ?? '?'), ...details].join(', ') : l10n.t('not available in this region')}`);
    }
  }
  lines.push('');
  if (Object.keys(plan.mapping).length === 0) {
    lines.push(l10n.t('Nothing to propose for the "endpoints" setting.'));
  } else {
    lines.push(l10n.t('Proposed "endpoints" setting (bedrockToSagemaker.endpoints in VS Code, "endpoints" in a --config file):'));
    lines.push(JSON.stringify(plan.mapping, null, 2));
  }
  return `${lines.join('\n')}\n`;
}

/** The problems of the endpoint names already configured or written in code; nothing when there are none. */
export function renderEndpointProblems(problems: readonly LocatedEndpointProblem[]): string {
  if (problems.length === 0) return '';
  const lines = ['', l10n.t('Problems with the endpoints the workspace names ({0}):', problems.length)];
  for (const problem of problems) lines.push(`  ${problem.file}:${problem.line}:${problem.column}  ${problem.message}  [bedrock/endpoint-validation]`);
  return `${lines.join('\n')}\n`;
}

function modelText(target: EndpointTarget): string {
  const model = target.jumpStartId ? l10n.t('{0} (JumpStart)', target.jumpStartId) : target.hfModelId ?? l10n.t('model not recognised');
  return target.messagesApi ? `${model}, MESSAGES_API_ENABLED` : model;
}

function matchText(match: ModelMatch): string {
  const where = (candidate: ModelMatch['candidates'][number]) => candidate.inferenceComponentName
    ? `${candidate.endpointName}/${candidate.inferenceComponentName} (${candidate.inferenceComponentStatus ?? candidate.endpointStatus})`
    : `${candidate.endpointName} (${candidate.endpointStatus})`;
  switch (match.status) {
    case 'matched': {
      const proposal = match.proposal!;
      const target = proposal.inferenceComponentName ? `${proposal.endpointName} / ${proposal.inferenceComponentName}` : proposal.endpointName;
      return match.containerAssumed ? l10n.t('{0} ({1}, container not recognised: assumed)', target, proposal.container) : `${target} (${proposal.container})`;
    }
    case 'ambiguous':
      return l10n.t('several endpoints serve it, choose one: {0}', match.candidates.map(where).join(', '));
    case 'not-in-service':
      return l10n.t('none in service yet: {0}', match.candidates.map(where).join(', '));
    case 'no-endpoint':
      return match.jumpStartId
        ? l10n.t('no endpoint serves it yet: deploy JumpStart model {0}', match.jumpStartId)
        : l10n.t('no endpoint serves it yet: deploy {0} with the LMI container', match.hfModelIds[0] ?? l10n.t('the open-weight model'));
    case 'closed-weights':
      return l10n.t('closed weights: no SageMaker endpoint can serve it; choose an open model');
    case 'dynamic':
      return l10n.t('built at run time: map each possible id yourself');
  }
}

function table(rows: readonly string[][]): string[] {
  const widths = rows.reduce<number[]>((max, row) => row.map((cell, index) => Math.max(max[index] ?? 0, cell.length)), []);
  return rows.map((row) => `  ${row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index]!))).join('  ')}`.trimEnd());
}
