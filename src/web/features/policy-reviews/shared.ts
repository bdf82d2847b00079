// Types and t() of the policy-review register pages.
import type * as ApiTypes from '../../api/types';
import { createFeatureT } from '../../i18n/feature-t';
import { reviewsVi } from './messages.vi';

export type ReviewView = ApiTypes.PolicyReviewView;
export type ReviewList = ApiTypes.PolicyReviewList;

/** The query key of one review's view (its page, its edit form, the saves that answer with it). */
export const reviewKey = (id: number) => ['/api/policy-reviews/{id}', id] as const;

export const KINDS = ['law', 'decree', 'circular', 'scheme', 'project', 'report'] as const;
export const REVIEW_TYPES = ['comment', 'appraisal', 'social_criticism'] as const;
export const STATES = ['open', 'late', 'pending', 'sent', 'sent_late'] as const;

export const useReviewsT = createFeatureT(reviewsVi, () => import('./messages.en').then((m) => m.reviewsEn));
