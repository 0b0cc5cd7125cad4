import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, setLanguage } from '../i18n';

/** Қаз / Рус / Eng: a radio group; each option is marked with its own language for screen readers. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const options = [
    { value: 'kk', short: t('lang.kk'), full: t('lang.kkFull') },
    { value: 'ru', short: t('lang.ru'), full: t('lang.ruFull') },
    { value: 'en', short: t('lang.en'), full: t('lang.enFull') },
  ];
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('lang.label')}
      value={currentLanguage()}
      onChange={(value) => {
        if (isLanguage(value)) void setLanguage(value);
      }}
      data={options.map((option) => ({
        value: option.value,
        label: (
          <span lang={option.value} title={option.full}>
            {option.short}
          </span>
        ),
      }))}
    />
  );
}
