// Reference data as long-lived shared queries: the one place the web asks for agencies, ethnic
// groups, funding sources, provinces by generation, model types, indicators and checklist
// templates. Each is asked once per session and kept (REFERENCE_QUERY); a page that changes one
// (an indicator, a checklist template) invalidates its key and every page showing it refreshes.
//
//   const provinces = useProvinces(2025);            // UseQueryResult<AdminUnit[]>
//   await queryClient.ensureQueryData(ethnicGroupsQuery);
//   await queryClient.invalidateQueries({ queryKey: referenceKeys.indicators });
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../api/client';
import type * as ApiTypes from '../api/types';
import { foldVietnamese } from '../../shared/text';
import { REFERENCE_QUERY } from './query-client';

export type EthnicGroup = ApiTypes.EthnicGroupView;
export type FundingSource = ApiTypes.FundingSourceView;
export type Agency = ResponseOf<'/api/agencies', 'get'>['items'][number];
export type AdminUnit = ApiTypes.AdminUnitView;
export type ModelType = ApiTypes.ModelTypeView;
export type IndicatorView = ApiTypes.IndicatorView;
export type ChecklistTemplate = ApiTypes.ChecklistTemplateView;

import type { Generation } from '../../shared/admin-generation';
export { generationAt, type Generation } from '../../shared/admin-generation';

/** Query keys of the reference data; invalidate `referenceKeys.all` to ask for all of it again. */
export const referenceKeys = {
  all: ['reference'] as const,
  agencies: ['reference', 'agencies'] as const,
  ethnicGroups: ['reference', 'ethnic-groups'] as const,
  fundingSources: ['reference', 'funding-sources'] as const,
  provinces: (generation: Generation) => ['reference', 'provinces', generation] as const,
  modelTypes: ['reference', 'model-types'] as const,
  indicators: ['reference', 'indicators'] as const,
  checklistTemplates: ['reference', 'checklist-templates'] as const,
};

/** Every agency in force today (70 or so: central and provincial), named as of today. */
export const agenciesQuery = queryOptions({
  queryKey: referenceKeys.agencies,
  queryFn: ({ signal }) =>
    unwrap(api.GET('/api/agencies', { params: { query: { limit: 500 } }, signal })).then((r) => r.items),
  ...REFERENCE_QUERY,
});

export const ethnicGroupsQuery = queryOptions({
  queryKey: referenceKeys.ethnicGroups,
  queryFn: ({ signal }) =>
    unwrap(api.GET('/api/ethnic-groups', { params: { query: { limit: 100 } }, signal })).then((r) => r.items),
  ...REFERENCE_QUERY,
});

export const fundingSourcesQuery = queryOptions({
  queryKey: referenceKeys.fundingSources,
  queryFn: ({ signal }) => unwrap(api.GET('/api/funding-sources', { signal })),
  ...REFERENCE_QUERY,
});

/** The provinces of one generation; many filters need them and they change only by law. */
export function provincesQuery(generation: Generation) {
  return queryOptions({
    queryKey: referenceKeys.provinces(generation),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/admin-units', { params: { query: { generation, level: 'province', limit: 100 } }, signal }),
      ).then((r) => r.items),
    ...REFERENCE_QUERY,
  });
}

/** The community-model types; their names come from the registry. */
export const modelTypesQuery = queryOptions({
  queryKey: referenceKeys.modelTypes,
  queryFn: ({ signal }) => unwrap(api.GET('/api/model-types', { signal })),
  ...REFERENCE_QUERY,
});

/** Every indicator, in framework order; invalidated after an indicator is saved. */
export const indicatorsQuery = queryOptions({
  queryKey: referenceKeys.indicators,
  queryFn: ({ signal }) => unwrap(api.GET('/api/indicators', { params: { query: {} }, signal })),
  ...REFERENCE_QUERY,
});

/** The checklist templates; invalidated after an administrator changes one. */
export const checklistTemplatesQuery = queryOptions({
  queryKey: referenceKeys.checklistTemplates,
  queryFn: ({ signal }) => unwrap(api.GET('/api/checklist-templates', { signal })),
  ...REFERENCE_QUERY,
});

export const useAgencies = () => useQuery(agenciesQuery);
export const useEthnicGroups = () => useQuery(ethnicGroupsQuery);
export const useFundingSources = () => useQuery(fundingSourcesQuery);
export const useProvinces = (generation: Generation) => useQuery(provincesQuery(generation));
export const useModelTypes = () => useQuery(modelTypesQuery);
export const useIndicators = () => useQuery(indicatorsQuery);
export const useChecklistTemplates = () => useQuery(checklistTemplatesQuery);

/** Ethnic groups whose name or other name matches what was typed, without diacritics. */
export function matchEthnicGroups(groups: readonly EthnicGroup[], text: string): EthnicGroup[] {
  const query = foldVietnamese(text);
  if (!query) return [...groups];
  const starts: EthnicGroup[] = [];
  const contains: EthnicGroup[] = [];
  for (const group of groups) {
    const name = foldVietnamese(group.name);
    if (name.startsWith(query)) starts.push(group);
    else if (name.includes(query) || group.otherNames.some((other) => foldVietnamese(other).includes(query)))
      contains.push(group);
  }
  return [...starts, ...contains];
}
