// What the monitoring pages share: response types and the query key of a mission's view.
import type { ResponseOf } from '../../api/client';

export type MissionView = ResponseOf<'/api/missions/{id}', 'get'>;
export type MissionSummary = ResponseOf<'/api/missions', 'get'>['items'][number];
export type RecommendationView = ResponseOf<'/api/recommendations/{id}', 'get'>;
export type RecommendationList = ResponseOf<'/api/recommendations', 'get'>;

/** The query key of one mission's view (its page, its edit form, the saves that answer with it). */
export const missionKey = (id: number) => ['/api/missions/{id}', id] as const;
