import { useI18n, type Lang } from '../i18n/I18nProvider';

const LANGS: { lang: Lang; short: string; name: string }[] = [
  { lang: 'vi', short: 'VI', name: 'Tiếng Việt' },
  { lang: 'en', short: 'EN', name: 'English' },
];

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('frame.language')}>
      {LANGS.map((option) => (
        <button
          key={option.lang}
          type="button"
          lang={option.lang}
          aria-pressed={lang === option.lang}
          title={option.name}
          onClick={() => setLang(option.lang)}
        >
          {option.short}
        </button>
      ))}
    </div>
  );
}
