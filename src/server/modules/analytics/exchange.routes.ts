// Data exchange: DHIS2 dataValueSets (JSON) and ADX (XML), out and in, and the code list.
import { Type } from 'typebox';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { badRequest } from '../../http/errors';
import { AGGREGATE_PERIOD_TYPES } from '../../../shared/analytics';
import { errors } from './indicators.schemas';
import { readAdx, toAdx } from './exchange-adx';
import { CODE_KINDS, listCodes, loadCodeBook, type CodeKind } from './exchange-codes.repo';
import { exportDataValueSet, exportValues, importValues, readDataValueSet, setExchangeCodes } from './exchange.service';

const tags = ['exchange'];
const MAX_BODY = 20 * 1024 * 1024;

const ExportQuery = Type.Object({
  indicator: Type.Optional(Type.String({ maxLength: 2000, description: 'Mã chỉ số (dấu phẩy); mặc định: tất cả' })),
  period: Type.Optional(Type.String({ maxLength: 2000, description: 'Kỳ DHIS2 (2022, 2022Q1, 202201…), dấu phẩy' })),
  year: Type.Optional(Type.String({ maxLength: 200 })),
  periodType: Type.Optional(
    Type.Enum(AGGREGATE_PERIOD_TYPES, {
      description: 'Kỳ của số liệu xuất; mặc định: kỳ nhập của chỉ số tổng hợp, theo tháng cho chỉ số tính toán',
    }),
  ),
  orgUnitLevel: Type.Optional(Type.Enum(['national', 'province', 'commune'] as const)),
  disaggregate: Type.Optional(Type.Boolean({ description: 'Phân tổ theo các chiều chỉ số cho phép (mặc định true)' })),
});

const DataValue = Type.Object({
  dataElement: Type.String(),
  period: Type.String(),
  orgUnit: Type.String(),
  categoryOptionCombo: Type.String(),
  attributeOptionCombo: Type.String(),
  value: Type.String(),
});
const DataValueSet = Type.Object({
  dataSet: Type.String(),
  period: Type.Optional(Type.String({ description: 'Khi mọi giá trị cùng một kỳ' })),
  orgUnit: Type.Optional(Type.String({ description: 'Khi mọi giá trị cùng một đơn vị' })),
  dataValues: Type.Array(DataValue),
});
const IncomingSet = Type.Object({
  dataSet: Type.Optional(Type.String({ maxLength: 200 })),
  attributeOptionCombo: Type.Optional(Type.String({ maxLength: 400 })),
  period: Type.Optional(Type.String({ maxLength: 20 })),
  orgUnit: Type.Optional(Type.String({ maxLength: 100 })),
  dataValues: Type.Array(
    Type.Object({
      dataElement: Type.String({ minLength: 1, maxLength: 200 }),
      period: Type.Optional(Type.String({ maxLength: 20 })),
      orgUnit: Type.Optional(Type.String({ maxLength: 100 })),
      categoryOptionCombo: Type.Optional(Type.String({ maxLength: 400 })),
      attributeOptionCombo: Type.Optional(Type.String({ maxLength: 400 })),
      value: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Number(), Type.Null()])),
      deleted: Type.Optional(Type.Boolean()),
    }),
    { maxItems: 100_000 },
  ),
});
const ImportQuery = Type.Object({
  dryRun: Type.Optional(Type.Boolean({ description: 'Chỉ kiểm tra, không lưu' })),
});
const ImportSummary = Type.Object({
  status: Type.Enum(['SUCCESS', 'WARNING', 'ERROR'] as const),
  importCount: Type.Object({
    imported: Type.Integer(),
    updated: Type.Integer(),
    ignored: Type.Integer(),
    deleted: Type.Integer(),
  }),
  conflicts: Type.Array(Type.Object({ object: Type.String(), field: Type.String(), value: Type.String() })),
});
const Kind = Type.Enum(CODE_KINDS as [CodeKind, ...CodeKind[]]);
const CodeView = Type.Object({ kind: Kind, ourValue: Type.String(), theirCode: Type.String() });
const SetCodesBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          kind: Kind,
          ourValue: Type.String({ minLength: 1, maxLength: 400 }),
          theirCode: Type.Union([Type.String({ minLength: 1, maxLength: 400 }), Type.Null()]),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 5000 },
    ),
  },
  { additionalProperties: false },
);

export async function exchangeRoutes(app: App): Promise<void> {
  app.addContentTypeParser(
    ['application/xml', 'text/xml', 'application/adx+xml'],
    { parseAs: 'string', bodyLimit: MAX_BODY },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/exchange/dataValueSets.json',
    {
      config: { permission: 'report:read' },
      schema: {
        tags,
        summary: 'Xuất số liệu theo định dạng DHIS2 dataValueSets (mã qua bảng mã trao đổi)',
        querystring: ExportQuery,
        response: { 200: DataValueSet, ...errors },
      },
    },
    async (request) => exportDataValueSet(serviceContext(request), request.query),
  );

  app.get(
    '/exchange/adx.xml',
    {
      config: { permission: 'report:read' },
      schema: { tags, summary: 'Xuất số liệu theo định dạng ADX (XML)', querystring: ExportQuery },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const xml = toAdx(await exportValues(ctx, request.query), await loadCodeBook(ctx.db), ctx.clock.now());
      return reply.type('application/adx+xml; charset=utf-8').send(xml);
    },
  );

  app.post(
    '/exchange/dataValueSets.json',
    {
      bodyLimit: MAX_BODY,
      config: { permission: 'record:write' },
      schema: {
        tags,
        summary: 'Nhập số liệu DHIS2 dataValueSets vào các chỉ số tổng hợp (nhập lại cùng tệp không đổi gì)',
        querystring: ImportQuery,
        body: IncomingSet,
        response: { 200: ImportSummary, ...errors },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const incoming = readDataValueSet(request.body, await loadCodeBook(ctx.db));
      return importValues(ctx, incoming, { dryRun: request.query.dryRun });
    },
  );

  app.post(
    '/exchange/adx.xml',
    {
      bodyLimit: MAX_BODY,
      config: { permission: 'record:write' },
      schema: {
        tags,
        summary: 'Nhập số liệu ADX (XML, Content-Type application/adx+xml) vào các chỉ số tổng hợp',
        querystring: ImportQuery,
        response: { 200: ImportSummary, ...errors },
      },
    },
    async (request) => {
      if (typeof request.body !== 'string')
        throw badRequest('body', 'Gửi tài liệu ADX với Content-Type application/adx+xml (hoặc application/xml)');
      const ctx = serviceContext(request);
      return importValues(ctx, readAdx(request.body, await loadCodeBook(ctx.db)), { dryRun: request.query.dryRun });
    },
  );

  app.get(
    '/exchange/codes',
    {
      config: { permission: 'report:read' },
      schema: {
        tags,
        summary: 'Bảng mã trao đổi (mã của ta → mã của hệ thống khác); không có dòng: dùng mã của ta',
        querystring: Type.Object({ kind: Type.Optional(Kind) }),
        response: { 200: Type.Array(CodeView), ...errors },
      },
    },
    async (request) => {
      const rows = await listCodes(serviceContext(request).db, request.query.kind);
      return rows.map((r) => ({ kind: r.kind, ourValue: r.our_value, theirCode: r.their_code }));
    },
  );

  app.put(
    '/exchange/codes',
    {
      config: { permission: 'plan:edit' },
      schema: {
        tags,
        summary: 'Sửa bảng mã trao đổi (theirCode null: bỏ ánh xạ, dùng lại mã của ta); cấp trung ương',
        body: SetCodesBody,
        response: { 200: Type.Array(CodeView), ...errors },
      },
    },
    async (request) => setExchangeCodes(serviceContext(request), request.body.items),
  );
}
