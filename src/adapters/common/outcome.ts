import { recordedText } from './untrusted.js';

/** What a tool produced, as recorded by an `outcome` event. */
export interface ToolOutcome {
  readonly output: string;
  readonly exitCode: number | null;
  readonly error: string;
}

const OUTPUT_KEYS = ['stdout', 'output', 'llmContent', 'content', 'result', 'text'] as const;
const EXIT_KEYS = ['exit_code', 'exitCode', 'returnCode', 'return_code'] as const;

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return undefined;
  // Structured output (MCP content arrays, Gemini parts) is kept as its JSON text.
  return JSON.stringify(value);
}

function errorOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'message' in value) {
    const message = value.message;
    if (typeof message === 'string') return message;
  }
  return value === undefined || value === null || value === false ? '' : JSON.stringify(value);
}

/**
 * UNTRUSTED, recorded only: the output, exit code and error of a tool response whose shape varies by client
 * and tool (a string, `{stdout, stderr}`, `{output, exit_code}`, `{llmContent, error}` …). Never throws: an odd
 * shape is recorded as its JSON text rather than blocking a tool that already ran. `error` is the tool's error
 * text, else its stderr.
 */
export function readOutcome(response: unknown, topLevelError?: unknown): ToolOutcome {
  let output = '';
  let exitCode: number | null = null;
  let error = errorOf(topLevelError);
  if (typeof response === 'string') {
    output = response;
  } else if (typeof response === 'object' && response !== null && !Array.isArray(response)) {
    const record = response as Readonly<Record<string, unknown>>;
    const key = OUTPUT_KEYS.find((k) => record[k] !== undefined && record[k] !== null);
    output = (key === undefined ? textOf(record) : textOf(record[key])) ?? '';
    const code = EXIT_KEYS.map((k) => record[k]).find((v) => typeof v === 'number' && Number.isInteger(v));
    exitCode = typeof code === 'number' ? code : null;
    if (error === '') error = errorOf(record.error);
    if (error === '' && typeof record.stderr === 'string') error = record.stderr;
  } else {
    output = textOf(response) ?? '';
  }
  return { output: recordedText(output), exitCode, error: recordedText(error) };
}
