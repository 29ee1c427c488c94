import { operationOfExport, ruleForClient, ruleForOperation } from '../catalog/operations';
import {
  AWS_SDK_V2, BEDROCK_ONLY_WRAPPER_MODULES, type BedrockService, type WrapperExport, V2_BEDROCK_CLASSES,
  bedrockSdkPackage, wrapperExport,
} from '../catalog/packages';
import type { RuleId } from '../types';
import type { Meaning } from './bindings';

export type BedrockExport =
  | { what: 'client'; service: BedrockService; className: string; aggregated: boolean; sdk: 'v3' | 'v2'; rule: RuleId }
  | { what: 'operation'; service: BedrockService; exportName: string; operation: string; rule: RuleId }
  | { what: 'wrapper'; exportName: string; wrapper: WrapperExport };

/**
 * Each module's exports classified once (null: nothing of Bedrock's), shared by every caller, who only reads them:
 * the detectors classify the same few exports on every keystroke (issue #13). Only tracked modules' exports come here.
 */
const classifiedExports = new Map<string, Map<string, BedrockExport | null>>();

/** What a tracked export is, from Bedrock's point of view; undefined for anything else (types, errors...). */
export function classifyExport(module: string, name: string): BedrockExport | undefined {
  let byName = classifiedExports.get(module);
  if (!byName) classifiedExports.set(module, byName = new Map());
  let classified = byName.get(name);
  if (classified === undefined) byName.set(name, classified = classifyAnew(module, name) ?? null);
  return classified ?? undefined;
}

function classifyAnew(module: string, name: string): BedrockExport | undefined {
  if (module === AWS_SDK_V2) {
    const v2 = V2_BEDROCK_CLASSES[name];
    return v2 ? { what: 'client', service: v2.service, className: name, aggregated: true, sdk: 'v2', rule: ruleForClient(v2.service) } : undefined;
  }
  const pkg = bedrockSdkPackage(module);
  if (pkg) {
    if (name === pkg.clientClass || name === pkg.aggregatedClass) {
      return { what: 'client', service: pkg.service, className: name, aggregated: name === pkg.aggregatedClass, sdk: 'v3', rule: ruleForClient(pkg.service) };
    }
    const operation = operationOfExport(name);
    const rule = operation && ruleForOperation(pkg.service, operation);
    return operation && rule ? { what: 'operation', service: pkg.service, exportName: name, operation, rule } : undefined;
  }
  const wrapper = wrapperExport(module, name);
  if (wrapper) return { what: 'wrapper', exportName: name, wrapper };
  return undefined;
}

export function classifyMeaning(meaning: Meaning | undefined): BedrockExport | undefined {
  return meaning?.kind === 'export' ? classifyExport(meaning.module, meaning.name) : undefined;
}

/** An instance of a Bedrock client class (`new BedrockRuntime()`, `new AWS.BedrockRuntime()`, typed parameters...). */
export function clientOfInstance(meaning: Meaning | undefined): Extract<BedrockExport, { what: 'client' }> | undefined {
  if (meaning?.kind !== 'instance') return undefined;
  const classified = classifyExport(meaning.module, meaning.name);
  return classified?.what === 'client' ? classified : undefined;
}

export function isBedrockOnlyWrapperModule(module: string): boolean {
  return module in BEDROCK_ONLY_WRAPPER_MODULES;
}
