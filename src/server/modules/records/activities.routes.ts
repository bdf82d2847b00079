import type { App } from '../../http/context';
import { serviceContext } from '../../http/context';
import { IdParams } from '../../http/schemas';
import * as activities from './activities.service';
import { ActivityList, ActivityStatusView, CompleteActivityBody, errors, ListActivitiesQuery } from './records.schemas';

const tags = ['activities'];
const response = { 200: ActivityStatusView, ...errors };

export async function activityRoutes(app: App): Promise<void> {
  app.get(
    '/activities',
    {
      config: { permission: 'record:read' },
      schema: {
        tags,
        summary: 'Hoạt động của các kế hoạch và tình trạng thực hiện',
        description:
          'Tình trạng: done (cơ quan chủ trì đã xác nhận hoàn thành), late (quá thời hạn, chưa hoàn thành), in_progress (đã có bản ghi), not_started. Số bản ghi, người tham gia tính trên các bản ghi trong phạm vi của bạn.',
        querystring: ListActivitiesQuery,
        response: { 200: ActivityList, ...errors },
      },
    },
    async (request) => activities.listActivities(serviceContext(request), request.query),
  );

  app.get(
    '/activities/:id',
    {
      config: { permission: 'record:read' },
      schema: { tags, summary: 'Một hoạt động và tình trạng thực hiện', params: IdParams, response },
    },
    async (request) => activities.getActivity(serviceContext(request), request.params.id),
  );

  app.post(
    '/activities/:id/complete',
    {
      config: { permission: 'record:write' },
      schema: {
        tags,
        summary: 'Cơ quan chủ trì xác nhận hoạt động đã hoàn thành',
        params: IdParams,
        body: CompleteActivityBody,
        response,
      },
    },
    async (request) => activities.completeActivity(serviceContext(request), request.params.id, request.body ?? {}),
  );

  app.post(
    '/activities/:id/reopen',
    {
      config: { permission: 'record:write' },
      schema: { tags, summary: 'Cơ quan chủ trì mở lại hoạt động đã hoàn thành', params: IdParams, response },
    },
    async (request) => activities.reopenActivity(serviceContext(request), request.params.id),
  );
}
