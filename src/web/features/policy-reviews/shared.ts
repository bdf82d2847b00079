// Types and t() of the policy-review register pages.
import type { ResponseOf } from '../../api/client';
import { createFeatureT } from '../../i18n/feature-t';
import { reviewsVi } from './messages.vi';

export type ReviewView = ResponseOf<'/api/policy-reviews/{id}', 'get'>;
export type ReviewList = ResponseOf<'/api/policy-reviews', 'get'>;

/** The query key of one review's view (its page, its edit form, the saves that answer with it). */
export const reviewKey = (id: number) => ['/api/policy-reviews/{id}', id] as const;

export const KINDS = ['law', 'decree', 'circular', 'scheme', 'project', 'report'] as const;
export const REVIEW_TYPES = ['comment', 'appraisal', 'social_criticism'] as const;
export const STATES = ['open', 'late', 'pending', 'sent', 'sent_late'] as const;

export const useReviewsT = createFeatureT(reviewsVi, () => import('./messages.en').then((m) => m.reviewsEn));
