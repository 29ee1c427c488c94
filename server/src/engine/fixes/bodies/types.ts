import type ts from '../../../typescript';
import type { ModelFamily } from '../../catalog/modelIds';
import type { EndpointMapping } from '../../types';

/** How a read of a Bedrock response field (on the parsed body or a stream chunk) changes. */
export type ReadRule =
  /** `x.field` → `x.to` (or `x[0].to` for TGI's array response). */
  | { field: string; kind: 'rename'; to: string; index0?: boolean }
  /** `x.field` → `fn(x)`, a helper of the adapter module. */
  | { field: string; kind: 'wrap'; fn: string }
  /** No counterpart: a TODO above the statement says what to read instead. */
  | { field: string; kind: 'todo'; note: string };

export interface BodyRequest {
  /** The request's object literal (through JSON.stringify and single-use consts), when there is one. */
  literal: ts.ObjectLiteralExpression | undefined;
  family: ModelFamily | undefined;
  modelId: string | undefined;
  container: EndpointMapping['container'];
  stream: boolean;
}

export interface BodyRewrite {
  reads: ReadRule[];
  /** Written above the call when the body is not (fully) translated: exactly what is left to do. */
  todo?: string;
}
