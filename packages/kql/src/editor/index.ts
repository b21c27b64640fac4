/** The editor services: completions at a cursor and the squiggles for a text. Pure, like the rest of the engine. */
export { complete, type Completion, type CompletionResult, type CompleteOptions } from './completions.js';
export { diagnose, type DiagnoseOptions, type DiagnoseResult } from './diagnose.js';
