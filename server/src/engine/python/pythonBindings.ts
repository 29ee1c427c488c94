import type { BedrockService } from '../catalog/packages';

/** What a Python name (or dotted path such as `self.client`) is known to hold. */
export type PythonMeaning =
  | { kind: 'module'; module: string }
  /** A name imported from a module: `from boto3 import client`. */
  | { kind: 'import'; module: string; name: string }
  /** `sdk: 'smithy'`: a client of the async `aws_sdk_bedrock_runtime` package, whose calls no fix rewrites. */
  | { kind: 'bedrock-client'; service: BedrockService; sdk?: 'smithy' };

/**
 * Names bound so far, in document order, shared by every Python fence of a document: a blog post creates
 * the client in one fence and calls it in the next. Scopes are not modelled; a later assignment rebinds.
 */
export class PythonBindings {
  private readonly names = new Map<string, PythonMeaning>();

  bind(name: string, meaning: PythonMeaning): void {
    this.names.set(name, meaning);
  }

  unbind(name: string): void {
    this.names.delete(name);
  }

  meaningOf(name: string | undefined): PythonMeaning | undefined {
    return name === undefined ? undefined : this.names.get(name);
  }

  /** The module a dotted expression refers to: `boto3`, `b.session` (with `import boto3 as b`) → `boto3.session`. */
  moduleOf(dotted: string | undefined): string | undefined {
    if (!dotted) return undefined;
    const [head, ...rest] = dotted.split('.');
    const meaning = this.names.get(head);
    if (meaning?.kind === 'module') return [meaning.module, ...rest].join('.');
    if (meaning?.kind === 'import') return [meaning.module, meaning.name, ...rest].join('.');
    return undefined;
  }
}
