import * as l10n from '@vscode/l10n';
import ts from '../typescript';
import { MIGRATION_TODO } from '../catalog/migrationTodo';
import { createFinding } from '../finding';
import { PLACEHOLDER_PREFIX, mappingForModelId, placeholderModelId } from '../catalog/endpointChoice';
import type { EngineSettings, Finding, ScriptLanguage } from '../types';
import { servingRules } from '../servesRules';

// `ts.SyntaxKind` is a getter on TypeScript's export table: read once, not for every token or node of a large file.
const SyntaxKind = ts.SyntaxKind;

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
  let previous: ts.SyntaxKind = SyntaxKind.Unknown;
  for (let token = scanner.scan(); token !== SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === SyntaxKind.SingleLineCommentTrivia || token === SyntaxKind.MultiLineCommentTrivia) {
      const comment = scanner.getTokenText();
      const at = comment.indexOf(MIGRATION_TODO);
      if (at >= 0) findings.push(...todoFinding(comment, scanner.getTokenStart(), at, settings));
      continue;
    }
    if (token === SyntaxKind.WhitespaceTrivia || token === SyntaxKind.NewLineTrivia) continue;
    if (token === SyntaxKind.StringLiteral || token === SyntaxKind.NoSubstitutionTemplateLiteral) {
      findings.push(...placeholderFinding(scanner.getTokenValue(), scanner.getTokenStart(), scanner.getTokenEnd(), settings));
    }
    if ((token === SyntaxKind.SlashToken || token === SyntaxKind.SlashEqualsToken) && startsExpression(previous)) token = scanner.reScanSlashToken();
    if (token === SyntaxKind.OpenBraceToken) depth++;
    if (token === SyntaxKind.TemplateHead) templateDepths.push(++depth);
    if (token === SyntaxKind.CloseBraceToken) {
      if (templateDepths.at(-1) === depth) {
        token = scanner.reScanTemplateToken(false);
        depth--;
        if (token === SyntaxKind.TemplateTail) templateDepths.pop();
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
  return !(previous === SyntaxKind.Identifier || previous === SyntaxKind.NumericLiteral || previous === SyntaxKind.StringLiteral
    || previous === SyntaxKind.CloseParenToken || previous === SyntaxKind.CloseBracketToken || previous === SyntaxKind.CloseBraceToken
    || previous === SyntaxKind.RegularExpressionLiteral || previous === SyntaxKind.NoSubstitutionTemplateLiteral
    || previous === SyntaxKind.TemplateTail || previous === SyntaxKind.ThisKeyword || previous === SyntaxKind.SuperKeyword
    || previous === SyntaxKind.PlusPlusToken || previous === SyntaxKind.MinusMinusToken);
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
