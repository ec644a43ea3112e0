/**
 * A small XML reader for the JUnit tests (no XML parser is a dependency): checks well-formedness —
 * balanced tags, quoted attributes, no stray `<` or `&` — and returns the elements with their
 * attributes and text, decoded.
 */

/** One element. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  text: string;
  readonly children: XmlElement[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (/&(?!(amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`bare & in ${JSON.stringify(text.slice(0, 60))}`);
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);
}

/** Parses `xml` (one root element after an optional declaration); throws when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    const text = body.slice(i, lt < 0 ? body.length : lt);
    if (text.trim() !== '') {
      if (stack.length === 0) throw new Error(`text outside the root: ${text.slice(0, 40)}`);
      stack.at(-1)!.text += decode(text);
    }
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(body);
    if (m === null) throw new Error(`malformed tag at ${lt}: ${body.slice(lt, lt + 60)}`);
    const [, closing, name, attrs, selfClosing] = m;
    if (closing === '/') {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
    } else {
      const attributes: Record<string, string> = {};
      for (const a of attrs!.matchAll(/([\w:.-]+)="([^"]*)"/g)) attributes[a[1]!] = decode(a[2]!);
      const element: XmlElement = { name: name!, attributes, text: '', children: [] };
      if (stack.length > 0) stack.at(-1)!.children.push(element);
      else if (root === undefined) root = element;
      else throw new Error('two root elements');
      if (selfClosing !== '/') stack.push(element);
    }
    i = tag.lastIndex;
  }
  if (stack.length > 0 || root === undefined) throw new Error(`unclosed <${stack.at(-1)?.name}>`);
  return root;
}

/** Every descendant named `name`. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)]);
}
