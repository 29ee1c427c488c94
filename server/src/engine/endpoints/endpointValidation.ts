// Checks the endpoints a workspace names against the endpoints the last explicit connect discovered. Pure: the
// discovery, the configured mapping and the references in; problems with their ranges out. The caller decides
// where they show (diagnostics in the editor, lines in the CLI) and keeps the discovery (never fetched here).
import * as l10n from '@vscode/l10n';
import { findModelIds } from '../catalog/modelIds';
import {
  baseModelId, type DiscoveredEndpoint, type EndpointTarget, servingTargetOf, targetServes,
} from '../catalog/sageMakerEndpoints';
import type { EndpointMapping, OffsetRange, RuleId } from '../types';
import type { EndpointReference } from './endpointReferences';
import { servingRules } from '../servesRules';

export const ENDPOINT_VALIDATION_RULE: RuleId = 'bedrock/endpoint-validation';

/** What the last connect found, in one region. */
export interface EndpointInventory {
  region: string;
  endpoints: readonly DiscoveredEndpoint[];
}

export type EndpointProblemCode =
  | 'not-found' | 'not-in-service' | 'component-not-found' | 'component-not-in-service' | 'component-missing'
  | 'other-model' | 'container-mismatch' | 'no-messages-api';

export interface EndpointProblem {
  code: EndpointProblemCode;
  range: OffsetRange;
  endpointName: string;
  inferenceComponentName?: string;
  modelId?: string;
  message: string;
}

const IN_SERVICE = 'InService';

/** Every problem of every reference, in reference order. */
export const validateEndpointReferences = servingRules([ENDPOINT_VALIDATION_RULE], (
  references: readonly EndpointReference[], inventory: EndpointInventory, mapping: Readonly<Record<string, EndpointMapping>>,
): EndpointProblem[] => references.flatMap((reference) => validateReference(reference, inventory, mapping)));

function validateReference(reference: EndpointReference, inventory: EndpointInventory, mapping: Readonly<Record<string, EndpointMapping>>): EndpointProblem[] {
  const { region } = inventory;
  const name = reference.endpointName;
  const problem = (code: EndpointProblemCode, message: string, range = reference.range): EndpointProblem => ({
    code, range, endpointName: name,
    ...(reference.inferenceComponentName ? { inferenceComponentName: reference.inferenceComponentName } : {}),
    ...(reference.modelId ? { modelId: reference.modelId } : {}),
    message,
  });
  const endpoint = inventory.endpoints.find((candidate) => candidate.endpointName === name);
  if (!endpoint) return [problem('not-found', l10n.t("There is no SageMaker endpoint '{0}' in {1}.", name, region))];
  const problems: EndpointProblem[] = [];
  if (endpoint.status !== IN_SERVICE) {
    problems.push(problem('not-in-service', endpoint.failureReason
      ? l10n.t("The SageMaker endpoint '{0}' is {1}, not InService: {2}", name, endpoint.status, endpoint.failureReason)
      : l10n.t("The SageMaker endpoint '{0}' is {1}, not InService: calls fail until it is.", name, endpoint.status)));
  }
  const target = targetOf(reference, endpoint, problem, problems);
  if (!target) return problems;
  // What the target serves is a fact of the inference component when one is named: mark its name.
  const targetRange = reference.componentRange ?? reference.range;
  const modelId = reference.modelId ?? modelIdMappedTo(reference, mapping);
  if (modelId && !serves(target, modelId)) {
    problems.push(problem('other-model', l10n.t("The SageMaker endpoint '{0}' serves {1}, not {2}.", label(reference), target.jumpStartId ?? target.hfModelId ?? '?', modelId), targetRange));
  }
  if (reference.container && target.container && reference.container !== target.container) {
    problems.push(problem('container-mismatch', l10n.t("The SageMaker endpoint '{0}' runs the {1} container, but the mapping says {2}: the request and response shapes differ.", label(reference), target.container.toUpperCase(), reference.container.toUpperCase()), targetRange));
  }
  if (target.container === 'tgi' && target.messagesApi !== true) {
    problems.push(problem('no-messages-api', l10n.t("The SageMaker endpoint '{0}' runs TGI without MESSAGES_API_ENABLED=true: the adapter sends chat messages, which this container rejects. Redeploy with the environment variable MESSAGES_API_ENABLED=true.", label(reference)), targetRange));
  }
  return problems;
}

/** The target the reference calls, or undefined (with the problem recorded) when it names none. */
function targetOf(
  reference: EndpointReference, endpoint: DiscoveredEndpoint,
  problem: (code: EndpointProblemCode, message: string, range?: OffsetRange) => EndpointProblem, problems: EndpointProblem[],
): EndpointTarget | undefined {
  const component = reference.inferenceComponentName;
  if (component) {
    const target = endpoint.targets.find((candidate) => candidate.inferenceComponentName === component);
    const range = reference.componentRange ?? reference.range;
    if (!target) {
      problems.push(problem('component-not-found', l10n.t("The SageMaker endpoint '{0}' has no inference component '{1}'.", endpoint.endpointName, component), range));
      return undefined;
    }
    if (target.inferenceComponentStatus && target.inferenceComponentStatus !== IN_SERVICE) {
      problems.push(problem('component-not-in-service', l10n.t("The inference component '{0}' is {1}, not InService: calls fail until it is.", component, target.inferenceComponentStatus), range));
    }
    return target;
  }
  if (endpoint.usesInferenceComponents) {
    problems.push(problem('component-missing', l10n.t("The SageMaker endpoint '{0}' hosts inference components; name one with InferenceComponentName (inferenceComponentName in the mapping): {1}.",
      endpoint.endpointName, endpoint.targets.map((target) => target.inferenceComponentName).filter(Boolean).join(', ') || '-')));
    return undefined;
  }
  // Several production variants: the model check would be a guess, so it is made only for one.
  return endpoint.targets.length === 1 ? endpoint.targets[0] : undefined;
}

/** The model id whose mapping names exactly this endpoint (and component), when there is one such id. */
function modelIdMappedTo(reference: EndpointReference, mapping: Readonly<Record<string, EndpointMapping>>): string | undefined {
  const ids = Object.entries(mapping).filter(([id, entry]) => !id.includes('*') && entry.endpointName === reference.endpointName
    && (entry.inferenceComponentName ?? '') === (reference.inferenceComponentName ?? '')).map(([id]) => id);
  return ids.length === 1 ? ids[0] : undefined;
}

/**
 * Whether the target serves the open-weight model of `modelId`. True when the model is unknown, closed-weight (any
 * substitute is the user's choice) or the target's model cannot be recognised: only a clear mismatch is reported.
 */
function serves(target: EndpointTarget, modelId: string): boolean {
  const base = baseModelId(modelId);
  const info = findModelIds(base)[0]?.info;
  if (!info?.openWeights || (!target.jumpStartId && !target.hfModelId)) return true;
  return targetServes(target, servingTargetOf(info, base));
}

function label(reference: EndpointReference): string {
  return reference.inferenceComponentName ? `${reference.endpointName}/${reference.inferenceComponentName}` : reference.endpointName;
}
