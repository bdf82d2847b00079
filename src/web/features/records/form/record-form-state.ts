// The record form's state, the API body made from it, and the state made from a saved record.
import type { BodyOf } from '../../../api/client';
import type { ActivityChoice } from '../../../components/pickers/ActivityPicker';
import type { AgencyRef } from '../../../components/pickers/AgencyPicker';
import { placeInput, type PlaceValue } from '../../../components/pickers/PlacePicker';
import type { RecordType, RecordView } from '../../../lib/record-codes';
import { newCostRow, type CostRow } from './CostsEditor';
import { emptyModel, modelInput, type ModelState } from './ModelFields';
import { emptyOutputs, outputsFromView, outputsInput, type OutputsState } from './OutputsFields';
import {
  emptyParticipants,
  participantsFromView,
  participantsInput,
  participantsProblem,
  type ParticipantsState,
} from './participants';

export type CreateRecordBody = BodyOf<'/api/records', 'post'>;

export interface RecordFormState {
  activity: ActivityChoice | null;
  type: RecordType | '';
  title: string;
  startDate: string;
  endDate: string;
  place: PlaceValue;
  village: string;
  organiser: AgencyRef | null;
  partners: AgencyRef[];
  description: string;
  outputs: OutputsState;
  participants: ParticipantsState;
  costs: CostRow[];
  /** The registry model a "model established" record registers. */
  model: ModelState;
  /** Models the record registered already (read only here). */
  registeredModels: RecordView['models'];
}

export function emptyRecordForm(defaults: { organiser: AgencyRef | null; provinceCode: string }): RecordFormState {
  return {
    activity: null,
    type: '',
    title: '',
    startDate: '',
    endDate: '',
    place: { generation: 2025, provinceCode: defaults.provinceCode, commune: null },
    village: '',
    organiser: defaults.organiser,
    partners: [],
    description: '',
    outputs: emptyOutputs(),
    participants: emptyParticipants(),
    costs: [],
    model: emptyModel(),
    registeredModels: [],
  };
}

/** Fields the form checks before sending; the server checks them again and names the same fields. */
export type ClientErrors = Partial<Record<'planActivityId' | 'type' | 'title' | 'startDate' | 'participants', true>>;

export function clientErrors(state: RecordFormState): ClientErrors {
  const errors: ClientErrors = {};
  if (!state.activity) errors.planActivityId = true;
  if (!state.type) errors.type = true;
  if (!state.title.trim()) errors.title = true;
  if (!state.startDate) errors.startDate = true;
  if (participantsProblem(state.participants)) errors.participants = true;
  return errors;
}

/** Cost rows with nothing in them are dropped before sending, so the server's row numbers match the screen. */
export const withoutEmptyCosts = (costs: CostRow[]) => costs.filter((c) => c.fundingSource || c.amount);

export function recordBody(state: RecordFormState): CreateRecordBody {
  const type = state.type as RecordType;
  return {
    planActivityId: state.activity!.id,
    type,
    title: state.title.trim(),
    startDate: state.startDate,
    endDate: state.endDate || undefined,
    place: placeInput(state.place),
    village: state.village.trim() || null,
    organiserAgencyId: state.organiser?.id ?? null,
    partnerAgencyIds: state.partners.map((p) => p.id),
    description: state.description,
    outputs: outputsInput(type, state.outputs),
    participants: participantsInput(state.participants),
    costs: withoutEmptyCosts(state.costs).map((c) => ({ fundingSource: c.fundingSource, amount: c.amount })),
    model: type === 'model_established' ? modelInput(state.model) : undefined,
  };
}

export function formFromRecord(
  record: RecordView,
  extra: { ethnicName(id: number): string; placeProvinceCode: string },
): RecordFormState {
  const place = record.place;
  return {
    activity: {
      id: record.activity.id,
      number: record.activity.number,
      title: record.activity.title,
      planId: record.activity.planId,
      planKind: record.activity.planKind,
      planProvinceCode: record.activity.planProvinceCode,
      sectionKey: '',
    },
    type: record.type,
    title: record.title,
    startDate: record.startDate,
    endDate: record.endDate === record.startDate ? '' : record.endDate,
    place: {
      generation: place?.generation === 2024 ? 2024 : 2025,
      provinceCode: place ? extra.placeProvinceCode : '',
      commune: place && place.level !== 'province' ? { code: place.code, name: place.fullName } : null,
    },
    village: record.village ?? '',
    organiser: record.organiser,
    partners: record.partners,
    description: record.description,
    outputs: record.outputs ? outputsFromView(record.outputs) : emptyOutputs(),
    participants: participantsFromView(record.participants, extra.ethnicName),
    costs: record.costs.map((c) => ({ ...newCostRow(c.fundingSource), amount: c.amount })),
    model: emptyModel(),
    registeredModels: record.models,
  };
}
