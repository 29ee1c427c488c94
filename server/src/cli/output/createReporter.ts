import type { OutputFormat } from '../parseArguments';
import { JsonReporter } from './jsonReporter';
import type { Reporter, ReportContext } from './reporter';
import { SarifReporter } from './sarifReporter';
import { TextReporter } from './textReporter';

export function createReporter(format: OutputFormat, context: ReportContext): Reporter {
  switch (format) {
    case 'json':
      return new JsonReporter(context);
    case 'sarif':
      return new SarifReporter(context);
    case 'text':
      return new TextReporter(context);
  }
}
