export interface AskOptions {
  maxTokens: number;
  temperature?: number;
}

export const DEFAULTS: AskOptions = { maxTokens: 128, temperature: 0.7 };
