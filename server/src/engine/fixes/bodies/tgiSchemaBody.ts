import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import type { FixContext } from '../fixContext';
import { appendElements } from '../support/listEdits';
import { renameProperty, staticProperties, valueOf } from '../support/requestObject';
import { lineIndentAt } from '../style';

/** A prompt-style provider body (Meta Llama, Mistral) and how its fields map to the TGI schema's `parameters`. */
export interface PromptBodySpec {
  /** For messages: "Meta Llama", "Mistral". */
  provider: string;
  /** Provider field → TGI `parameters` field; every field the provider body may have besides `prompt`. */
  parameters: Readonly<Record<string, string>>;
  /** The provider field that holds the token limit, and Bedrock's default for it (LMI's own default is 30). */
  maxTokensField: string;
  defaultMaxTokens: string;
}

/** Why the body literal cannot be translated property by property, or undefined when it can. */
export function untranslatablePromptBody(literal: ts.ObjectLiteralExpression | undefined, spec: PromptBodySpec): string | undefined {
  if (!literal) return l10n.t('the {0} request body is not an object literal passed to JSON.stringify in this file, so it cannot be translated to the container format', spec.provider);
  const properties = staticProperties(literal);
  if (!properties) return l10n.t('the {0} request body has spread or computed properties', spec.provider);
  if (!properties.has('prompt')) return l10n.t('the {0} request body has no prompt', spec.provider);
  const unknown = [...properties.keys()].filter((name) => name !== 'prompt' && !spec.parameters[name]);
  if (unknown.length > 0) return l10n.t('the {0} request body has fields the container schema has no place for: {1}', spec.provider, unknown.join(', '));
  const order = literal.properties.map((property) => (property === properties.get('prompt') ? 'p' : 'x')).join('');
  if (/x+p+x+/.test(order)) return l10n.t('the prompt sits between the inference parameters of the {0} request body', spec.provider);
  return undefined;
}

/**
 * `{prompt, max_gen_len, temperature, ...}` → `{inputs: prompt, parameters: {max_new_tokens, temperature, ...}}`
 * (+ `stream: true`), edited property by property so comments, quotes and layout stay: `prompt` is renamed, the
 * run of inference parameters is wrapped in `parameters: { ... }` (re-indented one level when each has its own
 * line), fields are renamed in place, and max_new_tokens is always set (`details: true` too when a read needs
 * the response's details). Call only when untranslatablePromptBody returned undefined.
 */
export function translatePromptBody(context: FixContext, literal: ts.ObjectLiteralExpression, spec: PromptBodySpec, stream: boolean, details: boolean): void {
  const properties = staticProperties(literal)!;
  const prompt = properties.get('prompt')!;
  renameProperty(context, prompt, 'inputs');
  const run = literal.properties.filter((property) => property !== prompt);
  const extraFirst: string[] = properties.has(spec.maxTokensField) ? [] : [`max_new_tokens: ${spec.defaultMaxTokens}`];
  const extraLast: string[] = [];
  for (const property of run) {
    const name = [...properties].find(([, value]) => value === property)![0];
    const value = valueOf(property)!;
    if (name === 'temperature' && isNumber(value, (n) => n === 0)) {
      // Greedy decoding; TGI rejects an explicit temperature of 0.
      context.replace(property, 'do_sample: false');
      continue;
    }
    // LMI 0.31 and older ignore sampling settings unless do_sample is on.
    if (name === 'temperature' && isNumber(value, (n) => n > 0)) extraLast.push('do_sample: true');
    if (spec.parameters[name] !== name) renameProperty(context, property, spec.parameters[name]);
  }
  // The response's details (finish_reason, generated_tokens) are sent only when asked for.
  if (details) extraLast.push('details: true');
  const streamField = stream ? 'stream: true' : undefined;
  if (run.length === 0) {
    appendElements(context, literal.properties, prompt, [`parameters: { ${[...extraFirst, ...extraLast].join(', ')} }`, ...(streamField ? [streamField] : [])], literal.properties.hasTrailingComma);
    return;
  }
  const runIsLast = run[run.length - 1] === literal.properties[literal.properties.length - 1];
  const lines = lineLayout(context, literal, run);
  if (lines) wrapLines(context, run, lines, extraFirst, extraLast, runIsLast && streamField, literal.properties.hasTrailingComma);
  else wrapInline(context, run, extraFirst, extraLast, runIsLast && streamField);
  if (streamField && !runIsLast) appendElements(context, literal.properties, prompt, [streamField], literal.properties.hasTrailingComma);
}

function isNumber(expression: ts.Expression, test: (value: number) => boolean): boolean {
  return ts.isNumericLiteral(expression) && test(Number(expression.text));
}

interface LineLayout {
  /** Start of the first line of the run (its first property's leading comments included). */
  open: number;
  /** End of the last line of the run, before its line break. */
  close: number;
  /** The run's properties are followed by a comma. */
  comma: boolean;
  indent: string;
}

/** The run's lines, when its properties (and their comments) have lines of their own; else undefined. */
function lineLayout(context: FixContext, literal: ts.ObjectLiteralExpression, run: readonly ts.ObjectLiteralElementLike[]): LineLayout | undefined {
  const { text, sourceFile } = context;
  const first = run[0];
  const last = run[run.length - 1];
  const firstStart = first.getStart(sourceFile);
  const newline = text.indexOf('\n', first.pos);
  if (newline < 0 || newline >= firstStart) return undefined;
  const open = newline + 1;
  const rest = /^[ \t]*(,?)[ \t]*(\/\/[^\r\n]*|\/\*[^\r\n]*?\*\/)?[ \t]*(?=\r?\n)/.exec(text.slice(last.getEnd()));
  if (!rest) return undefined;
  // The line must not also hold the next property or the literal's closing brace.
  if (literal.getEnd() <= last.getEnd() + rest[0].length) return undefined;
  return { open, close: last.getEnd() + rest[0].length, comma: rest[1] === ',', indent: lineIndentAt(text, firstStart) };
}

function wrapLines(context: FixContext, run: readonly ts.ObjectLiteralElementLike[], layout: LineLayout, extraFirst: readonly string[],
  extraLast: readonly string[], stream: string | false | undefined, trailingComma: boolean): void {
  const { eol, indent: unit } = context.style;
  const inner = layout.indent + unit;
  const opening = [`${layout.indent}parameters: {`, ...extraFirst.map((field) => `${inner}${field},`)].join(eol) + eol;
  context.insert(layout.open, opening);
  // One more level for every line of the run, except lines that start inside a multi-line string.
  const strings = multiLineStrings(context, run);
  for (let position = layout.open; position < layout.close;) {
    if (!strings.some((range) => range.start < position && position <= range.end) && !/^\r?\n/.test(context.text.slice(position))) context.insert(position, unit);
    const next = context.text.indexOf('\n', position);
    if (next < 0 || next >= layout.close) break;
    position = next + 1;
  }
  const last = run[run.length - 1];
  if (extraLast.length > 0 && !layout.comma) context.insert(last.getEnd(), ',');
  const closingComma = layout.comma || Boolean(stream);
  const tail = [
    ...extraLast.map((field, index) => `${inner}${field}${index < extraLast.length - 1 || layout.comma ? ',' : ''}`),
    `${layout.indent}}${closingComma ? ',' : ''}`,
    ...(stream ? [`${layout.indent}${stream}${trailingComma ? ',' : ''}`] : []),
  ];
  context.insert(layout.close, eol + tail.join(eol));
}

function wrapInline(context: FixContext, run: readonly ts.ObjectLiteralElementLike[], extraFirst: readonly string[], extraLast: readonly string[],
  stream: string | false | undefined): void {
  const first = run[0];
  const last = run[run.length - 1];
  context.insert(first.getStart(context.sourceFile), `parameters: { ${extraFirst.map((field) => `${field}, `).join('')}`);
  context.insert(last.getEnd(), `${extraLast.map((field) => `, ${field}`).join('')} }${stream ? `, ${stream}` : ''}`);
}

function multiLineStrings(context: FixContext, run: readonly ts.ObjectLiteralElementLike[]): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) {
      const start = node.getStart(context.sourceFile);
      if (context.text.slice(start, node.getEnd()).includes('\n')) ranges.push({ start, end: node.getEnd() });
      return;
    }
    ts.forEachChild(node, visit);
  };
  for (const property of run) visit(property);
  return ranges;
}
