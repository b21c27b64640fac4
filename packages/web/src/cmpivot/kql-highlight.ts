import { ViewPlugin, Decoration, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';
import { RangeSetBuilder } from '@codemirror/state';

/**
 * Syntax colouring without a grammar of its own: strings, comments, numbers, the words after a pipe
 * (operators) and known keywords get a class each. Kept small on purpose; the engine's parser, not
 * this, decides what is valid.
 */
const TOKEN = /\/\/[^\n]*|@?"(?:[^"\\\n]|\\.)*"?|@?'(?:[^'\\\n]|\\.)*'?|\b\d+(?:\.\d+)?(?:[a-z]+)?\b|\|\s*[A-Za-z-]+|\b(?:by|and|or|not|on|kind|with|asc|desc|in|has|contains|startswith|endswith|between|let|true|false)\b/g;

function decorations(view: EditorView): DecorationSet {
  const b = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    const text = view.state.doc.sliceString(from, to);
    for (const m of text.matchAll(TOKEN)) {
      const t = m[0];
      const cls = t.startsWith('//') ? 'op-t-comment' : /^@?["']/.test(t) ? 'op-t-string' : /^\d/.test(t) ? 'op-t-number' : t.startsWith('|') ? 'op-t-operator' : 'op-t-keyword';
      const start = from + m.index! + (t.startsWith('|') ? t.length - t.replace(/^\|\s*/, '').length : 0);
      b.add(start, from + m.index! + t.length, Decoration.mark({ class: cls }));
    }
  }
  return b.finish();
}

export const kqlHighlighting = ViewPlugin.fromClass(class {
  decorations: DecorationSet;
  constructor(view: EditorView) { this.decorations = decorations(view); }
  update(u: ViewUpdate): void { if (u.docChanged || u.viewportChanged) this.decorations = decorations(u.view); }
}, { decorations: (v) => v.decorations });
