import type { Writable } from 'node:stream';
import { ConcreteNumbering, type File, type IContext, type IXmlableObject, Packer, type XmlComponent } from 'docx';
import { ZipWriter } from './zip.js';

/*
 * A Word file written in parts: the body's blocks are turned into XML one contribution at a time
 * and deflated straight into the response, while everything else (styles, numbering, footnotes,
 * relationships, properties) comes from the `docx` library compiling the same document with an
 * empty body at the end. The blocks are formatted with the document's own context, so each
 * hyperlink's relationship, each list's numbering instance and each footnote land in that
 * document as they would had the library written the body itself. Those grow with the document
 * (a footnote, a list instance and two links per contribution), so each is written to XML as soon
 * as its block is and the library's object let go: the footnotes are taken out of their part, the
 * list instances and relationships replaced by small stand-ins (their count and ids still matter
 * to the library), and at the end their XML goes where the library's compile of the same parts
 * puts the stand-ins' mark. What stays in memory is strings, not the library's objects.
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

/**
 * Where the entries written along the way go in a part the library writes at the end: the first
 * entry taken out of a part is replaced by a mark (an element no part can otherwise hold), the
 * others by components that write nothing, so a list keeps its length (a new relationship's id
 * counts the list) and the part's XML has `<convene-streamed/>` exactly where those entries stood.
 */
const MARK_NAME = 'convene-streamed';
const MARK = `<${MARK_NAME}/>`;
const writesMark = () => ({ [MARK_NAME]: {} }) as IXmlableObject;
const writesNothing = () => undefined;
/** What stands in a list for an entry written along the way. */
interface Standing {
  prepForXml: () => IXmlableObject | undefined;
}
const marker: Standing = { prepForXml: writesMark };
const nothing: Standing = { prepForXml: writesNothing };

/** The entries of one part written along the way, as XML, for the part's mark. */
class StreamedPart {
  readonly xml: string[] = [];
  constructor(readonly path: string) {}

  /** An entry as XML; what is to stand in its place: the mark for the first, nothing for the others. */
  add(entry: XmlComponent, context: IContext): Standing {
    const formatted = entry.prepForXml(context);
    const first = this.xml.length === 0;
    if (formatted) this.xml.push(stringifyXmlable(formatted));
    return first ? marker : nothing;
  }
}

/**
 * A list instance taken out of the numbering: what the library (and the list placeholders) read
 * of it, its XML written, so 10,000 lists are 10,000 small records rather than their levels' objects.
 */
interface TakenNumbering extends Standing {
  numId: number;
  reference: string;
  instance: number;
  restartedListId?: unknown;
}

type Block = XmlComponent;

/**
 * Writes a document whose body is given block by block. `document` is made with an empty body
 * (every option as usual: styles, numbering, footnotes, properties), `skeleton` likewise, a
 * second copy whose compiled `word/document.xml` gives what comes before and after the body.
 */
export class StreamedDocx {
  private readonly document: File;
  private readonly context: IContext;
  /** The library's list instances by key (`{reference-instance}`), each taken out once written. */
  private readonly numbering: Map<string, TakenNumbering | ConcreteNumbering>;
  /** The same map's entries as they are added (a map's iterator goes on to entries added later). */
  private readonly numberingEntries: Iterator<[string, TakenNumbering | ConcreteNumbering]>;
  /** How many of its entries have been read. */
  private numberingAt: number;
  private readonly numberingContext: IContext;
  /** The relationships' lists (the body's, the footnotes'), each entry written once added. */
  private readonly relationships: { root: unknown[]; at: number; part: StreamedPart }[];
  /** Entries written along the way, by the part that holds their mark. */
  private readonly parts = new Map<string, StreamedPart>();
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

  constructor(document: File, skeleton: File) {
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
    const numbering = (document.Numbering as unknown as { concreteNumberingMap?: unknown }).concreteNumberingMap;
    if (!(numbering instanceof Map))
      throw new Error('docx: the numbering has no map of list instances to write in parts (library changed?)');
    this.numbering = numbering as Map<string, TakenNumbering | ConcreteNumbering>;
    // The lists the document starts with (the default bullets) stay for the library to write.
    this.numberingEntries = this.numbering.entries();
    for (this.numberingAt = 0; this.numberingAt < this.numbering.size; this.numberingAt++) this.numberingEntries.next();
    // As the library writes word/numbering.xml: the document's context, the numbering on the stack.
    this.numberingContext = {
      file: document,
      viewWrapper: document.Document,
      stack: [document.Numbering] as unknown as IXmlableObject[],
    };
    const list = (relationships: unknown, path: string) => {
      const root = (relationships as { root?: unknown }).root;
      if (!Array.isArray(root)) throw new Error(`docx: no list of relationships for ${path} (library changed?)`);
      return { root: root as unknown[], at: root.length, part: this.part(path) };
    };
    this.relationships = [
      list(document.Document.Relationships, 'word/_rels/document.xml.rels'),
      list(document.FootNotes.Relationships, 'word/_rels/footnotes.xml.rels'),
    ];
    const xml = compile(skeleton).get('word/document.xml');
    if (typeof xml !== 'string') throw new Error('docx: no word/document.xml in the skeleton');
    const open = '<w:body>';
    const at = xml.indexOf(open);
    if (at < 0 || !xml.includes('</w:body>')) throw new Error('docx: no body in the skeleton document');
    this.emptyDocument = xml;
    this.head = xml.slice(0, at + open.length);
    this.tail = xml.slice(at + open.length);
    this.document = document;
  }

  private part(path: string): StreamedPart {
    let part = this.parts.get(path);
    if (!part) this.parts.set(path, (part = new StreamedPart(path)));
    return part;
  }

  private numId(key: string): string | undefined {
    return this.numbering.get(key)?.numId.toString();
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
    this.takeNumbering();
    this.takeRelationships();
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
   * The list instances the last block brought (a markdown list each): written to XML now and
   * replaced in the numbering by a small record of their ids, so a later paragraph of the same
   * list finds it and the list's placeholder its number.
   */
  private takeNumbering() {
    const part = this.part('word/numbering.xml');
    for (; this.numberingAt < this.numbering.size; this.numberingAt++) {
      const next = this.numberingEntries.next();
      if (next.done) throw new Error('docx: the numbering changed while written in parts');
      const [key, entry] = next.value;
      if (!(entry instanceof ConcreteNumbering)) continue;
      const { prepForXml } = part.add(entry, this.numberingContext);
      const taken: TakenNumbering = {
        numId: entry.numId,
        reference: entry.reference,
        instance: entry.instance,
        ...(entry.restartedListId === undefined ? {} : { restartedListId: entry.restartedListId }),
        prepForXml,
      };
      this.numbering.set(key, taken);
    }
  }

  /** The relationships the last block brought (its links): written to XML, each replaced in its list. */
  private takeRelationships() {
    for (const list of this.relationships) {
      for (; list.at < list.root.length; list.at++) {
        list.root[list.at] = list.part.add(list.root[list.at] as XmlComponent, this.context);
      }
    }
  }

  /**
   * Writes the whole package into `out`: `word/document.xml` from `body` (the blocks' XML as they
   * come), then the library's other parts for the document as the blocks left it, with the
   * entries written along the way (list instances, relationships) where their mark stands.
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
      files.delete(path);
      const streamed = this.parts.get(path)?.xml ?? [];
      if (typeof data !== 'string') {
        if (streamed.length > 0) throw new Error(`docx: ${path} is not text`);
        await zip.add(path, [data]);
        continue;
      }
      let chunks = [data];
      if (streamed.length > 0) {
        const mark = data.indexOf(MARK);
        if (mark < 0 || data.indexOf(MARK, mark + 1) >= 0)
          throw new Error(`docx: no single place for ${path}'s entries`);
        chunks = [data.slice(0, mark), ...streamed, data.slice(mark + MARK.length)];
      } else if (data.includes(MARK)) throw new Error(`docx: a mark in ${path} without entries`);
      if (path === 'word/footnotes.xml' && this.noteXml.length > 0) {
        // The library's part with only the separators, the footnotes written along the way before its end.
        const last = chunks.pop() ?? '';
        const end = last.lastIndexOf('</w:footnotes>');
        if (end < 0) throw new Error('docx: no end in word/footnotes.xml');
        chunks.push(last.slice(0, end), ...this.noteXml, last.slice(end));
      }
      await zip.add(path, chunks);
      streamed.length = 0;
    }
    this.noteXml.length = 0;
    await zip.finish();
  }
}
