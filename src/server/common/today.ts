// Today as users in Vietnam count it (YYYY-MM-DD), from the service context's clock (tests inject it).
import type { ServiceContext } from '../access/actor';
import { vietnamDate } from '../../shared/dates';

export const today = (ctx: Pick<ServiceContext, 'clock'>): string => vietnamDate(ctx.clock.now());
