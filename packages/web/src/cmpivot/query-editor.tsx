import { useEffect, useRef } from 'react';
import { EditorView, keymap, placeholder, hoverTooltip } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { autocompletion, acceptCompletion, completionKeymap, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { linter, lintGutter, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { complete, diagnose } from '@openpivot/kql';
import { CATALOG } from '@openpivot/entities';
import { kqlHighlighting } from './kql-highlight.js';

/**
 * The query editor: CodeMirror 6 driven by the engine itself — completions from `complete`, squiggles
 * from `diagnose`, with the same catalog and dialect the server binds against, so the editor and the
 * server never disagree about the language. Tab accepts a completion; Ctrl+Enter runs.
 */
export interface QueryEditorProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly onRun: () => void;
  /** A position to select (a diagnostic the server reported). */
  readonly highlight?: { readonly from: number; readonly to: number } | null;
  /** Where to insert text (an entity double-clicked in the panel). */
  readonly insert?: { readonly text: string; readonly nonce: number } | null;
}

const OPTIONS = { catalog: CATALOG, dialect: 'cmpivot' as const };

function completionSource(ctx: CompletionContext): CompletionResult | null {
  // Typing completions open a moment after the last key: not once the focus has gone (to Run, say).
  if (!ctx.explicit && ctx.view && !ctx.view.hasFocus) return null;
  const text = ctx.state.doc.toString();
  const r = complete(text, ctx.pos, OPTIONS);
  if (r.items.length === 0 || (!ctx.explicit && r.from === r.to && !/[|(,=\s]$/.test(text.slice(0, ctx.pos)))) return null;
  return {
    from: r.from,
    to: r.to,
    filter: false,
    options: r.items.map((i) => ({
      label: i.label, apply: i.insertText ?? i.label, detail: i.detail, info: i.doc,
      type: i.kind === 'table' ? 'class' : i.kind === 'column' ? 'property' : i.kind === 'aggregate' || i.kind === 'function' ? 'function' : 'keyword',
    })),
  };
}

function lint(view: EditorView): CmDiagnostic[] {
  const text = view.state.doc.toString();
  return diagnose(text, OPTIONS).diagnostics.map((d) => ({
    from: d.span.start, to: Math.max(d.span.end, Math.min(text.length, d.span.start + 1)),
    severity: d.severity === 'error' ? 'error' : 'warning', message: `${d.code}: ${d.message}`,
  }));
}

/** Hover docs: what the completion list would say of the word under the pointer. */
const hoverDocs = hoverTooltip((view, pos) => {
  const text = view.state.doc.toString();
  const r = complete(text, pos, { ...OPTIONS });
  const word = text.slice(r.from, r.to);
  const item = r.items.find((i) => i.label.toLowerCase() === word.toLowerCase());
  if (!item || !item.doc) return null;
  return { pos: r.from, end: r.to, create: () => { const dom = document.createElement('div'); dom.className = 'op-hover'; dom.textContent = `${item.label}${item.detail ? ` — ${item.detail}` : ''}: ${item.doc}`; return { dom }; } };
});

export default function QueryEditor(props: QueryEditorProps): JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  latest.current = props;
  // The texts the editor reported and React has not yet rendered back. A `value` among them is the editor's
  // own echo, which can lag behind fast typing (writing it back would drop keystrokes); any other `value`
  // is an outside change (history, a favourite) and replaces the text.
  const echoes = useRef<string[]>([]);

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: props.value,
        extensions: [
          history(),
          keymap.of([
            { key: 'Ctrl-Enter', mac: 'Cmd-Enter', run: () => { latest.current.onRun(); return true; } },
            { key: 'Tab', run: acceptCompletion },
            ...completionKeymap, ...historyKeymap, ...defaultKeymap,
          ]),
          autocompletion({ override: [completionSource], activateOnTyping: true }),
          linter(lint, { delay: 250 }),
          lintGutter(),
          hoverDocs,
          kqlHighlighting,
          placeholder('Process | where Name contains "ssh" | project Name, ProcessId'),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': 'Query', role: 'textbox', 'aria-multiline': 'true' }),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged) return;
            const text = u.state.doc.toString();
            echoes.current.push(text);
            latest.current.onChange(text);
          }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
    // The editor owns its text once made; outside changes come through the effects below.
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const echo = echoes.current.indexOf(props.value);
    if (echo >= 0) {
      echoes.current.splice(0, echo + 1);
      return;
    }
    echoes.current = [];
    if (v.state.doc.toString() !== props.value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: props.value } });
  }, [props.value]);

  useEffect(() => {
    const v = view.current;
    if (!v || !props.highlight) return;
    const to = Math.min(v.state.doc.length, Math.max(props.highlight.to, props.highlight.from + 1));
    v.dispatch({ selection: { anchor: Math.min(props.highlight.from, to), head: to }, scrollIntoView: true });
    v.focus();
  }, [props.highlight]);

  useEffect(() => {
    const v = view.current;
    if (!v || !props.insert) return;
    const at = v.state.selection.main.head;
    v.dispatch({ changes: { from: at, insert: props.insert.text }, selection: { anchor: at + props.insert.text.length } });
    v.focus();
  }, [props.insert]);

  return <div ref={host} className="op-editor" />;
}
