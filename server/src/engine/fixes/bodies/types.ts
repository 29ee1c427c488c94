import type ts from '../../typescript';
import type { ModelFamily } from '../../catalog/modelIds';
import type { EndpointMapping } from '../../types';

/** How `x.field[0].<member>` changes (Mistral's `outputs[0].text`). */
export type FirstElementRead =
  /**
   * `x.field[0].member` → `<prefix>x<suffix>` (`.generated_text`, or `[0].generated_text` for TGI's array
   * response); `details` when the suffix reads `details`, which the body must then ask for.
   */
  | { suffix: string; prefix?: string; details?: boolean }
  /** `x.field[0].member` → `fn(x)`, a helper of the adapter module. */
  | { fn: string }
  /** No counterpart: the call is not rewritten, for this reason. */
  | { refuse: string };

/** How a read of a Bedrock response field (on the parsed body or a stream chunk) changes. */
export type ReadRule =
  /** `x.field` → `x.to` (or `x[0].to` for TGI's array response). */
  | { field: string; kind: 'rename'; to: string; index0?: boolean }
  /** `x.field` → `fn(x)`, a helper of the adapter module. */
  | { field: string; kind: 'wrap'; fn: string }
  /** `x.field` → `<prefix>x<suffix>`; `details` when the suffix reads `details`, which the body must then ask for. */
  | { field: string; kind: 'rewrite'; prefix: string; suffix: string; details?: boolean }
  /** No counterpart: a read of `field` refuses the whole call, for this reason. */
  | { field: string; kind: 'refuse'; reason: string }
  /** `x.field[0].member` reads only (any other use of `field` refuses the call). */
  | { field: string; kind: 'first'; members: Readonly<Record<string, FirstElementRead>> };

export interface BodyRequest {
  /** The request's object literal (through JSON.stringify and single-use consts), when there is one. */
  literal: ts.ObjectLiteralExpression | undefined;
  family: ModelFamily | undefined;
  modelId: string | undefined;
  /** The container of the endpoint mapping; undefined when the model id is not mapped (LMI is assumed, visibly). */
  container: EndpointMapping['container'] | undefined;
  stream: boolean;
  /** The file's quote character, for strings the read rewrites write. */
  quote: '"' | "'";
  /** Add `details: true` to the parameters: a read needs the response's `details`. */
  details?: boolean;
}

export interface BodyRewrite {
  reads: ReadRule[];
  /** Written above the call: what is left to check (never a body left untranslated: that is refused). */
  todo?: string;
}
