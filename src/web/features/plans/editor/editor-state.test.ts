import { describe, expect, it } from 'vitest';
import {
  editorPath,
  emptyDraft,
  fieldMatches,
  move,
  newActivity,
  newKey,
  newSection,
  parseTarget,
  toCreateBody,
  toUpdateBody,
  validateDraft,
  type PlanDraft,
} from './editor-state';

function draft(patch: Partial<PlanDraft> = {}): PlanDraft {
  return {
    ...emptyDraft({ kind: 'central', year: 2026, provinceCode: '', agencyId: 1, place: 'Hà Nội' }),
    title: 'Kế hoạch phối hợp năm 2026',
    ...patch,
  };
}

describe('plan editor state', () => {
  it('makes keys the server accepts', () => {
    expect(newKey()).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(newKey()).not.toBe(newKey());
  });

  it('sends trimmed text, drops empty list lines and blank output rows, and reads targets as numbers', () => {
    const section = newSection();
    const activity = newActivity({ start: '2026-Q2', end: '2026-Q3', text: 'Từ quý II đến quý III/2026' });
    activity.title = '  Tổ chức tọa đàm  ';
    activity.outputs = [
      { text: 'Chương trình trên VTV', target: '1,5', unit: 'chương trình' },
      { text: '', target: '', unit: '' },
    ];
    section.title = 'Truyền thông';
    section.activities = [activity];
    const body = toCreateBody(draft({ purposes: ['Nâng cao nhận thức', '  '], sections: [section] }));

    expect(body.provinceCode).toBeNull();
    expect(body.content.purposes).toEqual(['Nâng cao nhận thức']);
    const sent = body.content.sections[0]!.activities[0]!;
    expect(sent.title).toBe('Tổ chức tọa đàm');
    expect(sent.timeframe).toEqual({ start: '2026-Q2', end: '2026-Q3' });
    expect(sent.outputs).toEqual([{ text: 'Chương trình trên VTV', target: 1.5, unit: 'chương trình' }]);
    expect(sent.level).toBeNull();
    expect('isNew' in sent).toBe(false);
  });

  it('sends the version being edited and the note only when there is one', () => {
    expect(toUpdateBody(draft(), 4, '  ')).not.toHaveProperty('note');
    expect(toUpdateBody(draft(), 4, 'Bổ sung hoạt động')).toMatchObject({ version: 4, note: 'Bổ sung hoạt động' });
  });

  it('names every field to fix with the path the server uses', () => {
    const section = newSection();
    const activity = newActivity(null);
    activity.timeframe = { start: '2026-Q4', end: '2026-Q1' };
    activity.outputs = [{ text: '', target: 'nhiều', unit: '' }];
    section.activities = [activity];
    const problems = validateDraft(
      draft({
        title: ' ',
        issuerIds: [],
        sections: [section],
        responsibilities: [{ actor: '', agencyId: null, tasks: [] }],
      }),
      false,
    );
    expect(problems).toEqual({
      title: 'validation.title',
      issuerIds: 'validation.issuers',
      'sections.0.title': 'validation.sectionTitle',
      'sections.0.activities.0.title': 'validation.activityTitle',
      'sections.0.activities.0.timeframe': 'validation.timeframeOrder',
      'sections.0.activities.0.outputs.0.text': 'validation.outputText',
      'sections.0.activities.0.outputs.0.target': 'validation.target',
      'responsibilities.0.actor': 'validation.actor',
    });
  });

  it('asks for a province only when creating a provincial plan', () => {
    expect(validateDraft(draft({ kind: 'provincial' }), true)).toEqual({ provinceCode: 'validation.province' });
    expect(validateDraft(draft({ kind: 'provincial' }), false)).toEqual({});
  });

  it('puts a server error on the control it names, with or without "content."', () => {
    expect(editorPath('content.sections.0.activities.1.timeframe')).toBe('sections.0.activities.1.timeframe');
    expect(editorPath('sections.0.activities.0.timeframe')).toBe('sections.0.activities.0.timeframe');
    expect(fieldMatches('sections.0.activities.1.timeframe.start', 'sections.0.activities.1.timeframe')).toBe(true);
    expect(fieldMatches('sections.0.activities.10.title', 'sections.0.activities.1')).toBe(false);
  });

  it('moves items within their list only', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(parseTarget('12')).toBe(12);
    expect(parseTarget('-1')).toBeNull();
  });
});
