import type { ScriptDetector } from '../scriptContext';
import { detectAggregatedCalls } from './detectAggregatedCalls';
import { detectApiKey } from './detectApiKey';
import { detectClientRegion } from './detectClientRegion';
import { detectClients } from './detectClients';
import { detectCommands } from './detectCommands';
import { detectImports } from './detectImports';
import { detectOpenAiBaseUrl } from './detectOpenAiBaseUrl';
import { detectProviderOptions } from './detectProviderOptions';
import { detectStrings } from './detectStrings';
import { detectWrappers } from './detectWrappers';

/**
 * Every script detector, in the order they run. Order matters once: detectors that claim a string literal
 * (detectOpenAiBaseUrl) must run before detectStrings, which skips claimed literals.
 */
export const SCRIPT_DETECTORS: readonly ScriptDetector[] = [
  detectImports,
  detectClients,
  detectClientRegion,
  detectCommands,
  detectAggregatedCalls,
  detectWrappers,
  detectProviderOptions,
  detectOpenAiBaseUrl,
  detectApiKey,
  detectStrings,
];
