import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import { type ModelFamily, modelInfo } from '../../catalog/modelIds';
import type { EndpointMapping, EngineSettings } from '../../types';
import type { FixContext } from '../fixContext';
import { type CodeStyle, quoted, semi } from '../style';
import { type EndpointChoice, endpointChoiceFor, mappingForModelId, placeholderEndpointName, placeholderNote } from '../../catalog/endpointChoice';
import { MIGRATION_TODO as TODO } from '../../catalog/migrationTodo';
import type { StaticModelIds } from './staticModelIds';
import { insertTodoAbove } from './todoComment';
import { isDeclared } from './nodes';
import { appendTableRows, type DeclaredTable, declaredTable } from './endpointTableRows';
import { ObjectCache } from '../../objectCache';

export const ENDPOINT_TABLE = 'SAGEMAKER_ENDPOINTS';
export const ENDPOINT_LOOKUP = 'sageMakerEndpointFor';
export const ENDPOINT_TABLE_TYPE = 'SageMakerEndpointTable';

/**
 * How `modelId: <expression>` becomes a SageMaker endpoint, decided before anything is rewritten:
 * - one model id known statically → its mapped `EndpointName` (+ `InferenceComponentName`), or the placeholder;
 * - otherwise → the lookup table, with an entry for every mapped id and every id the code is seen to use;
 * - refused when the table would be empty (nothing mapped, no id visible): it could only throw at run time.
 */
export type EndpointPlan =
  | { kind: 'literal'; modelId: string; choice: EndpointChoice }
  | { kind: 'table'; knownIds: string[] }
  | { kind: 'refused'; reason: string };

export function planEndpoint(settings: EngineSettings, ids: StaticModelIds): EndpointPlan {
  if (ids.complete && ids.ids.length === 1) return { kind: 'literal', modelId: ids.ids[0], choice: endpointChoiceFor(settings, ids.ids[0]) };
  if (ids.ids.length === 0 && Object.keys(settings.endpoints).length === 0) {
    return { kind: 'refused', reason: l10n.t('the model id is only known at run time and the bedrockToSagemaker.endpoints setting maps no model, so the endpoint lookup table would be empty: map the model ids this code can receive, then migrate') };
  }
  return { kind: 'table', knownIds: ids.ids };
}

/** The SageMaker properties that replace `modelId: <expression>`, and what is known about the model. */
export interface EndpointTarget {
  /** e.g. `EndpointName: "llama3-8b"` or `...sageMakerEndpointFor(SAGEMAKER_ENDPOINTS, modelId)`. */
  properties: string[];
  modelId?: string;
  family?: ModelFamily;
  container?: EndpointMapping['container'];
}

/**
 * Renders a plan (never a refused one) for the request holding `anchor`: literal properties, with a TODO above
 * the statement for a placeholder; or the spread of the lookup table, which is declared once per file (or given
 * the rows it lacks, see endpointTable).
 */
export function renderEndpoint(context: FixContext, plan: EndpointPlan, modelIdText: string, anchor: ts.Node): EndpointTarget {
  if (plan.kind === 'literal') {
    const { choice, modelId } = plan;
    const properties = [`EndpointName: ${quoted(choice.endpointName, context.style)}`];
    if (choice.inferenceComponentName) properties.push(`InferenceComponentName: ${quoted(choice.inferenceComponentName, context.style)}`);
    if (choice.placeholder) insertTodoAbove(context, anchor, placeholderNote(modelId));
    return { properties, modelId, family: modelInfo(modelId)?.family, container: choice.container };
  }
  const table = endpointTable(context);
  if (plan.kind === 'table') {
    for (const id of plan.knownIds) table.known.add(id);
    if (!table.rowsAdded && plan.knownIds.length > 0) {
      insertTodoAbove(context, anchor, l10n.t('{0} is declared in another module or built at run time, so no rows are added to it: check that it maps {1}.',
        ENDPOINT_TABLE, plan.knownIds.map((id) => `'${id}'`).join(', ')));
    }
  }
  return { properties: [`...${ENDPOINT_LOOKUP}(${ENDPOINT_TABLE}, ${modelIdText})`] };
}

export function mappingFor(context: FixContext, modelId: string): EndpointMapping | undefined {
  return mappingForModelId(context.settings, modelId);
}

interface EndpointTable {
  /** Model ids the code is seen to use; the unmapped ones get placeholder entries. */
  known: Set<string>;
  /** False when the file's table is imported, computed or has spread entries: which ids it maps is not known here. */
  rowsAdded: boolean;
}

// On the context, not in a WeakMap: a young collection keeps a WeakMap entry whose key is young, and the context
// reaches the whole tree (objectCache.ts).
const tables = new ObjectCache<FixContext, EndpointTable>('endpointTable', 'fixContext');

/**
 * The lookup table for model ids known only at run time, filled from the endpoint mapping setting: declared once
 * per file, or, when the file has it already (an earlier pass or migration wrote it), given the rows it lacks.
 */
function endpointTable(context: FixContext): EndpointTable {
  let table = tables.get(context);
  if (table) return table;
  const declared = declaredTable(context.sourceFile, ENDPOINT_TABLE);
  const created: EndpointTable = { known: new Set(), rowsAdded: declared ? declared.keys !== undefined : !isDeclared(context.sourceFile, ENDPOINT_TABLE) };
  tables.set(context, created);
  if (declared) context.atFinish(() => addMissingRows(context, declared, created));
  else context.declare(ENDPOINT_TABLE, () => renderEndpointTable(context, created));
  return created;
}

/** The table's entries: placeholders for the unmapped ids the code uses, then the setting's mappings (minus `present`). */
function tableRows(context: FixContext, table: EndpointTable, quote: CodeStyle['quote'], present?: DeclaredTable): { placeholders: string[]; mapped: string[] } {
  const { settings } = context;
  const style = { ...context.style, quote };
  const keys = present?.keys ?? [];
  // What the table already answers for, matched as sageMakerEndpointFor matches (exact, without a geo prefix, patterns).
  // (Only the keys count: the mapping values are stand-ins.)
  const presentKeys: EngineSettings = { ...settings, endpoints: Object.fromEntries(keys.map((key) => [key, { endpointName: key, container: 'lmi' }])) };
  const entry = (modelId: string, endpointName: string, inferenceComponentName?: string) => {
    const target = [`EndpointName: ${quoted(endpointName, style)}`];
    if (inferenceComponentName) target.push(`InferenceComponentName: ${quoted(inferenceComponentName, style)}`);
    return `${quoted(modelId, style)}: { ${target.join(', ')} },`;
  };
  const mapped = Object.entries(settings.endpoints).filter(([modelId]) => !keys.includes(modelId))
    .map(([modelId, mapping]) => entry(modelId, mapping.endpointName, mapping.inferenceComponentName));
  const placeholders = [...table.known].filter((modelId) => !mappingForModelId(settings, modelId) && !mappingForModelId(presentKeys, modelId))
    .map((modelId) => `${entry(modelId, placeholderEndpointName(modelId))} // ${TODO}: ${placeholderNote(modelId)}`);
  return { placeholders, mapped };
}

const mappedComment = () => l10n.t('Bedrock model id (or * pattern) → SageMaker endpoint, from the bedrockToSagemaker.endpoints setting; keep it in sync with your endpoints.');
const placeholderComment = () => `${TODO}: ${l10n.t('map every Bedrock model id this code can receive to the SageMaker endpoint that serves it.')}`;

function renderEndpointTable(context: FixContext, table: EndpointTable): string {
  const { style } = context;
  const typed = context.run.languageId === 'typescript' || context.run.languageId === 'typescriptreact';
  const { placeholders, mapped } = tableRows(context, table, style.quote);
  return [
    `// ${placeholders.length === 0 ? mappedComment() : placeholderComment()}`,
    `const ${ENDPOINT_TABLE}${typed ? `: ${ENDPOINT_TABLE_TYPE}` : ''} = {`,
    ...[...placeholders, ...mapped].map((row) => style.indent + row),
    `}${semi(style)}`,
  ].join(style.eol);
}

/**
 * Adds the rows a declared table lacks, so every id this pass's calls use resolves (a placeholder at worst) and
 * the setting's mappings are all there (a table whose entries are not all plain keys gets a TODO at each call
 * instead, see renderEndpoint). Its comment from the setting becomes the TODO one when placeholders arrive.
 */
function addMissingRows(context: FixContext, declared: DeclaredTable, table: EndpointTable): void {
  if (!table.rowsAdded) return;
  const { placeholders, mapped } = tableRows(context, table, declared.quote ?? context.style.quote, declared);
  appendTableRows(context, declared, [...placeholders, ...mapped]);
  if (placeholders.length === 0) return;
  const { text } = context;
  const comment = (ts.getLeadingCommentRanges(text, declared.statement.pos) ?? [])
    .find((range) => text.slice(range.pos, range.end) === `// ${mappedComment()}`);
  if (comment) context.replace({ start: comment.pos, end: comment.end }, `// ${placeholderComment()}`);
}
