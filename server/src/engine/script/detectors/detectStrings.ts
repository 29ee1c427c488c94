import ts from '../../typescript';
import { PLACEHOLDER } from '../../catalog/modelIds';
import { scanValue } from '../../catalog/scanValue';
import { valueMayHaveMatches } from '../../catalog/modelIds';
import type { FindingDraft } from '../../finding';
import type { ScriptContext, ScriptDetector } from '../scriptContext';

// Calls whose first string argument is a test name, not code that talks to Bedrock.
const TEST_FUNCTIONS = new Set(['describe', 'it', 'test', 'suite', 'context', 'specify', 'bench', 'xit', 'xdescribe', 'fit', 'fdescribe']);

/** Model ids, ARNs, endpoint hosts, IAM actions and the API-key variable name inside string and template literals. */
export const detectStrings: ScriptDetector = {
  name: 'strings',
  rules: ['bedrock/arn', 'bedrock/endpoint-host', 'bedrock/iam-action', 'bedrock/model-id', 'bedrock/api-key'],
  kinds: [ts.SyntaxKind.StringLiteral, ts.SyntaxKind.NoSubstitutionTemplateLiteral, ts.SyntaxKind.TemplateExpression],
  detect(node, context) {
    if (context.isClaimed(node) || isModuleSpecifier(node) || isTestName(node)) return;
    const sourceFile = context.sourceFile;
    const start = node.getStart(sourceFile) + 1; // after the opening quote or backtick
    // A literal left unterminated mid-edit has no closing delimiter: its value runs to the node's end.
    const end = node.getEnd() - (isTerminated(node, sourceFile.text) ? 1 : 0);
    if (end <= start) return;
    const value = maskSubstitutions(node, sourceFile.text.slice(start, end), start);
    if (valueMayHaveMatches(value)) scanString(value, start, context, !isMessageText(node));
  },
};

/** Values longer than this are scanned every time (a cache of them would hold large texts). */
const MAX_CACHED_LENGTH = 256;
/** The cache is emptied when it holds this many values (a file's distinct strings that may match, while typing). */
const MAX_CACHED_VALUES = 512;

/** scanValue, answered from the scans of the same value the analysis kept (ScriptContext.stringScans), if any. */
function scanString(value: string, start: number, context: ScriptContext, apiKeyName: boolean): void {
  const scans = context.stringScans;
  if (!scans || value.length > MAX_CACHED_LENGTH) {
    scanValue(value, start, context, { apiKeyName });
    return;
  }
  const key = `${apiKeyName ? 'k' : 'm'}${value}`;
  let drafts = scans.get(key);
  if (!drafts) {
    const found: FindingDraft[] = [];
    scanValue(value, 0, { settings: context.settings, report: (draft) => found.push(draft) }, { apiKeyName });
    if (scans.size >= MAX_CACHED_VALUES) scans.clear();
    scans.set(key, (drafts = found));
  }
  for (const draft of drafts) context.report({ ...draft, range: { start: start + draft.range.start, end: start + draft.range.end } });
}

/** Template substitutions become placeholder characters of the same length, so offsets stay exact. */
function maskSubstitutions(node: ts.Node, raw: string, offset: number): string {
  if (!ts.isTemplateExpression(node)) return raw;
  let masked = raw;
  const text = node.getSourceFile().text;
  const clamp = (index: number) => Math.max(0, Math.min(raw.length, index));
  for (const span of node.templateSpans) {
    const from = clamp(span.expression.pos - 2 - offset); // the `${`
    const close = span.literal.getStart();
    // `${` still open mid-edit: what follows is code, not string content.
    if (text.charAt(close) !== '}') return masked.slice(0, from);
    const to = Math.max(from, clamp(close + 1 - offset)); // through the `}`
    masked = masked.slice(0, from) + PLACEHOLDER.repeat(to - from) + masked.slice(to);
  }
  return masked;
}

/** Whether a string or template literal ends with its closing quote or backtick. */
function isTerminated(node: ts.Node, text: string): boolean {
  const last = ts.isTemplateExpression(node) ? node.templateSpans[node.templateSpans.length - 1]?.literal : node as ts.LiteralLikeNode;
  if (!last || last.isUnterminated || !ts.isTemplateLiteralToken(last as ts.Node) && !ts.isStringLiteral(last as ts.Node)) return false;
  const delimiter = ts.isStringLiteral(node) ? text.charAt(node.getStart()) : '`';
  return text.charAt(node.getEnd() - 1) === delimiter;
}

function isModuleSpecifier(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent) || ts.isImportTypeNode(parent.parent)) return true;
  if (ts.isLiteralTypeNode(parent) && ts.isImportTypeNode(parent.parent)) return true;
  return ts.isCallExpression(parent) && parent.arguments[0] === node
    && (parent.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(parent.expression) && parent.expression.text === 'require'));
}

// Calls whose string arguments are messages for people: `console.warn(...)`, `logger.error(...)`, `log.info(...)`.
const CONSOLE_OBJECTS = new Set(['console']);
const LOG_METHODS = new Set(['log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'notice']);

/**
 * A string that is (part of) a message for people: an argument of a console or logger call, of `new XError(...)`
 * / `XError(...)`, or the operand of `throw`. Naming `AWS_BEARER_TOKEN_BEDROCK` there ("set AWS_BEARER_TOKEN_BEDROCK
 * first") does not use the key; `process.env["AWS_BEARER_TOKEN_BEDROCK"]` and `{ "AWS_BEARER_TOKEN_BEDROCK": k }` do.
 */
function isMessageText(node: ts.Node): boolean {
  let current: ts.Node = node;
  // Through concatenation, template spans, parentheses, conditionals and `as` casts to the expression the text is.
  for (;;) {
    const parent: ts.Node = current.parent;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken
      || ts.isTemplateSpan(parent) || ts.isTemplateExpression(parent) || ts.isParenthesizedExpression(parent)
      || ts.isConditionalExpression(parent) && parent.condition !== current || ts.isAsExpression(parent)) {
      current = parent;
      continue;
    }
    if (ts.isThrowStatement(parent)) return true;
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(current as ts.Expression)) {
      return isMessageCallee(parent.expression);
    }
    return false;
  }
}

function isMessageCallee(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) return /Error$/.test(callee.text);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const method = callee.name.text;
  if (/Error$/.test(method)) return true; // errors.ConfigError(...)
  const receiver = callee.expression;
  if (ts.isIdentifier(receiver) && CONSOLE_OBJECTS.has(receiver.text)) return true;
  // logger.warn(...), this.log.error(...), ctx.logger.info(...): a receiver named like a logger.
  const receiverName = ts.isIdentifier(receiver) ? receiver.text : ts.isPropertyAccessExpression(receiver) ? receiver.name.text : '';
  return LOG_METHODS.has(method) && /^(?:log|logger|_logger|_log|logging)$/i.test(receiverName);
}

function isTestName(node: ts.Node): boolean {
  const parent = node.parent;
  if (!ts.isCallExpression(parent) || parent.arguments[0] !== node) return false;
  let callee: ts.Expression = parent.expression;
  // it.only(...), describe.skip(...), test.each([...])(...), test.each`table`(...)
  for (;;) {
    if (ts.isPropertyAccessExpression(callee) || ts.isCallExpression(callee)) callee = callee.expression;
    else if (ts.isTaggedTemplateExpression(callee)) callee = callee.tag;
    else break;
  }
  return ts.isIdentifier(callee) && TEST_FUNCTIONS.has(callee.text);
}
