// t() for a feature's own dictionary: Vietnamese built into the feature's chunk, English fetched
// the first time someone reads the feature in English (as the app's own dictionary does).
import { useCallback, useEffect, useState } from 'react';
import { interpolate, useI18n, type Params } from './I18nProvider';

export type FeatureTranslate<K extends string> = (key: K, params?: Params) => string;

export function createFeatureT<M extends Record<string, string>>(vi: M, loadEnglish: () => Promise<M>) {
  let english: M | null = null;
  return function useFeatureT(): FeatureTranslate<keyof M & string> {
    const { lang } = useI18n();
    const [messages, setMessages] = useState<M>(lang === 'en' && english ? english : vi);

    useEffect(() => {
      if (lang !== 'en') return setMessages(vi);
      if (english) return setMessages(english);
      let cancelled = false;
      void loadEnglish().then((loaded) => {
        english = loaded;
        if (!cancelled) setMessages(loaded);
      });
      return () => {
        cancelled = true;
      };
    }, [lang]);

    return useCallback((key, params) => interpolate(messages[key] ?? key, params), [messages]);
  };
}
