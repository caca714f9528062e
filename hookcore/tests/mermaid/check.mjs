// Parses a Mermaid flowchart (read from stdin) with Mermaid's own parser and
// prints what it read, one line each, labels decoded to plain text:
//   node <id> <label as JSON>
//   edge <from> <to>
// Exits 1 with the parser's message if the text does not parse.
// Used by hookcore/tests/report.rs; needs `npm install` in this directory.
import DOMPurify from 'dompurify';

// Node has no DOM, which Mermaid's HTML sanitizer needs; it runs after parsing,
// on labels, and is no part of the syntax: it is replaced by the identity.
DOMPurify.addHook = () => {};
DOMPurify.removeHook = () => {};
DOMPurify.removeHooks = () => {};
DOMPurify.sanitize = (text) => text;

const { default: mermaid } = await import('mermaid');

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const text = Buffer.concat(chunks).toString('utf8');

// Mermaid keeps entity codes (`#quot;`, `#35;`) as placeholders until it
// renders; this is its own decodeEntities, then the browser's HTML decoding.
const named = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
const decode = (label) =>
  label
    .replace(/ﬂ°°/g, '&#')
    .replace(/ﬂ°/g, '&')
    .replace(/¶ß/g, ';')
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&(\w+);/g, (whole, name) => named[name] ?? whole);

try {
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  for (const [id, vertex] of diagram.db.getVertices()) {
    console.log(`node ${id} ${JSON.stringify(decode(vertex.text))}`);
  }
  for (const edge of diagram.db.getEdges()) {
    console.log(`edge ${edge.start} ${edge.end}`);
  }
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
