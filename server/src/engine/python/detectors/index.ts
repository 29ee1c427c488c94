import type { PythonDetector } from '../pythonContext';
import { detectAssignments } from './detectAssignments';
import { detectClientCalls } from './detectClientCalls';
import { detectImports } from './detectImports';
import { detectOpenAiBedrock } from './detectOpenAiBedrock';
import { detectPythonStrings } from './detectPythonStrings';
import { detectWrapperCalls } from './detectWrapperCalls';

/**
 * Run in this order on every node, in document order. Imports and assignments first, so a call sees the
 * names bound before it; the string scan last, so it skips strings a specific detector claimed.
 */
export const PYTHON_DETECTORS: readonly PythonDetector[] = [
  detectImports,
  detectAssignments,
  detectClientCalls,
  detectOpenAiBedrock,
  detectWrapperCalls,
  detectPythonStrings,
];
