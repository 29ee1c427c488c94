import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// The official SARIF 2.1.0 schema (schemastore's rtm.5, the version @types/sarif is generated from),
// as shipped by Microsoft's SARIF SDK. It is written in JSON Schema draft-04, hence Ajv's draft-04 class.
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';

/** The committed contract of `--format json`, next to the tests that hold the CLI to it. */
export const CLI_JSON_SCHEMA_PATH = join(__dirname, '..', 'cli-json-output.schema.json');

export function cliJsonValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  return ajv.compile(JSON.parse(readFileSync(CLI_JSON_SCHEMA_PATH, 'utf8')) as object);
}

export function sarifValidator(): ValidateFunction {
  // strict off: Ajv's strict mode lints the schema itself, and the official one uses `required` inside
  // `anyOf` branches. unicodeRegExp off: its `language` pattern has a stray `]`, legal only without /u.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(sarifSchema);
}

/** Ajv's errors as readable lines for an assertion message. */
export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`).join('\n');
}
