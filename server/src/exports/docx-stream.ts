import type { Writable } from 'node:stream';
import { type File, type IContext, type IXmlableObject, Packer, type XmlComponent } from 'docx';
import { ZipWriter } from './zip.js';

/*
 * A Word file written in parts: the body's blocks are turned into XML one contribution at a time
 * and deflated straight into the response, while everything else (styles, numbering, footnotes,
 * relationships, properties) comes from the `docx` library compiling the same document with an
 * empty body at the end. The blocks are formatted with the document's own context, so each
 * hyperlink's relationship, each list's numbering instance and each footnote land in that
 * document as they would had the library written the body itself; what stays in memory is
 * those small records and the footnotes' content, not the body.
 */

// --- The library's XML writer (docx 9's `stringifyXmlable`, without indentation), which it does not export. ---

const ESCAPES = new Map([
  ['&', '&amp;'],
  ['"', '&quot;'],
  ["'", '&apos;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
]);
// eslint-disable-next-line no-control-regex
const escapeAll = (value: string) => value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES.get(c) ?? '');
const escapeValue = (value: unknown) => (typeof value === 'string' ? escapeAll(value) : value);

interface Resolved {
  name: string | undefined;
  attributes: string[];
  content: (Resolved | string | unknown)[];
}

function resolve(data: IXmlableObject): Resolved {
  const name = Object.keys(data)[0];
  const values: unknown = name === undefined ? undefined : data[name];
  const attributes: string[] = [];
  const content: unknown[] = [];
  const addAttributes = (attr: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(attr)) attributes.push(`${key}="${String(escapeValue(value))}"`);
  };
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
      if (attr) addAttributes(attr);
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
      if (Array.isArray(values)) {
        let isStringContent = false;
        content.push('');
        for (const value of values as unknown[]) {
          if (typeof value === 'object' && value !== null) {
            if (Object.keys(value)[0] === '_attr') addAttributes((value as { _attr: Record<string, unknown> })._attr);
            else content.push(resolve(value as IXmlableObject));
          } else {
            content.pop();
            isStringContent = true;
            content.push(escapeValue(value));
          }
        }
        if (!isStringContent) content.push('');
      }
    }
  } else content.push(escapeValue(values));
  return { name, attributes, content };
}

function format(element: unknown): string {
  if (typeof element !== 'object' || element === null) return String(element);
  const { name, attributes, content } = element as Resolved;
  const open =
    (name ? `<${name}` : '') +
    (attributes.length > 0 ? ` ${attributes.join(' ')}` : '') +
    (content.length > 0 ? (name ? '>' : '') : '/>');
  if (content.length === 0) return open;
  return open + content.map((c) => (c === undefined ? '' : format(c))).join('') + (name ? `</${name}>` : '');
}

/** The XML of one formatted component, byte for byte as the library writes it. */
export const stringifyXmlable = (input: IXmlableObject) => format(resolve(input));

// --- The body, block by block. ---

type Compiled = Map<string, string | Uint8Array>;
interface Compiler {
  compile(file: File): Compiled;
}

/** The library's compiler: the package's files by path, before zipping (Packer keeps it as a static). */
function compile(file: File): Compiled {
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;
  if (!compiler || typeof compiler.compile !== 'function') {
    throw new Error('docx: the Packer has no compiler to write the document in parts (library changed?)');
  }
  return compiler.compile(file);
}

/** The parts of docx 9's footnotes view this writer reads (the list of footnotes, the remembered reference runs). */
interface FootnotesView {
  root: XmlComponent[];
  ownNotes?: Map<unknown, number>;
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

type Block = XmlComponent;

/**
 * Writes a document whose body is given block by block. `document` is made with an empty body
 * (every option as usual: styles, numbering, footnotes, properties), `skeleton` likewise, a
 * second copy whose compiled `word/document.xml` gives what comes before and after the body.
 */
export class StreamedDocx {
  private readonly context: IContext;
  private readonly numIds: Map<string, { numId: number }> | undefined;
  readonly head: string;
  readonly tail: string;
  private readonly emptyDocument: string;
  /** The footnotes' own context, as the library's compiler writes word/footnotes.xml. */
  private readonly noteContext: IContext;
  private readonly notes: FootnotesView;
  /** How many footnotes the document starts with (the separators), which stay for the library to write. */
  private readonly ownNoteCount: number;
  /** Each footnote's XML, written as soon as its reference is: strings, not the library's objects. */
  private readonly noteXml: string[] = [];

  constructor(
    private readonly document: File,
    skeleton: File,
  ) {
    const view = document.Document.View as unknown as { Body?: unknown };
    // The stack as the library's own writer has it around a block of the body.
    this.context = {
      file: document,
      viewWrapper: document.Document,
      stack: [document.Document.View, ...(view.Body ? [view.Body] : [])] as unknown as IXmlableObject[],
    };
    this.notes = document.FootNotes.View as unknown as FootnotesView;
    if (!Array.isArray(this.notes.root))
      throw new Error('docx: the footnotes have no list to write in parts (library changed?)');
    this.ownNoteCount = this.notes.root.length;
    this.noteContext = {
      file: document,
      viewWrapper: document.FootNotes,
      stack: [document.FootNotes.View] as unknown as IXmlableObject[],
    };
    this.numIds = (
      document.Numbering as unknown as { concreteNumberingMap?: Map<string, { numId: number }> }
    ).concreteNumberingMap;
    const xml = compile(skeleton).get('word/document.xml');
    if (typeof xml !== 'string') throw new Error('docx: no word/document.xml in the skeleton');
    const open = '<w:body>';
    const at = xml.indexOf(open);
    if (at < 0 || !xml.includes('</w:body>')) throw new Error('docx: no body in the skeleton document');
    this.emptyDocument = xml;
    this.head = xml.slice(0, at + open.length);
    this.tail = xml.slice(at + open.length);
  }

  private numId(key: string): string | undefined {
    if (this.numIds) return this.numIds.get(key)?.numId.toString();
    const found = this.document.Numbering.ConcreteNumbering.find(
      (n) => `${n.reference}-${n.instance}` === key || `${n.reference}-restart ${String(n.restartedListId)}` === key,
    );
    return found?.numId.toString();
  }

  /** One block of the body as XML, its relationships, numbering and footnotes added to the document. */
  xml(block: Block): string {
    const parts = (block as unknown as { writtenAs?: Block[] }).writtenAs ?? [block];
    let out = '';
    for (const part of parts) {
      const formatted = part.prepForXml(this.context);
      if (formatted) out += stringifyXmlable(formatted);
    }
    this.takeNotes();
    return this.numbered(out);
  }

  /** A list's placeholder `{reference-instance}` becomes its numbering id, as the library's NumberingReplacer does. */
  private numbered(xml: string): string {
    return xml.includes('{') ? xml.replace(PLACEHOLDER, (p, key: string) => this.numId(key) ?? p) : xml;
  }

  /**
   * The footnotes the last block brought: written to XML now, in the footnotes' own context (so
   * their links' relationships land in word/_rels/footnotes.xml.rels as the library would put
   * them), and taken out of the document, so it holds neither their objects nor their runs.
   */
  private takeNotes() {
    const root = this.notes.root;
    if (root.length > this.ownNoteCount) {
      for (const note of root.splice(this.ownNoteCount)) {
        const formatted = note.prepForXml(this.noteContext);
        if (formatted) this.noteXml.push(this.numbered(stringifyXmlable(formatted)));
      }
    }
    // The reference runs the library remembers (so a run written twice keeps its id): each is written once here.
    this.notes.ownNotes?.clear();
  }

  /**
   * Writes the whole package into `out`: `word/document.xml` from `body` (the blocks' XML as they
   * come), then the library's other parts for the document as the blocks left it.
   */
  async write(out: Writable, at: Date, body: AsyncIterable<string>): Promise<void> {
    const zip = new ZipWriter(out, at);
    const head = this.head;
    const tail = this.tail;
    await zip.add(
      'word/document.xml',
      (async function* () {
        yield head;
        yield* body;
        yield tail;
      })(),
    );
    const files = compile(this.document);
    // The document itself was compiled with an empty body: it must match the skeleton whose head and tail were sent.
    if (files.get('word/document.xml') !== this.emptyDocument) {
      throw new Error('docx: the document and its skeleton differ outside the body');
    }
    for (const [path, data] of files) {
      if (path === 'word/document.xml') continue;
      if (path === 'word/footnotes.xml' && this.noteXml.length > 0) {
        // The library's part with only the separators, the footnotes written along the way before its end.
        if (typeof data !== 'string') throw new Error('docx: word/footnotes.xml is not text');
        const end = data.lastIndexOf('</w:footnotes>');
        if (end < 0) throw new Error('docx: no end in word/footnotes.xml');
        await zip.add(path, [data.slice(0, end), ...this.noteXml, data.slice(end)]);
        this.noteXml.length = 0;
      } else await zip.add(path, [data]);
    }
    await zip.finish();
  }
}
