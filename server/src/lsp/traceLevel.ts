import { Trace, type TracerFeature } from 'vscode-languageserver';

/** Whether the client listens to the server's trace (`bedrockToSagemaker.trace.server` not "off"). */
export interface TraceLevel {
  readonly tracing: boolean;
}

/**
 * The connection's tracer, telling whether a trace line would be sent: a line built on every keystroke (the analysis
 * time, a number turned into text) is then built only when the client listens (issue #13). The library sets `trace`
 * at `initialize` and on `$/setTrace`; its own setter still runs, so `log` behaves as before.
 */
export const traceLevelFeature: TracerFeature<TraceLevel> = (Base) => class extends Base implements TraceLevel {
  level: Trace = Trace.Off;

  get tracing(): boolean {
    return this.level !== Trace.Off;
  }

  set trace(value: Trace) {
    this.level = value;
    Reflect.set(Base.prototype, 'trace', value, this); // the library's setter, as `super.trace = value` would call it
  }
};
