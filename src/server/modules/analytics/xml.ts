// A small strict XML reader and an escaper, enough for ADX messages: the prolog, elements with
// attributes, text, comments, CDATA and the predefined and numeric entities. It refuses what is
// not well-formed (unbalanced or crossed tags, duplicate or unquoted attributes, stray '<' or '&',
// more than one root) with the line and column, and never resolves DTDs or external entities.
// Namespace prefixes are kept in names; ADX uses a default namespace.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlError extends Error {}

const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*$/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function parseXml(source: string): XmlElement {
  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (message: string): never => {
    const before = source.slice(0, i);
    const line = before.split('\n').length;
    const column = i - before.lastIndexOf('\n');
    throw new XmlError(`${message} (dòng ${line}, cột ${column})`);
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;&\s]*);?/g, (match, ref: string) => {
      if (!match.endsWith(';')) fail('Ký tự "&" không thuộc tham chiếu thực thể hợp lệ');
      if (ref.startsWith('#x') && /^#x[0-9a-fA-F]+$/.test(ref)) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#') && /^#\d+$/.test(ref)) return String.fromCodePoint(Number(ref.slice(1)));
      const value = ENTITIES[ref];
      return value ?? fail(`Thực thể "&${ref};" không được hỗ trợ`);
    });
  const skipMisc = () => {
    for (;;) {
      while (i < source.length && /\s/.test(source[i]!)) i++;
      if (source.startsWith('<!--', i)) {
        const end = source.indexOf('-->', i + 4);
        if (end < 0) fail('Chú thích không đóng');
        i = end + 3;
      } else if (source.startsWith('<?', i)) {
        const end = source.indexOf('?>', i + 2);
        if (end < 0) fail('Chỉ thị xử lý không đóng');
        i = end + 2;
      } else if (source.startsWith('<!DOCTYPE', i)) {
        fail('Không chấp nhận DOCTYPE');
      } else return;
    }
  };

  const element = (): XmlElement => {
    if (source[i] !== '<') fail('Cần một phần tử');
    i++;
    const nameMatch = /^[^\s/>]+/.exec(source.slice(i, i + 200));
    const name = nameMatch?.[0] ?? '';
    if (!NAME.test(name)) fail(`Tên phần tử "${name}" không hợp lệ`);
    i += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const space = /^\s*/.exec(source.slice(i, i + 1000))![0].length;
      i += space;
      if (source.startsWith('/>', i)) {
        i += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (source[i] === '>') {
        i++;
        break;
      }
      if (space === 0) fail('Thiếu khoảng trắng giữa các thuộc tính');
      const attr = /^([^\s=/>]+)\s*=\s*(["'])/.exec(source.slice(i, i + 300));
      if (!attr || !NAME.test(attr[1]!)) fail('Thuộc tính không hợp lệ (cần tên="giá trị")');
      const [whole, attrName, quote] = attr!;
      i += whole.length;
      const end = source.indexOf(quote!, i);
      if (end < 0) fail(`Giá trị thuộc tính "${attrName}" không đóng`);
      const raw = source.slice(i, end);
      if (raw.includes('<')) fail(`Giá trị thuộc tính "${attrName}" chứa "<"`);
      if (attrName! in attributes) fail(`Thuộc tính "${attrName}" lặp lại`);
      attributes[attrName!] = decode(raw);
      i = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (i >= source.length) fail(`Phần tử <${name}> không đóng`);
      if (source.startsWith('</', i)) {
        const close = /^<\/([^\s>]+)\s*>/.exec(source.slice(i, i + 300));
        if (!close || close[1] !== name) fail(`Thẻ đóng không khớp <${name}>`);
        i += close![0].length;
        return { name, attributes, children, text };
      }
      if (source.startsWith('<!--', i)) {
        const end = source.indexOf('-->', i + 4);
        if (end < 0) fail('Chú thích không đóng');
        i = end + 3;
      } else if (source.startsWith('<![CDATA[', i)) {
        const end = source.indexOf(']]>', i + 9);
        if (end < 0) fail('CDATA không đóng');
        text += source.slice(i + 9, end);
        i = end + 3;
      } else if (source.startsWith('<?', i)) {
        const end = source.indexOf('?>', i + 2);
        if (end < 0) fail('Chỉ thị xử lý không đóng');
        i = end + 2;
      } else if (source[i] === '<') {
        children.push(element());
      } else {
        const next = source.indexOf('<', i);
        const raw = source.slice(i, next < 0 ? source.length : next);
        if (raw.includes(']]>')) fail('"]]>" không được xuất hiện trong văn bản');
        text += decode(raw);
        i = next < 0 ? source.length : next;
      }
    }
  };

  skipMisc();
  if (i >= source.length) fail('Tài liệu XML trống');
  const root = element();
  skipMisc();
  if (i < source.length) fail('Có nội dung sau phần tử gốc');
  return root;
}

/** The local part of a name ("adx:group" → "group"). */
export const localName = (name: string) => name.slice(name.indexOf(':') + 1);
