import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { GenerateReportParams, MigrateWorkspaceParams, ReportFolderParams } from '../../../shared/reportProtocol';

// Request parameters come from another process: each handler checks the shape it relies on first and answers a
// malformed request with InvalidParams and a sentence naming the field, never a TypeError or a stack.

export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

type Json = Record<string, unknown>;

const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireObject(value: unknown, what: string): Json {
  if (!isObject(value)) throw invalidParams(`${what} must be an object.`);
  return value;
}

function requireString(object: Json, key: string, what: string): string {
  const value = object[key];
  if (typeof value !== 'string' || value === '') throw invalidParams(`${what}.${key} must be a non-empty string.`);
  return value;
}

function requireUri(object: Json, key: string, what: string): string {
  const value = requireString(object, key, what);
  if (!URI_SCHEME.test(value)) throw invalidParams(`${what}.${key} must be a URI, got ${JSON.stringify(value.slice(0, 200))}.`);
  return value;
}

function optionalBoolean(object: Json, key: string, what: string): void {
  if (object[key] !== undefined && typeof object[key] !== 'boolean') throw invalidParams(`${what}.${key} must be a boolean when given.`);
}

function requireFolders(object: Json, what: string): ReportFolderParams[] {
  const folders = object.folders;
  if (!Array.isArray(folders)) throw invalidParams(`${what}.folders must be an array of workspace folders.`);
  folders.forEach((folder, index) => {
    const at = `${what}.folders[${index}]`;
    const checked = requireObject(folder, at);
    requireUri(checked, 'uri', at);
    if (typeof checked.name !== 'string') throw invalidParams(`${at}.name must be a string.`);
    if (!Array.isArray(checked.filesExclude) || !checked.filesExclude.every((glob) => typeof glob === 'string')) {
      throw invalidParams(`${at}.filesExclude must be an array of strings.`);
    }
  });
  return folders as ReportFolderParams[];
}

const REPORT_FORMATS = ['markdown', 'json', 'sarif'];

export function validateGenerateReportParams(params: unknown): GenerateReportParams {
  const what = 'bedrockToSagemaker/generateReport params';
  const object = requireObject(params, what);
  if (typeof object.workspaceName !== 'string') throw invalidParams(`${what}.workspaceName must be a string.`);
  requireFolders(object, what);
  if (typeof object.format !== 'string' || !REPORT_FORMATS.includes(object.format)) {
    throw invalidParams(`${what}.format must be one of ${REPORT_FORMATS.join(', ')}, got ${JSON.stringify(object.format)}.`);
  }
  const outputUri = requireUri(object, 'outputUri', what);
  if (!outputUri.startsWith('file:')) throw invalidParams(`${what}.outputUri must be a file: URI (the report is written on the local disk).`);
  optionalBoolean(object, 'includeProblems', what);
  optionalBoolean(object, 'overwrite', what);
  return object as unknown as GenerateReportParams;
}

export function validateMigrateWorkspaceParams(params: unknown): MigrateWorkspaceParams {
  const what = 'bedrockToSagemaker/migrateWorkspace params';
  const object = requireObject(params, what);
  requireFolders(object, what);
  return object as unknown as MigrateWorkspaceParams;
}

/**
 * `{ textDocument: { uri } }`, the part of every document request the handlers read first. Checked before any message
 * is built: diagnostics are pulled on every keystroke, and a well-formed request needs none.
 */
export function validateTextDocument(params: unknown, method: string): void {
  const uri = isObject(params) && isObject(params.textDocument) ? params.textDocument.uri : undefined;
  if (typeof uri === 'string' && URI_SCHEME.test(uri)) return;
  const what = `${method} params`;
  const object = requireObject(params, what);
  requireUri(requireObject(object.textDocument, `${what}.textDocument`), 'uri', `${what}.textDocument`);
}

export function validateCodeActionParams(params: unknown): void {
  const method = 'textDocument/codeAction';
  validateTextDocument(params, method);
  const context = requireObject((params as Json).context, `${method} params.context`);
  if (!Array.isArray(context.diagnostics)) throw invalidParams(`${method} params.context.diagnostics must be an array.`);
  if (context.only !== undefined && (!Array.isArray(context.only) || !context.only.every((kind) => typeof kind === 'string'))) {
    throw invalidParams(`${method} params.context.only must be an array of strings when given.`);
  }
  if (!isObject((params as Json).range)) throw invalidParams(`${method} params.range must be a range.`);
}

export function validateFindingsParams(params: unknown): void {
  const what = 'bedrockToSagemaker/findings params';
  requireUri(requireObject(params, what), 'uri', what);
}

export function validateCodeAction(action: unknown): void {
  const object = requireObject(action, 'codeAction/resolve params');
  if (typeof object.title !== 'string') throw invalidParams('codeAction/resolve params.title must be a string.');
}
