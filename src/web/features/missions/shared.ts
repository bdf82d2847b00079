// What the monitoring pages share: response types and the query key of a mission's view.
import type * as ApiTypes from '../../api/types';

export type MissionView = ApiTypes.MissionView;
export type MissionSummary = ApiTypes.MissionSummary;
export type RecommendationView = ApiTypes.RecommendationView;
export type RecommendationList = ApiTypes.RecommendationList;

/** The query key of one mission's view (its page, its edit form, the saves that answer with it). */
export const missionKey = (id: number) => ['/api/missions/{id}', id] as const;
