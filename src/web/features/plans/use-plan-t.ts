// t() for the plan pages: Vietnamese built into the chunk, English fetched when first needed,
// as the app's own dictionary does.
import { useCallback, useEffect, useState } from 'react';
import { interpolate, useI18n, type Params } from '../../i18n/I18nProvider';
import { planVi, type PlanMessageKey, type PlanMessages } from './messages.vi';

export type PlanTranslate = (key: PlanMessageKey, params?: Params) => string;

let english: PlanMessages | null = null;

export function usePlanT(): PlanTranslate {
  const { lang } = useI18n();
  const [messages, setMessages] = useState<PlanMessages>(lang === 'en' && english ? english : planVi);

  useEffect(() => {
    if (lang !== 'en') {
      setMessages(planVi);
      return;
    }
    if (english) {
      setMessages(english);
      return;
    }
    let cancelled = false;
    void import('./messages.en').then((module) => {
      english = module.planEn;
      if (!cancelled) setMessages(module.planEn);
    });
    return () => {
      cancelled = true;
    };
  }, [lang]);

  return useCallback<PlanTranslate>((key, params) => interpolate(messages[key], params), [messages]);
}
