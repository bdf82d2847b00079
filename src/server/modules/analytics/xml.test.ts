import { describe, expect, it } from 'vitest';
import { XmlError, escapeXml, parseXml } from './xml';

describe('xml reader', () => {
  it('reads elements, attributes, text and entities', () => {
    const doc = parseXml(
      '\uFEFF<?xml version="1.0"?>\n<!-- c --><a x="1" y=\'&lt;b&gt; &amp; &#x110;\'><b>t&#233;xt</b><c/><![CDATA[<raw>]]></a>\n',
    );
    expect(doc).toEqual({
      name: 'a',
      attributes: { x: '1', y: '<b> & Đ' },
      children: [
        { name: 'b', attributes: {}, children: [], text: 'téxt' },
        { name: 'c', attributes: {}, children: [], text: '' },
      ],
      text: '<raw>',
    });
  });

  it('refuses documents that are not well-formed, with a position', () => {
    const bad = [
      '',
      '<a>',
      '<a></b>',
      '<a><b></a></b>',
      '<a x=1/>',
      '<a x="1" x="2"/>',
      '<a>&nbsp;</a>',
      '<a>a & b</a>',
      '<a/><b/>',
      '<!DOCTYPE a [<!ENTITY e "x">]><a/>',
      '<a x="<"/>',
      '<a x="1"y="2"/>',
    ];
    for (const text of bad) expect(() => parseXml(text), text).toThrow(XmlError);
    expect(() => parseXml('<a>\n<b></a>')).toThrow(/dòng 2/);
  });

  it('escapes what it writes so it reads back the same', () => {
    const text = `Hà "Giang" & <Lào Cai> 'x'`;
    expect(parseXml(`<a v="${escapeXml(text)}">${escapeXml(text)}</a>`)).toMatchObject({
      attributes: { v: text },
      text,
    });
  });
});
