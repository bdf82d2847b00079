import { Type } from 'typebox';
import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { ErrorResponse, IdParams } from '../../http/schemas';
import {
  UserList,
  ChangePasswordBody,
  CreateUserBody,
  ListUsersQuery,
  SetPasswordBody,
  UpdateUserBody,
  UserView,
} from './users.schemas';
import * as service from './users.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const VersionBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export async function userRoutes(app: App): Promise<void> {
  app.get(
    '/users',
    {
      config: { permission: 'user:read' },
      schema: {
        tags: ['users'],
        summary: 'Danh sách người dùng trong phạm vi',
        querystring: ListUsersQuery,
        response: { 200: UserList, ...errors },
      },
    },
    async (request) => service.listUsers(serviceContext(request), request.query),
  );

  app.get(
    '/users/:id',
    {
      config: { permission: 'user:read' },
      schema: { tags: ['users'], summary: 'Một người dùng', params: IdParams, response: { 200: UserView, ...errors } },
    },
    async (request) => service.getUser(serviceContext(request), request.params.id),
  );

  app.post(
    '/users',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: 'Tạo người dùng',
        body: CreateUserBody,
        response: { 201: UserView, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createUser(serviceContext(request), request.body)),
  );

  app.patch(
    '/users/:id',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: 'Sửa vai trò, cơ quan, phạm vi của người dùng',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserView, ...errors },
      },
    },
    async (request) => service.updateUser(serviceContext(request), request.params.id, request.body),
  );

  app.post(
    '/users/:id/disable',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: 'Khóa tài khoản (kết thúc mọi phiên)',
        params: IdParams,
        body: VersionBody,
        response: { 200: UserView, ...errors },
      },
    },
    async (request) => service.setDisabled(serviceContext(request), request.params.id, request.body.version, true),
  );

  app.post(
    '/users/:id/enable',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: 'Mở khóa tài khoản',
        params: IdParams,
        body: VersionBody,
        response: { 200: UserView, ...errors },
      },
    },
    async (request) => service.setDisabled(serviceContext(request), request.params.id, request.body.version, false),
  );

  app.post(
    '/users/:id/password',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: 'Đặt lại mật khẩu (kết thúc mọi phiên)',
        params: IdParams,
        body: SetPasswordBody,
        response: { 200: UserView, ...errors },
      },
    },
    async (request) =>
      service.setPassword(serviceContext(request), request.params.id, request.body.version, request.body.password),
  );

  app.post(
    '/me/password',
    {
      schema: {
        tags: ['users'],
        summary: 'Đổi mật khẩu của chính mình (kết thúc các phiên khác)',
        description: 'Cần mật khẩu hiện tại; lần nhập sai được tính như đăng nhập sai.',
        body: ChangePasswordBody,
        response: { 204: Type.Null(), 400: ErrorResponse, 401: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      await service.changeOwnPassword(serviceContext(request), request.actor!.sessionTokenHash, request.body);
      return reply.status(204).send(null);
    },
  );
}
