import type { Node } from 'web-tree-sitter';
import type { BedrockService } from '../catalog/packages';
import { bedrockServiceNamed } from '../catalog/awsServiceNames';
import type { PythonBindings } from './pythonBindings';
import { SMITHY_RUNTIME_CLIENT, SMITHY_RUNTIME_MODULE } from './pythonWrappers';
import { dottedName, keywordArguments, positionalArguments, stringValue } from './syntax';

const CLIENT_MODULES = new Set(['boto3', 'aioboto3', 'boto3.session', 'aioboto3.session', 'botocore.session']);

export interface ClientFactoryCall {
  service: BedrockService;
  serviceName: string;
  /** The string literal naming the service. */
  serviceNode: Node;
}

/**
 * `boto3.client("bedrock-runtime")`, `session.client(service_name="bedrock")`, `client("bedrock-agent")` after
 * `from boto3 import client`. Any `.client(...)` call naming a Bedrock service counts: the service name is
 * the evidence, whatever the session object is.
 */
export function clientFactoryCall(call: Node, bindings: PythonBindings): ClientFactoryCall | undefined {
  if (call.type !== 'call') return undefined;
  const callee = call.childForFieldName('function');
  if (!callee) return undefined;
  const isFactory = callee.type === 'attribute'
    ? callee.childForFieldName('attribute')?.text === 'client'
    : callee.type === 'identifier' && isImportedClientFunction(bindings, callee.text);
  if (!isFactory) return undefined;
  const serviceNode = keywordArguments(call).get('service_name')?.value ?? positionalArguments(call)[0];
  const serviceName = stringValue(serviceNode);
  const service = serviceName === undefined ? undefined : bedrockServiceNamed(serviceName);
  return service && serviceNode && serviceName ? { service, serviceName, serviceNode } : undefined;
}

function isImportedClientFunction(bindings: PythonBindings, name: string): boolean {
  const meaning = bindings.meaningOf(name);
  return meaning?.kind === 'import' && meaning.name === 'client' && CLIENT_MODULES.has(meaning.module);
}

/** The Bedrock service a receiver expression holds: a bound name (`client`, `self.client`) or a factory call. */
export function receiverService(receiver: Node | null, bindings: PythonBindings, dotted: string | undefined): BedrockService | undefined {
  if (!receiver) return undefined;
  const meaning = bindings.meaningOf(dotted);
  if (meaning?.kind === 'bedrock-client') return meaning.service;
  return clientFactoryCall(receiver, bindings)?.service;
}

/**
 * `BedrockRuntimeClient(config=...)` of the smithy-based async SDK, after `from aws_sdk_bedrock_runtime.client
 * import BedrockRuntimeClient` (or through the module: `aws_sdk_bedrock_runtime.client.BedrockRuntimeClient(...)`).
 */
export function isSmithyClientCall(call: Node, bindings: PythonBindings): boolean {
  if (call.type !== 'call') return false;
  const callee = call.childForFieldName('function');
  if (callee?.type === 'identifier') {
    const meaning = bindings.meaningOf(callee.text);
    return meaning?.kind === 'import' && meaning.name === SMITHY_RUNTIME_CLIENT && SMITHY_RUNTIME_MODULE.test(meaning.module);
  }
  if (callee?.type !== 'attribute' || callee.childForFieldName('attribute')?.text !== SMITHY_RUNTIME_CLIENT) return false;
  const module = bindings.moduleOf(dottedName(callee.childForFieldName('object')));
  return module !== undefined && SMITHY_RUNTIME_MODULE.test(module);
}
