// Case-level data of trusted addresses and the per-user grant that opens it. The route guard
// checks the grant (no role carries case:read/case:write); the service checks it again, since
// other modules may call it.
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { Permission } from '../../../shared/permissions';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { unauthorized } from '../../http/errors';
import { withIdempotency } from '../../http/idempotency';
import { ErrorResponse, IdempotencyHeaders, IdParams } from '../../http/schemas';
import { grantedPermissions } from './grants.repo';
import { listUserGrants, setUserGrant } from './grants.service';
import { caseAccessRefused, createCase, deleteCase, listCases, updateCase } from './model-cases.service';
import { CaseInput, CaseView, GrantsView } from './registry.schemas';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['registry'];
const CaseParams = Type.Object({ id: Type.Integer({ minimum: 1 }), caseId: Type.Integer({ minimum: 1 }) });

function requireGrant(permission: Permission) {
  return async (request: FastifyRequest) => {
    if (!request.actor) throw unauthorized();
    const granted = await grantedPermissions(request.server.deps.database.db, request.actor.userId);
    if (!granted.includes(permission)) throw caseAccessRefused();
  };
}

const grantNote = (permission: Permission) =>
  `Cần thêm quyền \`${permission}\`, chỉ có khi quản trị viên cấp riêng cho người dùng (case_data); mọi lần đọc được ghi nhật ký.`;

export async function modelCaseRoutes(app: App): Promise<void> {
  app.get(
    '/models/:id/cases',
    {
      config: { permission: 'record:read' },
      preHandler: requireGrant('case:read'),
      schema: {
        tags,
        summary: 'Các vụ việc (dữ liệu cá nhân) của một Địa chỉ tin cậy',
        description: grantNote('case:read'),
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(CaseView) }), ...errors },
      },
    },
    async (request) => listCases(serviceContext(request), request.params.id),
  );

  app.post(
    '/models/:id/cases',
    {
      config: { permission: 'record:write' },
      preHandler: requireGrant('case:write'),
      schema: {
        tags,
        summary: 'Ghi một vụ việc',
        description: grantNote('case:write'),
        params: IdParams,
        headers: IdempotencyHeaders,
        body: CaseInput,
        response: { 201: CaseView, ...errors, 422: ErrorResponse },
      },
    },
    async (request, reply) =>
      withIdempotency(request, reply, async (db) => ({
        statusCode: 201,
        body: await createCase({ ...serviceContext(request), db }, request.params.id, request.body),
      })),
  );

  app.put(
    '/models/:id/cases/:caseId',
    {
      config: { permission: 'record:write' },
      preHandler: requireGrant('case:write'),
      schema: {
        tags,
        summary: 'Sửa một vụ việc',
        description: grantNote('case:write'),
        params: CaseParams,
        body: CaseInput,
        response: { 200: CaseView, ...errors },
      },
    },
    async (request) => updateCase(serviceContext(request), request.params.id, request.params.caseId, request.body),
  );

  app.delete(
    '/models/:id/cases/:caseId',
    {
      config: { permission: 'record:write' },
      preHandler: requireGrant('case:write'),
      schema: {
        tags,
        summary: 'Xóa một vụ việc',
        description: grantNote('case:write'),
        params: CaseParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteCase(serviceContext(request), request.params.id, request.params.caseId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/users/:id/grants',
    {
      config: { permission: 'user:read' },
      schema: {
        tags: ['users'],
        summary: 'Quyền cấp riêng của người dùng',
        params: IdParams,
        response: { 200: GrantsView, ...errors },
      },
    },
    async (request) => listUserGrants(serviceContext(request), request.params.id),
  );

  app.post(
    '/users/:id/grants/case_data',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: 'Cấp quyền xem/ghi dữ liệu vụ việc (case_data)',
        description: 'Không tự cấp cho chính mình. Được ghi nhật ký.',
        params: IdParams,
        response: { 200: GrantsView, ...errors },
      },
    },
    async (request) => setUserGrant(serviceContext(request), request.params.id, 'case_data', true),
  );

  app.delete(
    '/users/:id/grants/case_data',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: 'Thu hồi quyền dữ liệu vụ việc (case_data)',
        params: IdParams,
        response: { 200: GrantsView, ...errors },
      },
    },
    async (request) => setUserGrant(serviceContext(request), request.params.id, 'case_data', false),
  );
}
