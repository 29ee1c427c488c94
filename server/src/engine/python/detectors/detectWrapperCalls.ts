import type { PythonDetector } from '../pythonContext';
import { mayExportWrappers } from '../pythonWrappers';
import { dottedName } from '../syntax';
import { reportWrapper } from './detectImports';

/** `langchain_aws.ChatBedrock(...)` after `import langchain_aws` (a `from` import is reported at the import). */
export const detectWrapperCalls: PythonDetector = {
  name: 'wrapper-calls',
  rules: ['bedrock/python-sdk'],
  types: ['call'],
  detect(call, context) {
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'attribute') return;
    const moduleName = context.bindings.moduleOf(dottedName(callee.childForFieldName('object')));
    const className = callee.childForFieldName('attribute')?.text;
    if (moduleName && className && mayExportWrappers(moduleName)) reportWrapper(callee, moduleName, className, context);
  },
};
