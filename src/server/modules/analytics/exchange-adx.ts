// ADX (IHE QRPH Aggregate Data Exchange, urn:ihe:qrph:adx:2015): one <group> per org unit and
// period (ISO 8601 start/duration), one <dataValue> per data element and disaggregation, the
// disaggregations as attributes named by our dimension (sex, ethnic_group, target_group, age_band)
// with option codes from the code list (kind category_option).
import { badRequest } from '../../http/errors';
import { DISAGGREGATIONS, adxPeriod, parseAdxPeriod, type Disaggregation } from '../../../shared/analytics';
import type { CodeBook } from './exchange-codes.repo';
import { DATA_SET, MAX_IMPORT_VALUES, type ExchangeValue, type IncomingValue } from './exchange.service';
import { XmlError, escapeXml, localName, parseXml, type XmlElement } from './xml';

export const ADX_NAMESPACE = 'urn:ihe:qrph:adx:2015';

const formatValue = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6));

export function toAdx(values: ExchangeValue[], codes: CodeBook, exported: Date): string {
  const groups = new Map<string, ExchangeValue[]>();
  for (const v of values) {
    const key = `${v.orgUnit}\u0001${v.period}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<adx xmlns="${ADX_NAMESPACE}" exported="${exported.toISOString()}">`,
  ];
  for (const list of groups.values()) {
    const { orgUnit, period } = list[0]!;
    lines.push(
      `  <group orgUnit="${escapeXml(codes.theirs('orgunit', orgUnit))}" period="${adxPeriod(period)}" dataSet="${DATA_SET}">`,
    );
    for (const v of list) {
      const dims = DISAGGREGATIONS.filter((d) => v.dims[d] !== undefined)
        .map((d) => ` ${d}="${escapeXml(codes.theirs('category_option', `${d}=${v.dims[d]}`))}"`)
        .join('');
      lines.push(
        `    <dataValue dataElement="${escapeXml(codes.theirs('indicator', v.indicator))}"${dims} value="${formatValue(v.value)}"/>`,
      );
    }
    lines.push('  </group>');
  }
  lines.push('</adx>');
  return `${lines.join('\n')}\n`;
}

/** An option code from the sender → our value of that dimension. */
function optionOf(dim: Disaggregation, theirs: string, codes: CodeBook): string {
  const ours = codes.ours('category_option', theirs);
  return ours.startsWith(`${dim}=`) ? ours.slice(dim.length + 1) : ours;
}

// The schema lets a dataValue carry any attribute. dataElement and value are the value; an
// attribute in another namespace (xsi:…, a sender's own ext:…) and a comment describe it and are
// left aside; every other attribute is a disaggregation, and one we do not have is a conflict
// naming it — dropping it would add values the sender kept apart.
const RESERVED = new Set(['dataElement', 'value', 'annotation', 'comment']);
const isForeign = (name: string) => name.includes(':') || name === 'xmlns';

export function readAdx(text: string, codes: CodeBook): IncomingValue[] {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlError) throw badRequest('body', `Tài liệu ADX không phải XML hợp lệ: ${error.message}`);
    throw error;
  }
  if (localName(root.name) !== 'adx') throw badRequest('body', 'Phần tử gốc phải là <adx>');
  const out: IncomingValue[] = [];
  root.children.forEach((group, g) => {
    if (localName(group.name) !== 'group') return;
    const period = parseAdxPeriod(group.attributes.period ?? '');
    const groupField = `group.${g}`;
    if (!period)
      throw badRequest(
        `${groupField}.period`,
        `Kỳ ADX "${group.attributes.period ?? ''}" không hợp lệ (ví dụ 2022-01-01/P1M)`,
      );
    if (!group.attributes.orgUnit) throw badRequest(`${groupField}.orgUnit`, 'Thiếu orgUnit của nhóm');
    group.children.forEach((dv, i) => {
      if (localName(dv.name) !== 'dataValue') return;
      const field = `${groupField}.dataValue.${i}`;
      const dims: Partial<Record<Disaggregation, string>> | null = {};
      let bad: string | undefined;
      for (const [name, value] of Object.entries(dv.attributes)) {
        if (RESERVED.has(name) || isForeign(name)) continue;
        if (!(DISAGGREGATIONS as readonly string[]).includes(name)) {
          bad ??= name;
          continue;
        }
        dims[name as Disaggregation] = optionOf(name as Disaggregation, value, codes);
      }
      out.push({
        dataElement: dv.attributes.dataElement ?? '',
        period: period.code,
        orgUnit: group.attributes.orgUnit!,
        dims: bad ? null : dims,
        badDimension: bad,
        dimensionsAsAttributes: true,
        value: dv.attributes.value ?? null,
        field,
      });
    });
  });
  if (out.length > MAX_IMPORT_VALUES) throw badRequest('body', `Tối đa ${MAX_IMPORT_VALUES} giá trị mỗi lần nhập`);
  return out;
}
