// The agencies the editor offers: every agency in force today, plus any agency the plan already
// names that is no longer in force (a 2022 plan's provincial branches of the old provinces).
import { useMemo } from 'react';
import { useAgencies } from '../../../lib/reference';
import type { PlanView } from '../plan-types';

export interface AgencyOption {
  id: number;
  name: string;
  level: 'central' | 'provincial' | null;
  provinceCode: string | null;
}

function planAgencies(plan: PlanView | undefined): { id: number; name: string }[] {
  if (!plan) return [];
  return [
    ...plan.issuers,
    ...plan.sections.flatMap((s) =>
      s.activities.flatMap((a) => [...(a.leadAgency ? [a.leadAgency] : []), ...a.partnerAgencies]),
    ),
    ...plan.responsibilities.flatMap((r) => (r.agency ? [r.agency] : [])),
    ...plan.signatures.flatMap((s) => (s.agency ? [s.agency] : [])),
  ];
}

export function useAgencyOptions(plan?: PlanView) {
  const list = useAgencies();
  const options = useMemo(() => {
    const result: AgencyOption[] = (list.data ?? []).map((a) => ({
      id: a.id,
      name: a.name,
      level: a.level,
      provinceCode: a.provinceCode,
    }));
    const known = new Set(result.map((a) => a.id));
    for (const a of planAgencies(plan)) {
      if (known.has(a.id)) continue;
      known.add(a.id);
      result.push({ id: a.id, name: a.name, level: null, provinceCode: null });
    }
    return result;
  }, [list.data, plan]);
  return { options, error: list.error ?? undefined, loading: list.isPending, reload: () => void list.refetch() };
}

export function agencyName(options: AgencyOption[], id: number): string {
  return options.find((a) => a.id === id)?.name ?? `#${id}`;
}
