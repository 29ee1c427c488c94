import { MIGRATION_TODO } from '../../catalog/migrationTodo';
import { parseScript, propertyNameText } from '../../script/parse';
import type { EngineSettings, Finding, ScriptLanguage } from '../../types';
import ts from '../../typescript';
import type { TextEdit } from '../../fixTypes';
import { mappingForModelId, placeholderEndpointName, placeholderModelId } from '../../catalog/endpointChoice';
import { enclosingStatement, endOfLine, nodeAtRange, startOfLine } from './nodes';
import { servingRules } from '../../servesRules';

/** A bedrock/migration-todo finding on a placeholder endpoint name whose model id is now mapped. */
export function isPlaceholderFinding(finding: Finding): boolean {
  return finding.ruleId === 'bedrock/migration-todo' && typeof finding.data.placeholderFor === 'string';
}

export interface PlaceholderFix {
  endpointName: string;
  edits: TextEdit[];
}

/**
 * Fills a placeholder endpoint name in with its mapped endpoint: the literal takes the endpoint name (same
 * quotes), an `EndpointName` property gets the mapping's `InferenceComponentName` after it, and the placeholder's
 * own TODO comment (the one naming this model id and this placeholder) is removed: the line above the statement,
 * or the comment at the end of a lookup-table entry. Undefined when the literal is not there or the id is unmapped.
 */
export const placeholderFix = servingRules(['bedrock/migration-todo'], function placeholderFix(text: string, languageId: ScriptLanguage, fileName: string | undefined, settings: EngineSettings, finding: Finding): PlaceholderFix | undefined {
  const modelId = finding.data.placeholderFor;
  if (typeof modelId !== 'string') return undefined;
  const mapping = mappingForModelId(settings, modelId);
  if (!mapping) return undefined;
  const sourceFile = parseScript(text, languageId, fileName);
  const literal = nodeAtRange(sourceFile, finding.range);
  if (!literal || !(ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal)) || placeholderModelId(literal.text) !== modelId) return undefined;
  const start = literal.getStart(sourceFile);
  const quote = text[start];
  const literalOf = (value: string) => `${quote}${escapeFor(value, quote)}${quote}`;
  const edits: TextEdit[] = [{ range: { start, end: literal.end }, newText: literalOf(mapping.endpointName) }];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';

  const property = ts.isPropertyAssignment(literal.parent) && literal.parent.initializer === literal ? literal.parent : undefined;
  if (mapping.inferenceComponentName && property && propertyNameText(property.name) === 'EndpointName' && ts.isObjectLiteralExpression(property.parent)
    && !property.parent.properties.some((other) => propertyNameText(other.name) === 'InferenceComponentName')) {
    const object = property.parent;
    const multiline = sourceFile.getLineAndCharacterOfPosition(object.getStart(sourceFile)).line !== sourceFile.getLineAndCharacterOfPosition(property.getStart(sourceFile)).line;
    const propertyStart = property.getStart(sourceFile);
    const separator = multiline ? `,${eol}${text.slice(startOfLine(text, propertyStart), propertyStart).replace(/\S.*$/, '')}` : ', ';
    edits.push({ range: { start: literal.end, end: literal.end }, newText: `${separator}InferenceComponentName: ${literalOf(mapping.inferenceComponentName)}` });
  }

  const owns = (comment: string) => comment.includes(MIGRATION_TODO) && comment.includes(`'${modelId}'`) && comment.includes(placeholderEndpointName(modelId));
  // A lookup-table entry: `"<id>": { EndpointName: "TODO-endpoint-for-<id>" }, // TODO(bedrock-to-sagemaker): ...`.
  const entry = property && ts.isObjectLiteralExpression(property.parent) && ts.isPropertyAssignment(property.parent.parent) ? property.parent.parent : undefined;
  let trailingFrom = (entry ?? property ?? literal).end;
  if (text[trailingFrom] === ',') trailingFrom++;
  const trailing = (ts.getTrailingCommentRanges(text, trailingFrom) ?? [])
    .find((range) => range.kind === ts.SyntaxKind.SingleLineCommentTrivia && owns(text.slice(range.pos, range.end)));
  if (trailing && /^[ \t]*$/.test(text.slice(trailingFrom, trailing.pos))) {
    edits.push({ range: { start: trailingFrom, end: trailing.end }, newText: '' });
  } else {
    const statement = enclosingStatement(literal);
    const above = statement ? (ts.getLeadingCommentRanges(text, statement.pos) ?? []) : [];
    const own = above.find((range) => range.kind === ts.SyntaxKind.SingleLineCommentTrivia && owns(text.slice(range.pos, range.end))
      && /^[ \t]*$/.test(text.slice(startOfLine(text, range.pos), range.pos)));
    if (own) edits.push({ range: { start: startOfLine(text, own.pos), end: endOfLine(text, own.end) }, newText: '' });
  }
  return { endpointName: mapping.endpointName, edits: edits.sort((a, b) => a.range.start - b.range.start) };
});

function escapeFor(value: string, quote: string): string {
  const escaped = value.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`);
  return quote === '`' ? escaped.replace(/\$\{/g, '\\${') : escaped;
}
