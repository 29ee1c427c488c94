import * as l10n from '@vscode/l10n';
import ts from '../typescript';
import { MIGRATION_TODO } from '../catalog/migrationTodo';
import { createFinding } from '../finding';
import { PLACEHOLDER_PREFIX, mappingForModelId, placeholderModelId } from '../catalog/endpointChoice';
import type { EngineSettings, Finding, ScriptLanguage } from '../types';
import { servingRules } from '../servesRules';

/**
 * `// TODO(bedrock-to-sagemaker): ...` comments the fixes wrote: each is a step a person still has to take, so
 * it stays a finding until removed ("0 findings left" means done). Comments are found with TypeScript's
 * scanner (no parse): this runs on every analysis of a migrated file, typing included. A placeholder endpoint name
 * the fixes wrote (`"TODO-endpoint-for-<model id>"`) is reported too, fixable, once the endpoints setting maps its
 * model id: the fix puts the mapped endpoint in its place.
 */
export const detectMigrationTodos = servingRules(['bedrock/migration-todo'], function detectMigrationTodos(
  text: string, languageId: ScriptLanguage, settings: EngineSettings, includes = (needle: string) => text.includes(needle),
): Finding[] {
  if (!includes(MIGRATION_TODO) && !includes(PLACEHOLDER_PREFIX)) return [];
  const variant = languageId === 'typescriptreact' || languageId === 'javascriptreact' ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, variant, text);
  const findings: Finding[] = [];
  // Open template expressions: a `}` at their depth resumes the template, not code.
  const templateDepths: number[] = [];
  let depth = 0;
  let previous: ts.SyntaxKind = ts.SyntaxKind.Unknown;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia) {
      const comment = scanner.getTokenText();
      const at = comment.indexOf(MIGRATION_TODO);
      if (at >= 0) findings.push(...todoFinding(comment, scanner.getTokenStart(), at, settings));
      continue;
    }
    if (token === ts.SyntaxKind.WhitespaceTrivia || token === ts.SyntaxKind.NewLineTrivia) continue;
    if (token === ts.SyntaxKind.StringLiteral || token === ts.SyntaxKind.NoSubstitutionTemplateLiteral) {
      findings.push(...placeholderFinding(scanner.getTokenValue(), scanner.getTokenStart(), scanner.getTokenEnd(), settings));
    }
    if ((token === ts.SyntaxKind.SlashToken || token === ts.SyntaxKind.SlashEqualsToken) && startsExpression(previous)) token = scanner.reScanSlashToken();
    if (token === ts.SyntaxKind.OpenBraceToken) depth++;
    if (token === ts.SyntaxKind.TemplateHead) templateDepths.push(++depth);
    if (token === ts.SyntaxKind.CloseBraceToken) {
      if (templateDepths.at(-1) === depth) {
        token = scanner.reScanTemplateToken(false);
        depth--;
        if (token === ts.SyntaxKind.TemplateTail) templateDepths.pop();
        else depth++;
      } else {
        depth--;
      }
    }
    previous = token;
  }
  return findings;
});

/** A `/` after these tokens ends an operand (division); elsewhere it starts a regular expression. */
function startsExpression(previous: ts.SyntaxKind): boolean {
  return !(previous === ts.SyntaxKind.Identifier || previous === ts.SyntaxKind.NumericLiteral || previous === ts.SyntaxKind.StringLiteral
    || previous === ts.SyntaxKind.CloseParenToken || previous === ts.SyntaxKind.CloseBracketToken || previous === ts.SyntaxKind.CloseBraceToken
    || previous === ts.SyntaxKind.RegularExpressionLiteral || previous === ts.SyntaxKind.NoSubstitutionTemplateLiteral
    || previous === ts.SyntaxKind.TemplateTail || previous === ts.SyntaxKind.ThisKeyword || previous === ts.SyntaxKind.SuperKeyword
    || previous === ts.SyntaxKind.PlusPlusToken || previous === ts.SyntaxKind.MinusMinusToken);
}

function todoFinding(comment: string, start: number, at: number, settings: EngineSettings): Finding[] {
  const firstLine = comment.slice(at + MIGRATION_TODO.length).split(/\r?\n/)[0].replace(/\*\/\s*$/, '').replace(/^\s*:?\s*/, '').trim();
  const end = start + at + MIGRATION_TODO.length;
  const finding = createFinding({
    ruleId: 'bedrock/migration-todo',
    range: { start: start + at, end },
    message: firstLine
      ? l10n.t('Migration step left by bedrock-to-sagemaker: {0} Remove the TODO once done.', firstLine.endsWith('.') ? firstLine : `${firstLine}.`)
      : l10n.t('Migration step left by bedrock-to-sagemaker. Remove the TODO once done.'),
  }, settings);
  return finding ? [finding] : [];
}

/** A placeholder endpoint name whose model id the endpoints setting now maps: fixable with the mapped endpoint. */
function placeholderFinding(value: string, start: number, end: number, settings: EngineSettings): Finding[] {
  if (!value.startsWith(PLACEHOLDER_PREFIX)) return [];
  const modelId = placeholderModelId(value);
  const mapping = modelId === undefined ? undefined : mappingForModelId(settings, modelId);
  if (modelId === undefined || !mapping) return [];
  const finding = createFinding({
    ruleId: 'bedrock/migration-todo',
    range: { start, end },
    message: l10n.t("Placeholder endpoint name left by bedrock-to-sagemaker: '{0}' is mapped to endpoint '{1}': use it.", modelId, mapping.endpointName),
    fixable: true,
    data: {
      placeholderFor: modelId, endpointName: mapping.endpointName,
      ...(mapping.inferenceComponentName ? { inferenceComponentName: mapping.inferenceComponentName } : {}),
    },
  }, settings);
  return finding ? [finding] : [];
}
